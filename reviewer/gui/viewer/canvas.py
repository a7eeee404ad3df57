"""The page surface: draws one rendered page and the translucent boxes over it (evidence, search hit)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

EVIDENCE_FILL = QColor(255, 200, 0, 110)
EVIDENCE_EDGE = QColor(220, 120, 0)
SEARCH_FILL = QColor(0, 120, 255, 80)
SEARCH_EDGE = QColor(0, 90, 200)


class PageCanvas(QWidget):
    """A widget exactly the size of the page image; boxes are given in its own (logical pixel) coordinates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self.evidence_rect: QRectF | None = None
        self.search_rect: QRectF | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.resize(self.sizeHint())
        self.update()

    def set_boxes(self, evidence: QRectF | None, search: QRectF | None) -> None:
        self.evidence_rect = evidence
        self.search_rect = search
        self.update()

    def sizeHint(self) -> QSize:
        if self._image.isNull():
            return QSize(0, 0)
        ratio = self._image.devicePixelRatio()
        return QSize(round(self._image.width() / ratio), round(self._image.height() / ratio))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self._image.isNull():
            painter.drawImage(0, 0, self._image)
        for rect, fill, edge in ((self.evidence_rect, EVIDENCE_FILL, EVIDENCE_EDGE),
                                 (self.search_rect, SEARCH_FILL, SEARCH_EDGE)):
            if rect is not None:
                painter.fillRect(rect, fill)
                painter.setPen(QPen(edge, 1.5))
                painter.drawRect(rect)
        painter.end()
