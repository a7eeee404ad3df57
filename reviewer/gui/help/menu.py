"""The main window's Help menu: its items (F1 opens the keyboard shortcuts) and the one help window they open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from reviewer.gui.actions import window_action
from reviewer.gui.help.dialog import ABOUT, CURRENCY, DATA, SHORTCUTS, HelpDialog

if TYPE_CHECKING:
    from reviewer.gui.settings import AppSettings


class HelpMenu:
    """Adds the Help menu to `window`; the help window is made on first use and kept."""

    def __init__(self, window: QMainWindow, register_path: Path, settings: AppSettings) -> None:
        self.window = window
        self.register_path = register_path
        self.settings = settings
        self.dialog: HelpDialog | None = None
        menu = window.menuBar().addMenu("&Help")
        self.shortcuts_action = window_action(window, "&Keyboard shortcuts", "F1", lambda: self.open(SHORTCUTS))
        self.currency_action = window_action(window, "Report &currency statuses", None, lambda: self.open(CURRENCY))
        self.data_action = window_action(window, "Where your &data lives", None, lambda: self.open(DATA))
        self.about_action = window_action(window, "&About reviewer", None, lambda: self.open(ABOUT))
        for action in (self.shortcuts_action, self.currency_action, self.data_action, self.about_action):
            menu.addAction(action)

    def open(self, topic: int) -> HelpDialog:
        from reviewer.register import default_register_path

        if self.dialog is None:
            self.dialog = HelpDialog(self.window, self.register_path, self.settings.store.fileName(),
                                     default_register_path())
        self.dialog.currency.show_statuses(self.settings.thresholds)  # as the settings say now
        self.dialog.show_topic(topic)
        return self.dialog
