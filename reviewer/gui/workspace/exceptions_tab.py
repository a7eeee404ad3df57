"""The Exceptions tab: each exception beside its management response, and its triage (saved at once).

A table (on `ExceptionsModel`) lists control, criteria or objective, the test result and the response; the
form below triages the selected exception: relevance, isolated or systemic, compensating control, follow-up.
Selecting a row asks the viewer for the exception's page and box.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.extract.model import ExtractionResult
from reviewer.register.records import ExceptionRecord, Triage

RELEVANCE_CHOICES = ("relevant", "partly relevant", "not relevant")
NATURE_CHOICES = ("isolated", "systemic")
NONE_TEXT = "\u2014"  # an em dash: not set
# two-line headers where one line would be clipped in the workspace's half of a 1280-pixel window
COLUMNS = ("Control", "Criteria /\nobjective", "Test result", "Management\nresponse", "Relevance", "Nature")
ROW_LINES = 3  # each row shows this many lines (elided); the selected row's full text is shown below the table

AnyIndex = QModelIndex | QPersistentModelIndex
CLEAN_TEXT = "No exceptions: every tested control's result was clean."
DESIGN_ONLY_TEXT = ("A Type 1 report tests the design of controls only: their operating effectiveness was not "
                    "tested, so it has no test results and no exceptions.")
NO_TESTS_TEXT = "A SOC 3 report prints no tests of controls, so it lists no exceptions."
LETTER_TEXT = ("A bridge letter is management's statement that nothing material changed since the report: it tests "
               "no controls, so it lists no exceptions (the bridged report's are in that report).")


def empty_text(framework: str | None, report_type: str | None, document_type: str = "soc_report") -> str:
    """What the tab says when the report lists no exceptions: a clean result only where controls were tested."""
    if document_type == "bridge_letter":
        return LETTER_TEXT
    if framework == "SOC 3":
        return NO_TESTS_TEXT
    if report_type == "Type 1":
        return DESIGN_ONLY_TEXT
    return CLEAN_TEXT


def scope_text(record: ExceptionRecord) -> str:
    finding = record.finding
    parts = list(finding.criteria)
    if finding.control_objective:
        parts.append(f"CO {finding.control_objective}")
    return ", ".join(parts)


def detail_html(record: ExceptionRecord) -> str:
    """The selected exception's full result and response, side by side in words (the table elides them)."""
    f = record.finding
    response = html.escape(f.management_response) if f.management_response else "<i>none printed</i>"
    control = f" \u2014 {html.escape(f.control_text)}" if f.control_text else ""
    return (f"<b>{html.escape(f.control_id or 'Control')}</b>{control}<br><b>Test result</b> (page {f.page}): "
            f"{html.escape(f.description)}<br><b>Management response:</b> {response}")


