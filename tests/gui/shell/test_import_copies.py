"""Importing a copy of a report already in the register from the window: the copy question (skip by default, or
keep both), and the audit log of who imported and who skipped."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.gui.importing.copy_prompt import CopyPrompt
from tests.gui.shell.import_helpers import finish_import
from tests.support.pdf_copies import ORIGINAL, watermarked


def _window(qtbot, register, settings):
    from reviewer.gui.main_window import MainWindow

    settings.idle_lock_minutes = 0
    settings.reviewer_name = "Dana Reviewer"
    window = MainWindow(register, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _import_original_then(qtbot, window, copy, answer):
    window.import_paths([ORIGINAL])
    finish_import(qtbot, window.importer)
    window.import_paths([copy])
    return finish_import(qtbot, window.importer, answer)


def test_a_copy_is_asked_about_and_enter_skips_it(qtbot, tmp_path, empty_register, settings):
    window = _window(qtbot, empty_register, settings)
    copy = watermarked(ORIGINAL, tmp_path / "downloaded-again.pdf")

    def press_enter(dialog):
        assert isinstance(dialog, CopyPrompt)
        assert f"is a copy of {ORIGINAL.name}" in dialog.text.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    asked = _import_original_then(qtbot, window, copy, press_enter)
    assert len(asked) == 1
    status, message = window.importer.dialog.outcomes[copy]
    assert (status, message) == ("duplicate", f"copy of {ORIGINAL.name}; skipped")
    assert "1 duplicate" in window.importer.dialog.summary_text()
    assert empty_register.reports.count() == 1
    logged = [(e.who, e.field) for e in empty_register.audit.entries()]
    assert logged == [("Dana Reviewer", "imported"), ("Dana Reviewer", "copy_skipped")]


def test_keep_both_imports_the_copy_beside_its_original(qtbot, tmp_path, empty_register, settings):
    window = _window(qtbot, empty_register, settings)
    copy = watermarked(ORIGINAL, tmp_path / "downloaded-again.pdf")
    asked = _import_original_then(qtbot, window, copy, lambda dialog: dialog.keep_button.click())
    assert [type(d) for d in asked] == [CopyPrompt]
    assert window.importer.dialog.outcomes[copy][0] == "imported"
    assert empty_register.reports.count() == 2
    imported = [e for e in empty_register.audit.entries() if e.field == "imported"]
    assert [e.who for e in imported] == ["Dana Reviewer", "Dana Reviewer"]
    assert imported[1].new.startswith("downloaded-again.pdf (sha256 ")
    assert "kept as a copy of report" in imported[1].new
