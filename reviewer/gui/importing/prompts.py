"""The questions an import asks the user: modal dialogs of their own, opened without blocking the event loop
(open(), never exec()).

A password for a protected PDF; and, when the register is unsure which vendor a report belongs to, a choice
among the nearest vendors or a new one. Each question is modal to the window (the window and its progress list
wait for the answer), so each carries the import's own "Cancel import" (`cancel_import`): it stops the import and drops
the questions still waiting, as the progress list's Cancel does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.text import mnemonic_safe, plain_label
from reviewer.gui.theme import show_as_error
from reviewer.register.vendors import AUTO_MATCH  # the register's own "same vendor" score: one rule for both


class ImportQuestion(QDialog):
    """A modal question of the import: its buttons, and "Cancel import" (`cancel_import`) beside them."""

    cancel_import = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)  # open() makes it modal to the window (and its progress list)
        self.layout_ = QVBoxLayout(self)
        self.waiting = plain_label("", self)
        self.waiting.setObjectName("waiting")
        self.waiting.hide()
        self.buttons = QDialogButtonBox(self)
        self.cancel_import_button = QPushButton("Cancel import", self)
        self.cancel_import_button.setToolTip("Stop importing: skip the files not yet read and the questions "
                                             "still waiting")
        self.buttons.addButton(self.cancel_import_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_import_button.clicked.connect(self._cancel_import)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def add_buttons(self, ok_text: str, cancel_text: str | None) -> None:
        ok = self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setDefault(True)
        if cancel_text is not None:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
        self.layout_.addWidget(self.waiting)
        self.layout_.addWidget(self.buttons)

    def set_waiting(self, count: int) -> None:
        """Say how many more questions wait behind this one."""
        self.waiting.setText(f"{count} more question{'s' if count != 1 else ''} after this one." if count else "")
        self.waiting.setVisible(count > 0)

    def _cancel_import(self) -> None:
        self.cancel_import.emit()


class PasswordPrompt(ImportQuestion):
    """The password of one protected PDF: "Import" with it, or "Skip this file"."""

    def __init__(self, file_name: str, wrong: bool, parent: QWidget | None = None) -> None:
        super().__init__("Password-protected PDF", parent)
        lead = "That password did not open it. " if wrong else ""
        self.label = plain_label(f"{lead}{file_name} is password protected.\nIts password:", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.layout_.addWidget(self.label)
        self.layout_.addWidget(self.password)
        self.add_buttons("Import", "Skip this file")

    def labelText(self) -> str:  # noqa: N802 - QInputDialog's names, which the callers used
        return self.label.text()

    def textValue(self) -> str:  # noqa: N802
        return self.password.text()

    def setTextValue(self, text: str) -> None:  # noqa: N802
        self.password.setText(text)


def password_prompt(parent: QWidget | None, file_name: str, wrong: bool) -> PasswordPrompt:
    """The password dialog for one file; the caller connects accepted/rejected and calls open()."""
    return PasswordPrompt(file_name, wrong, parent)


class VendorConfirmDialog(ImportQuestion):
    """Which vendor is this report from? One of the candidates, or a new vendor with a name.

    A candidate is chosen by default only when the register itself took it for the same vendor (a score of
    `AUTO_MATCH` or more); below that the default is a new vendor, so that Enter never merges two companies whose
    names merely look alike ("Brindle Analytics Ltd." for "Brackenridge Analytics, Inc.")."""

    def __init__(self, file_name: str, match: Any, parent: QWidget | None = None) -> None:
        super().__init__("Which vendor is this report from?", parent)
        self.match = match
        read_as = f" The report names \u201c{match.vendor_name}\u201d." if match.vendor_name else ""
        text = plain_label(f"{file_name}: the register is not sure which vendor this is.{read_as}", self)
        text.setWordWrap(True)
        layout = self.layout_
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

        same = [i for i, (_vid, _name, score) in enumerate(match.candidates) if score >= AUTO_MATCH]
        (self.group.button(same[0]) if same else self.new_button).setChecked(True)
        self.add_buttons("Confirm", "Decide later")

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
        """(vendor_id, None) for an existing vendor, (None, name) for a new one. A new vendor named as the one the
        register already made for this report is that vendor (not a second of the same name)."""
        vendor_id = self.choices[self.group.checkedId()]
        if vendor_id is not None:
            return vendor_id, None
        name = self.new_name.text().strip()
        made = self.match.vendor_id
        if made is not None and made not in self.choices.values() and name == (self.match.vendor_name or ""):
            return int(made), None
        return None, name

    def accept(self) -> None:
        vendor_id, name = self.choice()
        if vendor_id is None and not name:
            self.message.setText("Type the new vendor's name.")
            return
        super().accept()
