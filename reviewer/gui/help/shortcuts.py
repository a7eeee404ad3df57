"""The keyboard shortcuts the app defines, read from the live QActions and QShortcuts of a window (so the list
cannot drift from the keys that work), and the table that shows them.

An action's description is its text (without the mnemonic "&" and the trailing ellipsis); a QShortcut has no
text of its own, so it is described by its `whatsThis()` (the modules that create one set it). Where a key works
follows from the shortcut's context: window-wide, or only inside the widget (and its children) that owns it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QWidget,
)

from reviewer.gui.actions import action_name

WINDOW_WIDE = "Everywhere in the window"


@dataclass(frozen=True)
class Shortcut:
    """One key (or keys) and what it does, and where it works."""

    where: str
    keys: str
    what: str


def key_text(sequences: list[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


# the areas of the window whose own keys work only inside them, by their widget class (walked up from the widget
# owning the key: the nearest named area wins); keys elsewhere are named by their widget's class
AREAS: dict[str, str] = {
    "ReportTable": "In the report table",
    "CorrectionsTab": "In a report's Check tab",
    "PdfPageViewer": "In a report's PDF",
    "ReviewWorkspace": "In an open report",
}


def _where(owner: QObject | None, context: Qt.ShortcutContext, window: QWidget) -> str:
    """Where a key works: window-wide, or the area of the window that owns it."""
    if owner is window or owner is None:
        return WINDOW_WIDE
    if context == Qt.ShortcutContext.ApplicationShortcut:
        return WINDOW_WIDE
    area: QObject | None = owner
    while area is not None and area is not window:
        name = AREAS.get(type(area).__name__)
        if name:
            return name
        area = area.parent()
    return type(owner).__name__


def _host(obj: QObject) -> QObject | None:
    """The widget whose keys these are: a QShortcut's parent; for an action, the first widget it was added to
    that is not a menu or a tool bar (which only show it), else its parent."""
    if isinstance(obj, QAction):
        for widget in obj.associatedObjects():
            if isinstance(widget, QWidget) and not isinstance(widget, (QMenu, QToolBar)):
                return widget
        return obj.parent()
    return obj.parent()


def collect_shortcuts(window: QWidget) -> list[Shortcut]:
    """Every shortcut of `window` and its children: its own window-wide actions first, then the others by area."""
    found: list[Shortcut] = []
    seen: set[tuple[str, str]] = set()
    objects: list[QObject] = [*window.actions(), *window.findChildren(QAction), *window.findChildren(QShortcut)]
    for obj in objects:
        if isinstance(obj, QAction):
            keys, what, context = key_text(obj.shortcuts()), action_name(obj), obj.shortcutContext()
        elif isinstance(obj, QShortcut):
            keys, what, context = key_text(obj.keys()), obj.whatsThis().strip(), obj.context()
        else:
            continue
        if not keys or not what:
            continue  # Qt's own widgets' keys (a file dialog's) carry no description: not the app's to list
        entry = Shortcut(_where(_host(obj), context, window), keys, what)
        key = (entry.where, entry.keys)  # one row for a key where it works ("Undo" and "Undo triage" are one)
        if key not in seen:
            seen.add(key)
            found.append(entry)
    areas = [WINDOW_WIDE] + sorted({s.where for s in found} - {WINDOW_WIDE})
    return sorted(found, key=lambda s: areas.index(s.where))


class ShortcutsTable(QTableWidget):
    """Where, keys, what: one row a shortcut, read again by `show_shortcuts`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels(["Where", "Keys", "What it does"])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def show_shortcuts(self, shortcuts: list[Shortcut]) -> None:
        self.setRowCount(len(shortcuts))
        for row, shortcut in enumerate(shortcuts):
            for column, text in enumerate((shortcut.where, shortcut.keys, shortcut.what)):
                self.setItem(row, column, QTableWidgetItem(text))
