"""The reviewer's one identity: the name kept in the settings, shown (and set) from the Review tab.

The same name is written into the audit log, the review, triage, CUEC mappings and sign-offs; the Settings
dialog edits the same setting. Setting it here makes sign-off possible at once, without reopening the review.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reviewer.gui.text import plain_label


class HasReviewerName(Protocol):
    """The settings the workspace reads the reviewer's one name from (and saves it to)."""

    reviewer_name: Any

    def sync(self) -> None: ...

class ReviewerNameDialog(QDialog):
    """Asks for the reviewer's name; OK stays disabled while it is blank."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your name")
        self.name = QLineEdit(name, self)
        self.name.setPlaceholderText("your name, written into the audit log and sign-offs")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(plain_label("The name is kept in Settings and used for every review.", self))
        form.addRow("Reviewer name", self.name)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()

    def value(self) -> str:
        return self.name.text().strip()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.value()))


class ReviewerNameRow(QWidget):
    """"Dana Reviewer  [Change...]", or "not set  [Set your name...]"; `name_requested` when the button is used."""

    name_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain_label("", self)
        self.button = QPushButton("", self)
        self.button.clicked.connect(self.name_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.show_name("")

    def show_name(self, name: str) -> None:
        self.label.setText(name or "not set")
        self.label.setEnabled(bool(name))
        self.button.setText("Change\u2026" if name else "Set your name\u2026")
        self.button.setToolTip("The reviewer name kept in Settings (Ctrl+,), used for every review")
