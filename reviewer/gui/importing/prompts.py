"""The questions an import asks the user, as non-blocking dialogs (open(), never exec()).

A password for a protected PDF; and, when the register is unsure which vendor a report belongs to, a choice
among the nearest vendors or a new one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.text import mnemonic_safe, plain_label
from reviewer.gui.theme import show_as_error


def password_prompt(parent: QWidget | None, file_name: str, wrong: bool) -> QInputDialog:
    """An input dialog in password mode for one file; the caller connects accepted/rejected and calls open()."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Password-protected PDF")
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    lead = "That password did not open it. " if wrong else ""
    dialog.setLabelText(f"{lead}{file_name} is password protected.\nIts password:")
    dialog.setOkButtonText("Import")
    dialog.setCancelButtonText("Skip this file")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    return dialog


class VendorConfirmDialog(QDialog):
    """Which vendor is this report from? One of the candidates, or a new vendor with a name."""

    def __init__(self, file_name: str, match: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which vendor is this report from?")
        self.match = match
        read_as = f" The report names \u201c{match.vendor_name}\u201d." if match.vendor_name else ""
        text = plain_label(f"{file_name}: the register is not sure which vendor this is.{read_as}", self)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)

        self.group = QButtonGroup(self)
        self.choices: dict[int, int | None] = {}
        for i, (vendor_id, name, score) in enumerate(match.candidates):
            button = QRadioButton(mnemonic_safe(f"{name}  ({score:.0f}% similar)"), self)
            self.group.addButton(button, i)
            self.choices[i] = int(vendor_id)
            layout.addWidget(button)
        new_index = len(match.candidates)
        self.new_button = QRadioButton("A new vendor named:", self)
        self.group.addButton(self.new_button, new_index)
        self.choices[new_index] = None
        self.new_name = QLineEdit(match.vendor_name or "", self)
        self.new_name.textChanged.connect(lambda _t: self.new_button.setChecked(True))
        layout.addWidget(self.new_button)
        layout.addWidget(self.new_name)
        self.message = QLabel(self)
        show_as_error(self.message)  # it only ever says what is missing
        layout.addWidget(self.message)

        first = self.group.button(0)
        (first or self.new_button).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Confirm")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Decide later")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose_candidate(self, vendor_id: int) -> None:
        for i, candidate in self.choices.items():
            if candidate == vendor_id:
                self.group.button(i).setChecked(True)
                return
        raise KeyError(vendor_id)

    def choose_new(self, name: str) -> None:
        self.new_name.setText(name)
        self.new_button.setChecked(True)

    def choice(self) -> tuple[int | None, str | None]:
        """(vendor_id, None) for an existing vendor, (None, name) for a new one."""
        vendor_id = self.choices[self.group.checkedId()]
        return (vendor_id, None) if vendor_id is not None else (None, self.new_name.text().strip())

    def accept(self) -> None:
        vendor_id, name = self.choice()
        if vendor_id is None and not name:
            self.message.setText("Type the new vendor's name.")
            return
        super().accept()
