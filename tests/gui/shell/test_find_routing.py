"""Ctrl+F finds in the pane in front (issue 15): in a report's tab the document's find field, even when the keys
are not inside the workspace (the tab bar has focus); in the register window the register's full-text search."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.gui.workspace import ReviewWorkspace


def _ctrl_f(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_f_in_a_report_tab_focuses_its_find_field_and_in_the_register_its_search(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    workspace = window.open_report(window.register_view.model.report_id(0))
    assert isinstance(workspace, ReviewWorkspace)
    tab_bar = window.tabs.tabBar()
    tab_bar.setFocus()  # outside the workspace: the window's own Ctrl+F answers
    _ctrl_f(qtbot, tab_bar)
    assert window.tabs.currentWidget() is workspace and workspace.viewer.search_field.hasFocus()
    workspace.exceptions_tab.table.setFocus()  # inside it: the workspace answers
    _ctrl_f(qtbot, workspace.exceptions_tab.table)
    assert workspace.viewer.search_field.hasFocus()

    window.tabs.setCurrentWidget(window.register_view)
    window.register_view.table.setFocus()
    _ctrl_f(qtbot, window.register_view.table)
    assert window.tabs.currentWidget() is window.register_view
    assert window.register_view.filter_bar.search.hasFocus()
    window.tabs.setCurrentWidget(window.procurement)  # another fixed view: the register's search
    _ctrl_f(qtbot, window.procurement)
    assert window.tabs.currentWidget() is window.register_view
    assert window.register_view.filter_bar.search.hasFocus()
