"""The criteria view: each criterion in scope (SOC 2) or control objective with its title (SOC 1), with the
exceptions, the controls not tested, the CUECs and CSOCs mapped to it; a click shows the page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.gui.workspace.conftest import REVIEWER

TITLED_SOC1 = Path(__file__).resolve().parents[2] / "office_holdout" / "documents" / "thistledown-soc1-t2-dev.pdf"


def children(item) -> list[str]:
    return [item.child(i).text(0) for i in range(item.childCount())]


def test_a_soc2_lists_every_criterion_in_scope_with_its_exceptions_and_cuecs(open_workspace, register, qtbot):
    control = register.reviews.add_own_control("IAM-01", "User provisioning", "IT Security", REVIEWER)
    ws = open_workspace("meridian-soc2-t2-qualified")
    access = next(i for i, r in enumerate(ws.cuecs_tab.records) if "CC6.2" in r.cuec.criteria)
    ws.cuecs_tab.map_row(access, control.id)
    tab = ws.criteria_tab
    ws.tabs.setCurrentWidget(tab)
    assert ws.tabs.tabText(ws.tabs.indexOf(tab)) == "Criteria"
    report = ws.stored.extraction.report
    assert [r.key for r in tab.rows][:len(report.criteria)] == report.criteria  # every criterion in scope, in order

    cc62 = tab.top_item("CC6.2")
    assert cc62.text(1) == "1"  # one exception
    lines = children(cc62)
    assert any(line.startswith("Exception SEC-14") for line in lines)
    assert any(line.startswith("CUEC \u2192 IAM-01") for line in lines)  # with the own control mapped to it
    assert tab.top_item("CC6.3").text(1) == "1"  # an exception under two criteria is under both
    criteria_with_exceptions = {c for e in register.reviews.exceptions(ws.report_id) for c in e.finding.criteria}
    assert len(criteria_with_exceptions) == 6  # five exceptions, one of them under two criteria
    assert tab.summary.text() == f"{len(report.criteria)} criteria in scope; 6 with exceptions."

    exception = cc62.child(0)
    tab.tree.expandItem(cc62)
    tab.tree.scrollToItem(exception)
    ws.show_page(1)
    rect = tab.tree.visualItemRect(exception)
    QTest.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    finding = next(e.finding for e in register.reviews.exceptions(ws.report_id) if e.finding.control_id == "SEC-14")
    assert ws.viewer.current_page() == finding.page and ws.viewer.evidence_rect() is not None


def test_a_control_whose_test_did_not_occur_is_listed_under_its_criterion(open_workspace):
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.criteria_tab
    cc14 = tab.top_item("CC1.4")
    assert cc14.text(2) == "1" and cc14.isExpanded()
    assert any(line.startswith("Not tested GOV-02 (Background checks") for line in children(cc14))
    assert "1 control(s) not tested (their circumstances did not occur)" in tab.summary.text()


def test_a_soc1_lists_its_control_objectives_by_title_with_their_deviations(open_workspace, register):
    outcome = register.reports.import_file(TITLED_SOC1)
    assert outcome.status == "imported", outcome.message
    report_id = next(r.id for r in register.reports.rows(limit=None) if r.file_name == TITLED_SOC1.name)
    ws = open_workspace(report_id, reg=register)
    tab = ws.criteria_tab
    assert ws.tabs.tabText(ws.tabs.indexOf(tab)) == "Objectives"
    titles = [tab.tree.topLevelItem(i).text(0) for i in range(tab.tree.topLevelItemCount())]
    assert titles[0] == "Control objective 1 \u2014 Client Setup"
    assert "Control objective 4 \u2014 Logical Access" in titles
    assert tab.tree.topLevelItem(0).toolTip(0)  # the statement, in the tool tip
    exceptions = register.reviews.exceptions(report_id)
    assert exceptions
    listed = sum(int(tab.tree.topLevelItem(i).text(1) or 0) for i in range(tab.tree.topLevelItemCount()))
    assert listed == len(exceptions)  # every deviation under an objective (or the unmapped row)
    for record in exceptions:
        objective = record.finding.control_objective
        if objective:
            row = tab.top_item(objective)
            assert any(line.startswith(f"Exception {record.finding.control_id}") for line in children(row))
