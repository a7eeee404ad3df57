"""A whole working session in the app leaves no report text outside the encrypted register.

The session: import a real report through the window (the extraction child process included), open its review,
write a rationale, search every report's text, lock and unlock, close. Afterwards the vendor's name, a sentence
of the report's page text, the typed rationale and the PDF signature must appear in none of: the settings file,
the log records, any file in the register's folder, and any file in the temporary folder the app and its child
used (TMPDIR pointed at an empty folder for the test).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from reviewer.gui.main_window import MainWindow
from reviewer.gui.settings import AppSettings
from reviewer.register import Register, ReportFilter
from tests.support.register import PASSPHRASE

from .import_helpers import drop_paths, finish_import


def _files_holding(folder: Path, markers: list[bytes]) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {m.decode(errors='replace')}" for m in markers if m in data]
    return found


def test_a_session_leaves_no_report_text_outside_the_register(qtbot, corpus, tmp_path, monkeypatch, caplog):
    doc = next(d for d in corpus.readable() if d.password is None and d.truth["document_type"] == "soc_report"
               and d.truth["report"]["cuecs"] and d.truth["report"]["exceptions"])
    vendor = doc.truth["report"]["service_organization"]
    page_sentence = doc.truth["report"]["cuecs"][0]["text"]
    rationale = "Accepted: Zephyrine compensating review in place"
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    caplog.set_level(logging.DEBUG)

    register_dir = tmp_path / "register"
    register_dir.mkdir()
    settings = AppSettings.at(tmp_path / "settings.ini")
    settings.reviewer_name = "Dana Reviewer"
    register = Register.open(register_dir / "register.db", PASSPHRASE)
    window = MainWindow(register, settings)
    qtbot.addWidget(window)
    window.show()

    assert drop_paths(window, [doc.path])
    finish_import(qtbot, window.importer, timeout_ms=120_000)
    report_id = window.register.reports.rows()[0].id
    window.open_report(report_id)
    window.register.reviews.update(report_id, settings.reviewer_name, rationale=rationale)
    hits = window.register.search.pages(page_sentence.split()[3])
    assert any(h.report_id == report_id for h in hits)
    window.register_view.model.set_filter(ReportFilter(text=vendor.split()[0]))
    dialog = window.lock()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.accept()
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=10_000)
    assert window.register.reviews.get(report_id).rationale == rationale  # the session really stored it
    window.close()  # closes the register too
    settings.store.sync()

    markers = [vendor.encode(), page_sentence.encode(), rationale.encode(), b"%PDF-"]
    assert _files_holding(tmp_path / "register", markers) == []
    assert _files_holding(temp, markers) == []
    assert _files_holding(tmp_path, [m for m in markers]) == []  # settings.ini and anything else the app wrote
    logged = caplog.text
    assert all(m.decode() not in logged for m in markers[:3])
