"""The CSOCs tab lists the complementary subservice organization controls and shows each on its page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_the_csocs_are_listed_with_their_organization_and_page_and_a_click_shows_the_page(open_workspace, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.csocs_tab
    ws.tabs.setCurrentWidget(tab)
    assert ws.tabs.tabText(ws.tabs.indexOf(tab)) == "CSOCs (3)"
    model = tab.model
    assert model.rowCount() == 3
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(3)]
    assert rows[0][0].startswith("Physical access to data center")
    assert [r[1] for r in rows] == ["Amazon Web Services", "Microsoft Azure", "Amazon Web Services"]
    assert all(r[3] == "5" for r in rows)
    assert "Amazon Web Services" in tab.summary.text() and "Microsoft Azure" in tab.summary.text()

    ws.show_page(1)
    assert ws.viewer.current_page() == 1
    rect = tab.table.visualRect(model.index(1, 0))
    QTest.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ws.viewer.current_page() == 5 and ws.viewer.evidence_rect() is not None


def test_a_report_without_csocs_says_so(open_workspace):
    ws = open_workspace("harlow-soc2-t2-clean")
    assert ws.csocs_tab.model.rowCount() == 0
    assert not ws.csocs_tab.table.isVisibleTo(ws)
    assert "no complementary subservice organization controls" in ws.csocs_tab.summary.text()
