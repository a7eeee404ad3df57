"""Ruled lines of a page (table borders drawn as path objects) and the grid they draw around a table.

Office software (Word, LibreOffice, InDesign) draws a bordered table's cell borders as path objects: thin
strokes, thin filled rectangles, or one rectangle per cell. Where a page has them, they give a table's exact
column and row boundaries, which word geometry can only guess (headers centred over their column, cells that
wrap onto several lines, an id cell whose second line holds the criteria). They are read only on pages whose
text may hold a results, CUEC or CSOC table (`may_hold_table`), so a long report pays for them only there.
Coordinates are displayed points, top-left origin, like the words'.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as raw

_TABLE_WORDS = re.compile(r"result|exception|deviation|complementary|user\s+entit|user\s+control|sub[\s-]?service|"
                          r"control\s+expected|responsibilit", re.I)
_THIN = 2.5  # a rule is at most this thick
_MIN_RULE = 6.0  # and at least this long
_MIN_MARK, _MAX_MARK = 1.5, 7.0  # a bullet drawn as a shape is this wide and high
_STRIPE_GAP = 150.0  # shading that resumes within this distance below is striped rows, not a table's end
_EDGE_SLACK = 8.0  # a row rule may overshoot the header's edges by this much (a header drawn as its own table)
_SHADING_SLACK = 0.5  # points: a column rule is at least the header line's height, less this
_ROW_SLACK = 1.5  # points: a column's rule reaches the header row's bottom rule within this
_ABOVE = 80.0  # a table's vertical rules start at most this far above its header line (a title row above it)


def _untyped(fn: object, restype: type, *argtypes: type) -> Any:
    """A pdfium function with plain ctypes types (handles as c_void_p) instead of the binding's pointer types:
    `read_rules` makes two calls per page object, mostly text objects it skips, and these cost less."""
    address = ctypes.cast(fn, ctypes.c_void_p).value or 0  # type: ignore[arg-type]  # a ctypes function pointer
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_VOID, _INT = ctypes.c_void_p, ctypes.c_int
_GET_OBJECT = _untyped(raw.FPDFPage_GetObject, _VOID, _VOID, _INT)  # (page, index) -> object
_GET_TYPE = _untyped(raw.FPDFPageObj_GetType, _INT, _VOID)  # (object) -> FPDF_PAGEOBJ_*
_GET_BOUNDS = _untyped(raw.FPDFPageObj_GetBounds, _INT, _VOID, _VOID, _VOID, _VOID, _VOID)  # (object, 4 float*)
_COUNT_SEGMENTS = _untyped(raw.FPDFPath_CountSegments, _INT, _VOID)  # (path object) -> segments


def may_hold_table(text: str) -> bool:
    """Whether a page's text names a results, CUEC or CSOC table's heading words (the pages worth ruling)."""
    return _TABLE_WORDS.search(text) is not None


@dataclass(slots=True)
class Rules:
    """A page's ruled lines: horizontal (y, x0, x1) top to bottom, vertical (x, top, bottom) left to right."""

    horizontal: list[tuple[float, float, float]]
    vertical: list[tuple[float, float, float]]
    # small square shapes (x0, top, x1, bottom): list bullets drawn as paths (Chromium draws a disc, not a glyph)
    marks: list[tuple[float, float, float, float]] = field(default_factory=list)
    # rectangles (x0, top, x1, bottom): their edges are rules when they are cells, not when they shade one word
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)

    def around(self, line_height: float) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
        """The horizontal and vertical rules around text lines this tall: the thin rules and the edges of the
        rectangles at least as tall as a line (a box no taller than the text behind it is a word's highlight
        or a run's shading, drawn by some producers behind every span and every space, not a cell's border)."""
        tall = line_height - _SHADING_SLACK
        cells = [b for b in self.boxes if b[3] - b[1] >= tall]
        hor = sorted(self.horizontal + [(y, x0, x1) for x0, t, x1, b in cells for y in (t, b)])
        ver = sorted([v for v in self.vertical if v[2] - v[1] >= tall]
                     + [(x, t, b) for x0, t, x1, b in cells for x in (x0, x1)])
        return hor, ver


def read_rules(page: object, width: float, height: float, rotation: int) -> Rules:
    """The thin path objects of a pdfium page (and the edges of small rectangles), in displayed coordinates."""
    hor: list[tuple[float, float, float]] = []
    ver: list[tuple[float, float, float]] = []
    marks: list[tuple[float, float, float, float]] = []
    boxes: list[tuple[float, float, float, float]] = []
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    get_obj, get_type, get_bounds = _GET_OBJECT, _GET_TYPE, _GET_BOUNDS
    path_type = raw.FPDF_PAGEOBJ_PATH
    handle = ctypes.cast(page, ctypes.c_void_p)  # type: ignore[arg-type]  # an FPDF_PAGE
    for k in range(raw.FPDFPage_CountObjects(page)):
        obj = get_obj(handle, k)
        if not obj or get_type(obj) != path_type or not get_bounds(obj, *refs):
            continue
        x0, y0, x1, y1 = _displayed(left.value, bottom.value, right.value, top.value, width, height, rotation)
        w, h = x1 - x0, y1 - y0
        if h <= _THIN and w >= _MIN_RULE:
            hor.append(((y0 + y1) / 2, x0, x1))
        elif w <= _THIN and h >= _MIN_RULE:
            ver.append(((x0 + x1) / 2, y0, y1))
        elif w >= _MIN_RULE and h >= _MIN_RULE and _COUNT_SEGMENTS(obj) <= 5:
            boxes.append((x0, y0, x1, y1))  # a rectangle: a cell's border or shading, or a word's highlight
        elif _MIN_MARK <= w <= _MAX_MARK and _MIN_MARK <= h <= _MAX_MARK and abs(w - h) <= 1.5:
            marks.append((x0, y0, x1, y1))
    hor.sort()
    ver.sort()
    return Rules(hor, ver, marks, sorted(boxes, key=lambda b: b[1]))


