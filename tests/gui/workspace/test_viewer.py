"""PdfPageViewer on real PDFs: pages, zoom, search, the evidence highlight as drawn pixels, passwords."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reviewer.gui.viewer import PdfOpenError, PdfPageViewer
from tests.support.viewer_pdf import line_box, make_pdf


@pytest.fixture
def viewer(qtbot):
    v = PdfPageViewer()
    qtbot.addWidget(v)
    v.resize(900, 700)
    v.show()
    qtbot.waitExposed(v)
    v.load(make_pdf())
    v.search_budget_s = 5.0  # a short document is searched in one go, so results are there at once
    return v


def canvas_pixel(viewer: PdfPageViewer, x: float, y: float) -> QColor:
    image = viewer.canvas.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(round(x * ratio), round(y * ratio))


def is_highlight(color: QColor) -> bool:
    # the translucent amber over white paper: red stays high, blue drops well below it
    return color.red() > 230 and color.green() > 170 and color.blue() < 200


def test_load_shows_first_page_and_pages_turn(viewer, qtbot):
    assert viewer.page_count() == 5
    assert viewer.current_page() == 1
    assert viewer.page_total.text() == "/ 5"
    viewer.page_spin.setValue(4)
    assert viewer.current_page() == 4
    viewer.next_page()
    viewer.next_page()  # past the end: stays on the last page
    assert viewer.current_page() == 5
    assert not viewer.next_button.isEnabled()
    viewer.show_page(2)
    assert viewer.page_spin.value() == 2


def on_screen(viewer: PdfPageViewer, page: int, rect) -> bool:
    """Whether `rect` (pixels on `page`'s canvas) is wholly inside the part of the page stack on screen."""
    canvas = viewer.stack.canvas(page)
    return viewer.view_rect().contains(rect.translated(canvas.x(), canvas.y()))


def test_page_down_scrolls_through_the_pages_and_the_page_number_follows(viewer, qtbot):
    viewer.setFocus()
    bar = viewer.scroll.verticalScrollBar()
    assert bar.maximum() > 0  # fit width: five letter pages are much taller than the view
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    assert viewer.current_page() == 1 and bar.value() > 0
    for _ in range(10):
        qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
        if viewer.current_page() == 2:
            break
    # one scroll area: page 2 came up under page 1, and the page box says so
    assert viewer.current_page() == 2 and viewer.page_spin.value() == 2
    assert viewer.stack.page_top(2) - viewer.view_rect().height() < bar.value() < viewer.stack.page_top(3)
    down = bar.value()
    qtbot.keyClick(viewer, Qt.Key.Key_PageUp)
    assert bar.value() == down - bar.pageStep()
    qtbot.keyClick(viewer, Qt.Key.Key_End)
    assert viewer.current_page() == 5 and bar.value() == bar.maximum()
    qtbot.keyClick(viewer, Qt.Key.Key_Home)
    assert viewer.current_page() == 1 and bar.value() == 0


def test_fit_width_and_zoom_keys(viewer, qtbot):
    viewport = viewer.scroll.viewport().width()
    assert viewer.canvas.width() <= viewport
    assert viewer.canvas.width() > viewport - 40
    fitted = viewer.zoom()
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom() == pytest.approx(fitted / 1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom() == pytest.approx(fitted * 1.25)
    assert viewer.zoom_label.text() == f"{round(fitted * 125)}%"
    qtbot.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom() == pytest.approx(fitted)


def test_highlight_draws_the_box_at_the_evidence_and_scales_with_zoom(viewer, qtbot):
    box = line_box(3)
    viewer.highlight(3, box)
    assert viewer.current_page() == 3
    rect = viewer.evidence_rect()
    z = viewer.zoom()
    assert rect.left() == pytest.approx((box[0] - 4) * z)
    assert rect.top() == pytest.approx((box[1] - 4) * z)
    assert rect.right() == pytest.approx((box[2] + 4) * z)
    assert rect.bottom() == pytest.approx((box[3] + 4) * z)
    # the box is on screen: the scroll area moved down to it
    assert on_screen(viewer, 3, rect)
    # the drawn pixels: amber inside the box (in the margin around the glyphs), white paper outside
    assert is_highlight(canvas_pixel(viewer, rect.left() + 2, rect.center().y()))
    assert is_highlight(canvas_pixel(viewer, rect.center().x(), rect.top() + 2))
    outside = canvas_pixel(viewer, rect.center().x(), rect.bottom() + 30)
    assert (outside.red(), outside.green(), outside.blue()) == (255, 255, 255)

    viewer.set_zoom(z * 2)
    doubled = viewer.evidence_rect()
    assert doubled.width() == pytest.approx(rect.width() * 2)
    assert is_highlight(canvas_pixel(viewer, doubled.left() + 3, doubled.center().y()))

    # zooming kept the place: the box is still between the top and the bottom of the view
    top = viewer.stack.canvas(3).y() + doubled.top()
    assert viewer.view_rect().top() <= top and top + doubled.height() <= viewer.view_rect().bottom()
    viewer.show_page(2)  # another page: no box drawn there
    assert viewer.evidence_rect() is None


def test_search_finds_next_and_previous_across_pages_and_wraps(viewer, qtbot):
    viewer.search_field.setText("exception noted")
    assert viewer.find_next()
    assert viewer.current_page() == 3
    hit = viewer.search_rect()
    assert hit is not None
    z = viewer.zoom()
    x0, top, x1, bottom = line_box(3)
    assert hit.left() == pytest.approx(x0 * z, abs=3 * z)
    assert top * z - 3 * z <= hit.top() and hit.bottom() <= bottom * z + 3 * z
    qtbot.keyClick(viewer.search_field, Qt.Key.Key_F3)
    assert viewer.current_page() == 5
    qtbot.keyClick(viewer.search_field, Qt.Key.Key_F3)
    assert viewer.current_page() == 3  # wrapped around
    qtbot.keyClick(viewer.search_field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.current_page() == 5
    viewer.search_field.setText("no such words anywhere")
    assert not viewer.find_next()
    assert viewer.search_status.text() == "no match"
    assert viewer.search_rect() is None


def test_ctrl_f_focuses_the_search_field(viewer, qtbot):
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert viewer.search_field.hasFocus()
    qtbot.keyClicks(viewer.search_field, "management response")
    qtbot.keyClick(viewer.search_field, Qt.Key.Key_Return)
    assert viewer.current_page() == 4


def test_password_protected_pdf_asks_for_its_password(qtbot):
    data = make_pdf(pages=2, password="s3cret")
    v = PdfPageViewer()
    qtbot.addWidget(v)
    with pytest.raises(PdfOpenError):
        v.load(data)
    assert v.password_field.isVisibleTo(v) and "password" in v.message.text().lower()
    assert v.page_count() == 0
    qtbot.keyClicks(v.password_field, "wrong")
    qtbot.keyClick(v.password_field, Qt.Key.Key_Return)
    assert v.page_count() == 0 and "does not open" in v.message.text()
    qtbot.keyClicks(v.password_field, "s3cret")
    qtbot.keyClick(v.password_field, Qt.Key.Key_Return)
    assert v.page_count() == 2 and v.current_page() == 1
    assert not v.message.isVisibleTo(v) and not v.password_field.isVisibleTo(v)
    v.load(data, "s3cret")  # the caller may also pass it directly
    assert v.page_count() == 2


def test_not_a_pdf_is_refused_clearly(qtbot):
    v = PdfPageViewer()
    qtbot.addWidget(v)
    with pytest.raises(PdfOpenError):
        v.load(b"%PDF-1.4 this is not really a PDF")
    assert v.page_count() == 0 and v.current_page() == 0


def test_search_through_a_long_document_lets_the_ui_breathe(qtbot):
    v = PdfPageViewer()
    qtbot.addWidget(v)
    v.load(make_pdf(pages=60))
    v.search_budget_s = 0.0  # one page per slice: the scan must come back through the event loop
    v.search_field.setText("another exception")
    with qtbot.waitSignal(v.search_finished, timeout=10000) as found:
        assert v.find_next() is None
        assert v.search_status.text().startswith("searching")
    assert found.args == [True] and v.current_page() == 5
    v.show_page(6)
    with qtbot.waitSignal(v.search_finished, timeout=10000) as again:
        v.find_next()  # from page 6 on: wraps round through pages 6..60, 1..5
    assert again.args == [True] and v.current_page() == 5
    v.search_field.setText("absent words")
    with qtbot.waitSignal(v.search_finished, timeout=10000) as missed:
        v.find_next()
    assert missed.args == [False] and v.search_status.text() == "no match"


def test_a_new_query_abandons_a_running_scan(qtbot):
    v = PdfPageViewer()
    qtbot.addWidget(v)
    v.load(make_pdf(pages=40))
    v.search_budget_s = 0.0
    v.search_field.setText("absent words")
    finished = []
    v.search_finished.connect(finished.append)
    assert v.find_next() is None
    v.search_field.setText("management response")
    with qtbot.waitSignal(v.search_finished, timeout=10000):
        v.find_next()
    qtbot.wait(50)
    assert finished == [True] and v.current_page() == 4



def test_the_zoom_and_page_labels_keep_room_for_their_widest_values(qtbot):
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

    # the workspace's half of a 1400-pixel window, painted right after loading, as the screenshots caught it
    host = QWidget()
    qtbot.addWidget(host)
    layout = QHBoxLayout(host)
    viewer = PdfPageViewer(host)
    layout.addWidget(QWidget(host), 1)
    layout.addWidget(viewer, 1)
    host.resize(1400, 860)
    host.show()
    viewer.load(make_pdf())
    QApplication.processEvents()
    for label in (viewer.zoom_label, viewer.page_total):
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), label.text()
    assert viewer.zoom_label.minimumWidth() >= viewer.zoom_label.fontMetrics().horizontalAdvance("400%")
