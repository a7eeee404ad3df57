"""The accepted audit firms, one per line: the list the Signals' auditor check uses (kept in the register, so the
command line's `reviewer signals` reads the same list). Opened from Settings and from the Signals view."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from reviewer.gui.text import plain_label

HELP = ("The CPA firms whose reports you accept, one per line. A report signed by a firm not listed is shown in "
        "Signals. Names are compared loosely: \u201cOkafor & Lindqvist, P.C.\u201d and \u201cOkafor and "
        "Lindqvist PC\u201d are one firm. Leave the list empty to check no auditors.")


def firms_editor(register: Any, parent: QWidget) -> QPlainTextEdit:
    editor = QPlainTextEdit(parent)
    editor.setPlaceholderText("Harlow & Finch LLP\nMeridian Assurance Partners LLP")
    editor.setPlainText("\n".join(register.accepted_firms()) if register is not None else "")
    return editor


def save_firms(register: Any, editor: QPlainTextEdit, who: str) -> list[str]:
    names = [line.strip() for line in editor.toPlainText().splitlines() if line.strip()]
    return register.set_accepted_firms(names, who=who or "unknown")


class FirmsDialog(QDialog):
    def __init__(self, register: Any, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.who = who
        self.setWindowTitle("Accepted audit firms")
        self.editor = firms_editor(register, self)
        intro = plain_label(HELP, self)
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def accept(self) -> None:
        save_firms(self.register, self.editor, self.who)
        super().accept()
