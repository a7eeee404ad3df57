"""Marks on the register table for reviewer corrections: a pencil after a corrected value, the original on hover.

`CorrectionMarks` loads the corrections of a page of rows in one query (`register.corrections.of`) and answers,
per report and column, the tool tip of the corrections that changed what the column shows (None: not corrected).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.register import ReportRow
from reviewer.register.corrections import Correction, show

if TYPE_CHECKING:
    from reviewer.register import Register

MARK = " \u270e"
# the table's columns (register_view.model.COLUMNS order) and the corrected targets each one shows
COLUMN_TARGETS: dict[int, tuple[str, ...]] = {
    1: ("framework", "type", "document_type"),
    2: ("period_start", "period_end", "as_of"),
    3: ("opinion",),
    4: ("exceptions/",),
}


def _tip(corr: Correction) -> str:
    if corr.kind == "add":
        return f"{corr.label}: added by {corr.who} at {corr.at}"
    if corr.kind == "remove":
        return f"{corr.label}: removed by {corr.who} at {corr.at}"
    return f"{corr.label}: corrected by {corr.who} at {corr.at}; read as {show(corr.original, corr.target)}"


class CorrectionMarks:
    """Per-report correction tool tips for the register table, loaded a page at a time."""

    def __init__(self) -> None:
        self._by_report: dict[int, list[Correction]] = {}

    def clear(self) -> None:
        self._by_report.clear()

    def load(self, register: Register | None, rows: list[ReportRow]) -> None:
        if register is None:
            return
        self._by_report.update({r.id: [] for r in rows})
        self._by_report.update(register.corrections.of([r.id for r in rows]))

    def tooltip(self, report_id: int, column: int) -> str | None:
        targets = COLUMN_TARGETS.get(column)
        if not targets:
            return None
        tips = [_tip(c) for c in self._by_report.get(report_id, [])
                if c.target in targets or any(t.endswith("/") and c.target.startswith(t) for t in targets)]
        return "\n".join(tips) or None
