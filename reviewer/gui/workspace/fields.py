"""The report's extracted facts (as the table of fields lists them), each a link to where it was read: a click
asks the viewer for its evidence box.

An unknown value shows as "not found" (never a guess); a value without evidence is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from reviewer.extract.fields_table import facts
from reviewer.extract.model import Evidence, ExtractionResult
from reviewer.gui.text import plain_label, tooltip_text
from reviewer.gui.workspace.links import LinkButton

NOT_FOUND = "not found"


def field_values(extraction: ExtractionResult) -> list[tuple[str, str, str | None, Evidence | None]]:
    """(key, label, shown value or None, evidence) for each fact the panel shows, in reading order (the table of
    fields, `reviewer.extract.fields_table`, says which and how)."""
    return [(f.key, f.label, f.text, f.evidence) for f in facts(extraction)]


class FieldsPanel(QWidget):
    """A form of the report's facts; `evidence_requested(page, bbox or None)` when one is clicked."""

    evidence_requested = Signal(int, object)

    def __init__(self, extraction: ExtractionResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.links: dict[str, LinkButton] = {}
        self.values: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        for key, label, value, evidence in field_values(extraction):
            if value is None:
                missing = QLabel(NOT_FOUND, self)
                missing.setEnabled(False)
                self.values[key] = missing
                form.addRow(label, missing)
            elif evidence is None:
                plain = plain_label(value, self)
                plain.setWordWrap(True)
                plain.setToolTip("no evidence recorded for this value")
                self.values[key] = plain
                form.addRow(label, plain)
            else:
                link = LinkButton(value, self)
                link.setToolTip(tooltip_text(f"page {evidence.page}: {evidence.text[:200]}"))
                link.clicked.connect(lambda _=False, e=evidence: self.evidence_requested.emit(e.page, e.bbox))
                self.links[key] = link
                form.addRow(label, link)
