"""The finance view: SOC 1 reports against the fiscal year (from settings), the days each leaves uncovered (as
date ranges), an export of that coverage, and, for the report chosen, the control objectives it covers and the
complementary user entity controls (CUECs) we must operate."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.errors import show_error
from reviewer.gui.finance.coverage_bar import ROW_HEIGHT, CoverageChart
from reviewer.gui.finance.export import ask_coverage_file
from reviewer.gui.text import plain_label, tooltip_text
from reviewer.gui.view import ViewState
from reviewer.register.coverage import ranges_text

if TYPE_CHECKING:
    from reviewer.gui.settings import AppSettings
    from reviewer.register import Register


def _tree(parent: QWidget, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setWordWrap(True)
    return tree


class FinanceView(QWidget):
    """Coverage of one fiscal year (the current one by default) by the register's SOC 1 reports.
    `message(text)`: a line for the window's status bar (an export written)."""

    message = Signal(str)

    def __init__(self, register: Register | None, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.settings = settings
        self.coverage: list[Any] = []
        self.report_id: int | None = None

        self.year = QSpinBox(self)
        self.year.setRange(1990, 2100)
        self.year.setPrefix("fiscal year ending in ")
        # the fiscal year under way; the user may pick another
        self.year.setValue(settings.fiscal_year_end_for(date.today()).year)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.summary = QLabel(self)
        self.export_csv = QPushButton("Export CSV\u2026", self)
        self.export_xlsx = QPushButton("Export Excel\u2026", self)
        self.export_csv.clicked.connect(lambda: self.ask_export("csv"))
        self.export_xlsx.clicked.connect(lambda: self.ask_export("xlsx"))
        self.chart = CoverageChart(self)
        self.chart.report_selected.connect(self.show_details)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        self.chart_scroll = scroll
        scroll.setMinimumHeight(ROW_HEIGHT + 2 * scroll.frameWidth())  # one row, not the scroll area's default

        self.details = plain_label("Click a report to see its control objectives and CUECs.", self)
        self.details.setWordWrap(True)
        self.details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.objectives = _tree(self, ["Objective", "Control objective"])
        self.cuecs = _tree(self, ["Page", "Complementary user entity control"])
        lists = QSplitter(Qt.Orientation.Horizontal, self)
        lists.addWidget(self.objectives)
        lists.addWidget(self.cuecs)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details)
        lower_layout.addWidget(lists, 1)
        # the chart takes the height of its rows (up to half the view, then it scrolls); the lists the rest
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(scroll)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        bar = QHBoxLayout()
        bar.addWidget(self.year)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.export_csv)
        bar.addWidget(self.export_xlsx)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def fiscal_year_end(self) -> date:
        month, day = self.settings.fiscal_year_end
        return date(self.year.value(), month, day)

    def set_register(self, register: Register | None) -> None:
        self.register = register
        if register is None:
            self.refresh()  # nothing to show while locked; with a register, refreshed when shown

    def state(self) -> ViewState:
        return {"year": self.year.value()}

    def restore(self, state: ViewState) -> None:
        self.year.blockSignals(True)  # the view reads the register when shown, not on every restored value
        year = state.get("year")
        if isinstance(year, int):
            self.year.setValue(year)
        self.year.blockSignals(False)

    def refresh(self) -> None:
        if self.register is None:
            self.coverage = []
        else:
            rows = self.register.currency.soc1_coverage(self.fiscal_year_end())
            self.coverage = sorted(rows, key=lambda c: ((c.vendor or "").lower(), c.period_end))
        self.chart.set_rows(self.coverage)
        self._fit_chart()
        fy_end = self.fiscal_year_end()
        good = sum(1 for c in self.coverage if c.at_least_six_months)
        self.summary.setText(
            f"Fiscal year {self.coverage[0].fiscal_start.isoformat() if self.coverage else '?'} to {fy_end}: "
            f"{len(self.coverage)} SOC 1 report{'s' if len(self.coverage) != 1 else ''}, "
            f"{good} covering six months or more."
        )
        if self.report_id is not None and any(c.report_id == self.report_id for c in self.coverage):
            self.show_details(self.report_id)
        else:
            self.report_id = None
            self.objectives.clear()
            self.cuecs.clear()

    def _fit_chart(self) -> None:
        """Give the chart the height of its rows, at most half the view; the lists below get the rest."""
        frame = 2 * self.chart_scroll.frameWidth()
        wanted = self.chart.height() + frame + (self.chart_scroll.horizontalScrollBar().sizeHint().height()
                                                if self.chart.minimumWidth() > self.chart_scroll.width() else 0)
        total = sum(self.splitter.sizes()) or self.height()
        top = min(wanted, max(total // 2, ROW_HEIGHT + frame))
        self.splitter.setSizes([top, max(total - top, 1)])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_chart()

    def show_details(self, report_id: int) -> None:
        """The control objectives and CUECs of one report, from its stored extraction."""
        if self.register is None:
            return
        self.report_id = report_id
        self.chart.selected = report_id
        self.chart.update()
        stored = self.register.reports.get(report_id)
        rep = stored.extraction.report
        cover = next((c for c in self.coverage if c.report_id == report_id), None)
        uncovered = f" Uncovered this fiscal year: {ranges_text(cover.uncovered_ranges)}." if cover else ""
        self.details.setText(f"{stored.vendor or stored.file_name}: {len(rep.control_objectives)} control "
                             f"objectives, {len(rep.cuecs)} CUECs.{uncovered}")
        self.objectives.clear()
        for objective in rep.control_objectives:
            item = QTreeWidgetItem([objective.id, objective.text])
            item.setToolTip(1, tooltip_text(objective.text))
            self.objectives.addTopLevelItem(item)
        self.cuecs.clear()
        for cuec in rep.cuecs:
            item = QTreeWidgetItem([str(cuec.page), cuec.text])
            item.setToolTip(1, tooltip_text(cuec.text))
            self.cuecs.addTopLevelItem(item)

    # exporting the coverage
    def export(self, path: Path) -> Path:
        """Write the coverage of the fiscal year shown to `path` (.xlsx or .csv, by its suffix)."""
        if self.register is None:
            raise OSError("the register is locked")
        return self.register.exports.coverage(path, self.fiscal_year_end())

    def ask_export(self, kind: str) -> QFileDialog:
        """The save dialog (in the documents folder); the chosen file is written at once."""
        def chosen(path: Path) -> None:
            try:
                self.export(path)
            except OSError as err:
                show_error(self, "Export failed", f"Could not write {path}: {err.strerror or err}")
            else:
                self.message.emit(f"Exported the SOC 1 coverage to {path}.")

        return ask_coverage_file(self, kind, f"soc1-coverage-fy{self.fiscal_year_end().year}", chosen)
