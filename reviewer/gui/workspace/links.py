"""Small widgets the workspace's panels share: a link-styled button, and a text box that says when editing ends."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QSizePolicy, QWidget

from reviewer.gui.text import mnemonic_safe


class LinkButton(QPushButton):
    """A flat, underlined button that reads like a link but is reachable by Tab and Enter."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(mnemonic_safe(text), parent)
        self.value = text  # what it shows ("&" is doubled in text() so that Qt does not read it as a mnemonic)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QPushButton { text-align: left; color: palette(link); text-decoration: underline;"
                           " border: none; padding: 1px 2px; }")


class CommitTextEdit(QPlainTextEdit):
    """A multi-line text box with QLineEdit's `editingFinished`: emitted when it loses focus after a change."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.editing_finished.emit()

    def set_text_quietly(self, text: str) -> None:
        self.blockSignals(True)
        self.setPlainText(text)
        self.document().setModified(False)
        self.blockSignals(False)
