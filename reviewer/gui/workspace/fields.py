"""The report's extracted facts, each a link to where it was read: a click asks the viewer for its evidence box.

An unknown value shows as "not found" (never a guess); a value without evidence is plain text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from reviewer.extract.model import Evidence, ExtractionResult
from reviewer.gui.text import plain_label, tooltip_text
from reviewer.gui.workspace.links import LinkButton

NOT_FOUND = "not found"


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def field_values(extraction: ExtractionResult) -> list[tuple[str, str, str | None, Evidence | None]]:
    """(key, label, shown value or None, evidence) for each fact the panel shows, in reading order."""
    rep = extraction.report
    ev = extraction.evidence

    def first(*keys: str) -> Evidence | None:
        return next((ev[k] for k in keys if k in ev), None)

    kind = " ".join(v for v in (rep.framework, rep.type) if v) or None
    if rep.period_start or rep.period_end:
        period_label = "Period"
        period = f"{iso(rep.period_start) or '?'} to {iso(rep.period_end) or '?'}"
        period_ev = first("period_end", "period_start")
    else:
        period_label = "As of"
        period = iso(rep.as_of)
        period_ev = first("as_of")
    rows: list[tuple[str, str, str | None, Evidence | None]] = [
        ("service_organization", "Service organization", rep.service_organization, first("service_organization")),
        ("system", "System", rep.system, first("system")),
        ("framework", "Framework / type", kind, first("framework", "type")),
        ("period", period_label, period, period_ev),
        ("report_date", "Report date", iso(rep.report_date), first("report_date")),
        ("service_auditor", "Service auditor", rep.service_auditor, first("service_auditor")),
        ("opinion", "Opinion", rep.opinion, first("opinion")),
        ("categories", "Categories", ", ".join(rep.categories) or None, first("categories")),
        ("criteria", "Criteria", short_list(rep.criteria), first("criteria")),
    ]
    if extraction.document_type == "bridge_letter" or rep.bridge_period_end:
        rows.append(("bridge_period_end", "Bridge letter to", iso(rep.bridge_period_end), first("bridge_period_end")))
    return rows


def short_list(items: list[str], shown: int = 8) -> str | None:
    if not items:
        return None
    more = f" (+{len(items) - shown} more)" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


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
