"""Start-up: the QApplication, then the unlock (or create) dialog, then the main window on the opened register."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from reviewer.gui.settings import AppSettings
from reviewer.gui.unlock import UnlockDialog

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow
    from reviewer.register import Register

APP_NAME = "reviewer"


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created when there is none yet."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    return app  # type: ignore[return-value]  # instance() is typed QCoreApplication; the app made it a QApplication


class Launcher:
    """Start-up: the unlock (or create) dialog, then the main window on the register it opened.

    Kept apart from `exec()` so that tests drive the same start-up without blocking. `files` (PDFs or folders
    given on the command line, or by the desktop entry's %F) are imported once the register is unlocked.
    """

    def __init__(self, register_path: Path, settings: AppSettings, files: list[Path] | None = None) -> None:
        self.settings = settings
        self.files = list(files or [])
        self.window: MainWindow | None = None
        self.dialog = UnlockDialog(register_path)
        self.dialog.unlocked.connect(self._open_window)
        self.dialog.rejected.connect(self._cancelled)

    def start(self) -> None:
        self.dialog.show()

    def _open_window(self, register: Register) -> None:
        # imported once unlocked: the unlock dialog shows before the main window's modules load
        from reviewer.gui.main_window import MainWindow

        self.window = MainWindow(register, self.settings)
        self.window.show()
        if self.files:
            self.window.import_paths(self.files)

    def _cancelled(self) -> None:
        if self.window is None:
            QApplication.quit()
