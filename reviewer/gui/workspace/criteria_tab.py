"""The Criteria tab: each criterion in scope (SOC 2), or each control objective with its title (SOC 1), with
what the report maps to it: exceptions, controls not tested, CUECs (and the own controls mapped to them), CSOCs.

A tree: one top-level row per criterion or objective (its counts beside it), its findings below. Selecting a
row asks the viewer for its page and box, as the other tabs do. The grouping is `reviewer.register.scope_view`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.extract.model import BBox, ExtractionResult
from reviewer.gui.text import plain_label, tooltip_text
from reviewer.register.records import CuecRecord, ExceptionRecord
from reviewer.register.scope_view import UNMAPPED, ScopeRow, by_objective, scope_rows

COLUMNS = ("Criterion / finding", "Exceptions", "Not tested", "CUECs", "CSOCs")
EXCEPTION_COLOR = QColor(190, 40, 30)
NOT_TESTED_COLOR = QColor(140, 90, 0)
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1  # (page, bbox) of a row


def row_title(row: ScopeRow, soc1: bool) -> str:
    if row.key == UNMAPPED:
        return "Not mapped to " + ("a control objective" if soc1 else "a criterion in scope")
    if soc1:
        return f"Control objective {row.key}" + (f" \u2014 {row.title}" if row.title else "")
    return row.key


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


class CriteriaTab(QWidget):
    """The report's scope, criterion by criterion (or objective by objective); `evidence_requested(page, bbox)`."""

    evidence_requested = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ScopeRow] = []
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda item, _previous: self._show_evidence(item))
        self.tree.itemClicked.connect(lambda item, _col: self._show_evidence(item))
        self.summary = plain_label("", self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def set_report(self, extraction: ExtractionResult, exceptions: list[ExceptionRecord],
                   cuecs: list[CuecRecord]) -> None:
        soc1 = by_objective(extraction)
        tops = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        expanded = {item.text(0) for item in tops if item is not None and item.isExpanded()}  # kept on re-read
        self.rows = scope_rows(extraction, exceptions, cuecs)
        self.tree.blockSignals(True)
        self.tree.clear()
        for row in self.rows:
            top = self._top_item(row, soc1)
            self.tree.addTopLevelItem(top)
            top.setExpanded(top.text(0) in expanded or bool(row.exceptions or row.not_tested))
        self.tree.blockSignals(False)
        self.summary.setText(self._summary(soc1))

    def _summary(self, soc1: bool) -> str:
        scoped = [r for r in self.rows if r.key != UNMAPPED]
        noun = "control objective(s)" if soc1 else "criteria"
        if not scoped:
            return f"The report lists no {noun} in scope."
        with_exc = sum(1 for r in scoped if r.exceptions)
        not_tested = {id(n) for r in self.rows for n in r.not_tested}
        text = f"{len(scoped)} {noun} in scope; {with_exc} with exceptions"
        if not_tested:
            text += f"; {len(not_tested)} control(s) not tested (their circumstances did not occur)"
        return text + "."

    def _top_item(self, row: ScopeRow, soc1: bool) -> QTreeWidgetItem:
        counts = [len(row.exceptions), len(row.not_tested), len(row.cuecs), len(row.csocs)]
        top = QTreeWidgetItem([row_title(row, soc1), *[str(n) if n else "" for n in counts]])
        if row.statement:
            top.setToolTip(0, tooltip_text(row.statement))
        top.setData(0, EVIDENCE_ROLE, (row.page, row.bbox))
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        if row.exceptions:
            top.setForeground(1, QBrush(EXCEPTION_COLOR))
        for record in row.exceptions:
            f = record.finding
            about = f" ({_short(f.control_text, 60)})" if f.control_text else ""
            self._child(top, f"Exception {f.control_id or ''}{about}: {_short(f.description)}", f.page, f.bbox,
                        EXCEPTION_COLOR, f.description)
        for skipped in row.not_tested:
            about = f" ({_short(skipped.control_text, 60)})" if skipped.control_text else ""
            self._child(top, f"Not tested {skipped.control_id or ''}{about}: no testing was performed",
                        skipped.page, skipped.bbox, NOT_TESTED_COLOR, skipped.result)
        for cuec in row.cuecs:
            ours = cuec.mapping.own_control.ref if cuec.mapping else "not mapped to our controls"
            self._child(top, f"CUEC \u2192 {ours}: {_short(cuec.cuec.text)}", cuec.cuec.page, cuec.cuec.bbox,
                        None, cuec.cuec.text)
        for csoc in row.csocs:
            org = csoc.subservice_organization or "subservice organization not named"
            self._child(top, f"CSOC ({org}): {_short(csoc.text)}", csoc.page, csoc.bbox, None, csoc.text)
        return top

    @staticmethod
    def _child(parent: QTreeWidgetItem, text: str, page: int | None, bbox: BBox | None, color: QColor | None,
               full: str) -> None:
        item = QTreeWidgetItem([text])
        item.setToolTip(0, tooltip_text(full))
        item.setData(0, EVIDENCE_ROLE, (page, bbox))
        item.setFirstColumnSpanned(False)
        if color is not None:
            item.setForeground(0, QBrush(color))
        parent.addChild(item)

    def top_item(self, key: str) -> QTreeWidgetItem | None:
        """The top-level row of criterion (or objective) `key`."""
        for i, row in enumerate(self.rows):
            if row.key == key:
                return self.tree.topLevelItem(i)
        return None

    def _show_evidence(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        page, bbox = item.data(0, EVIDENCE_ROLE) or (None, None)
        if page:
            self.evidence_requested.emit(int(page), bbox)
