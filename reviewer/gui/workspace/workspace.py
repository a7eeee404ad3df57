"""`ReviewWorkspace`: one report under review. The facts and the tabs on the left, the PDF on the right.

Every edit is saved at once through the register (a transaction with an audit entry) and pushed on an undo
stack (Ctrl+Z / Ctrl+Shift+Z): undo writes the old value back through the register. After every write the tabs
re-read what the register holds, the audit log is refreshed and `changed(report_id)` tells the shell.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reviewer.extract.model import BBox
from reviewer.gui.export_dialogs import save_dialog
from reviewer.gui.text import plain_label, tooltip_text
from reviewer.gui.theme import give_icons, notice_style, show_as_error
from reviewer.gui.viewer import PdfOpenError, PdfPageViewer
from reviewer.gui.viewer.selection import AreaSelection
from reviewer.gui.workspace.audit_tab import AuditTab
from reviewer.gui.workspace.carried_tab import CarriedForwardTab, repeat_labels
from reviewer.gui.workspace.corrections_marks import correction_tooltip, mark_fields
from reviewer.gui.workspace.corrections_tab import CorrectionsTab
from reviewer.gui.workspace.criteria_tab import CriteriaTab
from reviewer.gui.workspace.csocs_tab import CsocsTab
from reviewer.gui.workspace.cuecs_tab import CuecsTab
from reviewer.gui.workspace.exceptions_tab import ExceptionsTab
from reviewer.gui.workspace.fields import FieldsPanel
from reviewer.gui.workspace.own_controls_import import ControlsImport
from reviewer.gui.workspace.review_tab import ReviewTab
from reviewer.gui.workspace.reviewer_name import HasReviewerName, ReviewerNameDialog
from reviewer.gui.workspace.subservice_tab import SubserviceTab
from reviewer.gui.workspace.undo import EditSession, SavedUndoKeys

if TYPE_CHECKING:
    from reviewer.register.register import Register

# who the audit log names when the settings hold no reviewer name (as the window names imports and deletions)
UNNAMED_REVIEWER = "unknown"

TRIAGE_LABELS = {"relevance": "relevance", "nature": "isolated or systemic",
                 "compensating_control": "compensating control", "follow_up": "follow-up"}


class ReviewWorkspace(QWidget):
    """The review of one report. `changed(report_id)` after any saved edit (the shell refreshes its row)."""

    changed = Signal(int)
    exported = Signal(str)  # the workpaper's path, once written

    def __init__(self, register: Register, report_id: int, settings: HasReviewerName,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.report_id = report_id
        self.settings = settings
        self.stored = register.reports.get(report_id)
        extraction = self.stored.extraction
        self.session = EditSession(self)
        self.session.saved.connect(self._after_write)  # edits, undos and redos alike
        self.session.failed.connect(self._show_error)
        self.session.failed.connect(self.refresh)
        self.setWindowTitle(f"{self.stored.vendor or self.stored.file_name} \u2014 review")

        self.viewer = PdfPageViewer(self, own_find_keys=False)
        self.fields = FieldsPanel(extraction, self)
        self.warnings = plain_label("", self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(notice_style(self.palette()))
        self.warnings.setText("Extraction warnings:\n" + "\n".join(f"\u2022 {w}" for w in extraction.warnings))
        self.warnings.setVisible(bool(extraction.warnings))
        self.error = plain_label("", self)
        self.error.setWordWrap(True)
        show_as_error(self.error, boxed=True)
        self.error.hide()

        self.exceptions_tab = ExceptionsTab(self)
        self.cuecs_tab = CuecsTab(self)
        self.subservice_tab = SubserviceTab(self)
        self.csocs_tab = CsocsTab(self)
        self.criteria_tab = CriteriaTab(self)
        self.review_tab = ReviewTab(str(settings.reviewer_name or ""), self)
        self.audit_tab = AuditTab(self)
        self.selection = AreaSelection(self.viewer)
        self.corrections_tab = CorrectionsTab(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.exceptions_tab, f"Exceptions ({len(extraction.report.exceptions)})")
        self.tabs.addTab(self.cuecs_tab, f"CUECs ({len(extraction.report.cuecs)})")
        subservice_count = len(extraction.report.subservice_organizations)
        self.tabs.addTab(self.subservice_tab, f"Subservice organizations ({subservice_count})")
        self.tabs.addTab(self.csocs_tab, f"CSOCs ({len(extraction.report.csocs)})")
        self.tabs.addTab(self.criteria_tab, "Objectives" if extraction.report.framework == "SOC 1" else "Criteria")
        self.tabs.addTab(self.corrections_tab, "Check")
        self.tabs.addTab(self.review_tab, "Review")
        self.carried_tab = CarriedForwardTab(self)
        self.carried_tab.reuse_requested.connect(self.reuse_mappings)
        if register.insights.carried_forward(report_id) is not None:
            self.tabs.addTab(self.carried_tab, "Last year")
        self.tabs.addTab(self.audit_tab, "Audit log")

        for source in (self.fields, self.exceptions_tab, self.cuecs_tab, self.subservice_tab, self.csocs_tab,
                       self.criteria_tab, self.corrections_tab):
            source.evidence_requested.connect(self.show_evidence)
        self.selection.selected.connect(self.corrections_tab.show_selection)
        self.exceptions_tab.triage_edited.connect(self._triage_edited)
        self.cuecs_tab.mapping_edited.connect(self._mapping_edited)
        self.cuecs_tab.own_control_requested.connect(self._add_own_control)
        self.controls_import = ControlsImport(register, self.session, self.who, self)
        self.controls_import.failed.connect(self._show_error)
        self.controls_import.reported.connect(self.cuecs_tab.show_notice)
        self.cuecs_tab.import_requested.connect(self.controls_import.open_file_dialog)
        self.review_tab.review_edited.connect(self._review_edited)
        self.review_tab.sign_off_requested.connect(self.sign_off)
        self.review_tab.name_requested.connect(self.open_name_dialog)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.warnings)
        left_layout.addWidget(self.error)
        left_layout.addWidget(self.fields)
        left_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.viewer)
        self.splitter.setStretchFactor(0, 3)  # the review's tables need the room; the page fits its width
        self.splitter.setStretchFactor(1, 2)

        self.toolbar = QToolBar(self)
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        self._load_pdf()
        self.refresh()
        # the viewer follows the current tab's selected item: on opening, and when another tab is chosen
        self.show_current_item()
        self.tabs.currentChanged.connect(lambda _i: self.show_current_item())

    # ---- building -------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.undo_action = self.session.stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.session.stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.export_action = QAction("Export workpaper\u2026", self)
        self.export_action.triggered.connect(lambda: self.open_export_dialog())
        self.undo_action.setToolTip("Undo the last saved change (Ctrl+Z)")
        self.redo_action.setToolTip("Redo (Ctrl+Shift+Z)")
        self.export_action.setToolTip("Export this review as a PDF workpaper")
        self.to_check_label = plain_label("", self)
        self.next_unsure_action = QAction("Next to check", self)
        self.next_unsure_action.setShortcut(QKeySequence("F8"))
        self.next_unsure_action.setToolTip("The next low-confidence value nobody checked (F8)")
        self.next_unsure_action.triggered.connect(self.next_unsure)
        self.correct_action = QAction("Correct\u2026", self)
        self.correct_action.setShortcut(QKeySequence("F2"))
        self.correct_action.setToolTip("Correct the value selected in the Check tab (F2)")
        self.correct_action.triggered.connect(self.correct_selected)
        for action in (self.undo_action, self.redo_action, self.export_action, self.next_unsure_action,
                       self.correct_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            self.toolbar.addAction(action)
        give_icons(self.toolbar, {self.undo_action: "undo", self.redo_action: "redo", self.export_action: "export",
                                  self.next_unsure_action: "next-to-check", self.correct_action: "correct"})
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.to_check_label)
        self.undo_keys = SavedUndoKeys(self.undo_action.shortcuts() + self.redo_action.shortcuts(), self)
        self.undo_keys.watch(self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit))

    def _load_pdf(self) -> None:
        try:
            self.viewer.load(self.register.reports.pdf_bytes(self.report_id),
                             ocr_words=self.stored.extraction.ocr_words)
        except PdfOpenError:
            pass  # the viewer says why (and asks for a password when that is the reason)

    # ---- keys -----------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Claim Ctrl+F / F3 before the window's shortcuts see them (ShortcutOverride travels up from the focused
        # widget): inside the workspace they search this PDF; the shell's Ctrl+F still works everywhere else.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and self.viewer.find_key_action(event) is not None):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.viewer.find_key_action(event)
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        action()

    # ---- reading --------------------------------------------------------------------------------------
    def reviewer_name(self) -> str:
        """The reviewer's one identity: the name kept in the settings ("" when not set)."""
        return str(self.settings.reviewer_name or "").strip()

    def settings_changed(self) -> None:
        """The settings were saved (here or in the Settings dialog): the Review tab follows the name at once."""
        self.review_tab.set_reviewer_name(self.reviewer_name())

    def open_name_dialog(self) -> ReviewerNameDialog:
        """Ask for the reviewer's name (opened, not exec'd); OK keeps it in the settings for every review."""
        self.name_dialog = ReviewerNameDialog(self.reviewer_name(), self)
        self.name_dialog.accepted.connect(lambda d=self.name_dialog: self._set_reviewer_name(d.value()))
        self.name_dialog.open()
        return self.name_dialog

    def _set_reviewer_name(self, name: str) -> None:
        self.settings.reviewer_name = name
        self.settings.sync()
        self.error.hide()
        self.settings_changed()

    def who(self) -> str:
        """The name written into the audit log: the reviewer name from the settings, the one identity that signs
        off too (never the login name, which would make one reviewer two people in the workpaper)."""
        return self.reviewer_name() or UNNAMED_REVIEWER

    def refresh(self) -> None:
        """Re-read the report's review data from the register into every tab."""
        reg, rid = self.register, self.report_id
        self.stored = reg.reports.get(rid)  # corrections change what the register holds
        carried = reg.insights.carried_forward(rid)
        self.carried_tab.set_carried(carried)
        self.exceptions_tab.model.repeats = repeat_labels(carried)
        self.exceptions_tab.set_report(self.stored.extraction)
        exceptions, cuecs = reg.reviews.exceptions(rid), reg.reviews.cuecs(rid)
        self.exceptions_tab.set_records(exceptions)
        self.cuecs_tab.set_records(cuecs, reg.reviews.own_controls())
        self.criteria_tab.set_report(self.stored.extraction, exceptions, cuecs)
        vendor_names = {v.id: v.name for v in reg.vendors.all()}
        self.subservice_tab.set_records(reg.reports.subservice(rid),
                                        self.stored.extraction.report.subservice_organizations, vendor_names)
        self.csocs_tab.set_csocs(self.stored.extraction.report.csocs)
        self.review_tab.set_review(reg.reviews.get(rid))
        self.audit_tab.set_entries(reg.audit.entries(rid))
        self._refresh_corrections()

    def _refresh_corrections(self) -> None:
        """The corrected facts (marked), the Check tab, its count and the tab counts, after any write."""
        reg, rid = self.register, self.report_id
        rep = self.stored.extraction.report
        panel = FieldsPanel(self.stored.extraction, self)
        panel.evidence_requested.connect(self.show_evidence)
        mark_fields(panel.links, panel.values, reg.corrections.all(rid), reg.corrections.to_check(rid))
        parent = self.fields.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is not None:
            layout.replaceWidget(self.fields, panel)
        self.fields.deleteLater()
        self.fields = panel
        self.corrections_tab.refresh()
        left = self.corrections_tab.left
        self.to_check_label.setText(f"  {left} left to check (F8)  " if left else "  nothing left to check  ")
        corrections = reg.corrections.all(rid)
        for tab, text, list_name in (
                (self.corrections_tab, f"Check ({left})" if left else "Check", None),
                (self.exceptions_tab, f"Exceptions ({len(rep.exceptions)})", "exceptions"),
                (self.cuecs_tab, f"CUECs ({len(rep.cuecs)})", "cuecs"),
                (self.subservice_tab, f"Subservice organizations ({len(rep.subservice_organizations)})",
                 "subservice_organizations"),
                (self.csocs_tab, f"CSOCs ({len(rep.csocs)})", "csocs")):
            changed = [c for c in corrections if list_name and c.list_name == list_name and c.kind != "confirm"]
            index = self.tabs.indexOf(tab)
            self.tabs.setTabText(index, text + (" \u270e" if changed else ""))
            self.tabs.setTabToolTip(index, tooltip_text("\n\n".join(correction_tooltip(c) for c in changed)
                                                        if changed else ""))

    def next_unsure(self) -> None:
        """F8: the Check tab's next value to check, its evidence on the page."""
        self.tabs.setCurrentWidget(self.corrections_tab)
        self.corrections_tab.next_unsure()

    def correct_selected(self) -> None:
        """F2: correct the value selected in the Check tab."""
        self.tabs.setCurrentWidget(self.corrections_tab)
        self.corrections_tab.correct_selected()

    def show_page(self, page: int) -> None:
        """Show `page` of the PDF (the shell calls this when a full-text search hit opens the report)."""
        self.viewer.show_page(page)

    def show_current_item(self) -> None:
        """Show the page of the current tab's selected item (its first one when none is), its box highlighted."""
        tab = self.tabs.currentWidget()
        for source in (self.exceptions_tab, self.cuecs_tab, self.subservice_tab, self.corrections_tab):
            if tab is source:
                located = source.current_evidence()
                if located is not None:
                    self.show_evidence(located[0], located[1])  # type: ignore[arg-type]  # a JSON box
                return

    def show_evidence(self, page: int, bbox: BBox | None) -> None:
        """Jump the viewer to `page` and highlight `bbox` (None: the page alone)."""
        self.viewer.highlight(page, bbox)

    # ---- writing --------------------------------------------------------------------------------------
    def _after_write(self) -> None:
        self.error.hide()
        self.refresh()
        self.changed.emit(self.report_id)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _triage_edited(self, exception_id: int, name: str, old: object, new: object) -> None:
        def write(value: object) -> None:
            self.register.reviews.update_triage(exception_id, self.who(), **{name: value})

        self.session.edit(f"exception triage: {TRIAGE_LABELS[name]}", write, old, new)

    def _mapping_edited(self, cuec_id: int, old: int | None, new: int | None) -> None:
        def write(value: int | None) -> None:
            self.register.reviews.map_cuec(cuec_id, value, self.who())

        self.session.edit("CUEC mapping", write, old, new)

    def _add_own_control(self, ref: str, title: str, owner: str | None) -> None:
        """Create the control (not undoable: other reports may map to it), then map the selected CUEC to it."""
        created: list[int] = []

        def create() -> None:
            created.append(self.register.reviews.add_own_control(ref, title, owner, self.who()).id)

        if not self.session.act(create):
            return
        row = self.cuecs_tab.current_row()
        if 0 <= row < len(self.cuecs_tab.records):
            self.cuecs_tab.map_row(row, created[0])

    def _review_edited(self, name: str, old: object, new: object) -> None:
        def write(value: object) -> None:
            changes = {name: value}
            reviewer = self.reviewer_name()
            if reviewer and self.register.reviews.get(self.report_id).reviewer != reviewer:
                changes["reviewer"] = reviewer  # the review's reviewer is the one identity of the settings
            self.register.reviews.update(self.report_id, self.who(), **changes)

        self.session.edit(f"review: {name.replace('_', ' ')}", write, old, new)

    def reuse_mappings(self) -> None:
        """Map this report's recurring CUECs as last year's were (each mapping logged; not undoable as one)."""
        self.session.act(lambda: self.register.insights.reuse_cuec_mappings(self.report_id, self.who()))

    def sign_off(self) -> None:
        """Record the sign-off by the settings' reviewer name, now (kept out of undo: it is a signature)."""
        name = self.reviewer_name()
        if not name:
            self._show_error("Set your name (Review tab, or Settings) before signing off.")
            return
        if not self.register.reviews.get(self.report_id).reviewer:
            # the review's Reviewer is who signs: one name for the reviewer throughout the workpaper
            self.register.reviews.update(self.report_id, name, reviewer=name)
        self.corrections_tab.sign_off(name)  # asks first when low-confidence values are left to check

    def export_workpaper(self, path: Path) -> Path:
        from reviewer.gui.workspace.workpaper import export_workpaper
        return export_workpaper(self.register, self.report_id, path)

    def open_export_dialog(self) -> QFileDialog:
        """Ask where to write the workpaper (opened, not exec'd); the file is written when a name is chosen."""
        default = f"{(self.stored.vendor or 'report').replace('/', '-')} workpaper.pdf"
        dialog = save_dialog(self, "Export workpaper", default, "PDF (*.pdf)", "pdf")
        dialog.fileSelected.connect(self._export_to)
        dialog.open()
        return dialog

    def _export_to(self, name: str) -> None:
        try:
            written = self.export_workpaper(Path(name))
        except OSError as err:
            self._show_error(f"Workpaper not written: {err}")
            return
        self.error.hide()
        self.exported.emit(str(written))
