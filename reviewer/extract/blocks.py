"""Test results laid out as labelled blocks instead of a table: one block per control.

Some firms print each tested control as a block of labelled paragraphs rather than a table row, either

    Control Number: CC6.1.3
    Control Activity: ...
    Test Performed: ...
    Test Result: Exception noted. For 2 of 25 ...
    Management's Response: ...            (optional)

or with the id opening a heading line ("CC6.1.3 – Logical access reviews") followed by labelled paragraphs
("Tests of Operating Effectiveness: ...", "Results: No exceptions noted."). A block is kept only when it has a
result; a labelled paragraph runs (across pages) until the next label, the next block, a band naming a criterion
or control objective, or a section title. Whether a result states an exception is `exceptions.py`'s rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.extract.layout import Document, norm, segments
from reviewer.extract.page import Line
from reviewer.extract.tables import BAND_START, OBJECTIVE_LINE
from reviewer.extract.vocabulary import CRITERION, RESPONSE_TO, RESPONSE_WORDS

_ID = r"(?:(?:[A-Z]{1,5}[\-.])?[A-Z]{1,5}[\-.]?\d{1,3}(?:[.\-]\d{1,3}){0,3}[a-z]?|\d{1,3}(?:\.\d{1,3}){1,3})"
_COLON = r"\s*[:\uff1a]\s*"
# "Control Number: CC6.1.3", "Control #: AC-04", "Control ID: 3.7", "Control Reference: SEC-12"
_ID_LABEL = re.compile(rf"^control\s*(?:number|no\.?|#|id|ref(?:erence)?\.?){_COLON}(?P<id>{_ID})\b|"
                       rf"^(?:control|ref(?:erence)?){_COLON}(?P<bare>{_ID})\s*$", re.I)
# a label printed in a column of its own, without a colon ("Result    No exceptions noted.")
_COLUMN_LABEL = re.compile(r"^(?:control(?:\s*(?:number|no\.?|#|id|ref(?:erence)?\.?))?|ref(?:erence)?|"
                           r"(?:trust\s+services\s+|related\s+|applicable\s+)?criteri(?:on|a)|tsc|"
                           r"control\s+(?:activity|description|owner|objective|type)|description\s+of\s+control|"
                           r"tests?\s+(?:performed|procedures?|applied|of\s+operating\s+effectiveness)|testing\s+"
                           r"(?:performed|procedures?)|procedures?\s+performed|frequency|sample\s+size|population|"
                           r"test(?:ing)?\s+results?|results?(?:\s+of\s+(?:tests?|testing)(?:\s+performed)?)?|"
                           rf"{RESPONSE_WORDS})\s*[:\uff1a]?$", re.I)
# "CC6.1.3 – Logical access reviews": the id opening a short heading, a dash or colon before its title
_ID_HEADING = re.compile(rf"^(?P<id>{_ID})\s*[\u2013\u2014:\-]\s+\S")
_RESULT_LABEL = re.compile(rf"^(?:test(?:ing)?\s+results?|results?(?:\s+of\s+(?:tests?|testing)(?:\s+performed)?)?|"
                           rf"service\s+auditor[\u2019']?s?\s+(?:test\s+)?results?){_COLON}", re.I)
_RESPONSE_LABEL = re.compile(rf"^{RESPONSE_WORDS}{RESPONSE_TO}{_COLON}", re.I)
_CRITERIA_LABEL = re.compile(rf"^(?:(?:trust\s+services\s+|related\s+|applicable\s+)?criteri(?:on|a)|tsc){_COLON}",
                             re.I)
# any other label ends the paragraph before it: "Control Activity:", "Tests of Operating Effectiveness:"
_OTHER_LABEL = re.compile(rf"^(?:control\s+(?:activity|description|owner|objective)|description\s+of\s+control|"
                          rf"tests?\s+(?:performed|procedures?|applied|of\s+operating\s+effectiveness)|testing\s+"
                          rf"(?:performed|procedures?)|procedures?\s+performed|frequency|control\s+type|"
                          rf"sample\s+size|population){_COLON}", re.I)
_SECTION_TITLE = re.compile(r"^(?:section\s+(?:[IVX]+|\d+)\b|other\s+information\s+provided)", re.I)


@dataclass
class ResultBlock:
    """One labelled block: the control id, its result (and response) text, and where the result is printed."""

    control_id: str
    result: str
    page: int
    bbox: tuple[float, float, float, float] | None
    response: str | None = None
    criteria: list[str] = field(default_factory=list)
    objective: str | None = None
    response_page: int | None = None


def _labelled(lines: list[Line]) -> list[tuple[str, Line]]:
    """Each line's text with a label printed in a column of its own read as "Label: value"; a label centred
    beside a value of several lines (printed between them) is moved before the value lines above it."""
    out: list[tuple[str, Line]] = []
    orphans = 0  # value lines since the last label, on this page
    for k, line in enumerate(lines):
        segs = segments(line)
        head = segs[0].text.strip()
        if _COLUMN_LABEL.match(head):
            label = head.rstrip(":\uff1a ").strip()
            rest = " ".join(sg.text for sg in segs[1:])
            if len(segs) == 1:
                below = 0
                for nxt in lines[k + 1:]:
                    if nxt.page != line.page or _COLUMN_LABEL.match(segments(nxt)[0].text.strip()) \
                            or nxt.x0 <= line.x0 + 1:
                        break
                    below += 1
                moved = min(below, orphans)
                if moved:
                    taken = out[len(out) - moved:]
                    del out[len(out) - moved:]
                    out.append((f"{label}:", line))
                    out.extend(taken)
                    orphans = 0
                    continue
            out.append((f"{label}: {rest}".rstrip(), line))
            orphans = 0
            continue
        orphans = orphans + 1 if out and out[-1][1].page == line.page else 0
        out.append((line.text.strip(), line))
    return out


def read_result_blocks(doc: Document) -> list[ResultBlock]:
    """Every labelled block with a result, in reading order."""
    lines = [ln for p in doc.text_pages if p.number not in doc.toc_pages
             for ln in doc.body_lines(p) if not doc.is_toc_line(ln)]
    out: list[ResultBlock] = []
    block: dict | None = None
    part: str | None = None  # the labelled paragraph being read: "result", "response", "criteria" or "other"
    objective: str | None = None

    def close() -> None:
        if block and block["result"]:
            res = block["result"]
            on_page = [ln for ln in res if ln.page == res[0].page]
            box = (min(ln.x0 for ln in on_page), min(ln.top for ln in on_page),
                   max(ln.x1 for ln in on_page), max(ln.bottom for ln in on_page))
            text = _after_label(_RESULT_LABEL, block["result_text"])
            response = _after_label(_RESPONSE_LABEL, block["response_text"]) if block["response"] else None
            crit_text = " ".join(block["criteria_text"])
            out.append(ResultBlock(block["id"], text, res[0].page, box, response or None,
                                   list(dict.fromkeys(m.group(1) for m in CRITERION.finditer(crit_text))),
                                   block["objective"], block["response"][0].page if response else None))

    for text, line in _labelled(lines):
        start = _ID_LABEL.match(text) or (_ID_HEADING.match(text) if _is_heading(line, text) else None)
        if start:
            close()
            block, part = {"id": start.group("id") or start.group("bare"), "result": [], "response": [],
                           "criteria": [], "result_text": [], "response_text": [], "criteria_text": [],
                           "objective": objective}, None
            continue
        if _SECTION_TITLE.match(text) or (BAND_START.match(text) and not block_label(text)):
            close()
            block, part = None, None
            m = OBJECTIVE_LINE.search(text)
            if m:
                objective = norm(m.group("id"))
            continue
        if block is None:
            continue
        label = block_label(text)
        if label:
            part = label
        if part in ("result", "response", "criteria"):
            block[part].append(line)
            block[f"{part}_text"].append(text)
    close()
    return out


def block_label(text: str) -> str | None:
    """Which labelled paragraph a line opens, if any."""
    if _RESULT_LABEL.match(text):
        return "result"
    if _RESPONSE_LABEL.match(text):
        return "response"
    if _CRITERIA_LABEL.match(text):
        return "criteria"
    if _OTHER_LABEL.match(text) or _ID_LABEL.match(text):
        return "other"
    return None


def _is_heading(line: Line, text: str) -> bool:
    """A short line with no closing full stop: a heading, not a sentence that starts with a number."""
    return len(text.split()) <= 14 and not text.endswith((".", ",", ";"))


def _after_label(label: re.Pattern[str], texts: list[str]) -> str:
    text = norm(" ".join(texts))
    m = label.match(text)
    return text[m.end():].strip() if m else text
