"""The register window's main view: filter bar, the paged report table, and full-text search hits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from reviewer.gui.register_view.delegates import CurrencyBadgeDelegate
from reviewer.gui.register_view.empty_hint import EmptyRegisterHint
from reviewer.gui.register_view.filter_bar import FilterBar
from reviewer.gui.register_view.model import CURRENCY_COLUMN, NEXT_REVIEW_COLUMN, ReportTableModel
from reviewer.gui.register_view.search import SearchResults
from reviewer.gui.view import ViewState
from reviewer.register import Register, ReportFilter, ReportRow
from reviewer.register.currency import CurrencyThresholds
from reviewer.resources import sample_pdfs


class ReportTable(QTableView):
    """The table; Enter opens the current report like a double-click does."""

    open_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class RegisterView(QWidget):
    """Emits `open_report(report_id, page)` (page 0 means the report's start), `selection_changed()`,
    `vendor_history_requested(vendor_id)` (the current row's vendor, to see its reports over time) and
    `import_samples_requested()` from the empty register's button."""

    open_report = Signal(int, int)
    selection_changed = Signal()
    vendor_history_requested = Signal(int)
    import_samples_requested = Signal()

    def __init__(self, register: Register | None = None, parent: QWidget | None = None,
                 thresholds: Callable[[], CurrencyThresholds] | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.filter_bar = FilterBar(self)
        self.model = ReportTableModel(register, self, thresholds)
        self.table = ReportTable(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(2, 190)
        self.table.setColumnWidth(CURRENCY_COLUMN, 250)  # "Bridge letter lapsed on 29 Jul 2026" reads whole
        self.badges = CurrencyBadgeDelegate(self.table)
        self.table.setItemDelegateForColumn(CURRENCY_COLUMN, self.badges)
        self.count = QLabel(self)
        self.empty_hint = EmptyRegisterHint(self.table, show_samples_button=bool(sample_pdfs()))
        self.empty_hint.import_samples.connect(self.import_samples_requested)
        self.results = SearchResults(self)
        self.results.hide()

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.results)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(splitter)
        layout.addWidget(self.count)

        self.filter_bar.filter_changed.connect(self._filter)
        self.filter_bar.search_requested.connect(self.search)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.open_requested.connect(self._open_row)
        self.results.hit_activated.connect(self.open_report)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.model.modelReset.connect(self.selection_changed.emit)
        self.vendor_history_action = QAction("Show the vendor's reports over time", self)
        self.vendor_history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.vendor_history_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.vendor_history_action.triggered.connect(self.request_vendor_history)
        self.add_row_action(self.vendor_history_action)
        self._update_count()

    def request_vendor_history(self) -> None:
        """The current row's vendor, to the Vendors view (nothing for a report without a vendor)."""
        index = self.table.currentIndex()
        vendor_id = self.model.row_record(index.row()).vendor_id if index.isValid() else None
        if vendor_id is not None:
            self.vendor_history_requested.emit(vendor_id)

    def add_row_action(self, action: QAction) -> None:
        """An action on the selected rows: in the table's context menu, its shortcut live while the table has focus."""
        self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def report_rows(self, report_ids: list[int]) -> list[ReportRow]:
        """The table's rows of these reports (fetched as needed)."""
        rows = (self.model.row_of(report_id) for report_id in report_ids)
        return [self.model.row_record(row) for row in rows if row is not None]

    def show_vendor(self, vendor_id: int) -> None:
        """Only this vendor's reports."""
        self.model.set_filter(ReportFilter(vendor_id=vendor_id))

    def show_reviews_due(self, due_by: date) -> None:
        """Only the reports whose next review falls by `due_by` (overdue ones too), earliest first."""
        self.model.set_filter(ReportFilter(review_due_by=due_by))
        self.table.sortByColumn(NEXT_REVIEW_COLUMN, Qt.SortOrder.AscendingOrder)

    def set_register(self, register: Register | None) -> None:
        self.register = register
        self.model.set_register(register)
        if register is None:
            self.results.clear()

    def refresh(self) -> None:
        """Re-read the register, keeping the selection; search hits shown are searched again (an import or a
        deletion changes them)."""
        selected = self.selected_report_ids()
        current = self.current_report_id()
        self.model.refresh()
        self.select_reports(selected, current)
        if self.results.isVisibleTo(self) and self.results.query:
            self.search(self.results.query)

    def _filter(self, report_filter: Any) -> None:
        self.model.set_filter(report_filter)

    def _update_count(self) -> None:
        total = self.model.total()
        shown = self.model.report_filter
        due = f" with a review due by {shown.review_due_by.isoformat()}" if shown and shown.review_due_by else ""
        self.count.setText(f"{total} report{'s' if total != 1 else ''}{due}" if self.register is not None else "")
        # how to start, while the register holds nothing (not when a filter matches nothing)
        self.empty_hint.setVisible(self.register is not None and total == 0 and self.model.report_filter is None)

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_report.emit(self.model.report_id(row), 0)

    def search(self, query: str) -> None:
        """Full-text search over every report's pages; an empty query hides the hits."""
        query = query.strip()
        if not query or self.register is None:
            self.results.clear()
            self.results.hide()
            return
        self.results.show_hits(query, self.register.search.pages(query))
        self.results.show()

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    # selection, kept across refreshes and locks
    def selected_report_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.report_id(r) for r in rows]

    def current_report_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.report_id(index.row()) if index.isValid() else None

    def select_reports(self, report_ids: list[int], current: int | None = None) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for report_id in report_ids:
            row = self.model.row_of(report_id)
            if row is not None:
                selection.select(self.model.index(row, 0), flags)
        if current is not None:
            row = self.model.row_of(current)
            if row is not None:
                selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(self.model.index(row, 0))

    def state(self) -> ViewState:
        return {
            "filter": self.filter_bar.state(),
            "selected": self.selected_report_ids(),
            "current": self.current_report_id(),
            "search_visible": self.results.isVisibleTo(self),
        }

    def restore(self, state: ViewState) -> None:
        saved_filter, selected, current = state.get("filter", {}), state.get("selected", []), state.get("current")
        self.filter_bar.restore(saved_filter if isinstance(saved_filter, dict) else {})
        self.model.set_filter(self.filter_bar.current_filter())
        self.select_reports(list(selected) if isinstance(selected, list) else [],
                            current if isinstance(current, int) else None)
        if state.get("search_visible"):
            self.search(self.filter_bar.search.text())
