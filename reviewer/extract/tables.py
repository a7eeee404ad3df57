"""Test-result tables rebuilt from word geometry, for any firm's layout.

A results table is found by its header row: a line whose cells include a results heading ("Test Results",
"Results of Tests", "Results") and another table heading ("Control Activity", "Tests Performed", "Control #"...),
possibly wrapped over two lines. Column boundaries come from the header cells' positions, moved left to where
body cells actually start (headers may be centred). Rows are grouped by the control-id column: a row begins
where that column holds an id, and wrapped lines, or lines continued on the next page under a repeated header,
join the row above. Lines that run across several columns (a "Control Objective 3: ..." band) are kept as
context for the rows below them.

When the table is ruled (`grid.py`: the cell borders office software draws), its vertical rules are the column
boundaries, the header is every line above the first rule under the header line, rows begin at the horizontal
rules, and the table ends where its rules end; a cell is then all lines inside its box, however the lines of
neighbouring cells interleave. An id column whose header also names the criteria ("Control # / Criteria")
holds the id on its first line and the criteria below it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reviewer.extract.grid import Grid, grid_at
from reviewer.extract.layout import Document, Segment, norm, segments
from reviewer.extract.pdf import Line, Page, Word
from reviewer.extract.sections import header_band
from reviewer.extract.vocabulary import CRITERIA_RUN, RESPONSE_AT_START, RESPONSE_WORDS

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
RESPONSE_LINE = RESPONSE_AT_START
CONTROL_HEAD = re.compile(r"control\s+(?:activit|descri)|controls?\s+specified|description\s+of\s+control|"
                          r"^controls?$|control\s+activities", re.I)
CONTROL_ID = re.compile(r"^(?:[A-Z]{1,5}[\s\-]?)?\d{1,3}(?:[.\-]\d{1,3}){0,3}[a-z]?$|^[A-Z]{1,5}[\-.]?\d{1,3}(?:[.\-]\d"
                        r"{1,3}){0,3}[A-Za-z]?$")
BAND_START = re.compile(r"^\s*(?:(?:CC[1-9]|A1|C1|PI1|P[1-8])\.\d{1,2}\b|(?:Trust\s+Services\s+)?Criteri(?:on|a)\s+"
                        r"(?:CC[1-9]|A1|C1|PI1|P[1-8])\.\d|Control\s+Objective\s+\w)", re.I)
# an id column that holds the criteria too: "Control # Criteria", "Control No. / TSC", "Ref and Criteria"
_ID_AND_CRIT = re.compile(r"^(?P<id>.+?)\s*(?:/|&|and|,)?\s*(?:trust\s+services\s+)?(?:criteri\w*|tsc)"
                          r"(?:\s*(?:#|ref\.?|reference))?$", re.I)
CRIT_IDS = re.compile(rf"^{CRITERIA_RUN}$")
OBJECTIVE_LINE = re.compile(r"\bControl\s+Objective\s+(?P<id>[A-Z]{0,4}[\s\-]?\d{1,2}(?:\.\d{1,2})?[a-z]?)\b", re.I)


@dataclass
class Column:
    name: str
    x0: float  # left boundary: words starting at or right of it belong here (until the next column)


@dataclass
class Row:
    """One table row: cells by column name (text lines), its first page and box, and the context above it."""

    cells: dict[str, list[str]] = field(default_factory=dict)
    page: int = 0
    cell_pages: dict[str, int] = field(default_factory=dict)
    boxes: dict[str, list[float]] = field(default_factory=dict)
    context: str | None = None  # the latest band line above the row (e.g. "Control Objective 3: ...")
    after: list[str] = field(default_factory=list)  # a labelled line printed under the row across the columns

    def text(self, column: str) -> str:
        return norm(" ".join(self.cells.get(column, [])))

    def add(self, column: str, words: list[Word], page: int) -> None:
        self.cells.setdefault(column, []).append(" ".join(w.text for w in words))
        self.cell_pages.setdefault(column, page)
        box = [words[0].x0, min(w.top for w in words), words[-1].x1, max(w.bottom for w in words)]
        old = self.boxes.get(column)
        if old is None or self.cell_pages[column] != page:
            if old is None:
                self.boxes[column] = box
        else:
            self.boxes[column] = [min(old[0], box[0]), min(old[1], box[1]), max(old[2], box[2]), max(old[3], box[3])]


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    id_column: str | None = None
    result_column: str | None = None
    criteria_column: str | None = None
    response_column: str | None = None
    control_column: str | None = None


def _header_cells(lines: list[Line], i: int) -> tuple[list[Segment], int] | None:
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
        if nxt.top - line.bottom < line.height * 0.8:
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


def _split_spanning_cells(segs: list[Segment], starts: Counter[int]) -> list[Segment]:
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


def _with_repeated_header(page_lines: list[Line]) -> list[Line]:
    """A page's body lines and its results table's header, even when the header repeats at one height on every
    page and so reads as furniture: the line naming the results and the header lines just above it."""
    keep = [not ln.furniture for ln in page_lines]
    for k, ln in enumerate(page_lines):
        if ln.furniture and _header_cells([ln], 0) is not None:
            keep[k] = True
            j = k - 1
            while j >= 0 and page_lines[j].furniture and len(segments(page_lines[j])) >= 2 \
                    and page_lines[j + 1].top - page_lines[j].bottom < page_lines[j].height:
                keep[j] = True  # the header's first line ("Control | Description | ...") above it
                j -= 1
    return [ln for ln, kept in zip(page_lines, keep, strict=True) if kept]


def _header_at(lines: list[Line], i: int) -> tuple[list[Segment], int] | None:
    """A results table's header starting at line i. A header whose cells wrap to different numbers of lines,
    centred in their row, comes out as staggered lines: they are merged into one line of `lines` first."""
    band = header_band(lines, i)
    if band is not None and _header_cells([band[0]], 0) is not None:
        lines[i:band[1]] = [band[0]]
    return _header_cells(lines, i)


def _columns(segs: list[Segment], body: list[Line]) -> list[Column]:
    starts: Counter[int] = Counter()
    for line in body[:60]:
        for s in segments(line):
            starts[round(s.x0)] += 1
    segs = _split_spanning_cells(segs, starts)
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


_FIT_SLACK = 10.0  # points: a continued table's cells start this close to its columns' edges (rows may be inset)
_COLUMN_SUPPORT = 3  # body lines whose cells start at one x before it is taken for a column's edge


def _column_of(cols: list[Column], x: float) -> int:
    k = 0
    for i in range(1, len(cols)):  # boundaries rise left to right: stop at the first one right of x
        if x < cols[i].x0:
            break
        k = i
    return k


def read_tables(doc: Document) -> list[Table]:
    """Every results table in the document, rows continued across pages."""
    tables: list[Table] = []
    current: Table | None = None
    context: str | None = None
    for page in doc.text_pages:
        if page.number in doc.toc_pages:
            continue
        # a header row repeated at the top of each page can look like a running header: keep it
        lines = _with_repeated_header(page.lines)
        i = 0
        found_header = False
        while i < len(lines):
            if BAND_START.match(lines[i].text) and len(segments(lines[i])) == 1:
                context = lines[i].text
            head = _header_at(lines, i)
            if head is not None:
                segs, used = head
                found_header = True
                grid = grid_at(page.rules, lines[i].top, lines[i].bottom, segs[0].x0, segs[-1].x1)
                if grid is not None and grid.columns is not None:
                    cols, used = _ruled_columns(lines, i, grid, used)
                else:
                    cols = _columns(segs, lines[i + used:])
                names = [c.name for c in cols]
                if current is not None and [c.name for c in current.columns] == names:
                    current.columns = cols  # repeated header on a continued page
                else:
                    current = _new_table(cols, lines[i + used:])
                    tables.append(current)
                i, context = _read_rows(current, page, lines, i + used, context, grid)
                continue
            i += 1
        if not found_header and current is not None:
            # a table continued without a repeated header: keep it only if the lines still fit the columns
            if lines and _fits(current, lines[:5]):
                # its own rules (if drawn) give its rows and its end, found from the first line with cells
                first = next((ln for ln in lines[:5] if len(segments(ln)) >= 2), lines[0])
                grid = grid_at(page.rules, first.top, first.bottom, first.x0, max(ln.x1 for ln in lines[:5]))
                _, context = _read_rows(current, page, lines, 0, context, grid)
            else:
                current = None
    return tables


def _ruled_columns(lines: list[Line], i: int, grid: Grid, used: int) -> tuple[list[Column], int]:
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
                parts[_bound_index(bounds, (w.x0 + w.x1) / 2)].append(w.text)
    cols = [Column(norm(" ".join(p)) or f"column {k + 1}", -1e9 if k == 0 else bounds[k - 1] + 0.5)
            for k, p in enumerate(parts)]
    return cols, used


def _bound_index(bounds: list[float], x: float) -> int:
    k = 0
    while k < len(bounds) and x >= bounds[k]:
        k += 1
    return k


def _fits(table: Table, lines: list[Line]) -> bool:
    starts = [c.x0 for c in table.columns[1:]]
    hits = sum(1 for ln in lines for s in segments(ln)[1:] if any(abs(s.x0 - x) < _FIT_SLACK for x in starts))
    return hits >= 2


def _id_column_by_content(cols: list[Column], body: list[Line], skip: set[str]) -> str | None:
    """The column whose cells, where a row starts, are mostly bare control ids (a header like "Control")."""
    counts = [0] * len(cols)
    starts = 0
    for line in body[:40]:
        cells: dict[int, list[str]] = {}
        for w in line.words:
            cells.setdefault(_column_of(cols, w.x0), []).append(w.text)
        if len(cells) < 2:
            continue
        starts += 0 in cells  # a row starts where the first column holds words
        for k, ws in cells.items():
            if CONTROL_ID.match(" ".join(ws).strip(" .:,")):
                counts[k] += 1
    ranked = [k for k in sorted(range(len(cols)), key=lambda k: -counts[k]) if cols[k].name not in skip]
    if ranked and starts and counts[ranked[0]] >= max(2, starts // 2):
        return cols[ranked[0]].name
    return None


def _new_table(cols: list[Column], body: list[Line]) -> Table:
    t = Table(columns=cols)
    names = [c.name for c in cols]
    for n in names:
        both = _ID_AND_CRIT.match(n)
        if t.id_column is None and both and ID_HEAD.match(both.group("id").strip()):
            t.id_column = t.criteria_column = n
        elif t.result_column is None and RESULT_HEAD.match(n):
            t.result_column = n
        elif t.response_column is None and RESPONSE_HEAD.search(n):
            t.response_column = n
        elif t.id_column is None and ID_HEAD.match(n):
            t.id_column = n
        elif t.criteria_column is None and CRIT_HEAD.search(n):
            t.criteria_column = n
        elif t.control_column is None and CONTROL_HEAD.search(n):
            t.control_column = n
    if t.id_column is None:
        t.id_column = _id_column_by_content(cols, body, {t.result_column, t.criteria_column, t.response_column})
        if t.id_column == t.control_column:
            t.control_column = None
    return t


def _read_rows(table: Table, page: Page, lines: list[Line], start: int, context: str | None,
               grid: Grid | None = None) -> tuple[int, str | None]:
    """Read lines from `start` into rows until a new header, the end of a ruled table or the end of the page;
    return where it stopped."""
    cols = table.columns
    names = [c.name for c in cols]
    id_col = table.id_column
    row: Row | None = table.rows[-1] if table.rows else None
    in_band = False
    ruled_rows = grid is not None and bool(grid.rows)
    prev_mid = lines[start - 1].bottom if start > 0 else -1e9
    first_on_page = True
    after_text = False
    under: Row | None = None  # the row whose labelled line under it is being read
    i = start
    while i < len(lines):
        line = lines[i]
        if _header_at(lines, i) is not None:
            return i, context
        if grid is not None and grid.bottom is not None and line.top > grid.bottom:
            return i, context  # below the table's rules: the table ends on this page
        segs = segments(line)
        # a band running past the first column, outside the column structure: an objective or criterion that
        # heads the rows below ("Control Objective 5", "CC2.2 - Communication ..."), then its wrapped statement
        across = len(segs) == 1 and _column_of(cols, segs[0].x0) != _column_of(cols, segs[0].x1 - 1)
        if across and BAND_START.match(line.text):
            context = line.text
            row = None
            in_band = True
            i += 1
            continue
        if across and in_band and row is None:
            context = f"{context} {line.text}"
            i += 1
            continue
        in_band = False
        if table.rows and (RESPONSE_LINE.match(line.text) or (under is not None and len(segs) == 1
                                                               and not CONTROL_ID.match(line.words[0].text))):
            # "Management's Response: ..." printed under a row, across the columns, and its wrapped lines
            under = table.rows[-1] if under is None else under
            under.after.append(line.text)
            row = None
            after_text = True
            i += 1
            continue
        under = None
        if across and _outside_columns(line, cols):
            # a title or a paragraph over the columns ("Tests of Controls (continued)" atop a continued page,
            # the section after the table): no cell's text; the next line with cells starts a row
            row = None
            after_text = True
            i += 1
            continue
        by_col: dict[int, list[Word]] = {}
        for w in line.words:
            by_col.setdefault(_column_of(cols, w.x0), []).append(w)
        id_words = by_col.get(names.index(id_col)) if id_col else by_col.get(0)
        id_text = " ".join(w.text for w in id_words).strip(" .:") if id_words else ""
        mid = (line.top + line.bottom) / 2
        if ruled_rows and grid is not None:
            # a row begins below a horizontal rule; on a continued page, a first row with no id is the rest
            # of the row split by the page break
            starts_row = grid.rule_between(prev_mid, mid) and (bool(id_words) or not first_on_page or row is None)
        else:
            starts_row = bool(id_words) and (
                CONTROL_ID.match(id_text) is not None if id_col
                else row is None or _looks_like_row_start(id_words, row))
            if starts_row and row is not None and id_col and id_col == table.criteria_column \
                    and CRIT_IDS.match(id_text) and row.cells.get(id_col):
                starts_row = False  # the criteria printed under the id in the same cell
        prev_mid = mid
        first_on_page = False
        if after_text and id_col and not starts_row:
            i += 1
            continue  # text after a title or paragraph over the columns, before the next row's id
        after_text = False
        if starts_row or row is None:
            row = Row(page=page.number, context=context)
            table.rows.append(row)
        for k, ws in sorted(by_col.items()):
            row.add(names[k], ws, page.number)
        i += 1
    return i, context


def _outside_columns(line: Line, cols: list[Column]) -> bool:
    """Whether a one-segment line running over a column boundary is text outside the table, not two cells
    printed close together: it does not start with a control id and no later word starts a column."""
    words = line.words
    if len(words) < 3 or CONTROL_ID.match(words[0].text.strip(" .:")) or BAND_START.match(line.text):
        return False
    starts = [c.x0 + 1.5 for c in cols[1:]]
    return not any(abs(w.x0 - x) < 2.5 for w in words[1:] for x in starts)


def _looks_like_row_start(words: list[Word], row: Row) -> bool:
    text = " ".join(w.text for w in words)
    return bool(CONTROL_ID.match(text.strip(" .:").split(" ")[0])) or bool(
        re.match(r"^(?:CC|A|C|PI|P)\d\.\d", text))
