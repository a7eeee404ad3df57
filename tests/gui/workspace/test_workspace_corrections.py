"""Correcting what was read, in the workspace (real register, real PDFs, real widgets): correct a value with F2,
add a missed item by dragging over its text on the page, remove a false item, undo; the corrections show in the
facts, the register table, the workpaper; F8/Enter walk the unsure values; sign-off asks about unconfirmed ones."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from reviewer.gui.register_view.model import ReportTableModel
from reviewer.gui.workspace.workpaper import workpaper_html
from tests.gui.workspace.conftest import REVIEWER
from tests.support.register import mark_low


def row_of(tab, target_start: str) -> int:
    return next(i for i, r in enumerate(tab.rows) if r.target.startswith(target_start))


def pdf_text(path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_correct_a_value_with_f2_then_undo(open_workspace, register, qtbot, tmp_path):
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.corrections_tab
    read_end = register.reports.get(ws.report_id).extraction.report.period_end
    tab.table.setCurrentCell(row_of(tab, "period_end"), 0)
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_field("period_end", "2031-03-31")
    dialog.reason.setText("the opinion letter says March")
    dialog.accept()

    assert register.reports.get(ws.report_id).extraction.report.period_end.isoformat() == "2031-03-31"
    period = ws.fields.links["period"]
    assert "2031-03-31" in period.text() and "\u270e" in period.text()
    assert read_end.isoformat() in period.toolTip() and REVIEWER in period.toolTip()
    assert "corrected" in tab.rows[row_of(tab, "period_end")].status
    logged = [(a.entity, a.old, a.new) for a in register.audit.entries(ws.report_id)]
    assert ("correction", read_end.isoformat(), "2031-03-31") in logged
    assert ("correction", None, "the opinion letter says March") in logged

    model = ReportTableModel(register)
    row = model.row_of(ws.report_id)
    assert model.index(row, 2).data().endswith("\u270e")
    assert read_end.isoformat() in model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    html = workpaper_html(register, ws.report_id)
    assert "Reviewer corrections (1)" in html and "the opinion letter says March" in html
    assert f"corrected by {REVIEWER}; read as {read_end.isoformat()}" in html  # beside the fact too
    printed = " ".join(pdf_text(ws.export_workpaper(tmp_path / "workpaper.pdf")).split())
    assert "Reviewer corrections (1)" in printed and "2031-03-31" in printed

    ws.undo_action.trigger()
    assert register.reports.get(ws.report_id).extraction.report.period_end == read_end
    assert "\u270e" not in ws.fields.links["period"].text()
    ws.redo_action.trigger()
    assert register.reports.get(ws.report_id).extraction.report.period_end.isoformat() == "2031-03-31"


def test_add_a_missed_item_by_selecting_its_text_on_the_page(open_workspace, register, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    evidence = register.reports.get(ws.report_id).extraction.evidence["service_auditor"]
    ws.viewer.show_page(evidence.page)
    z = ws.viewer.zoom()
    x0, top, x1, bottom = evidence.bbox
    canvas = ws.viewer.canvas
    start, end = QPoint(round((x0 - 2) * z), round((top - 1) * z)), QPoint(round((x1 + 2) * z), round((bottom + 1) * z))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, pos=end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    selection = ws.selection.last
    assert selection is not None and selection.page == evidence.page
    assert selection.text and selection.text.split()[0] in evidence.text
    assert "Selected on page" in ws.corrections_tab.selection_label.text()

    before = len(register.reports.subservice(ws.report_id))
    dialog = ws.corrections_tab.add_from_selection("subservice_organizations")
    assert dialog.inputs["name"].text() == selection.text and dialog.use_selection.isChecked()
    dialog.set_field("services", "audit of the auditors (test)")
    dialog.accept()
    stored = register.reports.get(ws.report_id).extraction.report.subservice_organizations
    assert len(stored) == before + 1
    added = stored[-1]
    assert added.name == selection.text and added.page == evidence.page
    assert added.bbox is not None and abs(added.bbox[0] - (x0 - 2)) < 1.5
    assert len(register.reports.subservice(ws.report_id)) == before + 1
    assert ws.tabs.tabText(ws.tabs.indexOf(ws.subservice_tab)) == f"Subservice organizations ({before + 1}) \u270e"
    ws.undo_action.trigger()
    assert len(register.reports.subservice(ws.report_id)) == before


def test_remove_a_false_item_with_delete_and_undo(open_workspace, register, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.corrections_tab
    ws.tabs.setCurrentWidget(tab)
    tab.table.setCurrentCell(row_of(tab, "exceptions/"), 0)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert len(register.reviews.exceptions(ws.report_id)) == 2
    assert ws.tabs.tabText(0) == "Exceptions (2) \u270e"
    assert "removed by" in ws.tabs.tabToolTip(0)
    row = next(r for r in register.reports.rows() if r.id == ws.report_id)
    assert row.exceptions_count == 2
    assert "removed" in workpaper_html(register, ws.report_id)
    ws.undo_action.trigger()
    assert len(register.reviews.exceptions(ws.report_id)) == 3
    assert ws.tabs.tabText(0) == "Exceptions (3)"


def test_f8_walks_the_unsure_values_and_enter_confirms(open_workspace, register, qtbot, imported):
    rid = imported["meridian-soc2-t2-exc2"]
    mark_low(register, rid, "opinion", "two opinion paragraphs disagree")
    mark_low(register, rid, "report_date", "the date was read from a footer")
    want = len(register.corrections.to_check(rid))  # these two, and whatever the extractor itself was unsure of
    assert want >= 2
    ws = open_workspace("meridian-soc2-t2-exc2")
    tab = ws.corrections_tab
    assert tab.left == want and f"{want} left to check" in ws.to_check_label.text()
    assert "\u26a0" in ws.fields.links["opinion"].text()
    assert "two opinion paragraphs disagree" in ws.fields.links["opinion"].toolTip()
    ws.next_unsure_action.trigger()
    assert ws.tabs.currentWidget() is tab
    first = tab.selected()
    assert first is not None and first.to_check
    assert ws.viewer.current_page() == first.page
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.left == want - 1
    assert first.target not in [u.target for u in register.corrections.to_check(rid)]
    assert any(c.kind == "confirm" and c.target == first.target for c in register.corrections.all(rid))
    ws.undo_action.trigger()
    assert tab.left == want


def test_sign_off_with_unconfirmed_values_asks_first(open_workspace, register, qtbot, imported):
    rid = imported["harlow-soc2-t2-clean"]
    mark_low(register, rid, "period_end", "two period ends on the cover")
    ws = open_workspace("harlow-soc2-t2-clean")
    register.reviews.update(rid, REVIEWER, status="accepted")
    ws.refresh()
    box = ws.corrections_tab.sign_off(REVIEWER)
    assert box is not None and box.isVisible() and "1 low-confidence value" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert register.reviews.get(rid).signed_off_by is None
    assert ws.corrections_tab.selected().target == "period_end"  # "no": back to the value to check

    ws.sign_off()
    box = ws.corrections_tab.sign_off_box
    box.button(QMessageBox.StandardButton.Yes).click()
    assert register.reviews.get(rid).signed_off_by == REVIEWER
    entry = next(a for a in register.audit.entries(rid) if a.field == "signed off with unconfirmed values")
    assert entry.who == REVIEWER and "Period end" in entry.new
    assert "1 low-confidence value(s) not confirmed" in workpaper_html(register, rid)


def test_re_read_keeps_the_corrections(open_workspace, register, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    register.corrections.correct(ws.report_id, "opinion", "qualified", who=REVIEWER)
    ws.refresh()
    tab = ws.corrections_tab
    tab.reread()
    assert not tab.reread_button.isEnabled()
    qtbot.waitUntil(lambda: "Read again" in tab.note.text() or "Not read" in tab.note.text(), timeout=120_000)
    assert tab.reread_button.isEnabled()
    assert register.audit.entries(ws.report_id)[-1].field == "re-read"
    assert register.reports.get(ws.report_id).extraction.report.opinion == "qualified"
    assert "every correction kept" in ws.corrections_tab.note.text()
    assert "\u270e" in ws.fields.links["opinion"].text()


def test_pick_a_values_evidence_on_the_page_and_correct_an_item(open_workspace, register, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.corrections_tab
    ws.tabs.setCurrentWidget(tab)
    old = register.reports.get(ws.report_id).extraction.evidence["report_date"]
    page = 2 if old.page != 2 else 3
    tab.table.setCurrentCell(row_of(tab, "report_date"), 0)
    ws.viewer.show_page(page)
    picked = ws.selection.select(page, (72.0, 72.0, 540.0, 140.0))
    assert picked is not None and picked.text
    tab.evidence_button.click()
    evidence = register.reports.get(ws.report_id).extraction.evidence["report_date"]
    assert (evidence.page, evidence.bbox, evidence.text) == (page, (72.0, 72.0, 540.0, 140.0), picked.text)
    assert register.corrections.as_read(ws.report_id).evidence["report_date"].page == old.page
    qtbot.mouseClick(ws.fields.links["report_date"], Qt.MouseButton.LeftButton)
    assert ws.viewer.current_page() == page

    tab.table.setCurrentCell(row_of(tab, "exceptions/"), 0)
    dialog = tab.correct_selected()
    assert dialog.inputs["control_id"].text()
    dialog.set_field("management_response", "Management re-performed the reviews in Q4.")
    dialog.accept()
    finding = register.reviews.exceptions(ws.report_id)[0].finding
    assert finding.management_response == "Management re-performed the reviews in Q4."
    assert "corrected" in tab.rows[row_of(tab, "exceptions/")].status
    assert "re-performed" in ws.exceptions_tab.model.index(0, 3).data()


def test_a_malformed_date_is_refused_in_the_dialog(open_workspace, register, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.corrections_tab
    tab.table.setCurrentCell(row_of(tab, "period_end"), 0)
    dialog = tab.correct_selected()
    dialog.set_field("period_end", "31 June 2025")
    dialog.accept()
    assert dialog.isVisible() and "YYYY-MM-DD" in dialog.error.text()
    assert register.corrections.all(ws.report_id) == []


def test_closing_the_workspace_during_a_re_read_is_safe(register, settings, qtbot, imported):
    from reviewer.gui.workspace import ReviewWorkspace
    from reviewer.gui.workspace.corrections_tab import RUNNING

    report_id = imported["harlow-soc2-t2-clean"]
    register.corrections.correct(report_id, "opinion", "qualified", who=REVIEWER)
    ws = ReviewWorkspace(register, report_id, settings)  # not the fixture's: this one is deleted here
    ws.corrections_tab.reread()
    ws.close()
    ws.deleteLater()
    qtbot.waitUntil(lambda: not RUNNING, timeout=120_000)
    assert register.reports.get(report_id).extraction.report.opinion == "qualified"
    assert register.audit.entries(report_id)[-1].field == "re-read"


def test_take_back_a_removal_made_in_an_earlier_session(open_workspace, register, qtbot, imported):
    rid = imported["harlow-soc2-t2-exc3"]
    key = register.corrections.corrected(rid).keys["exceptions"][1]
    register.corrections.remove_item(rid, f"exceptions/{key}", who=REVIEWER, reason="a duplicate")
    ws = open_workspace("harlow-soc2-t2-exc3")  # a new session: nothing on its undo stack
    tab = ws.corrections_tab
    removed = row_of(tab, f"exceptions/{key}")
    assert tab.rows[removed].removed and "removed by" in tab.rows[removed].status
    tab.table.setCurrentCell(removed, 0)
    assert not tab.remove_button.isEnabled() and tab.revert_button.isEnabled()
    tab.revert_button.click()
    assert len(register.reviews.exceptions(rid)) == 3
    assert not tab.rows[row_of(tab, f"exceptions/{key}")].removed
    ws.undo_action.trigger()  # taking back is undoable too
    assert len(register.reviews.exceptions(rid)) == 2
