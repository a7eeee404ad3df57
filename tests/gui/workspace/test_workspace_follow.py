"""The viewer follows the selected item (issue 15): a report opens on the page of the current tab's selected item,
its box highlighted, not on page 1; choosing another tab shows that tab's item; Enter, Shift+Enter and Esc in the
document's find field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.workspace.test_viewer import canvas_pixel, is_highlight, on_screen


def assert_shows_box(viewer, page, bbox):
    assert viewer.current_page() == page and viewer.page_spin.value() == page
    rect = viewer.evidence_rect()
    z = viewer.zoom()
    assert (rect.left(), rect.top(), rect.right(), rect.bottom()) == pytest.approx(
        ((bbox[0] - 4) * z, (bbox[1] - 4) * z, (bbox[2] + 4) * z, (bbox[3] + 4) * z))
    assert on_screen(viewer, page, rect)
    assert is_highlight(canvas_pixel(viewer, rect.left() + 1.5, rect.center().y()))


def test_a_report_opens_on_the_first_exception_with_its_box_highlighted(open_workspace, register, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    finding = register.reviews.exceptions(ws.report_id)[0].finding
    assert finding.page > 1 and ws.tabs.currentWidget() is ws.exceptions_tab
    qtbot.waitUntil(lambda: not ws.viewer.renderer.pending())  # shown and laid out: the view settled
    assert_shows_box(ws.viewer, finding.page, finding.bbox)


def test_choosing_a_tab_shows_its_selected_item_and_coming_back_the_one_selected_before(open_workspace, register,
                                                                                        qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    second = register.reviews.exceptions(ws.report_id)[1].finding
    ws.exceptions_tab.select(1)
    cuec = register.reviews.cuecs(ws.report_id)[0].cuec
    ws.tabs.setCurrentWidget(ws.cuecs_tab)
    assert_shows_box(ws.viewer, cuec.page, cuec.bbox)
    ws.viewer.show_page(1)
    ws.tabs.setCurrentWidget(ws.exceptions_tab)
    assert_shows_box(ws.viewer, second.page, second.bbox)


def test_enter_shift_enter_and_esc_in_the_find_field(open_workspace, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    viewer = ws.viewer
    viewer.search_budget_s = 5.0
    viewer.focus_search()
    qtbot.keyClicks(viewer.search_field, "new users sampled")  # only in AC-03's result, page 7
    qtbot.keyClick(viewer.search_field, Qt.Key.Key_Return)
    assert viewer.current_page() == 7 and viewer.search_rect() is not None
    qtbot.waitUntil(lambda: viewer.search_status.text() == "1 of 1")
    viewer.show_page(2)
    qtbot.keyClick(viewer.search_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.current_page() == 7 and viewer.search_status.text() == "1 of 1"
    qtbot.keyClick(viewer.search_field, Qt.Key.Key_Escape)
    assert viewer.search_field.text() == "" and viewer.search_rect() is None and viewer.search_status.text() == ""
    assert viewer.hasFocus()  # the keys are the pages' again (PgDn, Home, End)
    assert viewer.current_page() == 7  # closing find leaves the view where it is