def _displayed(left: float, bottom: float, right: float, top: float, w: float, h: float, rotation: int
               ) -> tuple[float, float, float, float]:
    if rotation == 0:
        return (left, h - top, right, h - bottom)
    if rotation == 1:
        return (bottom, left, top, right)
    if rotation == 2:
        return (w - right, bottom, w - left, top)
    return (h - top, w - right, h - bottom, w - left)


@dataclass(slots=True)
class Grid:
    """A ruled table on one page, found from its header line: column boundaries (the interior vertical rules,
    None when the table has none), row boundaries (horizontal rules across it) and its bottom edge."""

    columns: list[float] | None
    x0: float
    x1: float
    rows: list[float]
    bottom: float | None

    def rule_between(self, above: float, below: float) -> bool:
        """Whether a row boundary lies between two heights."""
        return any(above < y < below for y in self.rows)

    def first_rule_below(self, y: float) -> float | None:
        return next((r for r in self.rows if r > y), None)


def grid_at(rules: Rules | None, top: float, bottom: float, x0: float, x1: float,
            text_height: float | None = None) -> Grid | None:
    """The grid of a table whose header line spans x0..x1 between `top` and `bottom`, if rules frame it.
    `text_height` is one line's height when the header is several staggered lines read as one."""
    if rules is None:
        return None
    mid = (top + bottom) / 2
    # a table's rules begin near its header; a page border or a column divider drawn from the page's top
    # crosses the header line too, but is no column boundary and does not end where the table ends
    horizontal, vertical = rules.around(text_height or bottom - top)
    crossing = [(x, t, b) for x, t, b in vertical if top - _ABOVE <= t <= mid <= b and x0 - 60 <= x <= x1 + 200]
    xs = _merged([x for x, _, _ in crossing])
    # a column's rule runs down to the header row's bottom rule at least; a box that stops short of it is the shading
    # behind a header cell's text (a centred title's highlight), no boundary
    header_row_end = next((y for y, a, b in _joined(horizontal) if y > bottom - 1 and a <= x0 + 1 and b >= x1 - 1),
                          None)
    if header_row_end is not None:
        reaching = [x for x, t, b in crossing if b >= header_row_end - _ROW_SLACK]
        running = [x for x in xs if any(abs(x - v) < _ROW_SLACK for v in reaching)]
        xs = running if len(running) >= 2 else xs
    columns: list[float] | None = None
    if len(xs) >= 3 or (len(xs) == 2 and xs[0] > x0 + 4):
        left, right = (xs[0], xs[-1]) if xs[0] <= x0 + 4 and xs[-1] >= x1 - 4 else (min(xs[0], x0), max(xs[-1], x1))
        columns = [x for x in xs if left + 2 < x < right - 2]
        table_bottom: float | None = max(_rule_end(vertical, x, mid) for x in xs)
    else:
        left, right, table_bottom = x0, x1, None
    width = right - left
    horizontal = _joined(horizontal)
    if table_bottom is not None and columns is not None:
        below = [y for y, a, b in horizontal if y > mid and min(b, right) - max(a, left) >= 0.6 * width]
        striped = any(table_bottom + 1 < t < table_bottom + _STRIPE_GAP for x, t, _ in vertical
                      if any(abs(x - c) < 3 for c in xs))
        if striped or (below and table_bottom <= min(below) + 3):
            # the vertical edges end with the header's own cell, or resume a row further down: cell shading
            # (a shaded header, zebra stripes), not borders; where the table ends is unknown from its rules
            table_bottom = None
    # between vertical edges, a rule running past them belongs to something else (a footer's border)
    inside = ((lambda a, b: a >= left - _EDGE_SLACK and b <= right + _EDGE_SLACK) if columns is not None
              else (lambda a, b: True))
    rows = _merged([y for y, a, b in horizontal if min(b, right) - max(a, left) >= 0.6 * width and inside(a, b)
                    and y >= top - 40 and (table_bottom is None or y <= table_bottom + 2)])
    if columns is None and len([y for y in rows if y > bottom]) < 2:
        return None
    return Grid(columns=columns, x0=left, x1=right, rows=rows, bottom=table_bottom)


def _rule_end(vertical: list[tuple[float, float, float]], x: float, y: float) -> float:
    """Where the vertical rule at x through height y ends, following pieces drawn row by row."""
    end = y
    for _x, t, b in sorted((v for v in vertical if abs(v[0] - x) < 3), key=lambda v: v[1]):
        if t <= end + 3 and b > end:
            end = b
    return end


def _joined(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Horizontal rules at one height joined where they meet end to end (a border or shading drawn cell by
    cell is one rule across the table)."""
    out: list[tuple[float, float, float]] = []
    for y, a, b in sorted(rules, key=lambda r: (round(r[0]), r[1])):
        if out and abs(out[-1][0] - y) < 1 and a <= out[-1][2] + 3:
            py, pa, pb = out[-1]
            out[-1] = (py, pa, max(pb, b))
        else:
            out.append((y, a, b))
    return out


def _merged(values: list[float], tolerance: float = 3.0) -> list[float]:
    """Sorted values with near-equal ones (a double border, a shading edge on a rule) kept once."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out
