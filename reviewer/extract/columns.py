"""Pages set in two columns of prose, read column by column.

A designed report may set its description in two columns. Grouped by height, a line of the left column and the
line of the right column beside it become one line, and every reader would read across the gutter. A page is set
in two columns when many of its lines are cut by one vertical gutter near the middle of the page that no word
crosses, and those lines are prose (one run of words on each side), not a table's rows (several cells). Its lines
are then cut at the gutter and read down the left column, then down the right one; lines that span the gutter
(a title above both columns, the running header and footer) keep their place above or below.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from reviewer.extract.page import Line, Word

_GUTTER_FROM, _GUTTER_TO = 0.3, 0.7  # share of the page's width where a gutter is looked for
_MIN_GAP = 8.0  # points of white a gutter leaves between the columns' words
_MIN_CUT_LINES = 8  # a page of fewer lines is never read in columns
_MIN_SIDE_LINES = 5  # lines each column holds, at least
_MARGIN = 0.08  # share of the page's height at its top and bottom that holds the running header and footer
_PROBES = (0.4, 0.5, 0.6)  # shares of the width probed first: most lines cross them on a one-column page
_MAX_CROSSING_SHARE = 0.2  # lines that run across the gutter, at most (titles, furniture)
_TABLE_GAP = 14.0  # points: a wider gap inside one side means cells of a table, not prose


def _cut(line: Line, gutter: float) -> tuple[list[Word], list[Word]] | None:
    """The line's words left and right of the gutter when it cuts the line with room to spare; else None."""
    left = [w for w in line.words if w.x1 <= gutter]
    right = [w for w in line.words if w.x0 >= gutter]
    if not left or not right or len(left) + len(right) != len(line.words):
        return None
    if right[0].x0 - left[-1].x1 < _MIN_GAP:
        return None
    return left, right


def _prose(words: list[Word]) -> bool:
    """Whether a side of a cut line is one run of words (a column's line), not several table cells."""
    return all(b.x0 - a.x1 < _TABLE_GAP for a, b in zip(words, words[1:], strict=False))


def _crosses(line: Line, gutter: float) -> bool:
    return any(w.x0 < gutter < w.x1 for w in line.words)


def _crossing(lines: list[Line], x: float) -> int:
    return sum(1 for ln in lines if _crosses(ln, x))


def _crossings(lines: list[Line], xs: list[float]) -> list[int]:
    """For each of the sorted `xs`, how many lines run across it (as `_crossing`, in one sweep of the words)."""
    delta = [0] * (len(xs) + 1)
    for ln in lines:
        last = 0  # the first x this line has not yet counted: a line counts once, even where its words overlap
        for w in ln.words:
            lo, hi = max(bisect_right(xs, w.x0), last), bisect_left(xs, w.x1)
            if lo < hi:
                delta[lo] += 1
                delta[hi] -= 1
                last = hi
    counts, running = [], 0
    for d in delta[:-1]:
        running += d
        counts.append(running)
    return counts


def _gutter(lines: list[Line], width: float) -> float | None:
    """The x of the gutter of a two-column page, or None when the page is not set in two columns.

    On a page of one column most lines run across its middle: three probes find that at once. Otherwise the
    gutter is the x between the page's word edges that the fewest lines cross; the page is set in two columns
    when few lines cross it, enough lie on each side of it, and every line it cuts is prose on both sides.
    """
    lo, hi = width * _GUTTER_FROM, width * _GUTTER_TO
    allowed = _MAX_CROSSING_SHARE * len(lines)
    if min(_crossing(lines, width * f) for f in _PROBES) > allowed:
        return None
    edges = sorted({round(w.x1 + 1) for ln in lines for w in ln.words if lo <= w.x1 <= hi})
    if not edges:
        return None
    crossed = _crossings(lines, [float(x) for x in edges])
    fewest, at = min((n, abs(x - width / 2), x) for n, x in zip(crossed, edges, strict=True))[0::2]
    if fewest > allowed:
        return None
    cuts = [c for ln in lines if (c := _cut(ln, at)) is not None]
    left = len(cuts) + sum(1 for ln in lines if ln.words[-1].x1 <= at)
    right = len(cuts) + sum(1 for ln in lines if ln.words[0].x0 >= at)
    if not cuts or left < _MIN_SIDE_LINES or right < _MIN_SIDE_LINES:
        return None
    if not all(_prose(a) and _prose(b) for a, b in cuts):
        return None
    return at


def read_columns(lines: list[Line], width: float, height: float, page: int) -> list[Line]:
    """The page's lines in reading order: cut at the gutter and read column by column on a two-column page,
    unchanged on any other. Lines in the top and bottom margins (running header and footer) are never cut."""
    top = [ln for ln in lines if ln.bottom < height * _MARGIN]
    bottom = [ln for ln in lines if ln.top > height * (1 - _MARGIN)]
    margin = {id(ln) for ln in top} | {id(ln) for ln in bottom}
    body = [ln for ln in lines if id(ln) not in margin]
    if len(body) < _MIN_CUT_LINES:
        return lines
    gutter = _gutter(body, width)
    if gutter is None:
        return lines
    return top + _in_columns(body, gutter, page) + bottom


def _in_columns(lines: list[Line], gutter: float, page: int) -> list[Line]:
    cut_at = [k for k, ln in enumerate(lines) if _cut(ln, gutter) is not None or not _crosses(ln, gutter)]
    first, last = cut_at[0], cut_at[-1]
    left: list[Line] = []
    right: list[Line] = []
    for ln in lines[first:last + 1]:
        parts = _cut(ln, gutter)
        if parts is not None:
            left.append(Line(parts[0], page))
            right.append(Line(parts[1], page))
        elif ln.words[0].x0 >= gutter:
            right.append(ln)
        else:
            left.append(ln)  # a line of the left column alone, or one spanning both between them
    return lines[:first] + left + right + lines[last + 1:]
