"""Exceptions and deviations: every tested control whose result reports one, with its management response.

A result states an exception when it speaks of an exception or deviation that is not negated ("No exceptions
noted", "No relevant deviations noted" are clean). "The circumstances that warrant the operation of the
control did not occur ... no testing was performed" names none, so it is not an exception. The management
response is read beside the result (a response column, or "Management's Response:" inside the result cell)
or, when the report prints it later (Section V, found by its title), from a response table keyed by control id
or the passage that names the control's id there. "No other exceptions were noted" implies the one described.
A report with no results table may print its results as labelled blocks per control (`blocks.py`): they are read
only then, so that a table report's findings never change.
"""

from __future__ import annotations

import re

from reviewer.extract.blocks import read_result_blocks
from reviewer.extract.layout import Document, norm, segments
from reviewer.extract.model import ExceptionFinding
from reviewer.extract.page import Line
from reviewer.extract.results import is_exception
from reviewer.extract.sections import is_heading_like
from reviewer.extract.tables import (
    CRIT_IDS,
    OBJECTIVE_LINE,
    RESPONSE_HEAD,
    Row,
    Table,
    has_results_table,
    read_tables,
    result_rows,
)
from reviewer.extract.vocabulary import (
    CONTROL_OF_CRITERION,
    CRITERIA_RUN,
    CRITERION,
    RESPONSE_LABEL,
    RESPONSE_WORDS,
    response_or_none,
    without_bullets,
)

__all__ = ["is_exception", "read_exceptions"]

_RESPONSE_LABEL = RESPONSE_LABEL
_SEE_RESPONSE = re.compile(r"see\s+management", re.I)
_RESPONSE_SECTION = re.compile(rf"{RESPONSE_WORDS}|other\s+information\s+provided\s+by", re.I)
_RESPONSE_TITLE = re.compile(rf"^\s*(?:(?:section\s+)?(?:[IVX]+|\d+)(?:[.:]|\s+[\u2013\u2014\-])?\s+)?"
                             rf"(?:{_RESPONSE_SECTION.pattern})", re.I)
# "CV-07 — Management's response. Provisioning tickets ..." in the later section: the label before the text
# an objective column's cell: the objective's number ("5", "CO-3")
OBJECTIVE_CELL = re.compile(r"^[A-Z]{0,4}[\s\-]?\d{1,2}(?:\.\d{1,2})?[a-z]?$")
_LEADING_LABEL = re.compile(rf"^[\s:\-\u2013\u2014]*{RESPONSE_WORDS}\s*[.:\-\u2013\u2014]\s*", re.I)


def row_identity(table: Table, row: Row) -> tuple[str | None, list[str], str | None]:
    """(control id, criteria, control objective) of a results row, from its cells or the band above it."""
    cid = row.text(table.id_column) if table.id_column else _leading_id(row.text(table.columns[0].name))
    criteria: list[str] = []
    if table.criteria_column and table.criteria_column == table.id_column and cid:
        # one cell holds the id on its first line and the criteria below it
        cid, _, rest = cid.partition(" ")
        criteria = [m.group(1) for m in CRITERION.finditer(rest)]
    elif table.criteria_column:
        criteria = [m.group(1) for m in CRITERION.finditer(row.text(table.criteria_column))]
    elif cid and " " in cid and CRIT_IDS.match(cid.partition(" ")[2]):
        # an id cell holding the criteria on its second line though the header names only the id
        cid, _, rest = cid.partition(" ")
        criteria = [m.group(1) for m in CRITERION.finditer(rest)]
    objective = None
    stated = row.text(table.objective_column) if table.objective_column else ""
    if OBJECTIVE_CELL.match(stated):
        objective = stated  # the row's own objective column
    elif row.context:
        m = OBJECTIVE_LINE.search(row.context)
        objective = norm(m.group("id")) if m else None
        if not criteria and not m:
            # a criteria band above the rows: "CC6.1: The entity implements ..." (ids before the text)
            head = re.split(r"[:\u2013\u2014]|\s[-]\s|\s[A-Z][a-z]", row.context, maxsplit=1)[0]
            criteria = [c.group(1) for c in CRITERION.finditer(head)]
    if not criteria and cid and (under := CONTROL_OF_CRITERION.fullmatch(cid)):
        criteria = [under.group(1)]  # "CC6.1.1", the first control for CC6.1, answers that criterion
    return cid or None, list(dict.fromkeys(criteria)), objective  # an id printed twice in its cell is one


