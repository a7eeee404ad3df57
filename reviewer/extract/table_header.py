"""A results table's header: which line it is, its cells, and the columns they give.

A header is a line whose cells include a results heading ("Test Results", "Results of Tests") and another table
heading ("Control Activity", "Tests Performed", "Control #"), possibly wrapped over two lines, or staggered over
several when its cells wrap to different numbers of lines (they are merged first). Column boundaries come from the
header cells' positions, moved left to where body cells start (headers may be centred); header cells printed so
close together that they read as one are split where the body's columns begin. A ruled table's vertical rules are
its boundaries. `tables.py` reads the rows under the header.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reviewer.extract.grid import Grid
from reviewer.extract.layout import Segment, norm, segments
from reviewer.extract.pdf import Line, Word
from reviewer.extract.sections import header_band
from reviewer.extract.vocabulary import RESPONSE_WORDS

# a control id as a table prints it: "CC6.1.2", "AC-04", "3.7", "C-112", "SEC-12", "CO3-01"
CONTROL_ID = re.compile(r"^(?:[A-Z]{1,5}[\s\-]?)?\d{1,3}(?:[.\-]\d{1,3}){0,3}[a-z]?$|^[A-Z]{1,5}[\-.]?\d{1,3}(?:[.\-]\d"
                        r"{1,3}){0,3}[A-Za-z]?$")
# a band under the header naming the criterion or objective its rows test ("CC1.0 Control Environment") is no
# wrapped part of the header
GROUP_BAND = re.compile(r"^\s*(?:(?:CC[1-9]|A1|C1|PI1|P[1-8])\.\d{1,2}\b|control\s+objective\s+\w)", re.I)
_COLUMN_SUPPORT = 3  # body lines whose cells start at one x before it is taken for a column's edge

RESULT_HEAD = re.compile(r"^(?:test(?:ing)?\s+results?|results?(?:\s+of\s+(?:tests?|testing))?(?:\s+of\s+testing)?|"
                         r"service\s+auditor[\u2019']?s?\s+(?:test\s+)?results?|results?\s+of\s+tests?\s+performed|"
                         r"test\s+(?:of\s+)?results?|exceptions?\s+noted|findings?)$", re.I)
_RESULT_WORD = re.compile(r"result|exception|finding", re.I)  # in every RESULT_HEAD form
OTHER_HEAD = re.compile(r"control|test(?:s|ing)?\s+(?:performed|procedures?|applied)|procedures?|"
                        r"criteri|description|activit|^(?:#|no\.?|id|ref\.?|number)$|objective|tsc", re.I)
ID_HEAD = re.compile(r"^(?:control\s*(?:#|no\.?|number|id|ref(?:erence)?\.?)|#|no\.?|id|ref\.?|ref(?:erence)?\s*#?|"
                     r"control\s+(?:point|reference))$", re.I)
CRIT_HEAD = re.compile(r"criteri|^tsc\b|trust\s+services", re.I)
RESPONSE_HEAD = re.compile(RESPONSE_WORDS, re.I)
OBJECTIVE_HEAD = re.compile(r"^(?:control\s+)?objectives?(?:\s*(?:#|no\.?|number|id|ref\.?))?$", re.I)
CONTROL_HEAD = re.compile(r"control\s+(?:activit|descri)|controls?\s+specified|description\s+of\s+control|"
                          r"^controls?$|control\s+activities", re.I)
ID_AND_CRIT = re.compile(r"^(?P<id>.+?)\s*(?:/|&|and|,)?\s*(?:trust\s+services\s+)?(?:criteri\w*|tsc)"
                          r"(?:\s*(?:#|ref\.?|reference))?$", re.I)
@dataclass
class Column:
    name: str
    x0: float  # left boundary: words starting at or right of it belong here (until the next column)


def header_cells(lines: list[Line], i: int) -> tuple[list[Segment], int] | None:
    """Header cells at line i (merged with a wrapped second header line), and how many lines they take."""
    line = lines[i]
    segs = segments(line)
    if len(segs) < 2 or len(segs) > 8:
        return None
    # cheap test first, as this runs on every line: a results heading here, or its wrapped part below
    if not any(RESULT_HEAD.match(s.text) for s in segs) and not (i + 1 < len(lines) and any(
            len(s.words) <= 3 and _RESULT_WORD.search(s.text) for s in segments(lines[i + 1]))):
        return None
    used = 1
    if i + 1 < len(lines):
        nxt = lines[i + 1]
        if nxt.top - line.bottom < line.height * 0.8 and not GROUP_BAND.match(nxt.text):
            nsegs = segments(nxt)
            if nsegs and all(any(s.x0 - 20 <= n.x0 <= s.x1 + 20 or s.x0 <= n.x1 <= s.x1 for s in segs)
                             for n in nsegs) and len(nsegs) <= len(segs):
                # each wrapped part joins the one header cell it overlaps most (or lies nearest to)
                parts: list[list[Word]] = [list(s.words) for s in segs]
                for n in nsegs:
                    best = max(range(len(segs)), key=lambda k: min(segs[k].x1, n.x1) - max(segs[k].x0, n.x0))
                    last, first = parts[best][-1], n.words[0]
                    if last.text[-1:].isalpha() and first.text[:1].islower():
                        # a word broken across the two header lines ("Contro" / "l #")
                        parts[best][-1] = Word(last.text + first.text, last.x0, last.top, first.x1, first.bottom)
                        parts[best].extend(n.words[1:])
                    else:
                        parts[best].extend(n.words)
                merged = [Segment(p) for p in parts]
                joined = [norm(m.text) for m in merged]
                short = all(len(n.text.split()) <= 3 for n in nsegs) and not CONTROL_ID.match(nsegs[0].text)
                if any(RESULT_HEAD.match(t) for t in joined) and (
                        short or not any(RESULT_HEAD.match(s.text) for s in segs)):
                    segs, used = merged, 2
    texts = [norm(s.text) for s in segs]
    if not any(RESULT_HEAD.match(t) for t in texts):
        return None
    if sum(1 for t in texts if OTHER_HEAD.search(t)) < 1:
        return None
    return segs, used


def split_spanning_cells(segs: list[Segment], starts: Counter[int]) -> list[Segment]:
    """Header cells printed so close together that they read as one ("Criteria Control Description") are split
    where the body's cells begin under them: a column of cells starts at a header word's left edge."""
    out: list[Segment] = []
    for sg in segs:
        # a cut falls between two words of one header line (a wrapped header's next line starts at its edge)
        cut = [k for k, w in enumerate(sg.words) if k and abs(w.top - sg.words[k - 1].top) < 2
               and w.x0 > sg.words[k - 1].x1 and any(abs(w.x0 - x) <= 2 and c >= _COLUMN_SUPPORT
                                                     for x, c in starts.items())]
        bounds = [0, *cut, len(sg.words)]
        out.extend(Segment(sg.words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False))
    return out


def with_repeated_header(page_lines: list[Line]) -> list[Line]:
    """A page's body lines and its results table's header, even when the header repeats at one height on every
    page and so reads as furniture: the line naming the results and the header lines just above it."""
    keep = [not ln.furniture for ln in page_lines]
    for k, ln in enumerate(page_lines):
        if ln.furniture and header_cells([ln], 0) is not None:
            keep[k] = True
            j = k - 1
            while j >= 0 and page_lines[j].furniture and len(segments(page_lines[j])) >= 2 \
                    and page_lines[j + 1].top - page_lines[j].bottom < page_lines[j].height:
                keep[j] = True  # the header's first line ("Control | Description | ...") above it
                j -= 1
    return [ln for ln, kept in zip(page_lines, keep, strict=True) if kept]


def header_at(lines: list[Line], i: int) -> tuple[list[Segment], int] | None:
    """A results table's header starting at line i. A header whose cells wrap to different numbers of lines,
    centred in their row, comes out as staggered lines: they are merged into one line of `lines` first."""
    band = header_band(lines, i)
    if band is not None and header_cells([band[0]], 0) is not None:
        lines[i:band[1]] = [band[0]]
    return header_cells(lines, i)


def columns(segs: list[Segment], body: list[Line]) -> list[Column]:
    starts: Counter[int] = Counter()
    for line in body[:60]:
        for s in segments(line):
            starts[round(s.x0)] += 1
    segs = split_spanning_cells(segs, starts)
    cols = [Column(norm(s.text), s.x0) for s in segs]
    for k in range(1, len(cols)):
        lo = segs[k - 1].x1 + 2
        hi = cols[k].x0 + 1
        cands = [(c, x) for x, c in starts.items() if lo <= x <= hi and c >= 2]
        if cands:
            cols[k].x0 = min(x for c, x in cands if c >= max(2, max(cc for cc, _ in cands) // 3)) - 1.5
        else:
            cols[k].x0 -= 1.5
    cols[0].x0 = -1e9
    return cols


def ruled_columns(lines: list[Line], i: int, grid: Grid, used: int) -> tuple[list[Column], int]:
    """Columns between a ruled table's vertical rules, named by every header line above the header's bottom
    rule (at least the `used` lines found from the words); and how many lines the header takes."""
    bounds = grid.columns or []
    end = grid.first_rule_below(lines[i].top + 1) or lines[i].bottom + 1
    while i + used < len(lines) and (lines[i + used].top + lines[i + used].bottom) / 2 < end:
        used += 1
    parts: list[list[str]] = [[] for _ in range(len(bounds) + 1)]
    for line in lines[i:i + used]:
        for w in line.words:
            if grid.x0 - 2 <= (w.x0 + w.x1) / 2 <= grid.x1 + 2:
                parts[bound_index(bounds, (w.x0 + w.x1) / 2)].append(w.text)
    cols = [Column(norm(" ".join(p)) or f"column {k + 1}", -1e9 if k == 0 else bounds[k - 1] + 0.5)
            for k, p in enumerate(parts)]
    return cols, used


def bound_index(bounds: list[float], x: float) -> int:
    k = 0
    while k < len(bounds) and x >= bounds[k]:
        k += 1
    return k


