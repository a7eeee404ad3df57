"""Page rendering and text search over one PDF held in memory (pypdfium2 -> QImage), with a page cache.

The PDF is opened from bytes (with its password if any); nothing is written to disk. Rendered pages are kept
in a small LRU cache keyed by (page, scale) so paging back and forth, or redrawing a highlight, costs nothing.
Rendering stays on the GUI thread on purpose: PDFium is not thread-safe (not even across documents), and the
import worker may be running an extraction with it at the same time; one page at screen scale takes tens of
milliseconds, and only the page on screen (plus the next one, when idle) is ever rendered.
Boxes are [x0, top, x1, bottom] in PDF points from the page's top-left, like `Evidence.bbox`. A scanned page has
no text layer to search: its words as OCR read them (`ExtractionResult.ocr_words`, given by `set_ocr_words`) are
searched instead, so a match on a scan is found and highlighted like one in text.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from reviewer.extract.model import BBox, OcrWord

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
        self._ocr_words: dict[int, Sequence[OcrWord]] = {}

    def set_ocr_words(self, words: dict[int, Sequence[OcrWord]]) -> None:
        """The words OCR read on scanned pages (1-based page -> words in reading order), searched on those pages."""
        self._ocr_words = dict(words)

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
        if page in self._ocr_words:
            return find_in_words(self._ocr_words[page], query)
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


def find_in_words(words: Sequence[OcrWord], query: str) -> list[BBox]:
    """Boxes of every case-insensitive match of `query` in words joined by single spaces (one box per match)."""
    needle = " ".join(query.split()).lower()
    if not needle or not words:
        return []
    starts: list[int] = []
    parts: list[str] = []
    pos = 0
    for w in words:
        starts.append(pos)
        parts.append(w[0])
        pos += len(w[0]) + 1
    text = " ".join(parts).lower()
    hits: list[BBox] = []
    for m in re.finditer(re.escape(needle), text):
        inside = [w for w, s in zip(words, starts, strict=True) if s < m.end() and s + len(w[0]) > m.start()]
        if inside:
            hits.append((min(w[1] for w in inside), min(w[2] for w in inside), max(w[3] for w in inside),
                         max(w[4] for w in inside)))
    return hits
