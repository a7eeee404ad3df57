"""The CUECs tab: map each complementary user entity control to one of the user's own controls.

The table (on `CuecsModel`) wraps each CUEC's text in a column that keeps its width; "Our control" is a column of
its own width, painted as text and edited with a combo (double-click, Enter, or a click on the selected cell),
saved at once. When a similar CUEC was mapped before, the Suggestion column offers that control: a click (or Enter)
uses it. "Add own control..." opens a dialog and maps the selected CUEC to the new control; "Import own
controls..." reads a CSV or Excel list. Selecting a row asks the viewer for the CUEC's page and box.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.text import plain_label
from reviewer.gui.workspace.cuecs_model import (
    COL_CONTROL,
    COL_CRITERIA,
    COL_SUGGESTION,
    COL_TEXT,
    CuecsModel,
    OwnControlDelegate,
)
from reviewer.gui.workspace.own_control_dialog import OwnControlDialog
from reviewer.register.records import CuecRecord, MappingSuggestion, OwnControl

CONTROL_COLUMN_EMS = 11  # "Our control": wide enough for a reference and the start of a title, then wrapped


class CuecsTab(QWidget):
    """CUECs, their mapping to own controls, and suggestions from earlier mappings."""

    evidence_requested = Signal(int, object)
    mapping_edited = Signal(int, object, object)  # cuec id, old own control id, new own control id
    own_control_requested = Signal(str, str, object)  # ref, title, owner (from the dialog)
    import_requested = Signal()  # "Import own controls..."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialog: OwnControlDialog | None = None
        self.model = CuecsModel(self)
        # queued: the cell's editor closes before the save re-reads the register (which resets the model)
        self.model.mapping_chosen.connect(self._mapped, Qt.ConnectionType.QueuedConnection)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_CONTROL, OwnControlDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # every column on screen
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_CRITERIA, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CONTROL, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_CONTROL, CONTROL_COLUMN_EMS * self.fontMetrics().horizontalAdvance("M"))
        header.setSectionResizeMode(COL_SUGGESTION, QHeaderView.ResizeMode.ResizeToContents)
        # rows follow their wrapped text as the text column resizes (these tables hold a handful of rows)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _p: self._show_evidence(current.row()))
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._activated)  # Enter: a suggestion is used, a mapping cell edited
        self.empty = QLabel("The report lists no complementary user entity controls.", self)
        self.summary = QLabel("", self)
        self.notice = plain_label("", self)  # what the last import of own controls did
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.add_button = QPushButton("Add own control\u2026", self)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.import_button = QPushButton("Import own controls\u2026", self)
        self.import_button.setToolTip("Add own controls from a CSV or Excel file (columns: id, title, owner)")
        self.import_button.clicked.connect(self.import_requested)

        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)

    @property
    def records(self) -> list[CuecRecord]:
        return self.model.records

    @property
    def controls(self) -> list[OwnControl]:
        return self.model.controls

    # ---- data -----------------------------------------------------------------------------------------
    def set_records(self, records: list[CuecRecord], controls: list[OwnControl]) -> None:
        current = self.current_row()
        self.model.set_records(records, controls)
        if records:
            row = current if 0 <= current < len(records) else 0
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(self.model.index(row, COL_TEXT))
            self.table.selectionModel().blockSignals(False)
        mapped = sum(1 for r in records if r.mapping)
        self.summary.setText(f"{mapped} of {len(records)} mapped to our controls")
        self.empty.setVisible(not records)
        self.table.setVisible(bool(records))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def mapped_id(self, row: int) -> int | None:
        """The own control CUEC `row` is mapped to (None: not mapped), as the table shows it."""
        return self.model.mapped_id(row)

    def suggestion(self, row: int) -> MappingSuggestion | None:
        return self.model.suggestion(row)

    # ---- edits ----------------------------------------------------------------------------------------
    def map_row(self, row: int, own_control_id: int | None) -> None:
        """Choose `own_control_id` for CUEC `row` (saved at once), as a choice in its combo is."""
        self._mapped(row, own_control_id)

    def use_suggestion(self, row: int) -> None:
        best = self.model.suggestion(row)
        if best is not None:
            self.map_row(row, best.own_control.id)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == COL_SUGGESTION:
            self.use_suggestion(index.row())
        self._show_evidence(index.row())

    def _activated(self, index: QModelIndex) -> None:
        if index.column() == COL_CONTROL:
            self.table.edit(index)  # F2 is the workspace's "Correct...": Enter opens the combo instead
        elif index.column() == COL_SUGGESTION:
            self.use_suggestion(index.row())

    def _mapped(self, row: int, own_control_id: int | None) -> None:
        record = self.records[row]
        old = record.mapping.own_control.id if record.mapping else None
        if old != own_control_id:
            self.mapping_edited.emit(record.id, old, own_control_id)

    def open_add_dialog(self) -> OwnControlDialog:
        """Open (not exec) the add-control dialog; on OK the new control is requested, then mapped to the row."""
        row = self.current_row()
        title = self.records[row].cuec.text[:80] if 0 <= row < len(self.records) else ""
        self.dialog = OwnControlDialog(self, suggested_title=title)
        self.dialog.accepted.connect(lambda d=self.dialog: self.own_control_requested.emit(*d.values()))
        self.dialog.open()
        return self.dialog

    def current_evidence(self) -> tuple[int, object] | None:
        """(page, bbox) of the selected CUEC (the first when none is), for the viewer to follow."""
        row = self.current_row()
        cuec = self.records[row if 0 <= row < len(self.records) else 0].cuec if self.records else None
        return (cuec.page, cuec.bbox) if cuec is not None and cuec.page else None

    def _show_evidence(self, row: int) -> None:
        if 0 <= row < len(self.records):
            cuec = self.records[row].cuec
            self.evidence_requested.emit(cuec.page, cuec.bbox)
