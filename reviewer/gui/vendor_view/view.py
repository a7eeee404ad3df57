"""`VendorView`: the vendors on the left; on the right the chosen vendor's SOC reports oldest first and, below, what
changed between each consecutive pair of the same framework (register.vendor_history)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.text import plain_label, tooltip_text
from reviewer.gui.vendor_view.changes import change_rows, pair_title
from reviewer.gui.view import ViewState

if TYPE_CHECKING:
    from reviewer.register import Register

REPORT_COLUMNS = ("File", "Framework", "Type", "Period", "Report date", "Auditor", "Opinion", "Exc.", "CUECs")
FLAG_COLOUR = "#b0281e"


def _period(report: Any) -> str:
    if report.period_end:
        return f"{report.period_start.isoformat() if report.period_start else '?'} to {report.period_end.isoformat()}"
    return f"as of {report.as_of.isoformat()}" if report.as_of else "\u2014"


class VendorView(QWidget):
    """`open_report(report_id)` when a report (or a pair, its newer report) is double-clicked."""

    open_report = Signal(int)

    def __init__(self, register: Register | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.history: Any = None
        self._wanted: int | None = None  # a vendor to show at the next refresh (restored after a lock)

        self.vendors = QListWidget(self)
        self.vendors.currentItemChanged.connect(self._vendor_chosen)
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
        splitter.setSizes([330, 950])
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
        self.vendors.blockSignals(True)
        self.vendors.clear()
        if self.register is not None:
            for vendor in self.register.vendors.all():
                count = vendor.reports_count
                item = QListWidgetItem(f"{vendor.name} ({count} document{'s' if count != 1 else ''})")
                item.setData(Qt.ItemDataRole.UserRole, vendor.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, count)
                item.setToolTip(tooltip_text(vendor.name))
                self.vendors.addItem(item)
        self.vendors.blockSignals(False)
        if not self.show_vendor(chosen) and self.vendors.count():
            self.vendors.setCurrentRow(self._first_with_history())
        elif not self.vendors.count():
            self._show(None)

    def _first_with_history(self) -> int:
        """The row of a vendor with two reports to compare (among the ten with the most documents), else 0."""
        count_role = Qt.ItemDataRole.UserRole + 1
        rows = sorted(range(self.vendors.count()), key=lambda i: -self.vendors.item(i).data(count_role))
        for row in rows[:10]:
            vendor_id = self.vendors.item(row).data(Qt.ItemDataRole.UserRole)
            if self.register is not None and self.register.insights.vendor_history(vendor_id).pairs:
                return row
        return 0

    def current_vendor_id(self) -> int | None:
        item = self.vendors.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_vendor(self, vendor_id: int | None) -> bool:
        """Choose `vendor_id` in the list (False when it is not there)."""
        for i in range(self.vendors.count()):
            if self.vendors.item(i).data(Qt.ItemDataRole.UserRole) == vendor_id and vendor_id is not None:
                if self.vendors.currentRow() == i:
                    self._vendor_chosen(self.vendors.item(i), None)
                else:
                    self.vendors.setCurrentRow(i)
                return True
        return False

    def _vendor_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        vendor_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
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
