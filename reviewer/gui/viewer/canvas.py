"""`PageCanvas`: one page of the continuous view, the size of the page at the zoom. It draws the page's image once
rendered (blank paper until then) and the translucent boxes over it: the evidence (amber), every search hit on the
page (light blue) and the current hit (stronger blue, thicker edge)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reviewer.extract.model import BBox

EVIDENCE_FILL = QColor(255, 200, 0, 110)
EVIDENCE_EDGE = QColor(220, 120, 0)
HIT_FILL = QColor(0, 170, 255, 50)
HIT_EDGE = QColor(0, 140, 230, 160)
CURRENT_HIT_FILL = QColor(0, 90, 255, 110)
CURRENT_HIT_EDGE = QColor(0, 60, 190)
PLACEHOLDER_TEXT = QColor(170, 170, 170)


def to_pixels(box: BBox, zoom: float, margin: float) -> QRectF:
    """`box` (PDF points from the page's top-left) grown by `margin` points, in a canvas's pixels at `zoom`."""
    x0, top, x1, bottom = box
    return QRectF((x0 - margin) * zoom, (top - margin) * zoom,
                  (x1 - x0 + 2 * margin) * zoom, (bottom - top + 2 * margin) * zoom)


class PageCanvas(QWidget):
    """One page; boxes are given in its own (logical pixel) coordinates."""

    def __init__(self, page: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self._image = QImage()
        self.image_scale = 0.0  # pixels per point of the image held (0: none)
        self.evidence_rect: QRectF | None = None
        self.hit_rects: list[QRectF] = []
        self.current_hit: QRectF | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def has_image(self) -> bool:
        return not self._image.isNull()

    def set_image(self, image: QImage, scale: float) -> None:
        self._image = image
        self.image_scale = scale
        self.update()

    def drop_image(self) -> None:
        """Forget the rendered pixels (the page is far from the view): memory stays bounded on long reports."""
        if not self._image.isNull():
            self._image = QImage()
            self.image_scale = 0.0
            self.update()

    def set_boxes(self, evidence: QRectF | None, hits: list[QRectF], current: QRectF | None) -> None:
        self.evidence_rect = evidence
        self.hit_rects = hits
        self.current_hit = current
        self.update()

    def sizeHint(self) -> QSize:
        return self.size()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(255, 255, 255))
        if not self._image.isNull():
            # an image of an older zoom is drawn stretched until the new one arrives
            painter.drawImage(QRectF(self.rect()), self._image)
        else:
            painter.setPen(PLACEHOLDER_TEXT)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, f"Page {self.page}")
        for rect in self.hit_rects:
            if rect != self.current_hit:
                painter.fillRect(rect, HIT_FILL)
                painter.setPen(QPen(HIT_EDGE, 1.0))
                painter.drawRect(rect)
        for box, fill, edge, width in ((self.evidence_rect, EVIDENCE_FILL, EVIDENCE_EDGE, 1.5),
                                       (self.current_hit, CURRENT_HIT_FILL, CURRENT_HIT_EDGE, 2.0)):
            if box is not None:
                painter.fillRect(box, fill)
                painter.setPen(QPen(edge, width))
                painter.drawRect(box)
        painter.end()