def read_exceptions(doc: Document) -> tuple[list[ExceptionFinding], list[Table]]:
    tables = read_tables(doc)
    out: list[ExceptionFinding] = []
    for table, row, column, result in result_rows(tables, is_exception):
        description, response = _split_response(result)
        if table.response_column:
            response = row.text(table.response_column) or response
        if response is None and row.after:
            response = _split_response(" ".join(row.after))[1]
        cid, criteria, objective = row_identity(table, row)
        same = next((f for f in out if f.control_id == cid and f.description == description and cid), None)
        if same is not None:
            # the same control tested once and printed under several criteria
            same.criteria.extend(c for c in criteria if c not in same.criteria)
            continue
        box = row.boxes.get(column)
        out.append(ExceptionFinding(
            control_id=cid,
            description=description,
            page=row.cell_pages.get(column, row.page),
            criteria=criteria,
            control_objective=objective,
            management_response=response,
            bbox=tuple(box) if box else None,  # type: ignore[arg-type]  # a box is four numbers
            control_text=table.control_text(row),
        ))
    if not has_results_table(tables):
        out.extend(_findings_from_blocks(doc))
    for f in out:
        f.management_response = response_or_none(f.management_response)
    _responses_from_later_section(doc, out)
    for f in out:
        f.management_response = response_or_none(f.management_response)
    return out, tables


def _findings_from_blocks(doc: Document) -> list[ExceptionFinding]:
    out: list[ExceptionFinding] = []
    for block in read_result_blocks(doc):
        if not is_exception(block.result):
            continue
        description, response = _split_response(block.result)
        out.append(ExceptionFinding(
            control_id=block.control_id,
            description=description,
            page=block.page,
            criteria=block.criteria,
            control_objective=block.objective,
            management_response=block.response or response,
            bbox=block.bbox,
            response_page=block.response_page or (block.page if response else None),
        ))
    return out


_LEADING_ID = re.compile(r"^(?:[A-Z]{1,5}[\-.]?\d{1,3}(?:[.\-]\d{1,3}){0,3}[a-z]?|\d{1,3}(?:\.\d{1,3}){1,3})(?=\s|$)")


def _leading_id(first_cell: str) -> str | None:
    """The control id that opens a "Control" cell ("CV-07 New user access is approved ..."), when the table
    has no column of its own for ids."""
    m = _LEADING_ID.match(first_cell)
    return m.group(0) if m else None


def _split_response(result: str) -> tuple[str, str | None]:
    result = without_bullets(result)
    m = _RESPONSE_LABEL.search(result)
    if not m:
        return norm(result), None
    return norm(result[:m.start()]), norm(result[m.end():]) or None


def _responses_from_later_section(doc: Document, findings: list[ExceptionFinding]) -> None:
    """Fill missing responses from a later "Management's Response(s)" passage that names the control id."""
    todo = [f for f in findings if f.management_response is None and f.control_id]
    if not todo:
        return
    last_page = max(f.page for f in findings)
    pages = [p for p in doc.text_pages if p.number >= last_page and p.number not in doc.toc_pages]
    start_page = None
    start_top = 0.0  # the title's height on its page: the rows above it belong to the results table
    for p in pages:
        for line in doc.body_lines(p):
            # the section's title, not a result that points to it ("Exceptions noted - see management's response")
            # (nor a "Management's Response:" label inside a result cell)
            if _RESPONSE_TITLE.match(line.text) and len(line.text.split()) <= 14 and not line.text.endswith((".", ":")):
                start_page, start_top = p.number, line.top
                break
        if start_page:
            break
    if start_page is None:
        return
    section = [p for p in pages if p.number >= start_page]
    if _responses_from_table(doc, section, todo):
        return
    section_lines = [ln for p in section for ln in doc.body_lines(p)
                     if (p.number > start_page or ln.top > start_top) and not doc.is_toc_line(ln)]
    ids = [f.control_id for f in findings if f.control_id]
    entries = _response_entries(section_lines, ids)
    for f in todo:
        lines = entries.get(f.control_id or "")
        if lines is not None:
            response = _entry_response(lines)
            if response:
                f.management_response = response[:4000]
                f.response_page = lines[0][1].page
            continue
        _response_named_in_text(section_lines, f, ids)


_ENTRY_ID = r"^\s*(?:(?:control|ref(?:erence)?|item|exception|finding)\s*(?:#|no\.?|id|number)?\s*[:.]?\s*)?"
_OTHER_ENTRY_LABEL = re.compile(r"^\s*(?:exceptions?\s+noted|deviations?\s+noted|exception|deviation|results?|"
                                r"test(?:ing)?\s+results?|criteri(?:on|a)|control(?:\s+(?:activity|description))?|"
                                r"description|tests?\s+performed|cause|impact|status|owner|"
                                r"planned\s+enhancements?)\s*[:\uff1a]", re.I)


