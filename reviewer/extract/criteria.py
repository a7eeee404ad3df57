"""Trust Services categories in scope, the TSC criteria ids controls are mapped to, SOC 1 control objectives.

Categories come from the "relevant to security, availability, and confidentiality" phrasing, voted over the
report; the cited title "Trust Services Criteria for Security, Availability, Processing Integrity,
Confidentiality, and Privacy" names all five whatever the scope, so it is blanked out before reading.
SOC 1 control objectives may carry a title before their statement ("Control Objective 1 - Client Setup:
Controls provide ..."); the id, the statement and the title ("Client Setup", when printed) are kept.
Criteria ids are those printed in the report's body (not the table of contents), except on lines that
say the criterion is out of scope or not applicable, and except categories not in scope.
"""

from __future__ import annotations

import re
from collections import Counter

from reviewer.extract.layout import Document, evidence_at, norm, segments
from reviewer.extract.model import CATEGORIES, ControlObjective, Evidence
from reviewer.extract.page import Line
from reviewer.extract.parts import Role, role_of
from reviewer.extract.vocabulary import CONTROL_OF_CRITERION, CRITERION

_CAT_WORD = r"(?:security|availability|processing\s+integrity|confidentiality|privacy)"
_CAT_LIST = rf"{_CAT_WORD}(?:\s*(?:,|and|&|\s)\s*(?:and\s+)?{_CAT_WORD})*"
_TITLE_TRAP = re.compile(rf"criteria\s+for\s+{_CAT_LIST}", re.I)
_RELEVANT = re.compile(rf"\b(?:relevant\s+to|for\s+the|covering|addressing|over)\s+(?:the\s+)?(?P<l>{_CAT_LIST})"
                       r"(?=\s*(?:trust\s+services?\s+)?(?:categor|principle|criteri|\(|,|\.|\s|$))", re.I)
_SCOPE_LINE = re.compile(rf"(?:categor(?:y|ies)|principles?)\s*(?:in\s+scope)?\s*[:\-]\s*(?P<l>{_CAT_LIST})", re.I)
_OUT_OF_SCOPE = re.compile(r"not\s+(?:applicable|in\s+scope|included|relevant|covered|part\s+of)|out\s+of\s+scope|"
                           r"\bexcluded\b|\bN/A\b", re.I)
_CRIT_CATEGORY = {"CC": "Security", "A1": "Availability", "PI1": "Processing Integrity", "C1": "Confidentiality"}
_OBJECTIVE = re.compile(r"\b(?:Control\s+)?Objective\s+"
                        r"(?P<id>[A-Z]{0,4}[\s\-]?\d{1,2}(?:\.\d{1,2})?[a-z]?|(?-i:[A-Z])(?![A-Za-z]))"
                        r"(?:\s*[:.\-\u2013\u2014]\s*|[ \t]*\n\s*)"
                        # a title may come first: "Control Objective 1 - Client Setup: Controls provide ...", or
                        # on its own line ("Control Objective 5 \u2014 Change Management\nControls provide ..."), or
                        # closed by a full stop ("Objective A \u2013 Trade Settlement. Controls provide ...")
                        r"(?P<title>[A-Z][\w&,/'\u2019\- ]{1,60}?\s*[:.\u2013\u2014]\s*|"
                        r"[A-Z][\w&,/'\u2019 ]{1,60}?\s+-\s+|"
                        r"[A-Z][\w&,/'\u2019\- ]{1,60}?[ \t]*\n\s*)?"
                        # a label may stand before the statement ("Objective: Controls provide ...")
                        r"(?:(?:control\s+)?objective(?:\s+statement)?\s*:\s*)?"
                        r"(?P<text>(?:Controls?|The\s+control)\s[^\u2022]+?\.)(?=\s|$)",
                        re.I | re.S)


def _categories_of(text: str) -> list[str]:
    low = norm(text).lower()
    found = [c for c in CATEGORIES if c.lower() in low]
    return found


def read_categories(doc: Document) -> tuple[list[str], Evidence | None]:
    votes: Counter[tuple[str, ...]] = Counter()
    where: dict[tuple[str, ...], Evidence] = {}
    pages = [p for p in doc.text_pages if p.number not in doc.toc_pages][:40]
    for page in pages:
        text = _TITLE_TRAP.sub(lambda m: " " * len(m.group(0)), page.text)
        for pattern, weight in ((_SCOPE_LINE, 3), (_RELEVANT, 2)):
            for m in pattern.finditer(text):
                cats = tuple(_categories_of(m.group("l")))
                if cats:
                    votes[cats] += weight
                    where.setdefault(cats, evidence_at(page, m.start("l"), m.end("l")))
    if not votes:
        return [], None
    best = max(votes, key=lambda k: (votes[k], len(k)))
    return list(best), where[best]




def _criteria_on(text: str) -> list[re.Match[str]]:
    """The criteria ids printed in a text, and those its control ids are numbered under."""
    return sorted([*CRITERION.finditer(text), *CONTROL_OF_CRITERION.finditer(text)], key=lambda m: m.start())


def _out_of_scope(line: Line, offset: int) -> bool:
    """Whether the cell (or sentence) holding the id at `offset` of the line says it is out of scope or not
    applicable; another cell of the row saying "Not applicable" (a response column) does not."""
    pos = 0
    for seg in segments(line):
        end = pos + len(seg.text)
        if pos <= offset <= end:
            return bool(_OUT_OF_SCOPE.search(seg.text))
        pos = end + 1
    return bool(_OUT_OF_SCOPE.search(line.text))


def read_criteria(doc: Document, categories: list[str]) -> tuple[list[str], Evidence | None]:
    """The criteria the report maps its controls to: those printed in its tests of controls when it has that
    part (a CUEC or CSOC list's related criteria are not the report's), else anywhere in its body."""
    found: set[str] = set()
    first: Evidence | None = None
    tests_only = doc.parts is not None and doc.parts.has(Role.TESTS)
    for page in doc.text_pages:
        if page.number in doc.toc_pages:
            continue
        # one scan of the page's text, then the line of each id (most lines hold none)
        skipped: dict[int, bool] = {}
        for m in _criteria_on(page.text):
            k = page.line_at(m.start())
            if k not in skipped:
                line = page.lines[k]
                skipped[k] = line.furniture or (tests_only and role_of(doc, line) is not Role.TESTS)
            if skipped[k] or _out_of_scope(page.lines[k], m.start() - page.lines[k].start):
                continue
            cid = m.group(1)
            prefix = "CC" if cid.startswith("CC") else cid.split(".")[0]
            category = _CRIT_CATEGORY.get(prefix, "Privacy")
            if categories and category not in categories:
                continue
            found.add(cid)
            if first is None:
                first = evidence_at(page, m.start(), m.end())
    return sorted(found), first


def read_control_objectives(doc: Document) -> list[ControlObjective]:
    out: list[ControlObjective] = []
    seen: set[str] = set()
    for page in doc.text_pages:
        if page.number in doc.toc_pages:
            continue
        for m in _OBJECTIVE.finditer(page.text):
            oid = norm(m.group("id"))
            if oid in seen:
                continue
            seen.add(oid)
            text = norm(m.group("text"))
            bbox = page.bbox_of(m.start(), m.end())
            out.append(ControlObjective(id=oid, text=text, page=page.number, bbox=bbox,
                                        title=_objective_title(m.group("title"))))
    return out


def _objective_title(raw: str | None) -> str | None:
    """The printed title without the separator that closed it ("Client Setup: " -> "Client Setup")."""
    title = norm(raw or "").rstrip(":.-\u2013\u2014 ").strip()
    return title or None
