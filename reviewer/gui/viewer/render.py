"""Page rendering and text search over one PDF, done by a render child process (pypdfium2 -> raw pixels -> QImage),
with a page cache here.

PDFium parses vendors' PDFs, so it does not run in the app's process, which holds the register's key: one render
child for the whole app (`RenderService`, started on the first document, restarted after a crash) opens each
viewer's PDF from the bytes it is sent (nothing is written to disk) and answers render and search requests
(reviewer/sandbox/render_child.py). Requests are synchronous on the GUI thread, as rendering was before; a page at
screen scale costs the same tens of milliseconds plus a few for the pixels' trip through the pipe
(benchmarks/viewer_page_turn.py), and a request that takes longer than `REQUEST_TIMEOUT_S` ends the child.
Rendered pages are kept in a small LRU cache keyed by (page, scale) so paging back and forth, or redrawing a
highlight, costs nothing. Boxes are [x0, top, x1, bottom] in PDF points from the page's top-left, like
`Evidence.bbox`. A scanned page has no text layer to search or select: its words as OCR read them
(`ExtractionResult.ocr_words`, given by `set_ocr_words`) are searched and selected here instead, with no call to
the child, so a match on a scan is found and highlighted like one in text.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtGui import QImage

from reviewer.extract.model import BBox, OcrWord
from reviewer.sandbox.process import Child

CACHE_PAGES = 12
REQUEST_TIMEOUT_S = 30.0
CHILD_MEMORY_MIB = 2048
MAX_PIXELS_BYTES = 512 * 1024 * 1024

OutlineEntry = tuple[int, str, int]  # (level from 0, title, 1-based page or 0)


class PdfOpenError(Exception):
    """The bytes are not a PDF we can open, or the password is missing or wrong."""


class RenderError(Exception):
    """The render child could not draw or search a page (it failed, stopped, or took too long)."""


class RenderService:
    """The app's one render child, used from the GUI thread only."""

    _shared: RenderService | None = None

    def __init__(self) -> None:
        self._child: Child | None = None
        self.generation = 0  # bumped at each (re)start: documents opened before must be opened again
        self._next_doc = 0

    @classmethod
    def shared(cls) -> RenderService:
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def start(self) -> None:
        if self._child is None or not self._child.alive():
            if self._child is not None:
                self._child.kill()
            self._child = Child("render", str(CHILD_MEMORY_MIB))
            self.generation += 1

    def new_doc_id(self) -> int:
        self._next_doc += 1
        return self._next_doc

    def request(self, header: dict[str, Any], data: bytes | None = None) -> tuple[dict[str, Any], bytes | None]:
        self.start()
        child = self._child
        assert child is not None
        try:
            child.send(header, data)
            if not child.poll(REQUEST_TIMEOUT_S):
                self.stop()
                raise RenderError(f"the PDF reader took longer than {REQUEST_TIMEOUT_S:.0f} s on this page")
            reply = child.receive(16 * 1024 * 1024)
            pixels = child.raw(MAX_PIXELS_BYTES) if reply.get("kind") == "image" else None
        except (EOFError, OSError, ValueError):
            self.stop()
            raise RenderError("the PDF reader stopped on this document (a malformed or hostile PDF?)") from None
        if reply.get("kind") == "error":
            raise RenderError(str(reply.get("message") or "the page could not be drawn"))
        return reply, pixels

    def stop(self) -> None:
        if self._child is not None:
            self._child.kill()
            self._child = None


