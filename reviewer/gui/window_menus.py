"""The main window's menus (File, Edit, Help) and its tool bar, built from the window's actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QToolBar

from reviewer.gui.help import HelpMenu
from reviewer.gui.theme import give_icons


def add_menus_and_toolbar(window: Any) -> HelpMenu:
    """The menus and the tool bar of `window` (a MainWindow, which sits a layer above), each action with its icon;
    returns the Help menu."""
    menu = window.menuBar().addMenu("&File")
    for action in (window.import_action, window.import_folder_action, window.refresh_action, window.lock_action,
                   window.settings_action, window.close_tab_action, window.quit_action):
        menu.addAction(action)
    edit = window.menuBar().addMenu("&Edit")
    edit.addAction(window.search_action)
    edit.addAction(window.delete_action)
    help_menu = HelpMenu(window, window.register_path, window.settings)
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("main-toolbar")
    for action in (window.import_action, window.import_folder_action, window.search_action, window.refresh_action,
                   window.lock_action):
        toolbar.addAction(action)
    give_icons(toolbar, {window.import_action: "import", window.import_folder_action: "import-folder",
                         window.search_action: "search", window.refresh_action: "refresh", window.lock_action: "lock",
                         help_menu.shortcuts_action: "help"})
    window.addToolBar(toolbar)
    return help_menu
