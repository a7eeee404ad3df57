"""The CUECs table's model and its "Our control" delegate.

The mapping column is painted as text by the view and edited through a delegate's combo box that exists only
while a cell is being edited: combos placed in every cell (setIndexWidget) drew blank after scrolling and
widened their column until the CUEC text wrapped a word a line. The model emits `mapping_chosen` when a choice
is committed; the workspace saves it (and re-reads), so the model only ever shows what the register holds.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reviewer.gui.text import tooltip_text
from reviewer.register.records import CuecRecord, MappingSuggestion, OwnControl

NOT_MAPPED = "\u2014 not mapped \u2014"
COLUMNS = ("User entity control", "Criteria", "Our control", "Suggestion")
COL_TEXT, COL_CRITERIA, COL_CONTROL, COL_SUGGESTION = range(4)
OWN_CONTROL_ROLE = Qt.ItemDataRole.UserRole + 1  # the own control id of a mapping cell (None: not mapped)

AnyIndex = QModelIndex | QPersistentModelIndex


def control_label(control: OwnControl) -> str:
    owner = f" ({control.owner})" if control.owner else ""
    return f"{control.ref} \u2014 {control.title}{owner}"


def suggestion_text(best: MappingSuggestion) -> str:
    return f"Use {best.own_control.ref} ({best.score:.0f}%)"


class CuecsModel(QAbstractTableModel):
    """One row per CUEC: its text, criteria, the own control it is mapped to, and a suggestion when unmapped."""

    mapping_chosen = Signal(int, object)  # row, own control id (None: not mapped)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[CuecRecord] = []
        self.controls: list[OwnControl] = []

    def set_records(self, records: list[CuecRecord], controls: list[OwnControl]) -> None:
        self.beginResetModel()
        self.records, self.controls = records, controls
        self.endResetModel()

    def mapped_id(self, row: int) -> int | None:
        mapping = self.records[row].mapping
        return mapping.own_control.id if mapping else None

    def suggestion(self, row: int) -> MappingSuggestion | None:
        """The best earlier mapping of a similar CUEC, offered while this CUEC is not mapped."""
        record = self.records[row]
        return record.suggestions[0] if record.suggestions and not record.mapping else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == COL_CONTROL else base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        record = self.records[row]
        if role == OWN_CONTROL_ROLE:
            return self.mapped_id(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:  # wrapped rows read from their first line
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if col == COL_CONTROL:
            return self._control_data(record, role)
        if col == COL_SUGGESTION:
            return self._suggestion_data(row, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = record.cuec.text if col == COL_TEXT else ", ".join(record.cuec.criteria)
            return tooltip_text(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    def _control_data(self, record: CuecRecord, role: int) -> Any:
        label = control_label(record.mapping.own_control) if record.mapping else NOT_MAPPED
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            by = f"\nmapped by {record.mapping.mapped_by}" if record.mapping and record.mapping.mapped_by else ""
            return tooltip_text(label + by + "\n(double-click, or Enter, to change)")
        if role == Qt.ItemDataRole.ForegroundRole and not record.mapping:
            return QBrush(QPalette().color(QPalette.ColorRole.PlaceholderText))
        return None

    def _suggestion_data(self, row: int, role: int) -> Any:
        best = self.suggestion(row)
        if best is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return suggestion_text(best)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(f"{control_label(best.own_control)}\nmapped before for a similar CUEC:\n"
                                f"{best.similar_cuec_text}\n(click, or Enter, to use it)")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QPalette().color(QPalette.ColorRole.Link))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setUnderline(True)
            return font
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COL_CONTROL or role != Qt.ItemDataRole.EditRole:
            return False
        if value != self.mapped_id(index.row()):
            self.mapping_chosen.emit(index.row(), value)  # saved by the workspace, which then re-reads
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return COLUMNS[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)


class OwnControlDelegate(QStyledItemDelegate):
    """Edits a mapping cell with a combo of the own controls; the cell is painted as text otherwise."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(f"Our control for CUEC {index.row() + 1}")
        combo.addItem(NOT_MAPPED, None)
        model = index.model()
        controls = model.controls if isinstance(model, CuecsModel) else []
        for control in controls:
            combo.addItem(control_label(control), control.id)
        # a choice is committed at once (as the combos did): the editor closes and the mapping is saved
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(OWN_CONTROL_ROLE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # the combo keeps its own height, centred in a tall wrapped row
        height = min(editor.sizeHint().height(), option.rect.height())
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y() + (rect.height() - height) // 2, rect.width(), height)
