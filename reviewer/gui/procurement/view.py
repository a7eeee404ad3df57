"""The procurement view: every vendor's report timeline against today, filtered by currency status, exportable."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.errors import show_error
from reviewer.gui.export_dialogs import save_dialog, show_files_written
from reviewer.gui.procurement.lanes import Lane, build_lanes
from reviewer.gui.procurement.timeline import TimelineWidget
from reviewer.gui.theme import STATUS_LABELS
from reviewer.gui.view import ChoiceState

if TYPE_CHECKING:
    from reviewer.gui.settings import AppSettings
    from reviewer.register import Register

LEGEND = "Bars: report periods (green), bridge letters (blue), gaps (red, dashed). The diamond \u25c6 is the day " \
         "the next report is expected; " \
         "the vertical line is today."


class ProcurementView(ChoiceState, QWidget):
    """`vendor_activated(vendor_id)` when a lane is double-clicked (the window filters the table to it)."""

    state_key = "status"

    vendor_activated = Signal(int)
    message = Signal(str)  # a line for the window's status bar

    def __init__(self, register: Register | None, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.settings = settings
        self.today: date | None = None  # None: the real today (tests and screenshots pin a date)
        self.all_lanes: list[Lane] = []
        self.written_message: QMessageBox | None = None  # the last export's list of files written

        self.status = QComboBox(self)
        self.status.addItem("All statuses", None)
        for value, label in STATUS_LABELS.items():
            self.status.addItem(label, value)
        self.status.currentIndexChanged.connect(self._show)
        self.export_csv = QPushButton("Export CSV\u2026", self)
        self.export_xlsx = QPushButton("Export Excel\u2026", self)
        self.export_csv.clicked.connect(lambda: self._ask_export("csv"))
        self.export_xlsx.clicked.connect(lambda: self._ask_export("xlsx"))
        self.summary = QLabel(self)

        self.timeline = TimelineWidget(self)
        self.timeline.vendor_activated.connect(self.vendor_activated)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.timeline)

        bar = QHBoxLayout()
        bar.addWidget(QLabel("Currency:", self))
        bar.addWidget(self.status)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.export_csv)
        bar.addWidget(self.export_xlsx)
        legend = QLabel(LEGEND, self)
        legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(legend)

    def choice(self) -> QComboBox:
        return self.status

    def refresh(self) -> None:
        today = self.today or date.today()
        self.all_lanes = [] if self.register is None else build_lanes(self.register, today, self.settings.thresholds)
        self._show()

    def _show(self) -> None:
        wanted = self.status.currentData()
        lanes = [lane for lane in self.all_lanes if wanted is None or lane.status == wanted]
        self.timeline.set_lanes(lanes, self.today or date.today())
        self.summary.setText(f"{len(lanes)} of {len(self.all_lanes)} vendors")

    def shown_statuses(self) -> dict[str, str | None]:
        """vendor -> status of every lane on screen."""
        return {lane.vendor: lane.status for lane in self.timeline.lanes}

    def export(self, path: Path) -> list[Path]:
        """Write the register to `path` (.csv or .xlsx, by its suffix) through the register's exporter; return every
        file written (a CSV export writes one file per table)."""
        if self.register is None:
            raise OSError("the register is locked")
        if path.suffix.lower() == ".xlsx":
            return self.register.exports.xlsx(path, self.settings.thresholds)
        return self.register.exports.csv(path, self.settings.thresholds)

    def _ask_export(self, kind: str) -> QFileDialog:
        """Ask where to export (opened, not exec'd); once written, a message names every file."""
        dialog = save_dialog(self, "Export the register", f"SOC register.{kind}",
                             "Excel (*.xlsx)" if kind == "xlsx" else "CSV (*.csv)", kind)

        def chosen(name: str) -> None:
            try:
                written = self.export(Path(name))
            except OSError as err:
                show_error(self, "Export failed", f"Could not write {name}: {err.strerror or err}")
            else:
                self.written_message = show_files_written(self, "Export finished", written)
                self.message.emit(f"Exported the register to {len(written)} file(s) beside {name}."
                                  if len(written) > 1 else f"Exported the register to {name}.")

        dialog.fileSelected.connect(chosen)
        dialog.open()
        return dialog
