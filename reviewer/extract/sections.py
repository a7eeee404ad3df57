"""Sections found by their headings wherever they are, skipping the table of contents; and the items in them.

A heading is a short line matching a title pattern, outside the table of contents and the running headers.
A section runs until the next heading-like line (a known title, "Section IV ...", or a short line with no
closing punctuation that is not a list item). Items are bullets or numbered entries, table rows, or, failing
both, paragraphs after the introduction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.extract.grid import grid_at
from reviewer.extract.layout import Document, Segment, segments
from reviewer.extract.parts import role_of
from reviewer.extract.pdf import Line, Page
from reviewer.extract.vocabulary import BULLET_GLYPHS, CRITERIA_RUN, CRITERION_ID, is_marker_glyph

BULLET = re.compile(rf"^(?:[{BULLET_GLYPHS}*\-\u2013o]|"
                    r"\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}\))$")
BULLET_GLUED = re.compile(rf"^[{BULLET_GLYPHS}]\S")
KNOWN_HEADING = re.compile(
    r"^(?:section\s+(?:[ivx]+|\d+)\b|complementary\s|user\s+(?:entity|control)\s|subservice\s+organi[sz]ations?\b|"
    r"overview|scope\b|control\s+environment|risk\s+assessment|monitoring|information\s+and\s+communication|"
    r"control\s+activities|system\s+(?:boundaries|description|overview|components)|infrastructure|software|"
    r"people|procedures|data\b|changes\s+to|incidents|trust\s+services|principal\s+service|"
    r"other\s+information|management[\u2019']?s?\s+(?:response|assertion)|independent\s+service|"
    r"description\s+of|tests?\s+of\s+controls|relevant\s+aspects|carved[\s-]out|inclusive|"
    r"(?:attachment|appendix|exhibit|schedule|part)\s+[A-Z0-9]{1,4}\b)", re.I)
_END_PUNCT = re.compile(r"[.:;,]$")
_OUTLINE_NUMBER = re.compile(r"^(?:[IVX]{1,4}|\d{1,2})(?:\.\d{1,2}){1,3}\.?\s+(?=[A-Z])")
_CRITERIA_AT_END = re.compile(rf"[.;]?\s*\(\s*{CRITERIA_RUN}\)\s*$")  # "... uploading them. (CC6.7)"
_SUBHEADING_STEP = 0.8  # points: a heading this much smaller than a passage's title is one of its sub-headings
# a heading that groups list entries or table rows: a control objective or a criterion with its title
GROUP_HEADING = re.compile(rf"^\s*(?:control\s+objective\s+[A-Z0-9][\w.\-]*|(?:trust\s+services\s+)?criteri(?:on|a)\s+"
                           rf"{CRITERION_ID}(?:\s*(?:,|and)\s*{CRITERION_ID})*)\s*(?:[:.\u2013\u2014\-]|$)", re.I)


def is_marker(word: str) -> bool:
    """Whether a line's first word is a list entry's marker: a bullet, dash, number or letter, or any lone symbol."""
    return bool(BULLET.match(word) or BULLET_GLUED.match(word)) or is_marker_glyph(word)


@dataclass
class Section:
    heading: Line
    lines: list[Line]


def is_heading_like(line: Line) -> bool:
    """A short line that titles what follows: a known title, or a few capitalised words without a full stop or a
    number (an outline number before it, "III.5" or "4.2", is the heading's, not its text)."""
    text = _OUTLINE_NUMBER.sub("", line.text.strip(), count=1)
    words = text.split()
    if not words or len(words) > 12:
        return False
    if is_marker(words[0]):
        return False
    if KNOWN_HEADING.match(text) and not _END_PUNCT.search(text) and len(segments(line)) == 1:
        return True
    return (not _END_PUNCT.search(text) and words[0][:1].isupper() and len(segments(line)) == 1
            and len(words) <= 8 and not re.search(r"\d", text))


def find_sections(doc: Document, heading: re.Pattern[str], max_pages: int = 4) -> list[Section]:
    """Every section whose heading line matches `heading`, with its body lines (across pages)."""
    out: list[Section] = []
    flat = doc.content_lines()
    for i, line in enumerate(flat):
        m = heading.search(line.text)
        if not m or len(line.text.split()) > 14 or _END_PUNCT.search(line.text.strip()):
            continue
        if len(segments(line)) > 1:  # a table's header cell, not a section title
            continue
        # a title starts the line (after a number or "Section 4 -"); a sentence's line that happens to hold the
        # words ("complementary user entity controls assumed in the design of ...") does not
        if line.text[:1].islower() or len(line.text[:m.start()].split()) > 4 or _continues_paragraph(flat, i) \
                or _in_band(flat, i) or _opens_paragraph(flat, i):
            continue
        body: list[Line] = []
        part = role_of(doc, line)
        for k in range(i + 1, len(flat)):
            nxt = flat[k]
            if role_of(doc, nxt) is not part:
                break  # the next part of the report ("Section IV ...") ends every passage of this one
            if nxt.page > line.page + max_pages - 1 or (is_heading_like(nxt) and not _in_band(flat, k)
                                                          and not _wraps_header_cell(flat, k)
                                                          and not _subheading(nxt, line)):
                break
            body.append(nxt)
        out.append(Section(line, body))
    return out


def _overlap(a: Line, b: Line) -> bool:
    """Whether two lines of one page share part of their height side by side (cells of one table row)."""
    return a.page == b.page and a.top < b.bottom - 1 and b.top < a.bottom - 1 and (a.x1 < b.x0 or b.x1 < a.x0)


def _in_band(flat: list[Line], k: int) -> bool:
    """Whether line k shares its height with a neighbour: a table header's cells that wrap to different numbers
    of lines (each centred in its row) come out as staggered lines, none of which is a heading."""
    return (k > 0 and _overlap(flat[k - 1], flat[k])) or (k + 1 < len(flat) and _overlap(flat[k], flat[k + 1]))


def _wraps_header_cell(flat: list[Line], k: int) -> bool:
    """Whether line k is the wrapped rest of a table header's cell ("Subservice" over "Organization"): it
    stands just under a line of several cells, aligned with one of them."""
    if k == 0:
        return False
    prev, line = flat[k - 1], flat[k]
    segs = segments(prev)
    return (len(segs) >= 2 and all(len(sg.words) <= 4 for sg in segs) and len(line.words) <= 3
            and prev.page == line.page and 0 <= line.top - prev.bottom < line.height * 0.6
            and any(abs(sg.x0 - line.x0) < 3 for sg in segs))


def header_band(lines: list[Line], i: int) -> tuple[Line, int] | None:
    """A staggered header starting at line i: the lines overlapping one another in height, merged into one line
    (words of one column kept top to bottom), and the index after it; None when line i stands alone."""
    end = i + 1
    bottom = lines[i].bottom
    while end < len(lines) and lines[end].page == lines[i].page and lines[end].top < bottom - 1:
        bottom = max(bottom, lines[end].bottom)
        end += 1
    if end - i < 2:
        return None
    # a cell's lines overlap in x (one column); cells side by side do not
    columns: list[list[Segment]] = []
    for sg in sorted((sg for ln in lines[i:end] for sg in segments(ln)), key=lambda sg: sg.x0):
        col = next((c for c in columns if sg.x0 < max(x.x1 for x in c) and c[0].x0 < sg.x1), None)
        if col is None:
            columns.append([sg])
        else:
            col.append(sg)
    ordered = [w for col in columns for sg in sorted(col, key=lambda sg: sg.words[0].top) for w in sg.words]
    return Line(ordered, lines[i].page, " ".join(w.text for w in ordered)), end


def _subheading(line: Line, heading: Line) -> bool:
    """Whether a heading-like line is set smaller than the passage's own title: it groups the passage's entries
    ("Logical Access" under "User Control Considerations") rather than starting a passage of its own."""
    return line.height < heading.height - _SUBHEADING_STEP and not KNOWN_HEADING.match(line.text)


def _opens_paragraph(flat: list[Line], i: int) -> bool:
    """Whether line i is a paragraph's first line: the next line reads on in lower case, without a gap."""
    if i + 1 >= len(flat):
        return False
    line, nxt = flat[i], flat[i + 1]
    return (nxt.page == line.page and 0 <= nxt.top - line.bottom < line.height * 0.5 and nxt.text[:1].islower()
            and abs(nxt.x0 - line.x0) < 4)


def _continues_paragraph(flat: list[Line], i: int) -> bool:
    """Whether line i runs on from the line above it (same page, no paragraph gap, no closing punctuation)."""
    if i == 0:
        return False
    prev, line = flat[i - 1], flat[i]
    return (prev.page == line.page and 0 <= line.top - prev.bottom < line.height * 0.5
            and not _END_PUNCT.search(prev.text.strip()) and abs(prev.x0 - line.x0) < 4)


@dataclass
class Item:
    """One listed entry: its lines (with cells when in a table)."""

    lines: list[Line]
    cells: list[str] | None = None  # in a table: the text of each column
    by_paragraph: bool = False  # told apart by paragraph gaps alone (no marker, number or table row)

    @property
    def text(self) -> str:
        return " ".join(ln.text for ln in self.lines)


def list_items(lines: list[Line], pages: dict[int, Page] | None = None) -> list[Item]:
    """Split a section body into its listed entries, leaving out the introduction.

    `pages` ({number: page}) gives the ruled lines of a table in the section, when the page has them."""
    if not lines:
        return []
    table = _table_items(lines, pages or {})
    if table:
        return table
    starts = [i for i, ln in enumerate(lines) if _starts_item(ln) or _bullet_drawn_before(ln, pages)]
    if starts:
        gap = _usual_gap(lines)
        items: list[Item] = []
        for k, s in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(lines)
            chunk = [lines[s]]
            for ln in lines[s + 1:end]:
                if GROUP_HEADING.match(ln.text) or (ln.x0 <= lines[s].x0 + 1 and is_heading_like(ln)):
                    break  # a heading between groups of entries ("Control Objective 4 - Logical Access")
                if ln.x0 <= lines[s].x0 + 1:
                    # back at (or left of) the marker: a hanging-indent list has ended; a list that wraps to
                    # the margin has ended when a paragraph gap comes first
                    hanging = len(chunk) > 1 and chunk[1].x0 > lines[s].x0 + 2
                    # or when the entry ended its sentence and text goes on at the margin ("People: the ...")
                    ended = chunk[-1].text.rstrip().endswith((".", ";")) and ln.text[:1].isupper()
                    if hanging or ended or ln.top - chunk[-1].bottom > gap * 1.4 + 1:
                        break
                chunk.append(ln)
            items.append(Item(chunk))
        return items
    # paragraphs, separated by vertical gaps; the first one introduces the list when it ends with ':'
    # a paragraph break, or a sentence that ends a line followed by one that starts the next line at the
    # entries' margin (entries set without markers or space between them), starts an entry
    paras: list[list[Line]] = [[lines[0]]]
    for prev, ln in zip(lines, lines[1:], strict=False):
        sentence_break = ((prev.text.rstrip().endswith((".", ";")) or _CRITERIA_AT_END.search(prev.text) is not None)
                          and ln.text[:1].isupper() and abs(ln.x0 - paras[-1][0].x0) < 2)
        if ln.top - prev.bottom > prev.height * 0.6 or ln.page != prev.page or sentence_break:
            paras.append([ln])
        else:
            paras[-1].append(ln)
    items = [Item(p, by_paragraph=True) for p in paras]
    # the introduction ("... assumed that user entities would implement the following controls:"), even when a
    # paragraph gap splits it, ends with a colon or announces what follows
    intro = [k for k, it in enumerate(items[:3]) if it.text.rstrip().endswith(":")
             or re.search(r"\bfollowing\b", it.text, re.I)]
    if intro:
        items = items[intro[-1] + 1:]
    # a heading that groups the entries ("Logical Access") is no entry
    return [it for it in items if not it.text.rstrip().endswith(":")
            and not (len(it.lines) == 1 and (is_heading_like(it.lines[0]) or GROUP_HEADING.match(it.text)))]


def _usual_gap(lines: list[Line]) -> float:
    """The median space between consecutive lines of one page: the line spacing inside a paragraph."""
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page
                  and b.top > a.bottom)
    return gaps[len(gaps) // 2] if gaps else 2.0


def _table_items(lines: list[Line], pages: dict[int, Page]) -> list[Item]:
    """Rows of a table with a header row (a CUEC, CSOC or subservice table), its introduction left out.

    Ruled tables (`grid.py`) give the columns and rows exactly. Otherwise a column begins where the body's
    cells begin (a header may be centred over its column), and a row starts where the first column holds
    words beside another column's, or after a gap wider than the lines' spacing.
    """
    def is_head(ln: Line) -> bool:
        return len(segments(ln)) >= 2 and all(len(sg.text.split()) <= 6 for sg in segments(ln))

    head_at = next((i for i, ln in enumerate(lines[:6]) if is_head(ln)), None)
    band_end = None
    for i in range(min(6, len(lines)) if head_at is None else head_at):
        band = header_band(lines, i)
        if band is not None and is_head(band[0]):
            head_at, band_end = i, band[1]
            lines = lines[:i] + [band[0]] + lines[band_end:]
            break
    if head_at is None:
        return []
    head = lines[head_at]
    segs = segments(head)
    page = pages.get(head.page)
    grid = grid_at(page.rules if page else None, head.top, head.bottom, segs[0].x0, segs[-1].x1,
                   text_height=max(w.bottom - w.top for w in head.words))
    if grid is not None and grid.columns is not None:
        bounds = [-1e9] + list(grid.columns)
    else:
        bounds = [-1e9] + _body_starts(segs, lines[head_at + 1:head_at + 40])
    body_at = head_at + 1
    if grid is not None:
        end = grid.first_rule_below(head.top + 1)
        while end is not None and body_at < len(lines) and lines[body_at].page == head.page \
                and (lines[body_at].top + lines[body_at].bottom) / 2 < end:
            body_at += 1  # the header's wrapped lines
    elif body_at < len(lines) and _wraps_header_cell(lines, body_at):
        body_at += 1  # a header cell wrapped onto a line of its own ("Subservice" over "Organization")

    def column(x: float) -> int:
        return max(i for i, b in enumerate(bounds) if x >= b)

    gap = _usual_gap(lines[body_at:body_at + 20])
    rows: list[tuple[list[Line], list[list[str]]]] = []
    prev = lines[body_at - 1]
    head_text = [sg.text for sg in segs]
    for ln in lines[body_at:]:
        if ln.page != head.page and [sg.text for sg in segments(ln)] == head_text:
            # the table goes on over the page under its header printed again: that page's rules, if any
            head = ln
            on_page = pages.get(ln.page)
            if grid is not None:
                grid = grid_at(on_page.rules if on_page else None, ln.top, ln.bottom, segs[0].x0, segs[-1].x1)
            prev = ln
            continue
        if grid is not None and (ln.page != head.page or (grid.bottom is not None and ln.top > grid.bottom)):
            break
        cells: list[list[str]] = [[] for _ in bounds]
        for w in ln.words:
            cells[column(w.x0)].append(w.text)
        if grid is not None and grid.rows:
            new_row = grid.rule_between((prev.top + prev.bottom) / 2, (ln.top + ln.bottom) / 2)
        else:
            spaced = ln.page == prev.page and ln.top - prev.bottom > gap * 1.4 + 1
            new_row = bool(cells[0]) and (any(cells[1:]) or spaced)
        if new_row or not rows:
            if not rows and not ((cells[0] or ln is lines[body_at]) and (any(cells[1:]) or grid is not None)):
                break  # the first row may open with its first cell empty (that cell centred on the row's lines)
            rows.append(([ln], cells))
        elif any(cells) and (grid is not None or ln.top - rows[-1][0][-1].bottom < ln.height):
            rows[-1][0].append(ln)
            for k, c in enumerate(cells):
                rows[-1][1][k].extend(c)
        else:
            break
        prev = ln
    return [Item(r[0], [_cell_text(c) for c in r[1]]) for r in rows]


def _body_starts(segs: list[Segment], body: list[Line]) -> list[float]:
    """Where each header cell's column begins (after the first): the leftmost body cell start between the
    previous header cell's end and this one's start, else just left of the header cell."""
    starts = sorted({round(sg.x0, 1) for ln in body for sg in segments(ln)[1:]})
    out: list[float] = []
    for k in range(1, len(segs)):
        lo, hi = segs[k - 1].x1 + 2, segs[k].x0 + 1
        inside = [x for x in starts if lo <= x <= hi]
        out.append((min(inside) if inside else segs[k].x0) - 3)
    return out


def _cell_text(words: list[str]) -> str:
    """A cell's text; a dash or "N/A" printed in an empty cell is no text."""
    text = " ".join(words)
    return "" if re.fullmatch(r"\s*(?:[\u2013\u2014\-]+|n/?a)?\s*", text, re.I) else text


def _starts_item(line: Line) -> bool:
    if is_marker(line.words[0].text):
        return True
    segs = segments(line)
    # a table row: a short first cell holding a number or an id, then the text
    return len(segs) >= 2 and bool(re.fullmatch(r"\(?[A-Z]{0,5}[\-\s]?\d{1,3}(?:\.\d{1,2})?[.)]?", segs[0].text))


def _bullet_drawn_before(line: Line, pages: dict[int, Page] | None) -> bool:
    """Whether a bullet drawn as a shape (no glyph in the text) sits just left of the line, at its height."""
    page = pages.get(line.page) if pages else None
    marks = page.rules.marks if page is not None and page.rules is not None else ()
    return any(x1 <= line.x0 + 0.5 and line.x0 - x1 < 24 and line.top <= (top + bottom) / 2 <= line.bottom
               for x0, top, x1, bottom in marks)


def strip_marker(text: str) -> str:
    """The entry's text without its bullet or number."""
    words = text.split()
    if words and (BULLET.match(words[0]) or is_marker_glyph(words[0])):
        words = words[1:]
    elif words and BULLET_GLUED.match(words[0]):
        words[0] = words[0][1:]
    elif words and re.fullmatch(r"\(?[A-Z]{0,5}[\-\s]?\d{1,3}(?:\.\d{1,2})?[.)]?", words[0]):
        words = words[1:]
    return " ".join(words)
