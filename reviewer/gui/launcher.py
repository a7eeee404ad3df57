"""Start-up: the QApplication, then the unlock (or create) dialog, then the main window on the opened register."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reviewer.gui.settings import AppSettings
from reviewer.gui.single_instance import InstanceServer, hand_off
from reviewer.gui.unlock import UnlockDialog

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow
    from reviewer.register import Register

APP_NAME = "reviewer"
IN_USE_TEXT = ("This register is in use by another reviewer process (a command, or a window that does not take "
               "files). Close it there, then start reviewer again.")


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created when there is none yet."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    return app  # type: ignore[return-value]  # instance() is typed QCoreApplication; the app made it a QApplication


STARTED = "started"  # this app shows the unlock dialog, then the window
HANDED_OFF = "handed_off"  # the app already open on the register took the files; this one has nothing to do
IN_USE = "in_use"  # another process (a command, an older app) holds the register: said, no passphrase asked


class Launcher:
    """Start-up: the unlock (or create) dialog, then the main window on the register it opened.

    Kept apart from `exec()` so that tests drive the same start-up without blocking. `files` (PDFs or folders
    given on the command line, or by the desktop entry's %F) are imported once the register is unlocked. An app
    already open on the register gets the files instead (`single_instance`); a register held by another process
    is said before any passphrase is asked.
    """

    def __init__(self, register_path: Path, settings: AppSettings, files: list[Path] | None = None) -> None:
        self.register_path = Path(register_path)
        self.settings = settings
        self.files = list(files or [])
        self.window: MainWindow | None = None
        self.server: InstanceServer | None = None
        self.in_use_box: QMessageBox | None = None
        self.dialog = UnlockDialog(register_path)
        self.dialog.unlocked.connect(self._open_window)
        self.dialog.rejected.connect(self._cancelled)

    def start(self) -> str:
        """STARTED, HANDED_OFF or IN_USE (then a message box says so; closing it quits)."""
        from reviewer.register import Register

        if hand_off(self.register_path, self.files):
            return HANDED_OFF
        if Register.in_use(self.register_path):
            self.in_use_box = QMessageBox(QMessageBox.Icon.Warning, "reviewer: register in use", IN_USE_TEXT)
            self.in_use_box.setInformativeText(str(self.register_path))
            self.in_use_box.finished.connect(lambda _r: QApplication.quit())
            self.in_use_box.open()
            return IN_USE
        self.server = InstanceServer(self.register_path)
        self.server.files_received.connect(self._files_received)
        self.server.listen()
        app = QApplication.instance()
        if app is not None:  # the socket file goes when the app ends
            app.aboutToQuit.connect(self.server.close)
        self.dialog.show()
        return STARTED

    def _files_received(self, files: list[Path]) -> None:
        """A second `reviewer gui FILE...`: import its files here (once unlocked) and come to the front."""
        window = self.window
        front: QWidget | None
        if window is None or window.register is None:
            self.files.extend(files)  # imported when the register is unlocked
            front = self.dialog if window is None else window.unlock_dialog
        else:
            if files:
                window.import_paths(files)
            front = window
        if front is not None:
            front.show()
            front.raise_()
            front.activateWindow()

    def _open_window(self, register: Register) -> None:
        # imported once unlocked: the unlock dialog shows before the main window's modules load
        from reviewer.gui.main_window import MainWindow

        self.window = MainWindow(register, self.settings)
        self.window.unlocked.connect(self._import_waiting)
        self.window.show()
        self._import_waiting()

    def _import_waiting(self) -> None:
        if self.files and self.window is not None and self.window.register is not None:
            files, self.files = self.files, []
            self.window.import_paths(files)

    def _cancelled(self) -> None:
        if self.window is None:
            QApplication.quit()
