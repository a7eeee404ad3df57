"""The question an import asks about a copy: this file is the same report as one already in the register (re-saved,
re-encrypted or watermarked by a trust portal); skip it (the default, also Escape) or keep both."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from reviewer.gui.importing.prompts import ImportQuestion
from reviewer.gui.text import plain_label


class CopyPrompt(ImportQuestion):
    """`keep_both` is True once the user chose "Keep both"; any other answer skips the copy."""

    def __init__(self, file_name: str, outcome: Any, parent: QWidget | None = None) -> None:
        super().__init__("This is a copy of a report in the register", parent)
        copy_of = outcome.copy_of
        self.keep_both = False
        vendor = f", {copy_of.vendor}" if copy_of.vendor else ""
        self.text = plain_label(
            f"{file_name} is a copy of {copy_of.file_name} (report {copy_of.report_id}{vendor}), already in the "
            f"register: the same vendor, framework, period, report date and auditor, and {copy_of.similarity:.0%} "
            "the same text. Trust portals re-save or watermark a report for each download.", self)
        self.text.setWordWrap(True)
        self.layout_.addWidget(self.text)
        self.keep_button = QPushButton("Keep both", self)
        self.keep_button.setToolTip("Import this file as another report beside the one in the register")
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_button.clicked.connect(self.keep)
        self.add_buttons("Skip this copy", None)

    def keep(self) -> None:
        self.keep_both = True
        self.accept()
