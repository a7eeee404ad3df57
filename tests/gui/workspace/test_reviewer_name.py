"""One reviewer identity, kept in the settings: the Review tab shows it, setting it enables the sign-off at once
(from the tab or from the Settings dialog of the main window), and every write records it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from reviewer.gui.settings import AppSettings
from tests.gui.workspace.test_workspace_edits import choose

NEW_NAME = "Robin Checker"


def test_setting_the_name_in_the_review_tab_enables_the_sign_off_at_once(open_workspace, register, settings, qtbot,
                                                                        tmp_path):
    settings.reviewer_name = ""
    ws = open_workspace("meridian-soc2-t2-exc2")
    tab = ws.review_tab
    ws.tabs.setCurrentWidget(tab)
    # no second name field (the date edit's own line edits aside): the name is the settings' one
    assert [e for e in tab.findChildren(QLineEdit) if e.objectName() != "qt_spinbox_lineedit"] == []
    assert tab.reviewer.label.text() == "not set" and tab.reviewer.button.text() == "Set your name\u2026"
    choose(tab.status, "accepted")
    assert not tab.sign_off_button.isEnabled()

    qtbot.mouseClick(tab.reviewer.button, Qt.MouseButton.LeftButton)
    dialog = ws.name_dialog
    assert dialog.isVisible() and not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    qtbot.keyClicks(dialog.name, NEW_NAME)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert settings.reviewer_name == NEW_NAME
    assert AppSettings.at(tmp_path / "settings.ini").reviewer_name == NEW_NAME  # kept, for every review
    assert tab.reviewer.label.text() == NEW_NAME
    assert tab.sign_off_button.isEnabled() and NEW_NAME in tab.sign_off_state.text()  # no reopening needed

    for unsure in register.corrections.to_check(ws.report_id):
        register.corrections.confirm(ws.report_id, unsure.target, who=NEW_NAME)
    ws.refresh()
    qtbot.mouseClick(tab.sign_off_button, Qt.MouseButton.LeftButton)
    assert register.reviews.get(ws.report_id).signed_off_by == NEW_NAME


def test_the_review_and_triage_record_the_settings_name(open_workspace, register, settings):
    ws = open_workspace("meridian-soc2-t2-exc2")
    choose(ws.review_tab.status, "in_review")
    assert register.reviews.get(ws.report_id).reviewer == settings.reviewer_name
    ws.exceptions_tab.select(0)
    choose(ws.exceptions_tab.nature, "systemic")
    whos = {(e.field, e.who) for e in register.audit.entries(ws.report_id)}
    assert ("nature", settings.reviewer_name) in whos and ("status", settings.reviewer_name) in whos


def test_a_name_saved_in_the_settings_dialog_reaches_an_open_review(qtbot, register, imported, settings):
    from reviewer.gui.main_window import MainWindow

    settings.reviewer_name = ""
    settings.idle_lock_minutes = 0
    window = MainWindow(register, settings)
    qtbot.addWidget(window)
    window.show()
    ws = window.open_report(imported["meridian-soc2-t2-exc2"])
    tab = ws.review_tab
    choose(tab.status, "rejected")
    assert not tab.sign_off_button.isEnabled()
    dialog = window.open_settings()
    dialog.reviewer.setText(NEW_NAME)
    dialog.accept()
    assert tab.reviewer.label.text() == NEW_NAME and tab.sign_off_button.isEnabled()
    window.close()
