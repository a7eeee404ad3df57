"""The Check tab: every value and item of the report, the unsure ones marked, and the reviewer's corrections.

One row per fact and per list item (exceptions, CUECs, subservice organizations, CSOCs, control objectives), with
its status: to check (low confidence, with the reason), confirmed, corrected (original on hover), added. Keys:
F8 next value to check, Enter confirm the selected one, F2 correct it, Delete remove a false item. Text dragged
over the page becomes the evidence of a correction or a missed item ("Add selection as ..."). Every change is
saved at once through the register and undoable (Ctrl+Z); "Re-read this report" keeps every correction.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.text import plain_label, tooltip_text
from reviewer.gui.theme import notice_style
from reviewer.gui.workspace.corrections_dialog import MAIN_FIELD, CorrectionDialog
from reviewer.gui.workspace.corrections_marks import revert_correction, write_correction
from reviewer.gui.workspace.corrections_rows import CheckRow, check_rows
from reviewer.register.corrections import LIST_LABELS, LISTS, Disagreement
from reviewer.register.records import DECIDED_STATUSES

if TYPE_CHECKING:
    from reviewer.gui.viewer.selection import PageSelection

COLUMNS = ("What", "Value", "Status", "Page")
TO_CHECK_COLOR = QColor(255, 244, 206)
CORRECTED_COLOR = QColor(225, 238, 255)
RUNNING: set[Any] = set()  # re-reads still running (their runners outlive a closed workspace)



class CorrectionsTab(QWidget):
    """Check and correct (see the module docstring). `host` is the workspace (register, report, session, viewer)."""

    evidence_requested = Signal(int, object)
    count_changed = Signal(int)  # how many are left to check

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.rows: list[CheckRow] = []
        self.dialog: CorrectionDialog | None = None
        self.left = 0
        self.summary = plain_label("", self)
        self.summary.setStyleSheet("QLabel { font-weight: bold; padding: 2px; }")
        self.selection_label = plain_label("Drag over the page to select text for evidence or a missed item.", self)
        self.selection_label.setWordWrap(True)
        self.disagreement = plain_label("", self)
        self.disagreement.setWordWrap(True)
        self.disagreement.setStyleSheet(notice_style(self.palette()))
        self.disagreement.hide()
        self.detail = plain_label("", self)  # the selected row in full (the table elides long values)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = plain_label("", self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(2, 190)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_row(row))

        def button(text: str, tip: str, slot: Any) -> QPushButton:
            b = QPushButton(text, self)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.next_button = button("Next to check (F8)", "The next low-confidence value nobody checked",
                                  self.next_unsure)
        self.confirm_button = button("Confirm (Enter)", "The selected value is right as read", self.confirm_selected)
        self.correct_button = button("Correct\u2026 (F2)", "Correct the selected value or item", self.correct_selected)
        self.remove_button = button("Remove (Del)", "Remove the selected item: the report does not have it",
                                    self.remove_selected)
        self.evidence_button = button("Use selection as evidence", "The text selected on the page is where the "
                                      "selected value is read", self.use_selection_as_evidence)
        self.add_button = QPushButton("Add selection as\u2026", self)
        self.add_button.setToolTip("Add the text selected on the page as an item the extractor missed")
        menu = QMenu(self.add_button)
        for name in LISTS:
            menu.addAction(LIST_LABELS[name], partial(self.add_from_selection, name))
        self.add_button.setMenu(menu)
        self.revert_button = button("Take back", "Take back the selected row's correction, confirmation or "
                                    "removal (also one made in an earlier session)", self.revert_selected)
        self.reread_button = button("Re-read this report", "Read the PDF again; every correction is kept",
                                    self.reread)
        buttons = QHBoxLayout()
        for b in (self.next_button, self.confirm_button, self.correct_button, self.remove_button,
                  self.revert_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        more = QHBoxLayout()
        for b in (self.evidence_button, self.add_button, self.reread_button):
            more.addWidget(b)
        more.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.disagreement)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.selection_label)
        layout.addLayout(more)
        for keys, slot, what in (("Return", self.confirm_selected, "Confirm the selected value"),
                                 ("Enter", self.confirm_selected, "Confirm the selected value"),
                                 ("Delete", self.remove_selected, "Remove the selected item as false")):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(what)  # the Help menu's list of keys reads it
            shortcut.activated.connect(slot)

    # ---- reading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        reg, rid = self.host.register, self.host.report_id
        rows = check_rows(reg, rid)
        current = self.table.currentRow()
        current_target = self.rows[current].target if 0 <= current < len(self.rows) else None
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            page = str(row.page) if row.page else ""
            for c, text in enumerate((row.what, row.value, row.status, page)):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip_text(row.tooltip or row.value))
                if row.to_check:
                    item.setBackground(TO_CHECK_COLOR)
                elif row.corrected:
                    item.setBackground(CORRECTED_COLOR)
                self.table.setItem(r, c, item)
        targets = [row.target for row in rows]
        if current_target in targets:
            self.table.setCurrentCell(targets.index(current_target), 0)
        self.table.blockSignals(False)
        self.left = sum(1 for row in rows if row.to_check)
        self.summary.setText(f"{self.left} left to check" if self.left else "Nothing left to check")
        self._show_disagreements(reg.corrections.disagreements(rid))
        self._enable()
        self.count_changed.emit(self.left)

    def _show_disagreements(self, found: list[Disagreement]) -> None:
        self.disagreement.setVisible(bool(found))
        self.disagreement.setText("Where the latest reading disagrees with a correction (the correction is kept):\n"
                                  + "\n".join(f"\u2022 {d.text}" for d in found))

    def current_evidence(self) -> tuple[int, object] | None:
        """(page, bbox) of the selected value (the first with a page when none is), for the viewer to follow."""
        row = self.selected()
        if row is None:
            row = next((r for r in self.rows if r.page), None)
        return (row.page, row.bbox) if row is not None and row.page else None

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.rows) and self.rows[row].page:
            self.evidence_requested.emit(self.rows[row].page, self.rows[row].bbox)
        self._enable()

    def _enable(self) -> None:
        row = self.selected()
        live = row is not None and not row.removed
        self.remove_button.setEnabled(row is not None and live and "/" in row.target)
        self.confirm_button.setEnabled(live)
        self.correct_button.setEnabled(live)
        self.revert_button.setEnabled(row is not None and self._latest(row.target) is not None)
        self.detail.setText("" if row is None else
                            f"{row.what}: {row.value[:400]}" + (f"\n{row.tooltip}" if row.tooltip else ""))

    def selected(self) -> CheckRow | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def select_target(self, target: str) -> None:
        for r, row in enumerate(self.rows):
            if row.target == target:
                self.table.setCurrentCell(r, 0)
                return

    def show_selection(self, selection: PageSelection) -> None:
        self.selection_label.setText(f"Selected on page {selection.page}: \u201c{selection.text[:200]}\u201d")

    # ---- actions --------------------------------------------------------------------------------------
    def next_unsure(self) -> CheckRow | None:
        """Select the next row to check after the current one (wrapping); None when nothing is left."""
        start = self.table.currentRow()
        order = list(range(start + 1, len(self.rows))) + list(range(0, start + 1))
        for r in order:
            if self.rows[r].to_check:
                self.table.setCurrentCell(r, 0)
                self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return self.rows[r]
        return None

    def _write(self, make: Any) -> bool:
        host = self.host
        return write_correction(host.session, host.register, host.who, make) is not None

    def _latest(self, target: str) -> Any:
        found = [c for c in self.host.register.corrections.all(self.host.report_id) if c.target == target]
        return found[-1] if found else None

    def revert_selected(self) -> None:
        """Take back the latest correction of the selected row (undoable, like every change)."""
        row = self.selected()
        corr = self._latest(row.target) if row is not None else None
        if corr is not None:
            revert_correction(self.host.session, self.host.register, self.host.who, corr)

    def confirm_selected(self) -> None:
        row = self.selected()
        if row is None or row.removed:
            return
        host = self.host
        if self._write(lambda: host.register.corrections.confirm(host.report_id, row.target, who=host.who())):
            self.next_unsure()

    def remove_selected(self) -> None:
        row = self.selected()
        if row is None or "/" not in row.target or row.removed:
            return
        host = self.host
        self._write(lambda: host.register.corrections.remove_item(host.report_id, row.target, who=host.who()))

    def correct_selected(self) -> CorrectionDialog | None:
        """Open the correction dialog for the selected row (opened, not exec'd)."""
        row = self.selected()
        if row is None or row.removed:
            return None
        return self._open_dialog(CorrectionDialog(row.target, row.current, self.host.selection.last, self))

    def add_from_selection(self, list_name: str) -> CorrectionDialog:
        """Open the dialog for a new item of `list_name`, its text (and page and box) from the page selection."""
        selection = self.host.selection.last
        start = {MAIN_FIELD[list_name]: selection.text if selection else ""}
        return self._open_dialog(CorrectionDialog(f"{list_name}/+", start, selection, self, adding=True))

    def _open_dialog(self, dialog: CorrectionDialog) -> CorrectionDialog:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save_dialog(dialog))
        dialog.open()
        return dialog

    def _save_dialog(self, dialog: CorrectionDialog) -> None:
        host = self.host
        corrections = host.register.corrections
        value, reason, evidence = dialog.values(), dialog.reason_text(), dialog.evidence()
        if dialog.target.endswith("/+"):
            name = dialog.list_name or ""
            value.setdefault("page", host.viewer.current_page() or 1)
            value.setdefault("criteria", [])
            self._write(lambda: corrections.add_item(host.report_id, name, value, who=host.who(), reason=reason))
            return
        if dialog.list_name is not None:
            self._write(lambda: corrections.correct(host.report_id, dialog.target, value, who=host.who(),
                                                    reason=reason))
        else:
            self._write(lambda: corrections.correct(host.report_id, dialog.target, value, who=host.who(),
                                                    reason=reason, evidence=evidence))

    def use_selection_as_evidence(self) -> None:
        """The page selection becomes the selected value's evidence (an item: its page and box)."""
        row, selection, host = self.selected(), self.host.selection.last, self.host
        corrections = host.register.corrections
        if row is None or selection is None:
            self._say("Select a value in the list and drag over its text on the page first.")
            return
        if "/" in row.target:
            change = {"page": selection.page, "bbox": list(selection.bbox)}
            self._write(lambda: corrections.correct(host.report_id, row.target, change, who=host.who()))
        else:
            self._write(lambda: corrections.correct(host.report_id, row.target, row.current, who=host.who(),
                                                    evidence=selection.evidence_json()))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def reread(self) -> None:
        """Read the stored PDF again, off the GUI thread, in the extraction child process and on a connection of
        its own; every correction stays, and where the new reading disagrees with one is shown."""
        from reviewer.gui.tasks import TaskRunner

        host = self.host
        path, key, report_id, who = host.register.path, host.register.key, host.report_id, host.who()

        def task(_state: object) -> list[Disagreement]:
            from reviewer.register import IsolatedExtractor, Register

            with IsolatedExtractor() as extractor, Register.open_with_key(path, key) as reg:
                return reg.corrections.reread(report_id, who=who, extractor=extractor)

        # parentless and kept in RUNNING until it ends: closing the workspace must not destroy a running thread
        self.runner = TaskRunner()
        RUNNING.add(self.runner)
        runner = self.runner
        runner.finished.connect(lambda _r: RUNNING.discard(runner))
        runner.failed.connect(lambda _e: RUNNING.discard(runner))
        self.runner.finished.connect(self._reread_done)
        self.runner.failed.connect(self._reread_failed)
        self.reread_button.setEnabled(False)
        self._say("Reading the report again\u2026")
        self.runner.start(task)

    def _reread_failed(self, err: object) -> None:
        self._say(f"Not read again: {err}")
        self.reread_button.setEnabled(True)

    def _reread_done(self, found: list[Disagreement]) -> None:
        self.reread_button.setEnabled(True)
        self.host.session.saved.emit()  # the workspace re-reads what the register holds now
        self._say(f"Read again: every correction kept; {len(found)} disagreement(s) with the new reading."
                  if found else "Read again: every correction kept, no disagreement.")

    def sign_off(self, name: str) -> QMessageBox | None:
        """Sign off; with low-confidence values left unchecked, ask first (a box opened, not exec'd): Yes signs
        off anyway and the register logs that choice."""
        host = self.host
        review = host.register.reviews.get(host.report_id)
        unsure = host.register.corrections.to_check(host.report_id) if review.status in DECIDED_STATUSES else []
        if not unsure:
            host.session.act(lambda: host.register.reviews.sign_off(host.report_id, name))
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, "Sign off with values left to check?",
                          f"{len(unsure)} low-confidence value(s) have not been confirmed or corrected:\n"
                          + "\n".join(f"\u2022 {u.label}: {u.reason}" for u in unsure[:8])
                          + "\n\nSign off anyway? The audit log records this choice.",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setTextFormat(Qt.TextFormat.PlainText)

        def answered(_result: int) -> None:
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                host.session.act(lambda: host.register.reviews.sign_off(host.report_id, name, accept_unconfirmed=True))
            else:
                self.next_unsure()

        box.finished.connect(answered)
        self.sign_off_box = box
        box.open()
        return box
