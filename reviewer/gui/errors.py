"""Errors: the hook for unexpected exceptions (log the frames, show a dialog) and the plain error dialog.

The error hook logs the exception's type and its traceback frames (file, line, function) and NEVER the
message or local values: messages can quote report text (a vendor name, a finding), and the log rests on disk
unencrypted. The user sees a dialog with the type and a short message; the dialog itself is never logged.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("reviewer.gui")


def describe_frames(tb: TracebackType | None) -> str:
    """The traceback as frames only: 'file:line in function', one a line; no source lines, no message."""
    return "\n".join(f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in traceback.extract_tb(tb))


class ErrorHook:
    """sys.excepthook replacement: log type + frames, show a dialog, keep the app running."""

    def __init__(self, parent_for_dialog: Callable[[], QWidget | None] = lambda: None) -> None:
        self.parent_for_dialog = parent_for_dialog
        self.last_dialog: QMessageBox | None = None
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, value, tb)
            return
        log.error("unexpected %s\n%s", kind.__name__, describe_frames(tb))
        if QApplication.instance() is None:
            return
        box = QMessageBox(self.parent_for_dialog())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("reviewer: unexpected error")
        box.setText(f"Something went wrong ({kind.__name__}). Your saved work is safe.")
        # the message is shown to the user (it is their data on their screen) but never logged
        box.setDetailedText(str(value))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_dialog = box


def show_error(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """A non-blocking error dialog (open(), never exec(): tests and the event loop keep running)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file and vendor names: never read as HTML
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
