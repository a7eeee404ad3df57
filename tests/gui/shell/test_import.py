"""Importing from the window: a dropped folder with a bar per file and a summary; cancel; a protected PDF's
password prompt; the vendor confirmation."""

from __future__ import annotations

import shutil

from reviewer.gui.importing.prompts import PasswordPrompt, VendorConfirmDialog
from tests.gui.shell.import_helpers import drop_paths, finish_import


def _folder(tmp_path, corpus, n=3):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    docs = [d for d in corpus.readable() if not d.password][:n]
    for d in docs:
        shutil.copy(d.path, folder / d.path.name)
    shutil.copy(docs[0].path, folder / "sub" / "same-report-again.pdf")  # a duplicate, by content
    (folder / "sub" / "notes.pdf").write_bytes(b"these are not PDF bytes")
    (folder / "readme.txt").write_text("not a PDF, not imported")
    return folder, docs


def test_dropping_a_folder_imports_its_pdfs_with_a_summary(qtbot, tmp_path, corpus, empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    window.show()
    folder, docs = _folder(tmp_path, corpus)
    assert drop_paths(window, [folder])
    dialog = window.importer.dialog
    assert dialog.isVisible() and len(dialog.rows) == len(docs) + 2  # the .txt is not a PDF
    finish_import(qtbot, window.importer)

    statuses = {path.name: status for path, (status, _msg) in dialog.outcomes.items()}
    assert [statuses[d.path.name] for d in docs] == ["imported"] * len(docs)
    assert statuses["same-report-again.pdf"] == "duplicate"
    assert statuses["notes.pdf"] == "failed"
    summary = dialog.summary_text()
    assert summary.startswith(f"{len(docs)} imported, 1 duplicate, 1 failed.")
    assert "notes.pdf:" in summary  # and why
    assert dialog.close_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert window.statusBar().currentMessage() == (
        f"Import finished: {len(docs)} imported, 1 already in the register, 1 failed.")
    qtbot.waitUntil(lambda: window.register_view.model.rowCount() == len(docs))
    assert empty_register.reports.count() == len(docs)


def test_a_drop_of_something_else_is_refused(qtbot, window):
    from PySide6.QtCore import QMimeData, Qt
    from PySide6.QtGui import QDragEnterEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setText("just text")
    event = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()


def test_cancel_stops_the_import_and_keeps_the_register_unchanged(qtbot, tmp_path, large_report, corpus,
                                                                   empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    window.show()
    other = corpus.readable()[0].path
    assert drop_paths(window, [large_report, other])
    dialog = window.importer.dialog
    bar = dialog.rows[large_report].bar
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() > 0, timeout=60_000)  # pages are being read
    assert 0 < bar.value() < bar.maximum()
    dialog.cancel_button.click()
    finish_import(qtbot, window.importer)
    statuses = {path: status for path, (status, _msg) in dialog.outcomes.items()}
    assert statuses == {large_report: "cancelled", other: "cancelled"}
    assert "0 imported" in dialog.summary_text() and "2 cancelled" in dialog.summary_text()
    assert empty_register.reports.count() == 0


def test_a_protected_pdf_asks_for_its_password_then_imports(qtbot, protected_pdf, empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    path, password = protected_pdf
    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    window.show()
    answers = iter(["not it", password])
    prompts = []

    def answer(dialog):
        if isinstance(dialog, PasswordPrompt):
            prompts.append(dialog.labelText())
            dialog.setTextValue(next(answers))
            dialog.accept()
        else:
            dialog.reject()

    window.import_paths([path])
    finish_import(qtbot, window.importer, answer)
    assert len(prompts) == 2
    assert "is password protected" in prompts[0] and "did not open it" not in prompts[0]
    assert "did not open it" in prompts[1]
    assert window.importer.dialog.outcomes[path][0] == "imported"
    assert empty_register.reports.count() == 1


def test_skipping_the_password_fails_that_file_with_why(qtbot, protected_pdf, empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    path, _password = protected_pdf
    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    window.import_paths([path])
    finish_import(qtbot, window.importer)  # rejects the prompt: "Skip this file"
    status, message = window.importer.dialog.outcomes[path]
    assert status == "failed" and "skipped" in message
    assert empty_register.reports.count() == 0


def _near_name_setup(corpus, register):
    """A register whose only vendor's name is close to, but not, the next report's service organization."""
    first, second = [d for d in corpus.readable() if not d.password and d.truth["report"]["service_organization"]][:2]
    name = second.truth["report"]["service_organization"]
    near = name.replace(", Inc.", "") + " Holdings"
    outcome = register.reports.import_file(first.path)
    register.vendors.confirm(outcome.report_id, None, new_name=near, who="setup")
    [vendor] = [v for v in register.vendors.all() if v.name == near]
    return second, vendor


def test_an_unsure_vendor_is_confirmed_by_choosing_a_candidate(qtbot, corpus, empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    settings.reviewer_name = "Dana Reviewer"
    second, vendor = _near_name_setup(corpus, empty_register)
    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    seen: list[VendorConfirmDialog] = []

    def pick_existing(dialog):
        assert isinstance(dialog, VendorConfirmDialog)
        seen.append(dialog)
        assert vendor.id in dialog.choices.values()  # the close existing vendor is offered
        dialog.choose_candidate(vendor.id)
        dialog.accept()

    window.import_paths([second.path])
    finish_import(qtbot, window.importer, pick_existing)
    assert len(seen) == 1
    assert {r.vendor for r in empty_register.reports.rows()} == {vendor.name}
    audit = [e for e in empty_register.audit.entries() if e.field == "vendor" and e.who != "setup"]
    assert [e.who for e in audit] == ["Dana Reviewer"]
    qtbot.waitUntil(lambda: window.register_view.model.rowCount() == 2)
    assert {window.register_view.model.index(r, 0).data() for r in range(2)} == {vendor.name}


def test_an_unsure_vendor_can_be_a_new_vendor(qtbot, corpus, empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    second, vendor = _near_name_setup(corpus, empty_register)
    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)

    def new_vendor(dialog):
        dialog.choose_new("")
        dialog.accept()
        assert dialog.isVisible() and "name" in dialog.message.text()  # a new vendor needs a name
        dialog.choose_new("Northwind Test Vendor")
        dialog.accept()

    window.import_paths([second.path])
    asked = finish_import(qtbot, window.importer, new_vendor)
    assert len(asked) == 1
    assert sorted(v.name for v in empty_register.vendors.all()) == sorted([vendor.name, "Northwind Test Vendor"])


def extraction_children() -> list[int]:
    """This process's sandbox extraction children (Linux: read from /proc)."""
    import os
    from pathlib import Path

    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == os.getpid() and b"reviewer.sandbox.extract_child" in command:
            found.append(int(entry.name))
    return found


def test_a_crash_of_the_extracting_process_fails_that_file_and_the_app_goes_on(qtbot, large_report, corpus,
                                                                              empty_register, settings):
    import os
    import signal

    from reviewer.gui.main_window import MainWindow

    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    window.show()
    other = corpus.readable()[0].path
    window.import_paths([large_report, other])
    dialog = window.importer.dialog
    bar = dialog.rows[large_report].bar
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() > 0, timeout=60_000)  # the child is reading
    [child] = extraction_children()
    os.kill(child, signal.SIGKILL)  # what a PDFium crash on a hostile PDF looks like
    finish_import(qtbot, window.importer)
    status, message = dialog.outcomes[large_report]
    assert status == "failed" and "killed by signal" in message
    assert dialog.outcomes[other][0] == "imported"  # the batch went on, in a new child
    assert "1 imported" in dialog.summary_text() and large_report.name in dialog.summary_text()
    assert empty_register.reports.count() == 1
    assert window.isVisible()
