"""`SignalsView`: every trust signal across the register (register.signals), worst first, filterable by kind.

A near copy lists both reports, their vendors, the similarity and which parts match; a timeline or auditor signal
its report. Double-clicking a row opens the (first) report's review. The accepted audit firms are edited here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.settings import FirmsDialog
from reviewer.gui.text import plain_label
from reviewer.gui.view import ChoiceState

if TYPE_CHECKING:
    from reviewer.gui.settings import AppSettings
    from reviewer.register import Register

COLUMNS = ("Severity", "Signal", "Reports", "Vendors", "Score", "Detail")
KIND_LABELS = {"near_duplicate": "Near copy", "timeline": "Timeline", "auditor": "Auditor"}
SEVERITY_COLOURS = {"warning": "#b0281e", "notice": "#8a5a00"}
LEGEND = ("Near copy: reports of different vendors whose description and tests sections are nearly word for word "
          "the same. Timeline: a report dated before its period ended, a Type 2 issued within two weeks of its "
          "period, or a Type 2 period under six months. Auditor: signed by a firm not on your accepted list.")


class SignalsView(ChoiceState, QWidget):
    """`open_report(report_id)` when a signal is double-clicked; `message(text)` for the status bar."""

    state_key = "kind"

    open_report = Signal(int)
    message = Signal(str)

    def __init__(self, register: Register | None, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.settings = settings
        self.signals: list[Any] = []
        self.dialog: FirmsDialog | None = None

        self.kind = QComboBox(self)
        self.kind.addItem("All signals", None)
        for value, label in KIND_LABELS.items():
            self.kind.addItem(label, value)
        self.kind.currentIndexChanged.connect(lambda _i: self._show())
        self.summary = plain_label("", self)
        self.firms_button = QPushButton("Accepted audit firms\u2026", self)
        self.firms_button.clicked.connect(self.edit_firms)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemDoubleClicked.connect(self._activated)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((80, 90, 250, 230, 60)):
            self.tree.setColumnWidth(col, width)
        legend = plain_label(LEGEND, self)
        legend.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(plain_label("Show:", self))
        bar.addWidget(self.kind)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.firms_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(legend)

    def choice(self) -> QComboBox:
        return self.kind

    def refresh(self) -> None:
        self.signals = [] if self.register is None else self.register.insights.signals()
        self._show()

    def shown(self) -> list[Any]:
        wanted = self.kind.currentData()
        return [s for s in self.signals if wanted is None or s.kind == wanted]

    def _show(self) -> None:
        self.tree.clear()
        shown = self.shown()
        for signal in shown:
            item = QTreeWidgetItem([
                signal.severity, KIND_LABELS.get(signal.kind, signal.kind), "\n".join(signal.file_names),
                "\n".join(v or "vendor unknown" for v in signal.vendors),
                "" if signal.score is None else f"{signal.score:.2f}", signal.detail])
            item.setData(0, Qt.ItemDataRole.UserRole, signal.report_ids[0] if signal.report_ids else None)
            item.setToolTip(5, signal.detail)
            colour = SEVERITY_COLOURS.get(signal.severity)
            if colour:
                item.setForeground(0, QBrush(QColor(colour)))
            self.tree.addTopLevelItem(item)
        counts = {k: sum(1 for s in self.signals if s.kind == k) for k in KIND_LABELS}
        parts = [f"{n} {KIND_LABELS[k].lower()}{'s' if n != 1 else ''}" for k, n in counts.items() if n]
        firms = self.register.insights.accepted_firms() if self.register is not None else []
        note = "" if firms else " \u2014 no accepted audit firms kept, so auditors are not checked"
        self.summary.setText((", ".join(parts) if parts else "No signals") + note)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        report_id = item.data(0, Qt.ItemDataRole.UserRole)
        if report_id is not None:
            self.open_report.emit(int(report_id))

    def edit_firms(self) -> FirmsDialog:
        if self.register is None:
            raise RuntimeError("the register is locked")
        dialog = FirmsDialog(self.register, str(self.settings.reviewer_name or "") or "unknown", self)
        dialog.accepted.connect(self.refresh)
        dialog.accepted.connect(lambda: self.message.emit("Accepted audit firms saved."))
        dialog.open()
        self.dialog = dialog
        return dialog
