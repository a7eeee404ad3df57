"""Words and lines of one page from pdfium's text page: the page's text in one call, two box calls per word.

The page's text comes from one `FPDFText_GetText` call and is split into words by a regular expression; each
word's box is the union of its first and last characters' boxes, so a 250-page report costs about two ctypes
calls per word rather than one per character. A word whose two end boxes disagree (a column gap with no space
glyph) is re-read character by character. The characters' angle is read only for suspects (words whose box
climbs like text at an angle, glyphs much taller than the page's text): watermarks and stamps run at an angle
across the text and are dropped, keeping the page's dominant direction.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from itertools import compress, islice
from operator import add, attrgetter, sub

import pypdfium2.raw as raw

from reviewer.extract.page import PLAIN_PUNCTUATION, Line, Word

_WORD_RUN = re.compile(r"[^\s\x00\ufffe]+")
_ANGLE_TOLERANCE = 0.15  # radians
_X0, _X1, _TOP, _BOTTOM = attrgetter("x0"), attrgetter("x1"), attrgetter("top"), attrgetter("bottom")
_TEXT = attrgetter("text")
_FEW_GLYPHS = 2
_SAMPLE = 15  # words read for the page's direction
_SAME_LINE_OVERLAP = 0.5  # share of the lower box's height two words of one line have in common
# and how far apart their centres may be, as a share of the taller box's height: cells of one table row set a few
# points lower than their neighbours (centred vertically) are lines of their own
_CENTRE_TOLERANCE = 0.4


# FPDFText_GetLooseCharBox(FPDF_TEXTPAGE, int, FS_RECTF*) -> FPDF_BOOL, without the binding's argtypes: its
# arguments are passed as they are (a c_void_p, an int, a byref), which is what the C function takes
_LOOSE_BOX = ctypes.CFUNCTYPE(ctypes.c_int)(ctypes.cast(raw.FPDFText_GetLooseCharBox, ctypes.c_void_p).value or 0)


class _CharBoxes:
    """One text page's character boxes in displayed coordinates (top-left origin, after /Rotate)."""

    def __init__(self, textpage: object, width: float, height: float, rotation: int) -> None:
        # the box call is made about twice per word: through `_LOOSE_BOX`, with the handle and the rectangle
        # passed as ready-made pointers, it costs about half of the typed binding's argument checks
        self.tp = ctypes.cast(textpage, ctypes.c_void_p)  # type: ignore[arg-type]  # an FPDF_TEXTPAGE handle
        self.w = width
        self.h = height
        self.rotation = rotation
        self.rect = raw.FS_RECTF()
        self.ref = ctypes.byref(self.rect)
        self._get = _LOOSE_BOX

    def box(self, index: int) -> tuple[float, float, float, float]:
        r = self.rect
        self._get(self.tp, index, self.ref)
        left, bottom, right, top = r.left, r.bottom, r.right, r.top
        rot, w, h = self.rotation, self.w, self.h
        if rot == 0:
            return (left, h - top, right, h - bottom)
        if rot == 1:  # 90 degrees clockwise
            return (bottom, left, top, right)
        if rot == 2:
            return (w - right, bottom, w - left, top)
        return (h - top, w - right, h - bottom, w - left)


def page_text(textpage: object) -> str:
    """The text page's characters, one code point per character index."""
    n = raw.FPDFText_CountChars(textpage)
    if n <= 0:
        return ""
    buf = (ctypes.c_ushort * (n + 1))()
    got = raw.FPDFText_GetText(textpage, 0, n, buf)
    text = bytes(memoryview(buf)[: max(got - 1, 0)]).decode("utf-16-le", errors="replace") if got > 0 else ""
    if len(text) != n:  # surrogate pairs or dropped chars: index by code point instead
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 32) for i in range(n))
    return text


