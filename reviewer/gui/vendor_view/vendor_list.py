"""The Vendors view's list: one row per vendor with its latest SOC report, that report's currency status (in the
status's badge colours, as in the register table) and how many SOC reports it has; sortable, the status column by
severity."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from reviewer.gui.text import tooltip_text
from reviewer.gui.theme import badge_colours
from reviewer.register import ReportFilter
from reviewer.register.currency import SEVERITY, CurrencyThresholds, day_text

if TYPE_CHECKING:
    from reviewer.register import Register

COLUMNS = ("Vendor", "Latest report", "Status", "Reports")
VENDOR, LATEST, STATUS, COUNT = range(len(COLUMNS))
MIN_COLUMN, LATEST_WIDTH, STATUS_WIDTH = 60, 120, 150  # pixels
VENDOR_ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 5  # what a column sorts by, when not its text
STATUS_ROLE = Qt.ItemDataRole.UserRole + 6  # the status's code ("bridge_lapsed")


class _VendorItem(QTreeWidgetItem):
    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else VENDOR
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if mine is not None and theirs is not None and mine != theirs:
            return bool(mine < theirs)
        return self.text(VENDOR).lower() < other.text(VENDOR).lower()


class VendorList(QTreeWidget):
    """`vendor_chosen(vendor_id or None)` when the current row changes."""

    vendor_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setHeaderLabels(list(COLUMNS))
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(VENDOR, Qt.SortOrder.AscendingOrder)
        header = self.header()
        # the vendor's name takes the room; the latest report's name and the status are cut (elided, whole in
        # the tool tip) rather than squeeze the name to "L…" at 1280 px
        header.setMinimumSectionSize(MIN_COLUMN)
        header.setSectionResizeMode(VENDOR, QHeaderView.ResizeMode.Stretch)
        for column, width in ((LATEST, LATEST_WIDTH), (STATUS, STATUS_WIDTH)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.currentItemChanged.connect(lambda item, _previous: self.vendor_chosen.emit(
            item.data(VENDOR, VENDOR_ID_ROLE) if item is not None else None))

    def load(self, register: Register | None, today: date, thresholds: CurrencyThresholds | None) -> None:
        """Every vendor with a document: its latest SOC report and status as of `today`, and its SOC report count."""
        self.blockSignals(True)
        self.clear()
        if register is not None:
            counts = Counter(r.vendor_id for r in register.reports.rows(
                ReportFilter(document_type="soc_report"), limit=None, thresholds=thresholds))
            for cur in register.currency.by_vendor(today, thresholds):
                latest = " ".join(p for p in (cur.framework, cur.type) if p) or "\u2014"
                if cur.period_end:
                    latest += f" to {day_text(cur.period_end)}"
                item = _VendorItem([cur.vendor, latest, cur.status_label or "Unknown", str(counts[cur.vendor_id])])
                item.setData(VENDOR, VENDOR_ID_ROLE, cur.vendor_id)
                item.setData(LATEST, SORT_ROLE, cur.period_end.isoformat() if cur.period_end else "")
                if cur.status:
                    background, text = badge_colours(cur.status, self.palette())
                    item.setBackground(STATUS, background)
                    item.setForeground(STATUS, text)
                item.setData(STATUS, STATUS_ROLE, cur.status)
                item.setData(STATUS, SORT_ROLE, SEVERITY.get(cur.status or "", len(SEVERITY)))
                item.setData(COUNT, SORT_ROLE, counts[cur.vendor_id])
                item.setTextAlignment(COUNT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(VENDOR, tooltip_text(cur.vendor))
                item.setToolTip(LATEST, tooltip_text(item.text(LATEST)))
                item.setToolTip(STATUS, tooltip_text(f"{item.text(STATUS)}: {cur.reason}" if cur.reason
                                                     else item.text(STATUS)))
                self.addTopLevelItem(item)
        self.blockSignals(False)

    def vendor_ids(self) -> list[int]:
        """The vendors in the order shown."""
        return [self._item(i).data(VENDOR, VENDOR_ID_ROLE) for i in range(self.topLevelItemCount())]

    def report_count(self, row: int) -> int:
        return int(self._item(row).data(COUNT, SORT_ROLE))

    def current_vendor_id(self) -> int | None:
        item = self.currentItem()
        return item.data(VENDOR, VENDOR_ID_ROLE) if item is not None else None

    def choose(self, vendor_id: int | None) -> bool:
        """Make `vendor_id` current (False when it is not listed); the choice is signalled even when unchanged."""
        for i in range(self.topLevelItemCount()):
            item = self._item(i)
            if vendor_id is not None and item.data(VENDOR, VENDOR_ID_ROLE) == vendor_id:
                if self.currentItem() is item:
                    self.vendor_chosen.emit(vendor_id)
                else:
                    self.setCurrentItem(item)
                return True
        return False

    def choose_row(self, row: int) -> None:
        self.setCurrentItem(self._item(row))

    def _item(self, row: int) -> QTreeWidgetItem:
        item = self.topLevelItem(row)
        assert item is not None
        return item
