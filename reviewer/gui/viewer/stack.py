"""`PageStack`: the pages of one PDF stacked vertically in the viewer's scroll area, one `PageCanvas` each, placed
by hand (not by a layout) so that page positions are known at once after a zoom, without waiting for a relayout.

Coordinates: the stack's own pixels (what the scroll bars move over); `page_top(page)` is where a page starts and
`page_at(y)` the page under a height. Pages are centred horizontally when the view is wider than they are.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from reviewer.extract.model import BBox
from reviewer.gui.viewer.canvas import PageCanvas, to_pixels

GAP = 8  # pixels between pages, and around them


class PageStack(QWidget):
    """All pages of the document, laid out top to bottom at `zoom` logical pixels per point."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvases: list[PageCanvas] = []
        self._sizes: list[tuple[float, float]] = []
        self._tops: list[int] = []
        self._zoom = 1.0
        self._view_width = 0
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(128, 128, 128))
        self.setPalette(palette)

    def set_pages(self, sizes: list[tuple[float, float]]) -> None:
        for canvas in self.canvases:
            canvas.deleteLater()
        self._sizes = list(sizes)
        self.canvases = [PageCanvas(page, self) for page in range(1, len(sizes) + 1)]
        for canvas in self.canvases:
            canvas.show()
        self.lay_out()

    def set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        self.lay_out()

    def set_view_width(self, width: int) -> None:
        if width != self._view_width:
            self._view_width = width
            self.lay_out()

    def lay_out(self) -> None:
        z = self._zoom
        widest = max((round(w * z) for w, _h in self._sizes), default=0)
        width = max(self._view_width, widest + 2 * GAP)
        y = GAP
        self._tops = []
        for canvas, (w, h) in zip(self.canvases, self._sizes, strict=True):
            pw, ph = round(w * z), round(h * z)
            self._tops.append(y)
            canvas.setGeometry((width - pw) // 2, y, pw, ph)
            y += ph + GAP
        self.setFixedSize(width, y if self._sizes else 0)

    def canvas(self, page: int) -> PageCanvas | None:
        return self.canvases[page - 1] if 1 <= page <= len(self.canvases) else None

    def page_top(self, page: int) -> int:
        return self._tops[page - 1] if 1 <= page <= len(self._tops) else 0

    def page_at(self, y: float) -> int:
        """The page under height `y` (the one above, in the gap between two); 0 when there are no pages."""
        if not self._tops:
            return 0
        return max(1, bisect.bisect_right(self._tops, y))

    def pages_between(self, top: float, bottom: float) -> list[int]:
        """The pages any part of which lies between heights `top` and `bottom`."""
        if not self._tops:
            return []
        first = self.page_at(top)
        pages = []
        for page in range(first, len(self._tops) + 1):
            if self._tops[page - 1] > bottom:
                break
            if self._tops[page - 1] + self.canvases[page - 1].height() >= top:
                pages.append(page)
        return pages

    def most_visible(self, top: float, bottom: float) -> int:
        """The page with the most height between `top` and `bottom` (the first of equals); 0 when none."""
        best, shown = 0, -1.0
        for page in self.pages_between(top, bottom):
            canvas = self.canvases[page - 1]
            part = min(bottom, canvas.y() + canvas.height()) - max(top, canvas.y())
            if part > shown + 0.5:
                best, shown = page, part
        return best

    def draw_boxes(self, pages: set[int], zoom: float, evidence: tuple[int, BBox] | None, evidence_margin: float,
                   current_hit: tuple[int, BBox] | None, hits_on: Callable[[int], list[BBox]]) -> None:
        """On `pages`, the evidence box, every search hit (`hits_on(page)`) and the current one; none elsewhere."""
        for canvas in self.canvases:
            page = canvas.page
            if page not in pages:
                if canvas.evidence_rect is not None or canvas.hit_rects:
                    canvas.set_boxes(None, [], None)
                continue
            boxes = (to_pixels(evidence[1], zoom, evidence_margin) if evidence and evidence[0] == page else None,
                     [to_pixels(box, zoom, 1.0) for box in hits_on(page)],
                     to_pixels(current_hit[1], zoom, 1.0) if current_hit and current_hit[0] == page else None)
            if boxes != (canvas.evidence_rect, canvas.hit_rects, canvas.current_hit):
                canvas.set_boxes(*boxes)
