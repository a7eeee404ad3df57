"""The dialog that adds one of the user's own controls (reference, title, owner) for CUECs to map to."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from reviewer.gui.theme import show_as_error


class OwnControlDialog(QDialog):
    """Asks for a new own control; OK stays disabled until a reference and a title are given."""

    def __init__(self, parent: QWidget | None = None, *, suggested_title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Add own control")
        self.ref = QLineEdit(self)
        self.ref.setPlaceholderText("e.g. IAM-03")
        self.title = QLineEdit(suggested_title, self)
        self.owner = QLineEdit(self)
        self.owner.setPlaceholderText("who operates it")
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        show_as_error(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Reference", self.ref)
        form.addRow("Title", self.title)
        form.addRow("Owner", self.owner)
        form.addRow(self.error)
        form.addRow(self.buttons)
        for field in (self.ref, self.title):
            field.textChanged.connect(self._check)
        self._check()

    def values(self) -> tuple[str, str, str | None]:
        return self.ref.text().strip(), self.title.text().strip(), self.owner.text().strip() or None

    def _check(self) -> None:
        ref, title, _owner = self.values()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(ref and title))

    def accept(self) -> None:
        ref, title, _owner = self.values()
        if not (ref and title):
            self.error.setText("A reference and a title are needed.")
            return
        super().accept()
