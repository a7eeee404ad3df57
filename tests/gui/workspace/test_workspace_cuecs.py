"""CUEC mapping (with a new own control, and suggestions on the next report) and the fourth parties tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.register.register import Register
from tests.gui.workspace.conftest import REVIEWER
from tests.support.register import PASSPHRASE

ACCESS_CUEC = "user IDs and passwords are assigned only to authorized"


def row_of(tab, words: str) -> int:
    return next(i for i, r in enumerate(tab.records) if words in r.cuec.text)


def test_add_own_control_map_a_cuec_and_see_it_suggested_on_the_next_report(
        open_workspace, register, register_path, qtbot):
    first = open_workspace("harlow-soc2-t2-exc3")
    tab = first.cuecs_tab
    first.tabs.setCurrentWidget(tab)
    row = row_of(tab, ACCESS_CUEC)
    qtbot.waitExposed(tab.table)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.table.visualRect(tab.model.index(row, 0)).center())
    cuec = tab.records[row].cuec
    assert first.viewer.current_page() == cuec.page and first.viewer.evidence_rect() is not None

    dialog = tab.open_add_dialog()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.ref.setText("IAM-01")
    dialog.title.setText("User provisioning and password management")
    dialog.owner.setText("IT Security")
    dialog.accept()
    assert [c.ref for c in register.reviews.own_controls()] == ["IAM-01"]
    mapped = register.reviews.cuecs(first.report_id)[row].mapping
    assert mapped is not None and mapped.own_control.ref == "IAM-01" and mapped.mapped_by == REVIEWER
    assert tab.model.index(row, 2).data().startswith("IAM-01")
    assert tab.summary.text() == f"1 of {len(tab.records)} mapped to our controls"
    assert ("cuec", "own_control", "IAM-01") in [(e.entity, e.field, e.new) for e in first.audit_tab.entries]
    first.close()

    second = open_workspace("meridian-soc2-t2-exc2")
    tab2 = second.cuecs_tab
    row2 = row_of(tab2, ACCESS_CUEC)
    suggestion = tab2.model.index(row2, 3)
    assert tab2.suggestion(row2) is not None and suggestion.data().startswith("Use IAM-01")
    # an unrelated CUEC gets no suggestion
    assert tab2.suggestion(row_of(tab2, "confidential data")) is None
    second.tabs.setCurrentWidget(tab2)
    qtbot.waitExposed(tab2.table)
    assert tab2.table.viewport().rect().contains(tab2.table.visualRect(suggestion))  # on screen, no scrolling
    qtbot.mouseClick(tab2.table.viewport(), Qt.MouseButton.LeftButton, pos=tab2.table.visualRect(suggestion).center())
    assert tab2.mapped_id(row2) == register.reviews.own_controls()[0].id
    second.close()
    register.close()
    with Register.open(register_path, PASSPHRASE) as again:
        records = again.reviews.cuecs(second.report_id)
        assert records[row2].mapping.own_control.ref == "IAM-01"


def test_mapping_with_the_combo_is_undoable(open_workspace, register, qtbot):
    control = register.reviews.add_own_control("IAM-02", "MFA for privileged accounts", "IT Security", REVIEWER)
    ws = open_workspace("meridian-soc2-t2-exc2")
    tab = ws.cuecs_tab
    row = row_of(tab, "multi-factor")
    tab.map_row(row, control.id)
    assert register.reviews.cuecs(ws.report_id)[row].mapping.own_control.id == control.id
    ws.undo_action.trigger()
    assert register.reviews.cuecs(ws.report_id)[row].mapping is None
    assert tab.mapped_id(row) is None
    ws.redo_action.trigger()
    assert register.reviews.cuecs(ws.report_id)[row].mapping.own_control.id == control.id
    assert tab.mapped_id(row) == control.id


def test_carved_out_subservice_organizations_without_a_report_are_flagged(open_workspace, register):
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.subservice_tab
    names = [r.name for r in tab.records]
    assert names == ["Amazon Web Services", "Microsoft Azure"]
    for row in range(2):
        assert tab.table.item(row, 2).text() == "carve-out"
        assert tab.table.item(row, 4).text() == "carved out, no report on file"
    assert "Amazon Web Services, Microsoft Azure" in tab.summary.text()
    tab.table.setCurrentCell(1, 0)
    azure = register.reports.get(ws.report_id).extraction.report.subservice_organizations[1]
    assert ws.viewer.current_page() == azure.page and ws.viewer.evidence_rect() is not None
