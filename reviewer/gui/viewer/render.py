"""Page rendering and text search over one PDF held in memory (pypdfium2 -> QImage), with a page cache.

The PDF is opened from bytes (with its password if any); nothing is written to disk. Rendered pages are kept
in a small LRU cache keyed by (page, scale) so paging back and forth, or redrawing a highlight, costs nothing.
Rendering stays on the GUI thread on purpose: PDFium is not thread-safe (not even across documents), and the
import worker may be running an extraction with it at the same time; one page at screen scale takes tens of
milliseconds, and only the page on screen (plus the next one, when idle) is ever rendered.
Boxes are [x0, top, x1, bottom] in PDF points from the page's top-left, like `Evidence.bbox`.
"""

from __future__ import annotations

from collections import OrderedDict

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from reviewer.extract.model import BBox

CACHE_PAGES = 12


class PdfOpenError(Exception):
    """The bytes are not a PDF we can open, or the password is missing or wrong."""


class PdfPages:
    """One open PDF: page sizes, rendered pages (cached), and text search hits as top-left boxes."""

    def __init__(self, pdf_bytes: bytes, password: str | None = None) -> None:
        try:
            self._doc = pdfium.PdfDocument(pdf_bytes, password=password)
        except pdfium.PdfiumError as err:
            raise PdfOpenError(f"cannot open the PDF: {err}") from None
        self._sizes = [self._doc.get_page_size(i) for i in range(len(self._doc))]
        self._images: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self._text_cache: dict[int, pdfium.PdfTextPage] = {}

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    def page_size(self, page: int) -> tuple[float, float]:
        """(width, height) in points of 1-based `page`."""
        return self._sizes[page - 1]

    def is_cached(self, page: int, scale: float) -> bool:
        return (page, round(scale, 4)) in self._images

    def render(self, page: int, scale: float) -> QImage:
        """1-based `page` at `scale` pixels per point, as an RGB QImage (cached)."""
        key = (page, round(scale, 4))
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
            return image
        pdf_page = self._doc[page - 1]
        bitmap = pdf_page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        # copy(): the QImage must own its pixels once the PDFium bitmap is freed
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGBX8888).copy()
        bitmap.close()
        pdf_page.close()
        self._images[key] = image
        while len(self._images) > CACHE_PAGES:
            self._images.popitem(last=False)
        return image

    def find(self, page: int, query: str) -> list[BBox]:
        """Boxes of every case-insensitive match of `query` on 1-based `page` (one box per match line span)."""
        if not query:
            return []
        textpage = self._textpage(page)
        height = self._sizes[page - 1][1]
        hits: list[BBox] = []
        searcher = textpage.search(query, match_case=False)
        while (found := searcher.get_next()) is not None:
            start, count = found
            rects = [textpage.get_rect(i) for i in range(textpage.count_rects(start, count))]
            if not rects:
                continue
            left = min(r[0] for r in rects)
            bottom = min(r[1] for r in rects)
            right = max(r[2] for r in rects)
            top = max(r[3] for r in rects)
            hits.append((left, height - top, right, height - bottom))
        searcher.close()
        return hits

    def text_in(self, page: int, bbox: BBox) -> str:
        """The text of 1-based `page` inside `bbox` (top-left points), as PDFium reads it."""
        textpage = self._textpage(page)
        height = self._sizes[page - 1][1]
        x0, top, x1, bottom = bbox
        text = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
        return " ".join(text.split())

    def _textpage(self, page: int) -> pdfium.PdfTextPage:
        textpage = self._text_cache.get(page)
        if textpage is None:
            textpage = self._doc[page - 1].get_textpage()
            self._text_cache[page] = textpage
        return textpage

    def close(self) -> None:
        self._images.clear()
        for textpage in self._text_cache.values():
            textpage.close()
        self._text_cache.clear()
        self._doc.close()
