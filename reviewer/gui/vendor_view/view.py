"""`VendorView`, the register seen by vendor: the vendors on the left (each with its latest report, its currency
status and its report count: vendor_list.py); on the right the chosen vendor's SOC reports oldest first and, below,
what changed between each consecutive pair of the same framework (register.vendor_history)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.text import plain_label
from reviewer.gui.vendor_view.changes import change_rows, pair_title
from reviewer.gui.vendor_view.vendor_list import VendorList
from reviewer.gui.view import ViewState

if TYPE_CHECKING:
    from reviewer.register import Register
    from reviewer.register.currency import CurrencyThresholds

REPORT_COLUMNS = ("File", "Framework", "Type", "Period", "Report date", "Auditor", "Opinion", "Exc.", "CUECs")
FLAG_COLOUR = "#b0281e"
FILE_MIN_WIDTH = 60  # pixels, the other columns' least width too


def _period(report: Any) -> str:
    if report.period_end:
        return f"{report.period_start.isoformat() if report.period_start else '?'} to {report.period_end.isoformat()}"
    return f"as of {report.as_of.isoformat()}" if report.as_of else "\u2014"


class VendorView(QWidget):
    """`open_report(report_id)` when a report (or a pair, its newer report) is double-clicked."""

    open_report = Signal(int)

    def __init__(self, register: Register | None, parent: QWidget | None = None,
                 thresholds: Callable[[], CurrencyThresholds] | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.history: Any = None
        self._wanted: int | None = None  # a vendor to show at the next refresh (restored after a lock)
        self.thresholds = thresholds  # the statuses follow the settings' thresholds, as the register table's
        self.today: date | None = None  # None: the real today (tests pin a date)

        self.vendors = VendorList(self)
        self.vendors.vendor_chosen.connect(self._vendor_chosen)
        self.title = plain_label("Choose a vendor.", self)
        bold = QFont(self.title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.title.setFont(bold)
        self.reports = QTreeWidget(self)
        self.reports.setRootIsDecorated(False)
        self.reports.setHeaderLabels(list(REPORT_COLUMNS))
        self.reports.setAlternatingRowColors(True)
        self.reports.itemDoubleClicked.connect(lambda item, _c: self._open(item))
        header = self.reports.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(FILE_MIN_WIDTH)  # two files of one vendor must not both read "ravenscar-…"
        self.reports.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.setStretchLastSection(False)
        self.changes = QTreeWidget(self)
        self.changes.setHeaderLabels(["What", "Change"])
        self.changes.setWordWrap(True)
        self.changes.setUniformRowHeights(False)
        self.changes.itemDoubleClicked.connect(lambda item, _c: self._open(item))
        self.changes.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.changes.setColumnWidth(0, 230)
        self.hint = plain_label("", self)
        self.hint.setWordWrap(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        inner = QSplitter(Qt.Orientation.Vertical, right)
        inner.addWidget(self.reports)
        below = QWidget(inner)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(plain_label("What changed from one report to the next (same framework):", below))
        below_layout.addWidget(self.changes, 1)
        below_layout.addWidget(self.hint)
        inner.addWidget(below)
        inner.setStretchFactor(0, 1)
        inner.setStretchFactor(1, 3)
        right_layout.addWidget(inner, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.vendors)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def set_register(self, register: Register | None) -> None:
        self.register = register
        if register is None:
            self.refresh()  # nothing to show while locked; with a register, refreshed when shown

    def state(self) -> ViewState:
        return {"vendor_id": self.current_vendor_id()}

    def restore(self, state: ViewState) -> None:
        vendor_id = state.get("vendor_id")
        self._wanted = vendor_id if isinstance(vendor_id, int) else None

    def refresh(self) -> None:
        """Re-read the vendor list, keeping the chosen vendor."""
        chosen = self._wanted if self._wanted is not None else self.current_vendor_id()
        self._wanted = None
        self.vendors.load(self.register, self.today or date.today(),
                          self.thresholds() if self.thresholds is not None else None)
        count = self.vendors.topLevelItemCount()
        if not self.show_vendor(chosen) and count:
            self.vendors.choose_row(self._first_with_history())
        elif not count:
            self._show(None)

    def _first_with_history(self) -> int:
        """The row of a vendor with two reports to compare (among the ten with the most documents), else 0."""
        ids = self.vendors.vendor_ids()
        rows = sorted(range(len(ids)), key=lambda i: -self.vendors.report_count(i))
        for row in rows[:10]:
            if self.register is not None and self.register.insights.vendor_history(ids[row]).pairs:
                return row
        return 0

    def current_vendor_id(self) -> int | None:
        return self.vendors.current_vendor_id()

    def show_vendor(self, vendor_id: int | None) -> bool:
        """Choose `vendor_id` in the list (False when it is not there)."""
        return self.vendors.choose(vendor_id)

    def reveal(self, vendor_id: int) -> None:
        """Bring this view forward in its tab widget (which refreshes it) and choose `vendor_id`."""
        stack = self.parentWidget()
        tabs = stack.parentWidget() if stack is not None else None
        if isinstance(tabs, QTabWidget):
            tabs.setCurrentWidget(self)
        self.show_vendor(vendor_id)

    def _vendor_chosen(self, vendor_id: int | None) -> None:
        self._show(self.register.insights.vendor_history(vendor_id) if vendor_id is not None and self.register
                   else None)

    def _show(self, history: Any) -> None:
        self.history = history
        self.reports.clear()
        self.changes.clear()
        if history is None:
            self.title.setText("Choose a vendor.")
            self.hint.setText("")
            return
        self.title.setText(f"{history.vendor}: {len(history.reports)} SOC report(s), oldest first")
        for r in history.reports:
            item = QTreeWidgetItem([r.file_name, r.framework or "\u2014", r.type or "\u2014", _period(r),
                                    r.report_date.isoformat() if r.report_date else "\u2014", r.auditor or "\u2014",
                                    r.opinion or "\u2014", str(len(r.exceptions)), str(len(r.cuecs))])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            self.reports.addTopLevelItem(item)
        flag = QBrush(QColor(FLAG_COLOUR))
        for change in history.pairs:
            top = QTreeWidgetItem([pair_title(change), ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setData(0, Qt.ItemDataRole.UserRole, change.new.id)
            self.changes.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for aspect, text, notable in change_rows(change):
                child = QTreeWidgetItem([aspect, text])
                child.setData(0, Qt.ItemDataRole.UserRole, change.new.id)
                child.setToolTip(1, text)
                if notable:
                    child.setForeground(0, flag)
                    child.setForeground(1, flag)
                top.addChild(child)
            top.setExpanded(True)
        self.hint.setText("Double-click a report or a change to open the newer report's review."
                          if history.pairs else "Only one report per framework so far: nothing to compare yet.")

    def change_texts(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """What the changes tree shows: (pair title, [(aspect, change)]) per pair (for tests)."""
        out = []
        for i in range(self.changes.topLevelItemCount()):
            top = self.changes.topLevelItem(i)
            if top is None:
                continue
            children = [top.child(k) for k in range(top.childCount())]
            out.append((top.text(0), [(c.text(0), c.text(1)) for c in children if c is not None]))
        return out

    def _open(self, item: QTreeWidgetItem) -> None:
        report_id = item.data(0, Qt.ItemDataRole.UserRole)
        if report_id is not None:
            self.open_report.emit(int(report_id))
