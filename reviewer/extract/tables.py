"""Test-result tables rebuilt from word geometry, for any firm's layout.

A results table is found by its header row (`table_header.py`): a line whose cells include a results heading
("Test Results", "Results of Tests", "Results") and another table heading ("Control Activity", "Tests Performed",
"Control #"...), possibly wrapped over two lines. Column boundaries come from the header cells' positions, moved
left to where body cells actually start (headers may be centred). Rows are grouped by the control-id column: a row
begins where that column holds an id, and wrapped lines, or lines continued on the next page under a repeated header,
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
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter

from reviewer.extract.grid import Grid, grid_at
from reviewer.extract.layout import Document, norm, segments
from reviewer.extract.parts import Role, role_of
from reviewer.extract.pdf import Line, Page, Word
from reviewer.extract.table_header import (
    CONTROL_HEAD,
    CONTROL_ID,
    CRIT_HEAD,
    ID_AND_CRIT,
    ID_HEAD,
    OBJECTIVE_HEAD,
    RESPONSE_HEAD,
    RESULT_HEAD,
    Column,
    columns,
    header_at,
    ruled_columns,
    with_repeated_header,
)
from reviewer.extract.vocabulary import CRITERIA_RUN, RESPONSE_AT_START

BAND_START = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?"  # after an outline number ("4.1.")
                        r"(?:(?:CC[1-9]|A1|C1|PI1|P[1-8])\.\d{1,2}\b|(?:Trust\s+Services\s+)?Criteri(?:on|a)\s+"
                        r"(?:CC[1-9]|A1|C1|PI1|P[1-8])\.\d|Control\s+Objective\s+\w)", re.I)
# an id column that holds the criteria too: "Control # Criteria", "Control No. / TSC", "Ref and Criteria"
CRIT_IDS = re.compile(rf"^{CRITERIA_RUN}$")
_TOP, _BOTTOM = attrgetter("top"), attrgetter("bottom")
OBJECTIVE_LINE = re.compile(r"\bControl\s+Objective\s+(?P<id>[A-Z]{0,4}[\s\-]?\d{1,2}(?:\.\d{1,2})?[a-z]?)\b", re.I)


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
        self.cells.setdefault(column, []).append(" ".join([w.text for w in words]))
        self.cell_pages.setdefault(column, page)
        old = self.boxes.get(column)
        if old is not None and self.cell_pages[column] != page:
            return  # the box stays on the cell's first page
        box = [words[0].x0, min(map(_TOP, words)), words[-1].x1, max(map(_BOTTOM, words))]
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
    objective_column: str | None = None  # a SOC 1 table's column naming each row's control objective

    def control_text(self, row: Row) -> str | None:
        """The row's control description, when the table has that column."""
        return (row.text(self.control_column) or None) if self.control_column else None


def result_rows(tables: list[Table], keep: Callable[[str], bool]) -> Iterator[tuple[Table, Row, str, str]]:
    """(table, row, its result column, the result) of every results-table row whose result text `keep` accepts,
    in reading order."""
    for table in tables:
        column = table.result_column
        if column is None:
            continue
        for row in table.rows:
            result = row.text(column)
            if result and keep(result):
                yield table, row, column, result


def has_results_table(tables: list[Table]) -> bool:
    """Whether any results table was read with rows (else the results are read as labelled blocks)."""
    return any(t.result_column is not None and t.rows for t in tables)


_BEFORE_TESTS = (Role.AUDITOR_REPORT, Role.ASSERTION, Role.DESCRIPTION)
_FIT_SLACK = 10.0  # points: a continued table's cells start this close to its columns' edges (rows may be inset)


def _column_finder(cols: list[Column]) -> Callable[[float], int]:
    """`_column_of` for these columns, by bisection when their boundaries rise (as they mostly do)."""
    bounds = [c.x0 for c in cols[1:]]
    if bounds == sorted(bounds):
        return partial(bisect_right, bounds)  # the number of boundaries at or left of x: _column_of's answer
    return partial(_column_of, cols)


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
        lines = with_repeated_header(page.lines)
        i = 0
        found_header = False
        while i < len(lines):
            if BAND_START.match(lines[i].text) and len(segments(lines[i])) == 1 \
                    and role_of(doc, lines[i]) not in _BEFORE_TESTS:
                context = lines[i].text  # a band naming the rows' objective; the description's list of them is not
            head = header_at(lines, i)
            if head is not None:
                segs, used = head
                found_header = True
                grid = grid_at(page.rules, lines[i].top, lines[i].bottom, segs[0].x0, segs[-1].x1,
                               text_height=max(w.bottom - w.top for w in lines[i].words))
                if grid is not None and grid.columns is not None:
                    cols, used = ruled_columns(lines, i, grid, used)
                else:
                    cols = columns(segs, lines[i + used:])
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
        both = ID_AND_CRIT.match(n)
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
        elif t.objective_column is None and OBJECTIVE_HEAD.match(n):
            t.objective_column = n
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
    column_of = _column_finder(cols)
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
        if header_at(lines, i) is not None:
            return i, context
        if grid is not None and grid.bottom is not None and line.top > grid.bottom:
            return i, context  # below the table's rules: the table ends on this page
        segs = segments(line)
        # a band running past the first column, outside the column structure: an objective or criterion that
        # heads the rows below ("Control Objective 5", "CC2.2 - Communication ..."), then its wrapped statement
        across = len(segs) == 1 and column_of(segs[0].x0) != column_of(segs[0].x1 - 1)
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
        if table.rows and (RESPONSE_AT_START.match(line.text) or (under is not None and len(segs) == 1
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
            by_col.setdefault(column_of(w.x0), []).append(w)
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
