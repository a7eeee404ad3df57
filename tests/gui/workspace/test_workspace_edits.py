"""Editing a review: triage, verdict, sign-off; saved at once (reopened register reads it back), audited, undoable."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from reviewer.register.register import Register
from tests.gui.workspace.conftest import REVIEWER
from tests.support.register import PASSPHRASE


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def type_and_leave(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_triage_is_saved_at_once_and_audited(open_workspace, register, register_path, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.exceptions_tab
    tab.select(1)
    changes = []
    ws.changed.connect(changes.append)
    choose(tab.nature, "systemic")
    choose(tab.relevance, "relevant")
    type_and_leave(qtbot, tab.compensating, "Quarterly access recertification (IAM-07)")
    type_and_leave(qtbot, tab.follow_up, "Ask vendor for remediation evidence by Q3")
    assert changes == [ws.report_id] * 4
    exception_id = register.reviews.exceptions(ws.report_id)[1].id
    # the table shows the triage, and the audit tab lists the four writes
    assert tab.model.index(1, 5).data() == "systemic"
    fields = [(e.field, e.new, e.who) for e in ws.audit_tab.entries]
    assert ("nature", "systemic", REVIEWER) in fields
    assert ("compensating_control", "Quarterly access recertification (IAM-07)", REVIEWER) in fields
    assert ws.audit_tab.table.rowCount() == len(register.audit.entries(ws.report_id))

    ws.close()
    register.close()
    with Register.open(register_path, PASSPHRASE) as again:
        triage = next(r.triage for r in again.reviews.exceptions(ws.report_id) if r.id == exception_id)
        assert triage.nature == "systemic" and triage.relevance == "relevant"
        assert triage.compensating_control == "Quarterly access recertification (IAM-07)"
        assert triage.follow_up == "Ask vendor for remediation evidence by Q3"
        logged = {(e.entity, e.field, e.new) for e in again.audit.entries(ws.report_id)}
        assert ("exception", "nature", "systemic") in logged
        assert ("exception", "follow_up", "Ask vendor for remediation evidence by Q3") in logged


def test_undo_and_redo_write_through_the_register(open_workspace, register, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.exceptions_tab
    tab.select(0)
    changes = []
    ws.changed.connect(changes.append)
    choose(tab.nature, "isolated")
    type_and_leave(qtbot, tab.follow_up, "Track in vendor risk register")
    exception_id = tab.current_record().id

    def triage():
        return next(r.triage for r in register.reviews.exceptions(ws.report_id) if r.id == exception_id)

    # focus is still in the saved field: Ctrl+Z there undoes the saved edit, not just the field's typing
    assert tab.follow_up.hasFocus()
    qtbot.keyClick(tab.follow_up, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert triage().follow_up is None and triage().nature == "isolated"
    assert tab.follow_up.text() == ""
    qtbot.keyClick(tab.follow_up, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert triage().nature is None
    assert tab.nature.currentData() is None
    qtbot.keyClick(tab.follow_up, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert triage().nature == "isolated" and triage().follow_up is None
    assert tab.nature.currentData() == "isolated"
    # the audit log shows every write, the undos too
    assert len(changes) == 5  # two edits, two undos, one redo: the shell refreshes its row each time
    natures = [(e.old, e.new) for e in register.audit.entries(ws.report_id) if e.field == "nature"]
    assert natures == [(None, "isolated"), ("isolated", None), (None, "isolated")]
    assert ws.undo_action.text().startswith("Undo") and ws.redo_action.isEnabled()


def test_ctrl_z_while_typing_undoes_the_typing_first(open_workspace, register, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.exceptions_tab
    tab.select(0)
    choose(tab.nature, "isolated")
    tab.follow_up.setFocus()
    qtbot.keyClicks(tab.follow_up, "half typed")
    qtbot.keyClick(tab.follow_up, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.follow_up.text() == ""  # the field's own undo
    assert register.reviews.exceptions(ws.report_id)[0].triage.nature == "isolated"  # the saved edit is untouched


def test_verdict_rationale_date_and_sign_off(open_workspace, register, register_path, qtbot):
    ws = open_workspace("meridian-soc2-t2-exc2")
    tab = ws.review_tab
    ws.tabs.setCurrentWidget(tab)
    assert not tab.sign_off_button.isEnabled()  # no verdict yet
    choose(tab.status, "accepted_with_conditions")
    tab.rationale.setFocus()
    qtbot.keyClicks(tab.rationale, "Two access exceptions; compensated by our quarterly review.")
    tab.next_review.setFocus()  # leaving the rationale saves it
    tab.next_review.setDate(QDate(2025, 8, 15))
    qtbot.keyClick(tab.next_review, Qt.Key.Key_Return)
    review = register.reviews.get(ws.report_id)
    assert review.status == "accepted_with_conditions"
    assert review.rationale == "Two access exceptions; compensated by our quarterly review."
    assert review.next_review_date == date(2025, 8, 15)

    assert tab.sign_off_button.isEnabled()
    for unsure in register.corrections.to_check(ws.report_id):  # what the extractor was unsure of, checked first
        register.corrections.confirm(ws.report_id, unsure.target, who=REVIEWER)
    ws.refresh()
    qtbot.mouseClick(tab.sign_off_button, Qt.MouseButton.LeftButton)  # nothing left to check: no question
    review = register.reviews.get(ws.report_id)
    assert review.signed_off_by == REVIEWER and review.signed_off_at
    assert f"Signed off by {REVIEWER}" in tab.sign_off_state.text()
    assert ("signed_off_by", REVIEWER) in [(e.field, e.new) for e in register.audit.entries(ws.report_id)]
    # the signature closes the edits before it: Ctrl+Z cannot reach past it and void it unseen
    assert not ws.session.stack.canUndo()
    ws.session.stack.undo()
    assert register.reviews.get(ws.report_id).signed_off_by == REVIEWER
    assert register.reviews.get(ws.report_id).rationale.startswith("Two access exceptions")
    ws.close()
    register.close()
    with Register.open(register_path, PASSPHRASE) as again:
        assert again.reviews.get(ws.report_id).signed_off_by == REVIEWER


def test_sign_off_needs_a_reviewer_name(open_workspace, register, settings):
    settings.reviewer_name = ""
    ws = open_workspace("meridian-soc2-t2-exc2")
    choose(ws.review_tab.status, "accepted")
    assert not ws.review_tab.sign_off_button.isEnabled()
    assert "Set your name" in ws.review_tab.sign_off_state.text()
    ws.sign_off()
    assert register.reviews.get(ws.report_id).signed_off_by is None
    assert ws.error.isVisibleTo(ws) and "Set your name" in ws.error.text()


def test_a_refused_edit_says_why_and_shows_what_is_stored(open_workspace, register, qtbot):
    ws = open_workspace("meridian-soc2-t2-exc2")
    ws.review_tab.status.blockSignals(True)
    # a status the register refuses (as if another tool had left a bad value in the combo)
    ws.review_tab.status.addItem("Bogus", "bogus")
    ws.review_tab.status.blockSignals(False)
    choose(ws.review_tab.status, "bogus")
    assert ws.error.isVisibleTo(ws) and ws.error.text().startswith("Not saved:")
    assert register.reviews.get(ws.report_id).status == "new"
    assert ws.review_tab.status.currentData() == "new"
    assert not ws.undo_action.isEnabled()
