"""The CSOCs tab: the complementary subservice organization controls the report lists.

Each row gives the control's text, the subservice organization expected to operate it, the criteria it relates
to (when printed) and its page; selecting a row asks the viewer for the control's page and box, as the other
tabs do. A carved-out organization's CSOCs are what its own SOC report should cover.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from reviewer.extract.model import Csoc
from reviewer.gui.text import plain_label, tooltip_text

COLUMNS = ("Subservice organization control", "Subservice organization", "Criteria", "Page")
COL_TEXT, COL_ORG, COL_CRITERIA, COL_PAGE = range(4)
NOT_NAMED = "not named"

AnyIndex = QModelIndex | QPersistentModelIndex


class CsocsModel(QAbstractTableModel):
    """Read-only rows of CSOCs; `set_csocs` replaces them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.csocs: list[Csoc] = []

    def set_csocs(self, csocs: list[Csoc]) -> None:
        self.beginResetModel()
        self.csocs = list(csocs)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.csocs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        csoc = self.csocs[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_PAGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = (csoc.text, csoc.subservice_organization or NOT_NAMED, ", ".join(csoc.criteria) or "\u2014",
                str(csoc.page))[index.column()]
        return tooltip_text(text) if role == Qt.ItemDataRole.ToolTipRole else text

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return COLUMNS[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)


class CsocsTab(QWidget):
    """The report's CSOCs; `evidence_requested(page, bbox)` when one is selected."""

    evidence_requested = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CsocsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (COL_ORG, COL_CRITERIA, COL_PAGE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # rows follow their wrapped text (a report lists a handful of CSOCs)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _p: self._show_evidence(current.row()))
        self.table.clicked.connect(lambda index: self._show_evidence(index.row()))
        self.summary = plain_label("", self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def set_csocs(self, csocs: list[Csoc]) -> None:
        row = self.table.currentIndex().row()
        self.model.set_csocs(csocs)
        self.table.setVisible(bool(csocs))
        orgs = sorted({c.subservice_organization for c in csocs if c.subservice_organization})
        if not csocs:
            self.summary.setText("The report lists no complementary subservice organization controls.")
        else:
            self.summary.setText(f"{len(csocs)} control(s) the report expects subservice organizations to operate"
                                 + (f" ({', '.join(orgs)})" if orgs else "") + ".")
        if csocs and 0 <= row < len(csocs):
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)

    def select(self, row: int) -> None:
        """Select CSOC `row` (0-based) as a click would: the viewer shows its page."""
        self.table.setCurrentIndex(self.model.index(row, COL_TEXT))
        self._show_evidence(row)

    def _show_evidence(self, row: int) -> None:
        if 0 <= row < len(self.model.csocs):
            csoc = self.model.csocs[row]
            self.evidence_requested.emit(csoc.page, csoc.bbox)