class ExceptionsModel(QAbstractTableModel):
    """Read-only rows of exceptions and their triage; `set_records` replaces them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[ExceptionRecord] = []
        self.repeats: dict[int, str] = {}  # exception id -> "repeat finding (...)": the vendor's last report has it

    def set_records(self, records: list[ExceptionRecord]) -> None:
        self.beginResetModel()
        self.records = records
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.records[index.row()]
        finding, triage = record.finding, record.triage
        repeat = self.repeats.get(record.id)
        if repeat and role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"{finding.control_id or NONE_TEXT}: {repeat}"
        control = (finding.control_id or NONE_TEXT) + (" \u21bb repeat" if repeat else "")
        values = (
            control + (f"\n{finding.control_text}" if finding.control_text else ""),
            scope_text(record) or NONE_TEXT,
            finding.description,
            finding.management_response or "none printed",
            triage.relevance or NONE_TEXT,
            triage.nature or NONE_TEXT,
        )
        text = values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole and len(text) > 240:
            return text[:237] + "..."
        return text

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return str(section + 1)


class ExceptionsTab(QWidget):
    """Exceptions with their responses, and the triage form of the selected one."""

    evidence_requested = Signal(int, object)
    triage_edited = Signal(int, str, object, object)  # exception id, field, old, new

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ExceptionsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for col, mode in enumerate((QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Interactive,
                                    QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(col, mode)
        em = self.fontMetrics().horizontalAdvance("M")
        # the id and the first words of the control's description; the criteria; never narrower than the header
        for col, width in ((0, 11 * em), (1, 6 * em)):
            header.resizeSection(col, max(width, header.sectionSizeHint(col)))
        header.setMinimumSectionSize(max(header.sectionSizeHint(c) for c in (4, 5)))
        # rows of a fixed few lines, so that a report's exceptions fit on screen together; the detail below the
        # table gives the selected one in full (and every cell's tooltip its whole text)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_LINES * self.fontMetrics().lineSpacing() + 8)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.clicked.connect(lambda index: self._show_evidence(index.row()))
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(CLEAN_TEXT, self)
        self.empty.setWordWrap(True)

        self.relevance = QComboBox(self)
        self.nature = QComboBox(self)
        self.nature.addItem(NONE_TEXT, None)
        for choice in NATURE_CHOICES:
            self.nature.addItem(choice, choice)
        self.compensating = QLineEdit(self)
        self.compensating.setPlaceholderText("our control that covers the gap, if any")
        self.follow_up = QLineEdit(self)
        self.follow_up.setPlaceholderText("what we do next, and by when")
        self.response_button = QPushButton("Show management response", self)
        self.response_button.clicked.connect(self._show_response)
        self.relevance.currentIndexChanged.connect(lambda _i: self._edited("relevance", self.relevance.currentData()))
        self.nature.currentIndexChanged.connect(lambda _i: self._edited("nature", self.nature.currentData()))
        self.compensating.editingFinished.connect(
            lambda: self._edited("compensating_control", self.compensating.text().strip() or None))
        self.follow_up.editingFinished.connect(
            lambda: self._edited("follow_up", self.follow_up.text().strip() or None))

        self.form_box = QWidget(self)
        form = QGridLayout(self.form_box)  # two fields a row: the table keeps the height for its rows
        form.setContentsMargins(0, 0, 0, 0)
        for row, col, label, field in ((0, 0, "Relevance to us", self.relevance),
                                       (0, 2, "Isolated or systemic", self.nature),
                                       (1, 0, "Compensating control", self.compensating),
                                       (1, 2, "Follow-up", self.follow_up)):
            form.addWidget(QLabel(label, self.form_box), row, col)
            form.addWidget(field, row, col + 1)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        form.addWidget(self.response_button, 2, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.form_box)
        self._fill_form(None)

    # ---- data -----------------------------------------------------------------------------------------
    def set_report(self, extraction: ExtractionResult) -> None:
        """Say what an empty list means for this document (a Type 1 tests design only, a letter tests nothing)."""
        report = extraction.report
        self.empty.setText(empty_text(report.framework, report.type, extraction.document_type or "soc_report"))

    def set_records(self, records: list[ExceptionRecord]) -> None:
        """Show `records`, keeping the selected row (the workspace re-reads after every save)."""
        row = self.table.currentIndex().row()
        self.model.set_records(records)
        self.empty.setVisible(not records)
        self.table.setVisible(bool(records))
        self.form_box.setVisible(bool(records))
        self.detail.setVisible(bool(records))
        if records:
            row = row if 0 <= row < len(records) else 0
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
            self._fill_form(records[row])

    def current_record(self) -> ExceptionRecord | None:
        row = self.table.currentIndex().row()
        return self.model.records[row] if 0 <= row < len(self.model.records) else None

    def current_evidence(self) -> tuple[int, object] | None:
        """(page, bbox) of the selected exception (the first when none is), for the viewer to follow."""
        records = self.model.records
        row = self.table.currentIndex().row()
        finding = records[row if 0 <= row < len(records) else 0].finding if records else None
        return (finding.page, finding.bbox) if finding is not None and finding.page else None

    def select(self, row: int) -> None:
        """Select exception `row` (0-based) as a click would: form and evidence follow."""
        self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_evidence(row)

    # ---- form -----------------------------------------------------------------------------------------
    def _fill_form(self, record: ExceptionRecord | None) -> None:
        triage = record.triage if record else Triage()
        widgets = (self.relevance, self.nature, self.compensating, self.follow_up)
        for w in widgets:
            w.blockSignals(True)
        self.relevance.clear()
        self.relevance.addItem(NONE_TEXT, None)
        for choice in RELEVANCE_CHOICES:
            self.relevance.addItem(choice, choice)
        if triage.relevance and triage.relevance not in RELEVANCE_CHOICES:
            self.relevance.addItem(triage.relevance, triage.relevance)  # a value set elsewhere (CLI)
        self.relevance.setCurrentIndex(max(0, self.relevance.findData(triage.relevance)))
        self.nature.setCurrentIndex(max(0, self.nature.findData(triage.nature)))
        self.compensating.setText(triage.compensating_control or "")
        self.follow_up.setText(triage.follow_up or "")
        for w in widgets:
            w.blockSignals(False)
        repeat = self.model.repeats.get(record.id) if record else None
        self.detail.setText((detail_html(record) + (f"<br><b>{html.escape(repeat.capitalize())}</b>" if repeat else ""))
                            if record else "")
        has_response = bool(record and record.finding.response_page)
        self.response_button.setVisible(has_response)  # shown when the response sits on another page

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.model.records[current.row()] if current.isValid() else None
        self._fill_form(record)
        if record is not None:
            self._show_evidence(current.row())

    def _show_evidence(self, row: int) -> None:
        if 0 <= row < len(self.model.records):
            finding = self.model.records[row].finding
            self.evidence_requested.emit(finding.page, finding.bbox)

    def _show_response(self) -> None:
        record = self.current_record()
        if record and record.finding.response_page:
            self.evidence_requested.emit(record.finding.response_page, None)

    def _edited(self, name: str, value: object) -> None:
        record = self.current_record()
        if record is None:
            return
        old = getattr(record.triage, name)
        if old != value:
            self.triage_edited.emit(record.id, name, old, value)