def read_words(textpage: object, width: float, height: float, rotation: int) -> list[Word]:
    """Every word on the page with its box, without words running at an angle to the page's text."""
    text = page_text(textpage).translate(PLAIN_PUNCTUATION)
    if not text:
        return []
    boxes = _CharBoxes(textpage, width, height, rotation)
    scan = _scan_upright if rotation == 0 else _scan_rotated
    out, sources, suspects = scan(text, boxes)
    if out:
        # glyphs much taller than the page's usual text (a watermark's letters, a title) are suspects too
        # (both tests run in C over the page's words: map and compress, no Python loop per word)
        heights = list(map(sub, map(_BOTTOM, out), map(_TOP, out)))
        tall = sorted(heights)[len(heights) // 2] * 1.6
        index = range(len(out))
        # and so are words of one or two glyphs: a watermark's letters set at an angle each come out on their own
        short = map((_FEW_GLYPHS + 1).__gt__, map(len, map(_TEXT, out)))
        suspects = sorted(set(suspects).union(compress(index, map(tall.__lt__, heights)), compress(index, short)))
    if suspects:
        out = _drop_slanted(textpage, out, sources, suspects)
    return out


def _scan_upright(text: str, boxes: _CharBoxes) -> tuple[list[Word], list[int], list[int]]:
    """Words of a page without /Rotate: the hot loop, in PDF space (y up), converted as each word is made.

    Returns the words, the index of each word's first character, and the positions of suspect words.
    """
    get, tp, r, ref, h = boxes._get, boxes.tp, boxes.rect, boxes.ref, boxes.h
    out: list[Word] = []
    sources: list[int] = []
    suspects: list[int] = []
    for m in _WORD_RUN.finditer(text):
        i, j = m.span()
        j -= 1
        get(tp, i, ref)
        left0, top0, bottom0 = r.left, r.top, r.bottom
        if j > i:
            get(tp, j, ref)
            right1, top1, bottom1 = r.right, r.top, r.bottom
        else:
            right1, top1, bottom1 = r.right, top0, bottom0
        hi = top0 if top0 > top1 else top1
        lo = bottom0 if bottom0 < bottom1 else bottom1
        backwards = right1 < left0
        # (1.0 if 1.0 > d else d) is max(d, 1.0) without the call, NaN included
        glyph, tall = top0 - bottom0, hi - lo
        # a word at an angle climbs or falls from its first glyph to its last: its box is taller than a glyph's
        if backwards or tall > 1.25 * (1.0 if 1.0 > glyph else glyph):
            suspects.append(len(out))
        if backwards or (j > i and right1 - left0 > (j - i + 1) * (1.0 if 1.0 > tall else tall) * 1.2):
            _add_pieces(text, boxes, i, j, out, sources, suspects)
        else:
            out.append(Word(text[i:j + 1], left0, h - hi, right1, h - lo))
            sources.append(i)
    return out, sources, suspects


def _scan_rotated(text: str, boxes: _CharBoxes) -> tuple[list[Word], list[int], list[int]]:
    """Words of a page with /Rotate, through the display transform of every box."""
    out: list[Word] = []
    sources: list[int] = []
    suspects: list[int] = []
    for m in _WORD_RUN.finditer(text):
        i, j = m.start(), m.end() - 1
        a = boxes.box(i)
        b = boxes.box(j) if j > i else a
        top, bottom = min(a[1], b[1]), max(a[3], b[3])
        backwards = b[2] < a[0]
        if backwards or bottom - top > 1.25 * max(a[3] - a[1], 1.0):
            suspects.append(len(out))
        if backwards or (j > i and (b[2] - a[0]) > (j - i + 1) * max(bottom - top, 1.0) * 1.2):
            _add_pieces(text, boxes, i, j, out, sources, suspects)
        else:
            out.append(Word(m.group(), a[0], top, b[2], bottom))
            sources.append(i)
    return out, sources, suspects


def _add_pieces(text: str, boxes: _CharBoxes, i: int, j: int, out: list[Word], sources: list[int],
                suspects: list[int]) -> None:
    """Chars i..j re-read one by one (a column gap with no space glyph); pieces of a suspect stay suspects."""
    pieces = _split_chars(text, boxes, i, j)
    if suspects and suspects[-1] == len(out):
        suspects.extend(range(len(out) + 1, len(out) + len(pieces)))
    out.extend(pieces)
    sources.extend([i] * len(pieces))


def _split_chars(text: str, boxes: _CharBoxes, i: int, j: int) -> list[Word]:
    """Chars i..j as words, split where consecutive glyphs are far apart, jump lines or run backwards."""
    words: list[Word] = []
    cur: list[tuple[str, tuple[float, float, float, float]]] = []
    for k in range(i, j + 1):
        b = boxes.box(k)
        if cur:
            p = cur[-1][1]
            ph = max(p[3] - p[1], 1.0)
            if b[0] - p[2] > ph * 0.8 or abs(b[1] - p[1]) > ph * 0.6 or b[0] < p[0]:
                words.append(_word_of(cur))
                cur = []
        cur.append((text[k], b))
    words.append(_word_of(cur))
    return words


def _word_of(chars: list[tuple[str, tuple[float, float, float, float]]]) -> Word:
    return Word("".join(c for c, _ in chars), min(b[0] for _, b in chars), min(b[1] for _, b in chars),
                max(b[2] for _, b in chars), max(b[3] for _, b in chars))


def _drop_slanted(textpage: object, words: list[Word], sources: list[int], suspects: list[int]) -> list[Word]:
    """Keep the words running in the page's dominant direction. When most of the page is not suspect, the
    direction is sampled from words that are not, and only the suspects' angles are read."""
    get_angle = raw.FPDFText_GetCharAngle
    if len(suspects) * 2 < len(words):
        suspect = set(suspects)
        # the first _SAMPLE words that are not suspects: only their angles are read
        upright = islice((k for k in range(len(words)) if k not in suspect), _SAMPLE)
        sample = [round(get_angle(textpage, sources[k]), 1) for k in upright]
        dominant = Counter(sample).most_common(1)[0][0] if sample else 0.0
        drop = set()
        for k in suspects:
            a = get_angle(textpage, sources[k])
            if a >= 0 and _apart(a, dominant) >= _ANGLE_TOLERANCE:
                drop.add(k)
        return [w for k, w in enumerate(words) if k not in drop] if drop else words
    angles = [round(get_angle(textpage, s), 1) for s in sources]
    dominant = Counter(angles).most_common(1)[0][0]
    return [w for w, a in zip(words, angles, strict=True) if _apart(a, dominant) < _ANGLE_TOLERANCE]


def _apart(a: float, b: float) -> float:
    """The angle between two directions, in radians (0 and 2 pi are one direction)."""
    d = abs(a - b) % (2 * math.pi)
    return min(d, 2 * math.pi - d)


def group_lines(words: list[Word], page: int) -> list[Line]:
    """Cluster words into lines (one pass over words sorted by their centre).

    A word joins the line being built when its box shares most of its height with the line's first word. Word
    boxes run from their first glyph's top to their last glyph's bottom, so "notify" (x-height to descender) and
    "User" (cap height to baseline) have different centres on one baseline; their boxes still overlap by far
    more than half, while the next line's words barely touch them.
    """
    if not words:
        return []
    tops, bottoms = list(map(_TOP, words)), list(map(_BOTTOM, words))
    # centre = (top + bottom) / 2, computed in C (halving is exact, so * 0.5 is the same float)
    centres = map((0.5).__mul__, map(add, tops, bottoms))
    keyed = sorted(zip(centres, map(_X0, words), range(len(words)), strict=True))
    lines: list[list[int]] = []
    top = bottom = centre = -1e9
    for c, _x0, k in keyed:
        wt, wb = tops[k], bottoms[k]
        h = wb - wt
        lh = bottom - top
        overlap = (bottom if bottom < wb else wb) - (top if top > wt else wt)
        if overlap > 0 and overlap >= _SAME_LINE_OVERLAP * (lh if lh < h else h) \
                and abs(c - centre) <= _CENTRE_TOLERANCE * (lh if lh > h else h):
            lines[-1].append(k)  # sorted by centre, then x0: a line's words arrive left to right, mostly
        else:
            lines.append([k])
            top, bottom, centre = wt, wb, c
    out = []
    for ks in lines:
        for run in _overprinted_apart(ks, words):
            # a stable sort: a line already left to right (most of them) stays as it is, in one pass
            out.append(Line(words=sorted(map(words.__getitem__, run), key=_X0), page=page))
    return out


def _overprinted_apart(ks: list[int], words: list[Word]) -> list[list[int]]:
    """One line's words (indexes in the page's text order), split when two texts are printed over each other.

    A footer fixed over the body shares the body's baseline: sorted by x, the two interleave word by word. Each
    is a run of consecutive words in the page's text order; runs whose spans cross in x are apart, those side
    by side (a table's cells) stay one line. Text printed once is one group, unchanged.
    """
    if len(ks) < 4 or max(ks) - min(ks) == len(ks) - 1:  # few words, or one run of the text order
        return [ks]
    ordered = sorted(ks)
    runs: list[list[int]] = [[ordered[0]]]
    for k in ordered[1:]:
        if k == runs[-1][-1] + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    if len(runs) < 2:
        return [ks]
    get = words.__getitem__
    spans = [(min(map(_X0, map(get, r))), max(map(_X1, map(get, r)))) for r in runs]
    if _side_by_side(spans):  # the usual case (a table row's cells): the greedy grouping below makes one group
        return [ks]
    groups: list[list[int]] = []  # run indexes, pairwise side by side
    for i, (x0, x1) in enumerate(spans):
        home = next((g for g in groups if all(x1 <= spans[j][0] + 1 or spans[j][1] <= x0 + 1 for j in g)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    if len(groups) < 2:
        return [ks]
    return [[k for i in g for k in runs[i]] for g in groups]


def _side_by_side(spans: list[tuple[float, float]]) -> bool:
    """Whether every two spans are side by side (apart in x, give or take a point), in one pass sorted by x0.

    True only when the greedy grouping of `_overprinted_apart` would put every run in its first group; False
    sends the spans through that grouping.
    """
    reach = -1e9  # the largest x1 of the spans to the left
    for x0, x1 in sorted(spans):
        if reach > x0 + 1:
            return False
        reach = max(reach, x1)
    return True
