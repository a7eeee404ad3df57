"""The register's report table as a lazy Qt model: rows are paged from the register, 200 at a time.

After anki's browser table model: the view asks `canFetchMore`/`fetchMore` as it scrolls, so 10,000 reports
cost one COUNT and one page at start. Sorting and filtering go to the register (SQL), which re-pages from 0.
The model holds no connection of its own: it reads through the register it is given, on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reviewer.gui.register_view.corrected import MARK, CorrectionMarks
from reviewer.gui.text import tooltip_text
from reviewer.gui.theme import STATUS_LABELS, role_colour
from reviewer.register import ReportFilter, ReportRow
from reviewer.register.currency import CurrencyThresholds, status_meaning
from reviewer.register.review_dates import reminder

if TYPE_CHECKING:
    from reviewer.register import Register


PAGE_SIZE = 200

# the role that gives a row's report id, and the one that gives a cell's raw (unformatted) value
REPORT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2

REVIEW_LABELS: dict[str, str] = {
    "new": "New",
    "in_review": "In review",
    "accepted": "Accepted",
    "accepted_with_conditions": "Accepted with conditions",
    "rejected": "Rejected",
}

DOCUMENT_LABELS: dict[str, str] = {"bridge_letter": "Bridge letter", "other": "Other document"}


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _kind(row: Any) -> str:
    if row.document_type and row.document_type != "soc_report":
        return DOCUMENT_LABELS.get(row.document_type, row.document_type)
    return " ".join(part for part in (row.framework, row.type) if part) or "Unknown"


# a reminder on the next-review date: its word after the date, and its colour role (theme.role_colour)
REMINDERS: dict[str, tuple[str, str]] = {"overdue": ("overdue", "critical"), "due": ("due", "warning")}


def _next_review(row: Any) -> str:
    shown = _day(row.next_review_date)
    due = reminder(row.next_review_date, date.today())
    return f"{shown} \u00b7 {REMINDERS[due][0]}" if due else shown


def _period(row: Any) -> str:
    if row.period_start or row.period_end:
        return f"{_day(row.period_start) or '?'} to {_day(row.period_end) or '?'}"
    if row.as_of:
        return f"as of {_day(row.as_of)}"
    return ""


@dataclass(frozen=True)
class Column:
    """One table column: its header, how a row shows in it, and the register's sort key for it."""

    header: str
    display: Callable[[Any], str]
    sort_key: str | None  # None: the register cannot order by it
    raw: Callable[[Any], object]


COLUMNS: tuple[Column, ...] = (
    Column("Vendor", lambda r: r.vendor or "", "vendor", lambda r: r.vendor),
    Column("Report", _kind, "framework", lambda r: (r.framework, r.type)),
    Column("Period / as of", _period, "period_end", lambda r: r.period_end or r.as_of),
    Column("Opinion", lambda r: (r.opinion or "").capitalize(), "opinion", lambda r: r.opinion),
    Column("Exceptions", lambda r: "" if r.exceptions_count is None else str(r.exceptions_count),
           "exceptions_count", lambda r: r.exceptions_count),
    Column("Currency", lambda r: r.currency_label or STATUS_LABELS.get(r.currency_status or "", ""),
           "currency_status", lambda r: r.currency_status),
    Column("Review", lambda r: REVIEW_LABELS.get(r.review_status or "", r.review_status or ""),
           "review_status", lambda r: r.review_status),
    Column("Next review", _next_review, "next_review_date", lambda r: r.next_review_date),
)
CURRENCY_COLUMN = 5
NEXT_REVIEW_COLUMN = 7


class ReportTableModel(QAbstractTableModel):
    """Rows of `register.reports.rows(filter)`, fetched a page at a time."""

    def __init__(self, register: Register | None = None, parent: QObject | None = None,
                 thresholds: Callable[[], CurrencyThresholds] | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self._filter: ReportFilter | None = None
        self._order_by = "vendor"
        self._descending = False
        self._rows: list[ReportRow] = []
        self._total = 0
        # the currency thresholds the badges follow (the window gives the settings'; None: the register's default)
        self.thresholds = thresholds
        self.marks = CorrectionMarks()  # reviewer corrections: a pencil, the original on hover
        self._reload()

    # what the model shows
    @property
    def register(self) -> Register | None:
        return self._register

    def set_register(self, register: Register | None) -> None:
        """Point at another connection (after unlocking), or None (locked: no rows)."""
        self._register = register
        self.refresh()

    def set_filter(self, report_filter: ReportFilter | None) -> None:
        self._filter = report_filter
        self.refresh()

    @property
    def report_filter(self) -> ReportFilter | None:
        return self._filter

    def refresh(self) -> None:
        self.beginResetModel()
        self._reload()
        self.endResetModel()

    def _reload(self) -> None:
        self._rows = []
        self._total = 0
        self.marks.clear()
        if self._register is None:
            return
        self._total = self._register.reports.count(self._filter, thresholds=self._thresholds())
        self._rows = self._fetch_page()

    def _fetch_page(self) -> list[ReportRow]:
        if self._register is None:
            return []
        page = self._register.reports.rows(
            self._filter, order_by=self._order_by, descending=self._descending,
            offset=len(self._rows), limit=PAGE_SIZE, thresholds=self._thresholds(),
        )
        self.marks.load(self._register, page)
        if not page:
            # the register shrank under us (a report deleted): stop asking for more
            self._total = len(self._rows)
        return page

    def _thresholds(self) -> CurrencyThresholds | None:
        return self.thresholds() if self.thresholds is not None else None

    def total(self) -> int:
        """All rows that match the filter, fetched or not."""
        return self._total

    def row_record(self, row: int) -> ReportRow:
        return self._rows[row]

    def report_id(self, row: int) -> int:
        return int(self._rows[row].id)

    def row_of(self, report_id: int) -> int | None:
        """The row of a report among the fetched ones (fetching more pages until found or exhausted)."""
        while True:
            for i, rec in enumerate(self._rows):
                if rec.id == report_id:
                    return i
            if not self.canFetchMore(QModelIndex()):
                return None
            self.fetchMore(QModelIndex())

    # QAbstractTableModel
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._register is not None and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        page = self._fetch_page()
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(COLUMNS):
            return None
        rec = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(rec) + (MARK if self.marks.tooltip(rec.id, index.column()) else "")
        if role == Qt.ItemDataRole.ToolTipRole and (corrected := self.marks.tooltip(rec.id, index.column())):
            return tooltip_text(corrected)
        if role == REPORT_ID_ROLE:
            return int(rec.id)
        if role == RAW_ROLE:
            value = column.raw(rec)
            return value if isinstance(value, (str, int)) else (None if value is None else str(value))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == CURRENCY_COLUMN and rec.currency_status:
            # what the status asks of the user, worded with the thresholds the badges follow
            return tooltip_text(status_meaning(rec.currency_status, self._thresholds()))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and rec.file_name:
            return tooltip_text(rec.file_name)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == NEXT_REVIEW_COLUMN:
            due = reminder(rec.next_review_date, date.today())
            return role_colour(REMINDERS[due][1]) if due else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section].header
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort_key is None:
            return
        self._order_by = str(COLUMNS[column].sort_key)
        self._descending = order == Qt.SortOrder.DescendingOrder
        # a re-sort re-pages from the start (a reset): persistent indexes cannot follow rows not yet fetched
        self.refresh()
