"""The QApplication: its creation, the badge colours that follow the light/dark palette, and the error hook.

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
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("reviewer.gui")

APP_NAME = "reviewer"


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created when there is none yet."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    return app  # type: ignore[return-value]


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's window colour is dark (the system follows a dark theme)."""
    pal = palette if palette is not None else QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


# currency status -> (background on light, background on dark); text colour is chosen for contrast
_BADGE_COLOURS: dict[str, tuple[str, str]] = {
    "current": ("#2e7d32", "#81c784"),
    "bridged": ("#1565c0", "#64b5f6"),
    "next_report_expected": ("#6a1b9a", "#ce93d8"),
    "bridge_due": ("#ef6c00", "#ffb74d"),
    "gap": ("#c62828", "#e57373"),
    "stale": ("#616161", "#bdbdbd"),
}

STATUS_LABELS: dict[str, str] = {
    "current": "Current",
    "bridged": "Bridged",
    "next_report_expected": "Next report expected",
    "bridge_due": "Bridge letter due",
    "gap": "Gap",
    "stale": "Stale",
}


def badge_colours(status: str | None, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(background, text) for a currency status, readable on the current light or dark palette."""
    pal = palette if palette is not None else QApplication.palette()
    pair = _BADGE_COLOURS.get(status or "")
    if pair is None:
        return pal.color(QPalette.ColorRole.AlternateBase), pal.color(QPalette.ColorRole.Text)
    background = QColor(pair[1] if is_dark(pal) else pair[0])
    # dark backgrounds get white text, light ones black: contrast holds in both themes
    text = QColor(Qt.GlobalColor.black) if background.lightness() > 140 else QColor(Qt.GlobalColor.white)
    return background, text


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


class Launcher:
    """Start-up: the unlock (or create) dialog, then the main window on the register it opened.

    Kept apart from `exec()` so that tests drive the same start-up without blocking. `files` (PDFs or folders
    given on the command line, or by the desktop entry's %F) are imported once the register is unlocked.
    """

    def __init__(self, register_path: object, settings: object, files: list[object] | None = None) -> None:
        from reviewer.gui.unlock import UnlockDialog

        self.settings = settings
        self.files = list(files or [])
        self.window: QWidget | None = None
        self.dialog = UnlockDialog(register_path)  # type: ignore[arg-type]
        self.dialog.unlocked.connect(self._open_window)
        self.dialog.rejected.connect(self._cancelled)

    def start(self) -> None:
        self.dialog.show()

    def _open_window(self, register: object) -> None:
        from reviewer.gui.main_window import MainWindow

        self.window = MainWindow(register, self.settings)  # type: ignore[arg-type]
        self.window.show()
        if self.files:
            self.window.import_paths(self.files)  # type: ignore[attr-defined]

    def _cancelled(self) -> None:
        if self.window is None:
            QApplication.quit()
