"""Saved-at-once edits that stay undoable while the workspace is open.

Every edit is written through the register as soon as it is made (one transaction, one audit entry). The
command pushed on the QUndoStack remembers the old and the new value: undo writes the old value back through
the same register function (so the audit log shows both writes), redo writes the new value again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from reviewer.register.errors import RegisterError

Write = Callable[[Any], object]  # what it returns (e.g. the saved record) is not used


class SavedEdit(QUndoCommand):
    """One field's change, already written when pushed; undo/redo write old/new again."""

    def __init__(self, session: EditSession, label: str, write: Write, old: Any, new: Any) -> None:
        super().__init__(label)
        self._session = session
        self._write = write
        self._old = old
        self._new = new
        self._already_written = True

    def redo(self) -> None:
        if self._already_written:  # QUndoStack.push() calls redo(); the edit was saved just before
            self._already_written = False
            return
        self._session.write(self._write, self._new)

    def undo(self) -> None:
        self._session.write(self._write, self._old)


class EditSession(QObject):
    """Writes edits through the register, keeps them undoable, and tells the views when to re-read."""

    saved = Signal()  # after any successful write: an edit, an undo or a redo
    failed = Signal(str)  # one line for the user; the widget is re-read, so it shows what is stored

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)

    def edit(self, label: str, write: Write, old: Any, new: Any) -> bool:
        """Save `new` now through `write`; push an undoable command. False (and `failed`) when refused."""
        if old == new:
            return True
        if not self.write(write, new):
            return False
        self.stack.push(SavedEdit(self, label, write, old, new))
        return True

    def act(self, action: Callable[[], Any]) -> bool:
        """A saved change that is not undoable (a sign-off: a signature is not taken back with Ctrl+Z). It closes
        the edits before it: undoing one of them would change what was signed, and void the signature unseen."""
        if not self.write(lambda _value: action(), None):
            return False
        self.stack.clear()
        return True

    def write(self, write: Write, value: Any) -> bool:
        try:
            write(value)
        except (RegisterError, ValueError, KeyError) as err:
            self.failed.emit(f"Not saved: {err}")  # the workspace re-reads, so widgets show what is stored
            return False
        self.saved.emit()
        return True


class SavedUndoKeys(QObject):
    """Lets Ctrl+Z reach the workspace's undo stack from a text field that holds no unsaved typing.

    A QLineEdit claims Ctrl+Z for its own typing undo. While the user is typing that is right; once the field's
    text is saved (its modified flag cleared by the re-read), Ctrl+Z should undo the last saved edit instead.
    """

    def __init__(self, sequences: list[QKeySequence], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sequences = sequences

    def watch(self, widgets: list[QWidget]) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in self._sequences):
                if isinstance(watched, QLineEdit):
                    unsaved = watched.isModified()
                elif isinstance(watched, QPlainTextEdit):
                    unsaved = watched.document().isModified()
                else:
                    unsaved = True
                if not unsaved:
                    event.ignore()  # not claimed by the field: the workspace's shortcut fires
                    return True
        return super().eventFilter(watched, event)
