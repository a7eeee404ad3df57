"""Search hits in the viewer (issue 15): every hit on the pages in view drawn, in a colour unlike the evidence box,
the current hit stronger, and the count "3 of 5" as F3 and Shift+F3 go through them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reviewer.gui.viewer import PdfPageViewer
from tests.gui.workspace.test_viewer import is_highlight
from tests.support.viewer_pdf import make_pdf

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
        v.search_budget_s = 5.0
        return v

    return make


def mean_colour(viewer: PdfPageViewer, page: int, rect) -> QColor:
    """The average drawn colour inside `rect` on `page` (the same word under each box: only the tint differs)."""
    image = viewer.stack.canvas(page).grab().toImage()
    ratio = image.devicePixelRatio()
    inner = rect.adjusted(1.5, 1.5, -1.5, -1.5)
    pixels = [image.pixelColor(x, y) for x in range(round(inner.left() * ratio), round(inner.right() * ratio))
              for y in range(round(inner.top() * ratio), round(inner.bottom() * ratio))]
    assert pixels
    return QColor(*(round(sum(getattr(c, part)() for c in pixels) / len(pixels)) for part in ("red", "green", "blue")))


def is_blue(color: QColor) -> bool:
    return color.blue() > color.red() + 20


def test_count_and_current_hit_through_a_sample_report(make_viewer, qtbot):
    v = make_viewer((SAMPLES / "quillon-soc2-type2.pdf").read_bytes())
    v.focus_search()
    qtbot.keyClicks(v.search_field, "subservice")  # twice on page 3, three times on page 6
    qtbot.waitUntil(lambda: v.search_total() is not None)
    assert v.search_total() == 5 and v.search_status.text() == "5 matches"
    seen = []
    for _ in range(4):
        qtbot.keyClick(v.search_field, Qt.Key.Key_F3)
        seen.append((v.current_page(), v.search_status.text()))
    assert seen == [(3, "1 of 5"), (3, "2 of 5"), (6, "3 of 5"), (6, "4 of 5")]
    canvas = v.stack.canvas(6)
    assert len(canvas.hit_rects) == 3  # all of page 6's hits drawn, the current one among them
    assert canvas.current_hit == canvas.hit_rects[1] == v.search_rect()
    qtbot.keyClick(v.search_field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert (v.current_page(), v.search_status.text()) == (6, "3 of 5")
    qtbot.keyClick(v.search_field, Qt.Key.Key_F3)
    qtbot.keyClick(v.search_field, Qt.Key.Key_F3)
    qtbot.keyClick(v.search_field, Qt.Key.Key_F3)  # past the last: round to the first
    assert (v.current_page(), v.search_status.text()) == (3, "1 of 5")


def test_every_hit_in_view_is_drawn_and_the_current_one_stronger_than_the_others(make_viewer, qtbot):
    v = make_viewer(make_pdf())
    v.set_zoom(0.5)  # several pages in view at once
    v.show_page(1)
    v.search_field.setText("Confidential")  # in every page's footer
    qtbot.waitUntil(lambda: v.search_total() == 5)
    in_view = v.visible_pages()
    assert len(in_view) >= 2
    for page in in_view:  # drawn without a find: typing paused, the hits in view show
        assert len(v.stack.canvas(page).hit_rects) == 1
    assert v.find_next() and v.search_status.text() == "1 of 5"
    current, other = v.stack.canvas(1).current_hit, v.stack.canvas(2).hit_rects[0]
    assert current is not None and v.stack.canvas(2).current_hit is None

    bar = v.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled by hand to pages not drawn before: their hits come with them
    assert 5 in v.visible_pages() and len(v.stack.canvas(5).hit_rects) == 1
    v.show_page(1)
    strong, faint = mean_colour(v, 1, current), mean_colour(v, 2, other)
    assert is_blue(strong) and is_blue(faint)
    assert not is_highlight(strong) and not is_highlight(faint)  # not the evidence box's amber
    # the current hit stands out: a deeper blue over the same word
    assert strong.blue() - strong.red() > faint.blue() - faint.red() + 30 and strong.red() < faint.red() - 20
    v.focus_search()
    qtbot.keyClick(v.search_field, Qt.Key.Key_Escape)
    assert v.search_total() is None and all(not c.hit_rects for c in v.stack.canvases)
