"""The Help menu: F1 lists the keys the window really has, the currency statuses, where the data lives, about."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from reviewer.register.currency import CURRENCY_STATUSES

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


@pytest.fixture
def small_window(qtbot, empty_register, settings):
    """The main window on a register holding one sample report."""
    from reviewer.gui.main_window import MainWindow

    outcome = empty_register.reports.import_file(SAMPLES / "quillon-soc2-type2.pdf")
    assert outcome.status == "imported"
    settings.idle_lock_minutes = 0
    win = MainWindow(empty_register, settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def rows(table) -> list[tuple[str, str, str]]:
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def press_f1(qtbot, window):
    qtbot.keyClick(window.register_view.table, Qt.Key.Key_F1)
    dialog = window.help_menu.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_f1_lists_the_windows_shortcuts_read_from_its_actions(qtbot, small_window):
    help_menu = small_window.menuBar().actions()[-1]
    assert help_menu.text() == "&Help"
    assert [a.text() for a in help_menu.menu().actions()] == [
        "&Keyboard shortcuts", "Report &currency statuses", "Where your &data lives", "&About reviewer"]

    dialog = press_f1(qtbot, small_window)
    assert dialog.shortcuts.isVisible()
    listed = rows(dialog.shortcuts)
    window_wide = {(keys, what) for where, keys, what in listed if where == "Everywhere in the window"}
    for keys, what in (("Ctrl+O", "Import PDFs"), ("Ctrl+Shift+O", "Import a folder"), ("Ctrl+L", "Lock"),
                       ("Ctrl+F", "Search all reports"), ("F5", "Refresh"), ("Ctrl+Q", "Quit"),
                       ("F1", "Keyboard shortcuts"), ("Ctrl+2", "Show Procurement")):
        assert (keys, what) in window_wide
    # Delete works only in the table (in a text field it deletes a character): listed there
    assert ("In the report table", "Del", "Delete report") in listed
    assert all(what and what != "(undescribed)" for _where, _keys, what in listed)

    # a key added to the window later is listed the next time: the list is read, never written down
    extra = QAction("Frobnicate the vendors", small_window)
    extra.setShortcut("Ctrl+Alt+K")
    small_window.addAction(extra)
    dialog.close()
    dialog = press_f1(qtbot, small_window)
    assert ("Everywhere in the window", "Ctrl+Alt+K", "Frobnicate the vendors") in rows(dialog.shortcuts)


def test_an_open_reports_keys_are_listed_by_where_they_work(qtbot, small_window):
    before = {where for where, _keys, _what in rows(press_f1(qtbot, small_window).shortcuts)}
    assert "In an open report" not in before
    small_window.help_menu.dialog.close()

    small_window.open_report(small_window.register_view.model.report_id(0))
    listed = rows(press_f1(qtbot, small_window).shortcuts)
    for entry in (("In an open report", "Ctrl+Z", "Undo"), ("In an open report", "F8", "Next to check"),
                  ("In an open report", "F2", "Correct"), ("In a report's PDF", "Ctrl++", "Zoom in"),
                  ("In a report's PDF", "Ctrl+F", "Find in this PDF"), ("In a report's PDF", "F3", "Find next"),
                  ("In a report's Check tab", "Del", "Remove the selected item as false")):
        assert entry in listed, entry
    # the window-wide keys come first
    assert listed[0][0] == "Everywhere in the window"


def test_the_currency_page_explains_every_status_with_the_users_thresholds(qtbot, small_window):
    small_window.settings.bridge_due_after_months = 4
    small_window.help_menu.currency_action.trigger()
    dialog = small_window.help_menu.dialog
    assert dialog.pages.currentWidget() is dialog.currency
    table = dialog.currency
    assert table.rowCount() == len(CURRENCY_STATUSES)
    listed = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert "Bridge letter needed" in listed and "Overdue" in listed and "Bridge letter lapsed" in listed
    assert all(meaning for meaning in listed.values())
    assert "4 months" in listed["Current"]
    # each status wears the badge colour the register table gives it
    current = table.item(0, 0).background().color()
    assert current != table.item(1, 0).background().color()


def test_where_your_data_lives_names_the_files_and_how_to_back_up(qtbot, small_window):
    small_window.help_menu.data_action.trigger()
    dialog = small_window.help_menu.dialog
    assert dialog.pages.currentWidget() is dialog.data
    text = "\n".join(label.text() for label in dialog.data.findChildren(QLabel))
    assert str(small_window.register_path) in text
    assert small_window.settings.store.fileName() in text
    assert "Close the app" in text and "Copy register.db" in text
    assert "another machine" in text.lower() and "same passphrase" in text
    assert "Never written to disk" in text and "passphrase" in text

    small_window.help_menu.about_action.trigger()
    about = "\n".join(label.text() for label in dialog.about.findChildren(QLabel))
    assert "reviewer 0." in about and "no network connection" in about


def test_the_list_holds_the_apps_keys_once_each_and_no_qt_internals(qtbot, small_window):
    small_window.open_report(small_window.register_view.model.report_id(0))
    listed = rows(press_f1(qtbot, small_window).shortcuts)
    assert all(what and what != "(undescribed)" for _where, _keys, what in listed)
    places = [(where, keys) for where, keys, _what in listed]
    assert len(places) == len(set(places))  # Ctrl+Z once in an open report, not "Undo" and "Undo triage: ..."