class PdfPages:
    """One open PDF: page sizes, rendered pages (cached), and text search hits as top-left boxes."""

    def __init__(self, pdf_bytes: bytes, password: str | None = None) -> None:
        self._service = RenderService.shared()
        self._data = bytes(pdf_bytes)
        self._password = password
        self._doc = self._service.new_doc_id()
        self._generation = -1
        self._sizes: list[tuple[float, float]] = []
        self._open()
        self._images: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self._ocr_words: dict[int, Sequence[OcrWord]] = {}

    def set_ocr_words(self, words: Mapping[int, Sequence[OcrWord]]) -> None:
        """The words OCR read on scanned pages (1-based page -> words in reading order), searched on those pages."""
        self._ocr_words = dict(words)

    def _open(self) -> None:
        try:
            reply, _ = self._service.request({"op": "open", "doc": self._doc, "password": self._password},
                                             self._data)
        except RenderError as err:
            raise PdfOpenError(str(err)) from None
        self._sizes = [(float(w), float(h)) for w, h in reply["sizes"]]
        self._generation = self._service.generation

    def _request(self, header: dict[str, Any]) -> tuple[dict[str, Any], bytes | None]:
        self._service.start()  # a dead child is replaced here, before the generation is compared
        if self._generation != self._service.generation:  # the child was restarted: open the document again
            try:
                self._open()
            except PdfOpenError as err:
                raise RenderError(str(err)) from None
        return self._service.request({**header, "doc": self._doc})

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    def page_size(self, page: int) -> tuple[float, float]:
        """(width, height) in points of 1-based `page`."""
        return self._sizes[page - 1]

    def is_cached(self, page: int, scale: float) -> bool:
        return (page, round(scale, 4)) in self._images

    def render(self, page: int, scale: float, *, cached: bool = True) -> QImage:
        """1-based `page` at `scale` pixels per point, as an RGB QImage (cached unless `cached` is False: a
        thumbnail must not push the pages out). Raises RenderError."""
        key = (page, round(scale, 4))
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
            return image
        reply, pixels = self._request({"op": "render", "page": page, "scale": scale})
        width, height, stride = int(reply["width"]), int(reply["height"]), int(reply["stride"])
        if pixels is None or len(pixels) < stride * height or stride < width * 4:
            raise RenderError("the PDF reader sent a damaged page image")
        # copy(): the QImage must own its pixels once the bytes are freed
        image = QImage(pixels, width, height, stride, QImage.Format.Format_RGBX8888).copy()
        if not cached:
            return image
        self._images[key] = image
        while len(self._images) > CACHE_PAGES:
            self._images.popitem(last=False)
        return image

    def cached_count(self) -> int:
        return len(self._images)

    def outline(self) -> list[OutlineEntry]:
        """The PDF's bookmarks in order, as (level from 0, title, 1-based page or 0 when it points nowhere)."""
        try:
            reply, _ = self._request({"op": "outline"})
        except RenderError:
            return []
        return [(int(level), str(title), int(page)) for level, title, page in reply.get("entries", [])]

    def find(self, page: int, query: str) -> list[BBox]:
        """Boxes of every case-insensitive match of `query` on 1-based `page` (one box per match line span)."""
        if not query:
            return []
        if page in self._ocr_words:
            return find_in_words(self._ocr_words[page], query)
        try:
            reply, _ = self._request({"op": "find", "page": page, "query": query})
        except RenderError:
            return []
        return [tuple(float(v) for v in box) for box in reply["boxes"]]  # type: ignore[misc]

    def text_in(self, page: int, bbox: BBox) -> str:
        """The text of 1-based `page` inside `bbox` (top-left points), as PDFium reads it ("" if it cannot); on a
        scanned page, the OCR words whose middle is inside it."""
        if page in self._ocr_words:
            x0, top, x1, bottom = bbox
            return " ".join(w[0] for w in self._ocr_words[page]
                            if x0 <= (w[1] + w[3]) / 2 <= x1 and top <= (w[2] + w[4]) / 2 <= bottom)
        try:
            reply, _ = self._request({"op": "text", "page": page, "bbox": [float(v) for v in bbox]})
        except RenderError:
            return ""
        return str(reply.get("text") or "")

    def close(self) -> None:
        self._images.clear()
        if self._generation == self._service.generation:
            try:
                self._service.request({"op": "close", "doc": self._doc})
            except RenderError:
                pass


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
