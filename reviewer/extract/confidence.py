"""Where the reading is unsure, said in words a reviewer understands: checks over a finished extraction.

Readers mark what their own fallbacks decided (a list told apart by paragraph breaks, a method read from a
report-wide statement, a type read from wording). This module adds what only the whole shows: counts the report
states that do not reconcile with what was read ("we noted 3 exceptions", "the following 12 user entity
controls"), exceptions without a control id or with an id that does not look like one, result texts long enough to
hold another cell, and an opinion read outside the auditor's report.
"""

from __future__ import annotations

import re

from reviewer.extract.layout import Document
from reviewer.extract.model import Csoc, Cuec, ExtractionResult, Report, Unsure
from reviewer.extract.parts import Role, role_of
from reviewer.extract.results import read_result

_NUMBER_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                             "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
                                             .split())}
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_STATED_CUECS = re.compile(rf"\b(?:following|these|the)\s+{_NUMBER}\s+(?:complementary\s+)?user\s+(?:entity\s+)?"
                           r"(?:controls|responsibilities|control\s+considerations)\b", re.I)
_STATED_EXCEPTIONS = re.compile(rf"\b(?:identified|noted|found|resulted\s+in)\s+{_NUMBER}\s+(?:exceptions|"
                                r"deviations)\b", re.I)
_CONTROL_ID_SHAPE = re.compile(r"[A-Za-z]{0,6}[\-.]?[A-Za-z]{0,4}[\-.]?\d{1,3}(?:[.\-]\d{1,3}){0,3}[a-z]?")
_SHORT_ENTRY = 25  # characters: a shorter CUEC or CSOC is a fragment
_RUNS_ON = re.compile(r"\(|,\s*(?:also|and|which)\s*$|\bfor\s+\w|,\s*[A-Z][\w&]+\s+(?:for|to)\b")
_LONG_RESULT = 700  # characters: a result text this long usually holds another cell's text too


def _count(m: re.Match[str]) -> int:
    n = m.group("n")
    return int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]


def _stated(texts: list[str], pattern: re.Pattern[str]) -> int | None:
    """The count a report states for a list (in the pages' `texts`), when it states one count."""
    counts = {_count(m) for text in texts for m in pattern.finditer(text)}
    return counts.pop() if len(counts) == 1 else None


def _reconcile(items: list[Unsure], stated: int | None, what: str, warnings: list[str]) -> None:
    if stated is None or stated == len(items):
        return
    warnings.append(f"the report states {stated} {what}, but {len(items)} were read: check the list")
    for item in items:
        item.mark_low(f"the report states {stated} {what} and {len(items)} were read")


def _doubt_entries(rep: Report, result: ExtractionResult) -> None:
    """Entries whose text does not read as one whole entry, and values that run into their neighbours."""
    entries: list[Cuec | Csoc] = [*rep.cuecs, *rep.csocs]
    for entry in entries:
        text = entry.text.strip()
        if len(text) < _SHORT_ENTRY or text[:1].islower():
            entry.mark_low("the entry is a fragment: it may be part of a longer one or of the text around the list")
        elif not text.endswith((".", ";", ")")):
            entry.mark_low("the entry does not end a sentence and may be cut short")
    names = {o.name for o in rep.subservice_organizations} | {o.abbreviation for o in rep.subservice_organizations
                                                              if o.abbreviation}
    for csoc in rep.csocs:
        if csoc.subservice_organization and csoc.subservice_organization not in names:
            csoc.mark_low(f"\"{csoc.subservice_organization}\" is not one of the subservice organizations read")
    for org in rep.subservice_organizations:
        if org.services and _RUNS_ON.search(org.services):
            org.mark_low("its services run on into another clause or organization")
    for f in rep.exceptions:
        reading = read_result(f.description)
        clauses = f.description.split(". ")
        if reading.stated and clauses and reading.clause and not f.description.startswith(reading.clause[:20]) \
                and len(clauses[0]) < _SHORT_ENTRY:
            f.mark_low("the result text does not open with its finding: it may hold another cell's words")
    system, org_name = rep.system, rep.service_organization
    if system and org_name and org_name in system and not system.startswith(org_name.split()[0]):
        ev = result.evidence.get("system")
        if ev is not None:
            result.evidence["system"] = ev.unsure("the system's name runs into the vendor's")


def assess(doc: Document, result: ExtractionResult) -> None:
    """Lower the confidence of values and items whose reading the whole extraction puts in doubt."""
    rep = result.report
    texts = [" ".join(p.text.split()) for p in doc.text_pages]  # one space between words, made once for both
    _reconcile(list(rep.cuecs), _stated(texts, _STATED_CUECS), "user entity controls", result.warnings)
    _reconcile(list(rep.exceptions), _stated(texts, _STATED_EXCEPTIONS), "exceptions", result.warnings)
    for f in rep.exceptions:
        if not f.control_id:
            f.mark_low("no control id was found beside this result")
        elif not _CONTROL_ID_SHAPE.fullmatch(f.control_id):
            f.mark_low(f"the control id \"{f.control_id}\" does not look like one: the row may be misread")
        if len(f.description) > _LONG_RESULT:
            f.mark_low("the result text is unusually long and may hold text from another cell or section")
    _doubt_entries(rep, result)
    opinion = result.evidence.get("opinion")
    if opinion is not None and doc.parts is not None and doc.parts.has(Role.AUDITOR_REPORT):
        page = doc.pages[opinion.page - 1]
        line = next((ln for ln in page.lines if opinion.bbox and abs(ln.top - opinion.bbox[1]) < 1), None)
        if line is not None and role_of(doc, line) is not Role.AUDITOR_REPORT:
            result.evidence["opinion"] = opinion.unsure("the opinion was read outside the auditor's report")
