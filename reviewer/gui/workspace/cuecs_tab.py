"""The CUECs tab: map each complementary user entity control to one of the user's own controls.

Each row has a combo of own controls (saved at once); when a similar CUEC was mapped before, the row offers that
control as a one-click suggestion. "Add own control..." opens a dialog; the new control is then chosen for the
selected CUEC. Selecting a row asks the viewer for the CUEC's page and box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.text import mnemonic_safe, tooltip_text
from reviewer.gui.workspace.own_control_dialog import OwnControlDialog
from reviewer.register.records import CuecRecord, OwnControl

NOT_MAPPED = "\u2014 not mapped \u2014"
COL_TEXT, COL_CRITERIA, COL_CONTROL, COL_SUGGESTION = range(4)


def control_label(control: OwnControl) -> str:
    owner = f" ({control.owner})" if control.owner else ""
    return f"{control.ref} \u2014 {control.title}{owner}"


def centered(widget: QWidget) -> QWidget:
    """A cell holder, so a combo or button keeps its own height instead of filling a tall wrapped row."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(2, 0, 2, 0)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
    return holder


class CuecsTab(QWidget):
    """CUECs, their mapping to own controls, and suggestions from earlier mappings."""

    evidence_requested = Signal(int, object)
    mapping_edited = Signal(int, object, object)  # cuec id, old own control id, new own control id
    own_control_requested = Signal(str, str, object)  # ref, title, owner (from the dialog)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[CuecRecord] = []
        self.controls: list[OwnControl] = []
        self.combos: list[QComboBox] = []
        self.suggestion_buttons: list[QPushButton | None] = []
        self.dialog: OwnControlDialog | None = None

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["User entity control", "Criteria", "Our control", "Suggestion"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (COL_CRITERIA, COL_CONTROL, COL_SUGGESTION):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # rows follow their wrapped text as columns resize (these tables hold a handful of rows)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._show_evidence(row))
        self.empty = QLabel("The report lists no complementary user entity controls.", self)
        self.summary = QLabel("", self)
        self.add_button = QPushButton("Add own control\u2026", self)
        self.add_button.clicked.connect(self.open_add_dialog)

        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    # ---- data -----------------------------------------------------------------------------------------
    def set_records(self, records: list[CuecRecord], controls: list[OwnControl]) -> None:
        current = self.table.currentRow()
        self.records, self.controls = records, controls
        self.table.blockSignals(True)
        self.table.setRowCount(len(records))
        self.combos, self.suggestion_buttons = [], []
        for row, record in enumerate(records):
            text = QTableWidgetItem(record.cuec.text)
            text.setToolTip(tooltip_text(record.cuec.text))
            self.table.setItem(row, COL_TEXT, text)
            self.table.setItem(row, COL_CRITERIA, QTableWidgetItem(", ".join(record.cuec.criteria)))
            self.table.setCellWidget(row, COL_CONTROL, centered(self._combo(row, record)))
            self.table.setCellWidget(row, COL_SUGGESTION, centered(self._suggestion(row, record)))
        self.table.blockSignals(False)
        if records:
            self.table.setCurrentCell(current if 0 <= current < len(records) else 0, COL_TEXT)
        mapped = sum(1 for r in records if r.mapping)
        self.summary.setText(f"{mapped} of {len(records)} mapped to our controls")
        self.empty.setVisible(not records)
        self.table.setVisible(bool(records))

    def _combo(self, row: int, record: CuecRecord) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(f"Our control for CUEC {row + 1}")
        combo.addItem(NOT_MAPPED, None)
        for control in self.controls:
            combo.addItem(control_label(control), control.id)
        mapped_id = record.mapping.own_control.id if record.mapping else None
        combo.setCurrentIndex(max(0, combo.findData(mapped_id)))
        combo.currentIndexChanged.connect(lambda _i, r=row, c=combo: self._mapped(r, c.currentData()))
        self.combos.append(combo)
        return combo

    def _suggestion(self, row: int, record: CuecRecord) -> QWidget:
        if record.mapping or not record.suggestions:
            self.suggestion_buttons.append(None)
            return QLabel("")
        best = record.suggestions[0]
        button = QPushButton(mnemonic_safe(f"Use {best.own_control.ref} ({best.score:.0f}%)"))
        button.setToolTip(tooltip_text(f"{control_label(best.own_control)}\nmapped before for a similar CUEC:\n"
                                       f"{best.similar_cuec_text}"))
        button.clicked.connect(lambda _=False, r=row, cid=best.own_control.id: self._mapped(r, cid))
        self.suggestion_buttons.append(button)
        return button

    # ---- edits ----------------------------------------------------------------------------------------
    def map_row(self, row: int, own_control_id: int | None) -> None:
        """Choose `own_control_id` for CUEC `row` as the user would in its combo."""
        combo = self.combos[row]
        combo.setCurrentIndex(max(0, combo.findData(own_control_id)))

    def _mapped(self, row: int, own_control_id: int | None) -> None:
        record = self.records[row]
        old = record.mapping.own_control.id if record.mapping else None
        if old != own_control_id:
            self.mapping_edited.emit(record.id, old, own_control_id)

    def open_add_dialog(self) -> OwnControlDialog:
        """Open (not exec) the add-control dialog; on OK the new control is requested, then mapped to the row."""
        row = self.table.currentRow()
        title = self.records[row].cuec.text[:80] if 0 <= row < len(self.records) else ""
        self.dialog = OwnControlDialog(self, suggested_title=title)
        self.dialog.accepted.connect(lambda d=self.dialog: self.own_control_requested.emit(*d.values()))
        self.dialog.open()
        return self.dialog

    def current_evidence(self) -> tuple[int, object] | None:
        """(page, bbox) of the selected CUEC (the first when none is), for the viewer to follow."""
        row = self.table.currentRow()
        cuec = self.records[row if 0 <= row < len(self.records) else 0].cuec if self.records else None
        return (cuec.page, cuec.bbox) if cuec is not None and cuec.page else None

    def _show_evidence(self, row: int) -> None:
        if 0 <= row < len(self.records):
            cuec = self.records[row].cuec
            self.evidence_requested.emit(cuec.page, cuec.bbox)
