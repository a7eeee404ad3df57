"""The help window: a list of topics beside the topic's page (keyboard shortcuts, report currency statuses,
where your data lives, about). One window, opened at the topic the Help menu item names.

The shortcuts page is read again from the main window each time it is shown, so keys of a report opened since
are listed too.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.help.shortcuts import ShortcutsTable, collect_shortcuts
from reviewer.gui.help.topics import about_text, currency_statuses, data_locations
from reviewer.gui.text import plain_label
from reviewer.gui.theme import badge_colours
from reviewer.register.currency import CurrencyThresholds

TOPICS = ("Keyboard shortcuts", "Report currency statuses", "Where your data lives", "About reviewer")
SHORTCUTS, CURRENCY, DATA, ABOUT = range(len(TOPICS))


def _text_page(paragraphs: list[tuple[str, str]], parent: QWidget) -> QScrollArea:
    """Headed plain-text paragraphs, selectable (paths are copied from here)."""
    body = QWidget()
    layout = QVBoxLayout(body)
    for heading, text in paragraphs:
        title = plain_label(heading, body)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        label = plain_label(text, body)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(title)
        layout.addWidget(label)
        layout.addSpacing(8)
    layout.addStretch(1)
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    return scroll


class CurrencyTable(QTableWidget):
    """Each status as its badge shows it in the register and procurement views, and what it means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels(["Status", "What it means"])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # wrapped meanings
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.show_statuses(CurrencyThresholds())

    def show_statuses(self, thresholds: CurrencyThresholds) -> None:
        statuses = currency_statuses(thresholds)
        self.setRowCount(len(statuses))
        for row, status in enumerate(statuses):
            badge = QTableWidgetItem(status.label)
            background, text = badge_colours(status.status, self.palette())
            badge.setBackground(background)
            badge.setForeground(text)
            self.setItem(row, 0, badge)
            self.setItem(row, 1, QTableWidgetItem(status.meaning))


class HelpDialog(QDialog):
    """Non-modal; `show_topic(index)` brings it up at a topic."""

    def __init__(self, window: QWidget, register_path: Path, settings_path: str, default_register: Path) -> None:
        super().__init__(window)
        self.window_to_describe = window
        self.setWindowTitle("reviewer help")
        self.resize(900, 560)
        self.topics = QListWidget(self)
        self.topics.addItems(list(TOPICS))
        self.topics.setFixedWidth(200)
        self.pages = QStackedWidget(self)
        self.shortcuts = ShortcutsTable(self)
        self.currency = CurrencyTable(self)
        self.data = _text_page(data_locations(register_path, settings_path, default_register), self)
        self.about = _text_page([("About", about_text(_app_version(), qVersion(), PySide6.__version__))], self)
        shortcuts_page = QWidget(self)
        shortcuts_layout = QVBoxLayout(shortcuts_page)
        shortcuts_layout.setContentsMargins(0, 0, 0, 0)
        note = plain_label("The keys of the window as it is now: open a report to list the keys that work inside "
                           "it too.", shortcuts_page)
        note.setWordWrap(True)
        shortcuts_layout.addWidget(note)
        shortcuts_layout.addWidget(self.shortcuts, 1)
        for page in (shortcuts_page, self.currency, self.data, self.about):
            self.pages.addWidget(page)
        self.topics.currentRowChanged.connect(self._topic_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.topics)
        row.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)

    def show_topic(self, index: int) -> None:
        self.topics.setCurrentRow(index)
        self._topic_changed(index)
        self.show()
        self.activateWindow()

    def _topic_changed(self, index: int) -> None:
        if index < 0:
            return
        if index == SHORTCUTS:
            self.shortcuts.show_shortcuts(collect_shortcuts(self.window_to_describe))
        self.pages.setCurrentIndex(index)


def _app_version() -> str:
    try:
        return version("reviewer")
    except PackageNotFoundError:
        from reviewer import __version__

        return __version__
