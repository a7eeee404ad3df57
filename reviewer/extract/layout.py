"""Page layout over the PDF layer: running headers/footers, the table of contents, and line segments.

A `Document` wraps the pages once read. It marks furniture (lines repeated at the same height on many
pages, page numbers) so that field readers never mistake a running header for content, marks the table
of contents (dot leaders and page numbers near the front) so that a section title there is not taken
for the section itself, and splits lines into segments at wide gaps, which are table cells.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from reviewer.extract.model import Evidence
from reviewer.extract.pdf import Line, Page, Word

_DIGITS = re.compile(r"\d+")
_PAGE_NO = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+(?:of|/)\s+\d{1,4})?$|^-\s*\d+\s*-$|^[ivxlc]+$", re.I)
_TOC_LEADER = re.compile(r"(?:\.\s?){4,}|\u2026|_{4,}")
_TOC_TAIL = re.compile(r"\s(?:\d{1,3}|[ivx]{1,5})$", re.I)
_TOC_SHARE = 0.85  # a page whose contents list covers this share of its lines is a contents page
_TOC_TAIL_LINES = 3  # or that has at most this many lines after the list
_TOC_TITLE = re.compile(r"^\s*(?:table\s+of\s+contents|contents|index)\s*$", re.I)


class Segment:
    """Words of one line between wide gaps: a table cell or a text block on that line (built complete)."""

    __slots__ = ("text", "words", "x0", "x1")

    def __init__(self, words: list[Word]) -> None:
        self.words = words
        self.text = " ".join([w.text for w in words])
        self.x0 = words[0].x0
        self.x1 = words[-1].x1


def segments(line: Line, gap: float | None = None) -> list[Segment]:
    """Split a line where the space between two words is wider than `gap` (default: about one em)."""
    words = line.words
    if not words:
        return []
    if gap is None:
        if line.segments is not None:
            return line.segments
        line.segments = _split(words, max(line.height * 0.9, 4.0))
        return line.segments
    return _split(words, gap)


def _split(words: list[Word], gap: float) -> list[Segment]:
    cur = [words[0]]
    runs = [cur]
    prev_x1 = words[0].x1
    for w in words[1:]:
        if w.x0 - prev_x1 > gap:
            cur = [w]
            runs.append(cur)
        else:
            cur.append(w)
        prev_x1 = w.x1
    return [Segment(run) for run in runs]


class Document:
    """The pages of one PDF with furniture and table-of-contents lines marked."""

    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self._mark_furniture()
        self.toc_pages = self._find_toc_pages()
        self.number_lines()
        self.parts: Any = None  # the report's parts by role (`parts.Parts`), set by the pipeline once found
        self._content: list[Line] | None = None  # content_lines, made on first use

    def content_lines(self) -> list[Line]:
        """Every page's lines in reading order, without contents pages and entries or running headers/footers.

        Made once per document: the section finder scans it for each heading pattern. Callers do not change it.
        """
        if self._content is None:
            self._content = [ln for page in self.text_pages if page.number not in self.toc_pages
                             for ln in self.body_lines(page) if not self.is_toc_line(ln)]
        return self._content

    def number_lines(self) -> None:
        """Number every line in reading order (pages in turn, each page's lines as read: down the left column
        first on a two-column page), so that "after" means later in the reading, not lower on the page."""
        n = 0
        for page in self.pages:
            for line in page.lines:
                line.order = n
                n += 1

    @property
    def text_pages(self) -> list[Page]:
        return [p for p in self.pages if p.lines]

    def body_lines(self, page: Page) -> list[Line]:
        """The page's lines without running headers/footers."""
        return [ln for ln in page.lines if not ln.furniture]

    def is_toc_line(self, line: Line) -> bool:
        if line.page in self.toc_pages or line.toc:
            return True
        if line.page > max(6, len(self.pages) // 8):
            return False
        return bool(_TOC_LEADER.search(line.text)) and bool(_TOC_TAIL.search(line.text))

    def _mark_furniture(self) -> None:
        """Mark running headers/footers: page numbers and lines repeated at one height on many pages.

        A running header or footer sits between the page's edge and its body: only lines reached from the
        top (or bottom) edge through other furniture count. A table's header row repeated at the same height
        on every page of a results section is body text, because the section's own title or a band line
        sits above it.
        """
        keyed: Counter[tuple[str, int]] = Counter()
        if len(self.pages) >= 3:
            for page in self.pages:
                keyed.update({_furniture_key(ln) for ln in page.lines if _in_margin(ln, page)})
        threshold = max(3, int(0.3 * len(self.text_pages)))
        repeated = {k for k, c in keyed.items() if c >= threshold}
        # the running texts whatever their height (a footer moved over the body keeps its words)
        by_text: Counter[str] = Counter()
        for (text, _height), count in keyed.items():
            by_text[text] += count
        texts = {t for t, c in by_text.items() if c >= threshold}

        def running(line: Line, page: Page) -> bool:
            if not _in_margin(line, page):
                return False
            if _PAGE_NO.match(line.text.strip()) and (line.top < 90 or line.bottom > page.height - 90):
                return True
            return _furniture_key(line) in repeated

        for page in self.pages:
            for ordered in (page.lines, reversed(page.lines)):
                for line in ordered:
                    if not running(line, page):
                        break
                    line.furniture = True
            # a footer printed over the body (an element fixed to the page's foot repeats on every printed page,
            # over whatever text flows there): repeated low on the page, it is furniture even among body lines
            for line in page.lines:
                if not line.furniture and line.top > page.height * 0.85 and len(line.words) >= 3 \
                        and _furniture_key(line) in repeated:
                    line.furniture = True
            self._overprinted_furniture(page, texts)

    @staticmethod
    def _overprinted_furniture(page: Page, texts: set[str]) -> None:
        """A running footer or header printed over body text at a height of its own (an element fixed to the
        printed page lands on whatever flows there) is furniture; it is moved after the body's lines so that a
        paragraph it crosses reads on in the page's text."""
        crossed = [ln for ln in page.lines if not ln.furniture and len(ln.words) >= 3
                   and _DIGITS.sub("#", ln.text.lower()) in texts
                   and any(o is not ln and o.top < ln.bottom - 1 and ln.top < o.bottom - 1 and o.x0 < ln.x1
                           and ln.x0 < o.x1 for o in page.lines)]
        if not crossed:
            return
        for ln in crossed:
            ln.furniture = True
        page.lines = [ln for ln in page.lines if ln not in crossed] + crossed
        page.finish()

    def _find_toc_pages(self) -> set[int]:
        """Pages that hold only a table of contents. A contents list that shares its page with the start of the
        next section (no page break after it) has its own lines marked `toc` instead, so that the section's
        text on that page is read."""
        toc: set[int] = set()
        limit = max(6, len(self.pages) // 8)
        for page in self.pages[:limit]:
            lines = self.body_lines(page)
            if not lines:
                continue
            titled = next((k for k, ln in enumerate(lines[:6]) if _TOC_TITLE.match(ln.text)), None)
            entry = [bool(_TOC_TAIL.search(ln.text) and len(ln.text) > 8) or bool(_TOC_LEADER.search(ln.text))
                     for ln in lines]
            tails = sum(1 for ln in lines if _TOC_TAIL.search(ln.text) and len(ln.text) > 8)
            leaders = sum(1 for ln in lines if _TOC_LEADER.search(ln.text))
            if not ((titled is not None and tails >= 3) or leaders >= 4 or (tails >= 5 and tails >= 0.6 * len(lines))):
                continue
            first = titled if titled is not None else entry.index(True)
            last = max(k for k, e in enumerate(entry) if e)
            if last - first + 1 >= _TOC_SHARE * len(lines) or len(lines) - last - 1 <= _TOC_TAIL_LINES:
                toc.add(page.number)
                continue
            for ln in lines[first:last + 1]:
                ln.toc = True
        return toc


def _in_margin(line: Line, page: Page) -> bool:
    return line.top < page.height * 0.15 or line.bottom > page.height * 0.85


def _furniture_key(line: Line) -> tuple[str, int]:
    """The same text (any page number) at about the same height."""
    return (_DIGITS.sub("#", line.text.lower()), round(line.top / 6))


def evidence_at(page: Page, start: int, end: int, text: str | None = None) -> Evidence:
    """Evidence for `page.text[start:end]`: page number, the words as printed (one line), and their box."""
    words = text if text is not None else " ".join(page.text[start:end].split())
    return Evidence(page=page.number, text=words[:400], bbox=page.bbox_of(start, end))


def evidence_lines(lines: list[Line], text: str | None = None) -> Evidence:
    """Evidence for a run of lines on one page."""
    words = text if text is not None else " ".join(ln.text for ln in lines)
    box = (min(ln.x0 for ln in lines), min(ln.top for ln in lines), max(ln.x1 for ln in lines),
           max(ln.bottom for ln in lines))
    return Evidence(page=lines[0].page, text=" ".join(words.split())[:400], bbox=box)


def norm(text: str) -> str:
    """Whitespace-normalised text."""
    return " ".join(text.split())
