"""The viewer's continuous pages (issue 15): one scroll area over all pages, rendered lazily with memory bounded on
a 120-page report, the page number following the scroll, zoom keeping the place; the side panel's thumbnails
(lazy, click to go) and the PDF's outline (click to go, or a note when there is none)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from reviewer.gui.viewer import PdfPageViewer
from reviewer.gui.viewer.render import CACHE_PAGES
from reviewer.gui.viewer.side_panel import NO_OUTLINE_TEXT
from tests.support.viewer_pdf import OUTLINE, make_pdf

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


@pytest.fixture
def make_viewer(qtbot):
    def make(data: bytes) -> PdfPageViewer:
        v = PdfPageViewer()
        qtbot.addWidget(v)
        v.resize(900, 700)
        v.show()
        qtbot.waitExposed(v)
        v.load(data)
        return v

    return make


def settle(qtbot, viewer: PdfPageViewer) -> None:
    qtbot.waitUntil(lambda: not viewer.renderer.pending(), timeout=10000)


def dark_pixels(image: QImage, step: int = 3, below: int = 128) -> int:
    return sum(1 for y in range(0, image.height(), step) for x in range(0, image.width(), step)
               if image.pixelColor(x, y).lightness() < below)


def test_a_120_page_report_scrolls_in_one_view_rendering_only_the_pages_in_sight(make_viewer, qtbot):
    v = make_viewer(make_pdf(pages=120))
    bar = v.scroll.verticalScrollBar()
    assert bar.maximum() > 100 * v.stack.canvas(1).height()  # every page is in the one scroll area
    for target in (10, 61, 119, 30):
        bar.setValue(v.stack.page_top(target) + 40)  # where a drag of the scroll bar leaves the view
        settle(qtbot, v)
        assert v.current_page() == target and v.page_spin.value() == target
        in_view = v.visible_pages()
        drawn = [c.page for c in v.stack.canvases if c.has_image()]
        assert set(in_view) <= set(drawn) and len(drawn) <= len(in_view) + 1  # in view, plus the next one
        assert v._pages.cached_count() <= CACHE_PAGES
        footer = v.stack.canvas(target).grab().toImage()  # the page drawn, not blank paper: its footer's ink
        assert dark_pixels(footer.copy(0, footer.height() - footer.height() // 20, footer.width(),
                                       footer.height() // 20)) > 0


def test_page_keys_home_end_and_the_zoom_keep_the_place(make_viewer, qtbot):
    v = make_viewer(make_pdf(pages=120))
    v.show_page(40)
    bar = v.scroll.verticalScrollBar()
    bar.setValue(bar.value() + 300)
    settle(qtbot, v)

    def place() -> float:  # points down page 40 at the top of the view
        return (bar.value() - v.stack.page_top(40)) / v.zoom()

    before = place()
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert place() == pytest.approx(before, abs=1.5) and v.current_page() == 40
    qtbot.keyClick(v, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(v, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert place() == pytest.approx(before, abs=1.5)
    qtbot.keyClick(v, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # fit width
    assert place() == pytest.approx(before, abs=1.5) and v.current_page() == 40
    qtbot.keyClick(v, Qt.Key.Key_End)
    assert v.current_page() == 120 and bar.value() == bar.maximum()
    qtbot.keyClick(v, Qt.Key.Key_PageUp)
    assert v.current_page() == 120 and bar.value() == bar.maximum() - bar.pageStep()
    qtbot.keyClick(v, Qt.Key.Key_Home)
    assert v.current_page() == 1 and bar.value() == 0
    v.resize(700, 700)  # fit width follows the view, and the place stays
    v.show_page(12)
    v.resize(1000, 700)
    qtbot.waitUntil(lambda: v.zoom() > 1.2)
    assert v.current_page() == 12 and bar.value() == v.stack.page_top(12) - 8


def test_zooming_out_near_the_end_keeps_the_page(make_viewer, qtbot):
    v = make_viewer(make_pdf())
    v.show_page(3)
    v.set_zoom(0.4)  # the stack gets shorter than where the view was: the view stays on page 3 all the same
    assert v.current_page() == 3 and v.page_spin.value() == 3
    assert v.scroll.verticalScrollBar().value() == pytest.approx(v.stack.page_top(3), abs=8)


def test_thumbnails_are_drawn_only_in_view_and_a_click_goes_to_the_page(make_viewer, qtbot):
    v = make_viewer(make_pdf(pages=120))
    panel = v.side_panel
    assert not panel.isVisible()
    qtbot.mouseClick(v.toolbar.panel_button, Qt.MouseButton.LeftButton)
    assert panel.isVisible() and panel.currentWidget() is panel.thumbnails
    qtbot.waitUntil(lambda: set(panel.thumbnails_in_view()) <= panel.rendered_thumbnails(), timeout=10000)
    in_view = panel.thumbnails_in_view()
    assert 1 in in_view and len(panel.rendered_thumbnails()) == len(in_view) < 30
    icon = panel.thumbnails.item(0).icon().pixmap(panel.thumbnails.iconSize()).toImage()
    assert dark_pixels(icon, 1, below=230) > 0  # the page in small (grey text), not a blank

    item = panel.thumbnails.item(in_view[-1] - 2)
    qtbot.mouseClick(panel.thumbnails.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.thumbnails.visualItemRect(item).center())
    assert v.current_page() == in_view[-1] - 1

    panel.thumbnails.scrollToBottom()
    qtbot.waitUntil(lambda: 120 in panel.rendered_thumbnails(), timeout=10000)
    assert len(panel.rendered_thumbnails()) < 60  # the pages in between were never drawn
    v.show_page(77)  # the list follows the view
    assert panel.thumbnails.currentRow() == 76
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F4)
    assert not panel.isVisible() and not v.toolbar.panel_button.isChecked()


def test_the_outline_is_a_tree_and_a_click_goes_to_its_page(make_viewer, qtbot):
    v = make_viewer(make_pdf(outline=True))
    v.set_side_panel_visible(True)
    panel = v.side_panel
    panel.setCurrentIndex(1)
    tree = panel.outline
    assert tree.isVisibleTo(panel) and not panel.no_outline.isVisibleTo(panel)
    tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert tops == [title for level, title, _page in OUTLINE if level == 0]
    tests_of_controls = tree.topLevelItem(1)
    assert [tests_of_controls.child(i).text(0) for i in range(tests_of_controls.childCount())] == [
        "CC6.1 Logical access", "Exceptions noted"]
    exceptions = tests_of_controls.child(1)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(exceptions).center())
    assert v.current_page() == 3
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(tree.topLevelItem(2)).center())
    assert v.current_page() == 4


def test_a_pdf_without_an_outline_says_so_in_the_panel(make_viewer):
    v = make_viewer((SAMPLES / "larchfield-soc2-type1.pdf").read_bytes())
    v.set_side_panel_visible(True)
    panel = v.side_panel
    panel.setCurrentIndex(1)
    assert panel.no_outline.isVisibleTo(panel) and panel.no_outline.text() == NO_OUTLINE_TEXT
    assert not panel.outline.isVisibleTo(panel) and panel.outline.topLevelItemCount() == 0
    assert panel.thumbnails.count() == v.page_count() == 5


def test_text_is_selected_on_the_page_dragged_over_not_only_the_current_one(make_viewer, qtbot):
    from PySide6.QtCore import QPoint

    from reviewer.gui.viewer.selection import AreaSelection
    from tests.support.viewer_pdf import line_box

    v = make_viewer(make_pdf())
    selection = AreaSelection(v)
    v.set_zoom(0.5)
    v.show_page(1)
    assert v.current_page() == 1 and 2 in v.visible_pages()
    canvas, z = v.stack.canvas(2), v.zoom()
    x0, top, x1, bottom = line_box(2)
    start, end = QPoint(round((x0 - 2) * z), round((top - 2) * z)), QPoint(round((x1 + 2) * z), round((bottom + 2) * z))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, pos=end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    assert selection.last is not None and selection.last.page == 2
    assert selection.last.text.startswith("Control CC6.1.2 access reviews")
    v.load(make_pdf(pages=2))  # another document: selecting still works on its pages
    v.set_zoom(0.5)
    qtbot.mousePress(v.stack.canvas(2), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseMove(v.stack.canvas(2), pos=QPoint(200, 60))
    qtbot.mouseRelease(v.stack.canvas(2), Qt.MouseButton.LeftButton, pos=QPoint(200, 60))
    assert selection.last.page == 2


def test_ctrl_wheel_zooms_and_a_plain_wheel_scrolls(make_viewer, qtbot):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    v = make_viewer(make_pdf())
    viewport = v.scroll.viewport()
    fitted = v.zoom()

    def wheel(modifiers: Qt.KeyboardModifier, delta: int) -> None:
        centre = QPointF(viewport.width() / 2, viewport.height() / 2)
        event = QWheelEvent(centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, delta), Qt.MouseButton.NoButton,
                            modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)

    wheel(Qt.KeyboardModifier.ControlModifier, 120)
    assert v.zoom() == pytest.approx(fitted * 1.25)
    wheel(Qt.KeyboardModifier.ControlModifier, -120)
    assert v.zoom() == pytest.approx(fitted)
    wheel(Qt.KeyboardModifier.NoModifier, -120)
    assert v.zoom() == pytest.approx(fitted) and v.scroll.verticalScrollBar().value() > 0
