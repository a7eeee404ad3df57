"""The workspace's tables read well in a 1280x800 window: the exceptions all on screen with their controls and
unclipped headers; what an empty list of exceptions means for a Type 1."""

from __future__ import annotations

from PySide6.QtCore import Qt

WINDOW = (1280, 800)


def at_window_size(ws, qtbot):
    ws.resize(*WINDOW)
    qtbot.waitUntil(lambda: ws.width() == WINDOW[0])
    return ws


def test_every_exception_is_on_screen_with_its_control_and_the_headers_are_not_clipped(open_workspace, qtbot):
    ws = at_window_size(open_workspace("meridian-soc2-t2-qualified"), qtbot)
    tab = ws.exceptions_tab
    ws.tabs.setCurrentWidget(tab)
    qtbot.waitExposed(tab.table)
    table, model = tab.table, tab.model
    assert model.rowCount() == 5
    viewport = table.viewport().height()
    for row in range(model.rowCount()):  # every row wholly inside the viewport, without scrolling
        top = table.rowViewportPosition(row)
        assert 0 <= top and top + table.rowHeight(row) <= viewport, (row, top, viewport)
    first = model.records[0].finding
    assert first.control_text and first.control_text in model.index(0, 0).data()
    assert first.control_text in tab.detail.text()
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for col in range(model.columnCount()):
        text = model.headerData(col, Qt.Orientation.Horizontal)
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        assert widest <= header.sectionSize(col), (text, widest, header.sectionSize(col))
    assert "response" in model.headerData(3, Qt.Orientation.Horizontal)


def test_a_type1_says_it_tested_design_only_not_that_every_result_was_clean(open_workspace, register, corpus, qtbot):
    outcome = register.reports.import_file(corpus.by_id("harlow-soc2-t1").path)
    assert outcome.status == "imported"
    type1 = next(r.id for r in register.reports.rows(limit=None) if r.file_name == "harlow-soc2-t1.pdf")
    ws = open_workspace(type1, reg=register)
    tab = ws.exceptions_tab
    assert tab.empty.isVisibleTo(ws) and not tab.table.isVisibleTo(ws)
    assert "design" in tab.empty.text() and "operating effectiveness was not tested" in tab.empty.text()
    assert "clean" not in tab.empty.text()


def test_a_clean_type2_says_its_tested_controls_were_clean(open_workspace):
    ws = open_workspace("harlow-soc2-t2-clean")
    assert ws.exceptions_tab.empty.text() == "No exceptions: every tested control's result was clean."


def test_a_bridge_letter_says_it_tests_no_controls():
    from reviewer.gui.workspace.exceptions_tab import CLEAN_TEXT, empty_text

    said = empty_text("SOC 2", "Type 2", "bridge_letter")
    assert said != CLEAN_TEXT and "tests no controls" in said
    assert empty_text("SOC 2", "Type 2") == CLEAN_TEXT
