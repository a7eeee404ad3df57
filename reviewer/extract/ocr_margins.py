"""Running headers and footers on OCR'd pages made to read alike, so that the layout marks them as furniture.

Owns one pass over a document's pages after OCR. The layout (`layout.py`) knows a running header or footer by
its text (page numbers aside) repeated at one height on many pages; OCR reads the same footer a little
differently from page to page ("Type II" here, "Type Il" there) and a point or two higher or lower, so the
footer would be taken for body text and end up appended to the last item of a list. Lines in the margins of
OCR'd pages that are nearly the same text at nearly the same height are given one text (that of a text-layer
page when there is one, else the most frequent reading) and one height; digits keep their own reading (page
numbers differ by design).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from rapidfuzz import fuzz

from reviewer.extract.page import Line, Page, Word

MARGIN = 0.15  # the top and bottom share of a page where running headers and footers sit (as layout.py)
SAME_TEXT = 80  # rapidfuzz ratio of two readings of one footer, digits masked
SAME_HEIGHT_PT = 8.0
_DIGITS = re.compile(r"\d+")

Item = tuple[Page, int, Line]


def harmonise_margins(pages: list[Page]) -> None:
    """Make the running headers and footers of OCR'd pages read alike across the document (in place)."""
    if sum(p.ocr for p in pages) < 2 or len(pages) < 3:
        return
    clusters: list[tuple[str, list[Item]]] = []
    for page in pages:
        for i, line in enumerate(page.lines):
            if not (line.top < page.height * MARGIN or line.bottom > page.height * (1 - MARGIN)):
                continue
            key = _DIGITS.sub("#", line.text.lower())
            home = next((c for c in clusters if abs(c[1][0][2].top - line.top) <= SAME_HEIGHT_PT
                         and fuzz.ratio(c[0], key) >= SAME_TEXT), None)
            if home is None:
                clusters.append((key, [(page, i, line)]))
            else:
                home[1].append((page, i, line))
    touched: set[int] = set()
    for _key, items in clusters:
        if len({id(p) for p, _, _ in items}) < 3 or not any(p.ocr for p, _, _ in items):
            continue
        _harmonise(items)
        touched.update(id(p) for p, _, _ in items if p.ocr)
    for page in pages:
        if id(page) in touched:
            page.finish()


def _harmonise(items: list[Item]) -> None:
    readings = Counter(_masked(line) for _, _, line in items)  # page numbers aside
    printed = [line for page, _, line in items if not page.ocr]
    canon = printed[0] if printed else max((line for _, _, line in items),
                                            key=lambda ln: (readings[_masked(ln)], ln.confidence or 0.0))
    top = statistics.median(line.top for _, _, line in items)
    bottom = statistics.median(line.bottom for _, _, line in items)
    for page, i, line in items:
        if not page.ocr:
            continue
        if len(line.words) == len(canon.words):
            words = []
            for k, w in enumerate(line.words):
                text = w.text
                if not any(ch.isdigit() for ch in text + canon.words[k].text):
                    text = canon.words[k].text
                words.append(Word(text, w.x0, top, w.x1, bottom, conf=w.conf))
        else:
            words = _rebuilt(canon, line, top, bottom)
        page.lines[i] = Line(words=words, page=page.number, furniture=line.furniture)


def _masked(line: Line) -> str:
    return _DIGITS.sub("#", line.text)


def _rebuilt(canon: Line, line: Line, top: float, bottom: float) -> list[Word]:
    """A reading with a word lost or split ("SAS 70 Type 5" for "SAS 70 Type II 5") as the canonical reading's
    words in their places, its numbers taken from this reading in order (one it lacks is left out)."""
    numbers = [w for w in line.words if any(ch.isdigit() for ch in w.text)]
    words = []
    for w in canon.words:
        if any(ch.isdigit() for ch in w.text):
            if not numbers:
                continue
            w = numbers.pop(0)
        words.append(Word(w.text, w.x0, top, w.x1, bottom, conf=w.conf))
    return words
