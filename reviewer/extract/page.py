"""The records of a read page: words with their boxes, lines of words, and the page with its text.

Boxes are x0, top, x1, bottom in points, top-left origin, in the page's displayed orientation. Words read by OCR
(`ocr.py`) are the same records with the engine's confidence in `conf` (0-1; None for the PDF's own text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

_X1, _TOP, _BOTTOM = attrgetter("x1"), attrgetter("top"), attrgetter("bottom")

# typesetting's curly quotes, minus sign and hyphens as the plain characters a reader types and searches for: a
# producer may curl "users'" or set "multi-factor" with a minus glyph; one character for one, so that offsets hold
PLAIN_PUNCTUATION = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                                   "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                                   "\u2212": "-", "\u2010": "-", "\u2011": "-"})


@dataclass(slots=True)
class Word:
    """A run of non-blank characters and its box: x0, top, x1, bottom in points, top-left origin."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float | None = None  # the OCR engine's confidence, 0-1 (None: the PDF's own text layer)


@dataclass(slots=True)
class Line:
    """Words sharing a baseline, left to right, with `text` the words joined by single spaces."""

    words: list[Word]
    page: int
    text: str = ""
    start: int = 0  # offset of this line in its page's `text`
    furniture: bool = False  # a running header/footer repeated on many pages
    toc: bool = False  # an entry of the table of contents (its title and the lines listing sections)
    order: int = 0  # its place in the document's reading order (set by `layout.Document`)
    # the box, computed once: field readers ask for it many times per line
    x0: float = field(init=False, default=0.0)
    x1: float = field(init=False, default=0.0)
    top: float = field(init=False, default=0.0)
    bottom: float = field(init=False, default=0.0)
    segments: list[Any] | None = field(init=False, default=None)  # layout.segments' cache (default gap)

    def __post_init__(self) -> None:
        words = self.words
        self.x0 = words[0].x0
        self.x1 = max(map(_X1, words))
        self.top = min(map(_TOP, words))
        self.bottom = max(map(_BOTTOM, words))

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def confidence(self) -> float | None:
        """The lowest OCR confidence of the line's words (None when none was read by OCR)."""
        confs = [w.conf for w in self.words if w.conf is not None]
        return min(confs) if confs else None

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True)
class Page:
    """One page: 1-based number, displayed size, lines top to bottom, and whether it lacks a text layer."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    image_only: bool = False
    ocr: bool = False  # the words were read by OCR from the page's image (the page has no text layer)
    text: str = ""
    rules: Any = None  # grid.Rules: ruled lines drawn on a page that may hold a table (None: not read)

    def finish(self) -> None:
        """Compute `text` (lines joined by newlines) and each line's offset in it."""
        parts: list[str] = []
        pos = 0
        for line in self.lines:
            line.text = " ".join(w.text for w in line.words)
            line.start = pos
            parts.append(line.text)
            pos += len(line.text) + 1
        self.text = "\n".join(parts)

    def line_at(self, offset: int) -> int:
        """Index of the line that holds character `offset` of `text`."""
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def words_in(self, start: int, end: int) -> list[Word]:
        """The words of `text[start:end]` (any word the span touches), in reading order."""
        if not self.lines:
            return []
        out: list[Word] = []
        for i in range(self.line_at(start), self.line_at(max(start, end - 1)) + 1):
            line = self.lines[i]
            pos = line.start
            for w in line.words:
                w_end = pos + len(w.text)
                if w_end > start and pos < end:
                    out.append(w)
                pos = w_end + 1
        return out

    def bbox_of(self, start: int, end: int) -> tuple[float, float, float, float] | None:
        """The box covering the words of `text[start:end]`."""
        boxes = self.words_in(start, end)
        if not boxes:
            return None
        return (min(w.x0 for w in boxes), min(w.top for w in boxes), max(w.x1 for w in boxes),
                max(w.bottom for w in boxes))
