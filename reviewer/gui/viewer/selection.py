"""`AreaSelection`: drag a box over the page in the viewer to select its text; the box becomes evidence.

Installed on each page canvas of a `PdfPageViewer` (an event filter, put on again whenever a document is
loaded: the viewer itself is unchanged). A left-button drag draws a rubber band on the page pressed; on release
the box is turned into PDF points (top-left origin, like `Evidence.bbox`), the text inside it is read from the
page's text layer, and `selected(page, bbox, text)` is emitted. The last
selection stays available (`last`) for "use as evidence" and "add as a new item".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QRubberBand

from reviewer.extract.model import BBox
from reviewer.gui.viewer.canvas import PageCanvas
from reviewer.gui.viewer.widget import PdfPageViewer

MIN_DRAG = 4  # pixels: a shorter drag is a click, not a selection


@dataclass(frozen=True)
class PageSelection:
    """A box drawn on a page, in PDF points from the page's top-left, and the text inside it."""

    page: int
    bbox: BBox
    text: str

    def evidence_json(self) -> dict[str, object]:
        return {"page": self.page, "text": self.text, "bbox": [round(v, 2) for v in self.bbox]}


class AreaSelection(QObject):
    """Rubber-band text selection on the viewer's page."""

    selected = Signal(object)  # PageSelection

    def __init__(self, viewer: PdfPageViewer) -> None:
        super().__init__(viewer)
        self.viewer = viewer
        self.last: PageSelection | None = None
        self._origin: QPoint | None = None
        self._pressed: PageCanvas | None = None
        self._band: QRubberBand | None = None
        viewer.document_loaded.connect(self._watch_pages)
        viewer.page_changed.connect(lambda _page: self._hide_band())
        self._watch_pages()

    def _watch_pages(self) -> None:
        self._band = None  # it belonged to a canvas of the document before
        for canvas in self.viewer.stack.canvases:
            canvas.installEventFilter(self)
            canvas.setCursor(Qt.CursorShape.IBeamCursor)
            canvas.setToolTip("Drag over the page to select text: use it as evidence, or add it as an item")

    def _hide_band(self) -> None:
        if self._band is not None and self._origin is None:
            self._band.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, PageCanvas) and isinstance(event, QMouseEvent):
            kind = event.type()
            pos = event.position().toPoint()
            if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
                self._origin, self._pressed = pos, watched
                if self._band is None or self._band.parentWidget() is not watched:
                    if self._band is not None:
                        self._band.deleteLater()
                    self._band = QRubberBand(QRubberBand.Shape.Rectangle, watched)
                self._band.setGeometry(QRect(pos, QSize()))
                self._band.show()
                return True
            if watched is not self._pressed or self._origin is None or self._band is None:
                return super().eventFilter(watched, event)
            if kind == QEvent.Type.MouseMove:
                self._band.setGeometry(QRect(self._origin, pos).normalized())
                return True
            if kind == QEvent.Type.MouseButtonRelease:
                rect = QRect(self._origin, pos).normalized()
                self._origin = None
                if rect.width() < MIN_DRAG or rect.height() < MIN_DRAG:
                    self._band.hide()
                    return True
                self._band.setGeometry(rect)
                self.select_pixels(rect, watched.page)
                return True
        return super().eventFilter(watched, event)

    def select_pixels(self, rect: QRect, page: int | None = None) -> PageSelection | None:
        """Select the canvas rectangle `rect` (logical pixels) on `page` (the current page when not given)."""
        zoom = self.viewer.zoom()
        bbox = (rect.left() / zoom, rect.top() / zoom, (rect.right() + 1) / zoom, (rect.bottom() + 1) / zoom)
        return self.select(self.viewer.current_page() if page is None else page, bbox)

    def select(self, page: int, bbox: BBox) -> PageSelection | None:
        """Select the box `bbox` (PDF points) on `page`: its text becomes the last selection."""
        if not page:
            return None
        text = self.viewer.text_in(page, bbox)
        x0, top, x1, bottom = (round(v, 2) for v in bbox)
        self.last = PageSelection(page, (x0, top, x1, bottom), text)
        self.selected.emit(self.last)
        return self.last
