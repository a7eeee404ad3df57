"""One reviewer throughout the workpaper: the settings' name records triage, mappings and the sign-off (never the
login name), and fills the review's Reviewer when signing; the workpaper's save dialog starts in Documents."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt

from tests.gui.workspace.conftest import REVIEWER
from tests.gui.workspace.test_workpaper import pdf_text
from tests.gui.workspace.test_workspace_edits import choose


def test_triage_and_sign_off_name_the_settings_reviewer(open_workspace, register, tmp_path, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    ws.exceptions_tab.select(0)
    choose(ws.exceptions_tab.nature, "systemic")
    choose(ws.review_tab.status, "accepted")
    for unsure in register.corrections.to_check(ws.report_id):
        register.corrections.confirm(ws.report_id, unsure.target, who=REVIEWER)
    ws.refresh()
    # the review names its reviewer from the settings as soon as it is edited (one name, never a second field)
    assert register.reviews.get(ws.report_id).reviewer in (None, REVIEWER)
    qtbot.mouseClick(ws.review_tab.sign_off_button, Qt.MouseButton.LeftButton)
    review = register.reviews.get(ws.report_id)
    assert (review.reviewer, review.signed_off_by) == (REVIEWER, REVIEWER)
    # every review entry is the reviewer's; the import before it is the importer's (the test imported it)
    assert {a.who for a in register.audit.entries(ws.report_id) if a.field != "imported"} == {REVIEWER}
    text = pdf_text(ws.export_workpaper(tmp_path / "workpaper.pdf"))
    assert f"Reviewer {REVIEWER}" in text and f"Signed off by {REVIEWER}" in text
    login = getpass.getuser()
    if login not in REVIEWER:
        assert login not in text


def test_without_a_name_in_the_settings_edits_are_not_credited_to_the_login(open_workspace, register, settings):
    settings.reviewer_name = ""
    ws = open_workspace("harlow-soc2-t2-exc3")
    ws.exceptions_tab.select(0)
    choose(ws.exceptions_tab.nature, "isolated")
    [entry] = [a for a in register.audit.entries(ws.report_id) if a.field == "nature"]
    assert entry.who == "unknown" != getpass.getuser()


def test_the_workpaper_dialog_starts_in_documents(open_workspace, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    ws = open_workspace("harlow-soc2-t2-exc3")
    dialog = ws.open_export_dialog()
    assert Path(dialog.directory().absolutePath()) == documents == home / "Documents"
    assert dialog.selectedFiles()[0].endswith("workpaper.pdf")
    dialog.reject()