def _response_entries(lines: list[Line], ids: list[str]) -> dict[str, list[tuple[str, Line]]]:
    """The later section's entries keyed by the control id that opens them: each a list of (text, line), the
    first text being what follows the id on its line. An entry ends at the next entry or the next heading."""
    patterns = [(cid, re.compile(_ENTRY_ID + rf"{re.escape(cid)}(?![\w]|\.\d)", re.I)) for cid in ids]
    entries: dict[str, list[tuple[str, Line]]] = {}
    current: list[tuple[str, Line]] | None = None
    for line in lines:
        opened = next(((cid, m) for cid, pat in patterns if (m := pat.match(line.text))), None)
        if opened is not None:
            cid, m = opened
            current = entries.setdefault(cid, [])
            current.append((line.text[m.end():].lstrip(" :.-\u2013\u2014"), line))
            continue
        if current is None:
            continue
        if is_heading_like(line) and not _RESPONSE_LABEL.match(line.text) and current[1:]:
            current = None  # the next heading ("Planned Enhancements") ends the entry
            continue
        current.append((line.text, line))
    return entries


def _entry_response(entry: list[tuple[str, Line]]) -> str | None:
    """An entry's response: the text after its response label, else its paragraphs without the id line's title
    and without other labelled paragraphs (the exception restated)."""
    texts = [t for t, _ in entry]
    labelled = next((k for k, t in enumerate(texts) if _RESPONSE_LABEL.match(t) or _LEADING_LABEL.match(t)), None)
    if labelled is not None:
        kept: list[str] = []
        for k, t in enumerate(texts[labelled:]):
            if k and _OTHER_ENTRY_LABEL.match(t):
                break
            kept.append(t)
        text = " ".join(kept)
        label = _RESPONSE_LABEL.match(text) or _LEADING_LABEL.match(text)
        return norm(text[label.end():] if label else text).strip(" :-\u2013") or None
    head, rest = texts[0], texts[1:]
    if head and rest and len(head.split()) <= 12 and not head.endswith((".", ";")):
        head = ""  # the control's title beside its id ("TP-2.2 – Variance report review")
    kept = []
    skipping = False
    for t in [head, *rest]:
        if _OTHER_ENTRY_LABEL.match(t):
            skipping = True
            continue
        if skipping and t[:1].islower():
            continue
        skipping = False
        kept.append(t)
    text = norm(" ".join(kept))
    text = re.sub(rf"^\(?\s*{CRITERIA_RUN}\)?\s*", "", text)  # "(CC6.2) ..." the criteria beside the id
    return text.strip(" :-\u2013") or None


def _response_named_in_text(lines: list[Line], f: ExceptionFinding, ids: list[str]) -> None:
    """A response whose passage names the control id inside a sentence: the text after the id up to the next
    id (a fallback, so the response is marked for the reviewer to check)."""
    full = "\n".join(ln.text for ln in lines)
    cid = f.control_id or ""
    m = re.search(rf"(?<![\w.]){re.escape(cid)}(?![\w]|\.\d)", full)
    if not m:
        return
    rest = full[m.end():]
    stop = len(rest)
    for other in ids:
        if other == cid:
            continue
        om = re.search(rf"(?<![\w.]){re.escape(other)}(?![\w]|\.\d)", rest)
        if om and om.start() < stop:
            stop = om.start()
    chunk = re.sub(r"(?:\b(?:control|ref(?:erence)?|item)\s*(?:#|no\.?|id)?\s*:?\s*)$", "", rest[:stop].rstrip(),
                   flags=re.I)
    label = _RESPONSE_LABEL.search(chunk) or _LEADING_LABEL.match(chunk)
    if label:
        chunk = chunk[label.end():]
    response = norm(chunk).strip(" :-\u2013")
    if response:
        f.management_response = response[:4000]
        f.mark_low("the response was read from a later passage that names the control, not from an entry of its own")


def _responses_from_table(doc: Document, pages: list, todo: list[ExceptionFinding]) -> bool:
    """Responses from a table whose header has a management-response column, rows keyed by the control id."""
    by_id = {f.control_id: f for f in todo}
    column_x: float | None = None
    current: list[str] | None = None
    found: dict[str, list[str]] = {}
    for page in pages:
        for line in doc.body_lines(page):
            segs = segments(line)
            if column_x is None:
                heads = [sg for sg in segs if RESPONSE_HEAD.search(sg.text)]
                if len(segs) >= 2 and heads and len(heads[0].words) <= 4:
                    column_x = heads[0].x0 - 3
                continue
            first = norm(segs[0].text)
            if first in by_id:
                current = found.setdefault(first, [])
            elif segs[0].x0 < column_x - 20 and len(segs) == 1 and current is not None and line.x1 < column_x:
                current = None  # text back at the margin: the table has ended
            if current is not None:
                current.extend(w.text for w in line.words if w.x0 >= column_x)
    for cid, words in found.items():
        if words:
            by_id[cid].management_response = norm(" ".join(words))[:4000]
    return bool(found)
