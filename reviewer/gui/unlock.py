"""Unlocking the register: the passphrase dialog (create on first run, unlock after), and the idle lock.

The dialog opens the register itself, so that a wrong passphrase or a register held by another process is
answered inside the dialog (a clear line, try again) and the caller only ever receives an open register.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.theme import show_as_error
from reviewer.register.kdf import MIN_PASSPHRASE_LENGTH  # one rule for the CLI and the GUI

if TYPE_CHECKING:
    from reviewer.register import Register


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A rough score 0-3 and a hint. Length counts most: a long passphrase of words beats a short mix."""
    if not passphrase:
        return 0, f"Use at least {MIN_PASSPHRASE_LENGTH} characters; a few unrelated words work well."
    classes = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    length = len(passphrase)
    if length < MIN_PASSPHRASE_LENGTH:
        return 0, f"Too short: use at least {MIN_PASSPHRASE_LENGTH} characters."
    if length >= 20 or (length >= 14 and classes >= 3):
        return 3, "Strong."
    if length >= 14 or classes >= 3:
        return 2, "Fair: a longer passphrase would be stronger."
    return 1, "Weak: add words, or mix upper case, digits and symbols."


class UnlockDialog(QDialog):
    """Asks for the passphrase and opens the register at `path`; `unlocked(register)` on success.

    First run (no register file yet): passphrase, confirmation and a strength hint, then creates it.
    """

    unlocked = Signal(object)

    def __init__(self, path: Path, parent: QWidget | None = None, *, relock: bool = False) -> None:
        super().__init__(parent)
        from reviewer.register import Register

        self.path = Path(path)
        self.creating = not Register.exists(self.path)
        self.register: Register | None = None
        self.setWindowTitle("reviewer: create your register" if self.creating else "reviewer: unlock")
        self.setModal(True)

        intro = QLabel(self)
        intro.setWordWrap(True)
        if self.creating:
            intro.setText(
                f"A new encrypted register will be created at {self.path}.\n"
                "Choose a passphrase: it cannot be recovered if you forget it."
            )
        else:
            intro.setText(("The register is locked. " if relock else "") + f"Passphrase for {self.path.name}:")

        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setObjectName("confirm")
        self.strength = QLabel(self)
        self.strength.setObjectName("strength")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        show_as_error(self.message)  # it only ever says why the passphrase was refused

        form = QFormLayout()
        form.addRow("Passphrase", self.passphrase)
        if self.creating:
            form.addRow("Confirm", self.confirm)
            form.addRow("", self.strength)
            self.passphrase.textChanged.connect(self._update_strength)
            self._update_strength("")
        else:
            self.confirm.hide()
            self.strength.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create" if self.creating else "Unlock")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _update_strength(self, text: str) -> None:
        score, hint = passphrase_strength(text)
        self.strength.setText(f"Strength: {'●' * score}{'○' * (3 - score)}  {hint}")

    def accept(self) -> None:
        """Open (or create) the register; on failure say why and stay open for another try."""
        from reviewer.register import Register, RegisterError, RegisterInUse, WrongPassphrase

        passphrase = self.passphrase.text()
        if self.creating:
            if len(passphrase) < MIN_PASSPHRASE_LENGTH:
                self._fail(f"The passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.")
                return
            if passphrase != self.confirm.text():
                self._fail("The two passphrases differ. Type the same passphrase twice.")
                self.confirm.clear()
                self.confirm.setFocus()
                return
        elif not passphrase:
            self._fail("Type the register's passphrase.")
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            register = Register.open(self.path, passphrase, create=self.creating)
        except WrongPassphrase:
            self._fail("Wrong passphrase. Try again.")
            self.passphrase.selectAll()
            return
        except RegisterInUse:
            self._fail("This register is in use by another reviewer process. Close it there, then try again.")
            return
        except RegisterError as err:
            self._fail(str(err))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.register = register
        self.message.clear()
        self.passphrase.clear()
        self.confirm.clear()
        super().accept()
        self.unlocked.emit(register)

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.passphrase.setFocus()


# the input that counts as activity for the idle lock
_ACTIVITY_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
})


class IdleLock(QObject):
    """Emits `idle` after `timeout_ms` without keyboard or mouse input anywhere in the application."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_timeout(timeout_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout(self, timeout_ms: int) -> None:
        self.enabled = timeout_ms > 0  # 0 disables the idle lock
        self.timer.setInterval(max(1, int(timeout_ms)))
        if self.enabled:
            self.timer.start()
        else:
            self.timer.stop()

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        if self.enabled:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _ACTIVITY_EVENTS and self.timer.isActive():
            self.timer.start()
        return False
