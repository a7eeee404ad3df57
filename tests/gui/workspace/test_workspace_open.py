"""Opening a review: facts with evidence links, exceptions, warnings; clicking evidence moves the viewer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget

from reviewer.gui.workspace import ReviewWorkspace
from reviewer.gui.workspace.exceptions_tab import ExceptionsModel
from tests.gui.workspace.test_viewer import canvas_pixel, is_highlight, on_screen


def test_opening_a_review_shows_the_facts_the_pdf_and_the_exceptions(open_workspace, register, corpus):
    ws = open_workspace("harlow-soc2-t2-exc3")
    truth = corpus.by_id("harlow-soc2-t2-exc3").truth["report"]
    assert ws.viewer.page_count() == corpus.by_id("harlow-soc2-t2-exc3").truth["file"]["pages"]
    assert ws.fields.links["framework"].text() == "SOC 2 Type 2"
    assert ws.fields.links["period"].text() == f"{truth['period_start']} to {truth['period_end']}"
    assert ws.fields.links["service_organization"].text() == truth["service_organization"]
    assert ws.exceptions_tab.model.rowCount() == len(truth["exceptions"]) == 3
    controls = [ws.exceptions_tab.model.index(r, 0).data().split("\n")[0] for r in range(3)]  # id, then description
    assert controls == [x["control_id"] for x in truth["exceptions"]]
    assert ws.tabs.tabText(0) == "Exceptions (3)"
    assert ws.review_tab.status.currentData() == "new"


def test_clicking_a_fact_jumps_to_its_evidence(open_workspace, register, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    evidence = register.reports.get(ws.report_id).extraction.evidence["report_date"]
    assert evidence.page != ws.viewer.current_page()
    qtbot.mouseClick(ws.fields.links["report_date"], Qt.MouseButton.LeftButton)
    assert ws.viewer.current_page() == evidence.page
    rect = ws.viewer.evidence_rect()
    z = ws.viewer.zoom()
    assert rect.left() == pytest.approx((evidence.bbox[0] - 4) * z)
    assert rect.top() == pytest.approx((evidence.bbox[1] - 4) * z)


def test_clicking_an_exception_shows_its_page_with_the_box_highlighted(open_workspace, register, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    finding = register.reviews.exceptions(ws.report_id)[1].finding
    table = ws.exceptions_tab.table
    cell = table.visualRect(ws.exceptions_tab.model.index(1, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert ws.viewer.current_page() == finding.page
    rect = ws.viewer.evidence_rect()
    z = ws.viewer.zoom()
    x0, top, x1, bottom = finding.bbox
    assert (rect.left(), rect.top(), rect.right(), rect.bottom()) == pytest.approx(
        ((x0 - 4) * z, (top - 4) * z, (x1 + 4) * z, (bottom + 4) * z))
    # scrolled into view, and drawn: the highlight color in the box's margin, where the page is blank
    assert on_screen(ws.viewer, finding.page, rect)
    assert is_highlight(canvas_pixel(ws.viewer, rect.left() + 1.5, rect.center().y()))
    assert not is_highlight(canvas_pixel(ws.viewer, rect.left() - 6, rect.top() - 6))


def test_warnings_banner(open_workspace, register):
    ws = open_workspace("harlow-soc2-t2-exc3")
    warnings = register.reports.get(ws.report_id).extraction.warnings
    assert ws.warnings.isVisibleTo(ws) == bool(warnings)
    for w in warnings:
        assert w in ws.warnings.text()


def test_exceptions_model_is_a_well_behaved_qt_model(register, qtmodeltester, imported):
    model = ExceptionsModel()
    model.set_records(register.reviews.exceptions(imported["meridian-soc2-t2-qualified"]))
    assert model.rowCount() == 5
    qtmodeltester.check(model, force_py=True)
    model.set_records(register.reviews.exceptions(imported["harlow-soc2-t2-exc3"]))
    assert model.rowCount() == 3


def test_a_clean_report_has_no_exception_rows_and_says_so(open_workspace):
    ws = open_workspace("harlow-soc2-t2-clean")
    assert ws.exceptions_tab.model.rowCount() == 0
    assert ws.exceptions_tab.empty.isVisibleTo(ws) and not ws.exceptions_tab.table.isVisibleTo(ws)


def test_ctrl_f_and_f3_search_the_pdf_from_anywhere_in_the_workspace_inside_a_main_window(register, settings, qtbot,
                                                                                          imported):
    # the shell's main window has its own window-wide Ctrl+F: inside the workspace, ours must win, unambiguously
    win = QMainWindow()
    qtbot.addWidget(win)
    window_searches = []
    action = QAction("Search all reports", win)
    action.setShortcut(QKeySequence.StandardKey.Find)
    action.triggered.connect(lambda: window_searches.append(1))
    win.addAction(action)
    tabs = QTabWidget()
    win.setCentralWidget(tabs)
    ws = ReviewWorkspace(register, imported["harlow-soc2-t2-exc3"], settings, win)
    tabs.addTab(ws, "review")
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    ws.viewer.search_budget_s = 5.0
    table = ws.exceptions_tab.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert ws.viewer.search_field.hasFocus() and window_searches == []
    qtbot.keyClicks(ws.viewer.search_field, "new users sampled")  # only in AC-03's result, page 7
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F3)
    assert ws.viewer.current_page() == 7 and ws.viewer.search_rect() is not None
    ws.show_page(2)
    assert ws.viewer.current_page() == 2
