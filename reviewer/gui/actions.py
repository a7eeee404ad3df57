"""Window actions: an action with its shortcut, its tool tip naming the shortcut, and its slot, added to a window
so that its shortcut works wherever the focus is in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def window_action(window: QWidget, text: str, shortcut: QKeySequence | str | None, slot: Callable[[], Any]) -> QAction:
    """An action of `window` that runs `slot`, with its shortcut (window-wide) and tool tip."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    name_shortcut(action)
    return action


def action_name(action: QAction) -> str:
    """The action's text without its mnemonic marker and trailing ellipsis ("Import PDFs")."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("\u2026")


def name_shortcut(action: QAction) -> None:
    """The action's name and its shortcut, as tool bars and menus show it ("Import PDFs (Ctrl+O)")."""
    name = action_name(action)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{name} ({keys})" if keys else name)
