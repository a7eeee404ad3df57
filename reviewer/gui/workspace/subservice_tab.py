"""The Subservice organizations tab: fourth parties, how the report treats them, and whether we hold their report.

A carved-out organization whose controls the report does not cover, and for which the register holds no SOC
report, is flagged: that is a gap in the assurance the vendor's report gives.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.extract.model import SubserviceOrganization
from reviewer.gui.text import plain_label, tooltip_text
from reviewer.register.records import SubserviceRecord

GAP_TEXT = "carved out, no report on file"
GAP_COLOR = QColor(190, 40, 30)


def is_gap(record: SubserviceRecord) -> bool:
    return record.method != "inclusive" and not record.has_report_on_file


class SubserviceTab(QWidget):
    """One row per subservice organization; the row's evidence is the extraction's page and box for it."""

    evidence_requested = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[SubserviceRecord] = []
        self._extracted: dict[str, SubserviceOrganization] = {}
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(["Organization", "Services", "Method", "Vendor in register", "Status"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show_evidence(row))
        self.summary = plain_label("", self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def set_records(self, records: list[SubserviceRecord], extracted: list[SubserviceOrganization],
                    vendor_names: dict[int, str]) -> None:
        self.records = records
        self._extracted = {s.name: s for s in extracted}
        self.table.blockSignals(True)
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            gap = is_gap(record)
            linked = vendor_names.get(record.linked_vendor_id, "") if record.linked_vendor_id else ""
            status = GAP_TEXT if gap else ("report on file" if record.has_report_on_file else
                                           "inclusive: covered by this report")
            cells = (record.name, record.services or "", record.method or "not stated", linked, status)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip_text(text))
                if gap:
                    item.setForeground(QBrush(GAP_COLOR))
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        gaps = [r.name for r in records if is_gap(r)]
        if not records:
            self.summary.setText("The report names no subservice organizations.")
        elif gaps:
            self.summary.setText(f"{len(gaps)} carved-out subservice organization(s) with no SOC report on file: "
                                 + ", ".join(gaps) + ".")
        else:
            self.summary.setText("Every carved-out subservice organization has a report on file.")

    def current_evidence(self) -> tuple[int, object] | None:
        """(page, bbox) of the selected subservice organization (the first when none is), for the viewer."""
        row = self.table.currentRow()
        record = self.records[row if 0 <= row < len(self.records) else 0] if self.records else None
        found = self._extracted.get(record.name) if record is not None else None
        return (found.page, found.bbox) if found is not None and found.page else None

    def _show_evidence(self, row: int) -> None:
        if 0 <= row < len(self.records):
            found = self._extracted.get(self.records[row].name)
            if found is not None and found.page:
                self.evidence_requested.emit(found.page, found.bbox)
