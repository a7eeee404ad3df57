"""Complementary user entity controls (CUECs), subservice organizations, and their complementary controls (CSOCs).

CUECs are listed under any of their usual titles ("Complementary User Entity Controls", "User Entity
Responsibilities", "User Control Considerations", "Complementary User Controls"). A section titled only
"Complementary Controls" whose entries name subservice organizations lists CSOCs, not CUECs (PRIMER trap).
Subservice organizations themselves are read in `subservice`.
"""

from __future__ import annotations

import re

from reviewer.extract.layout import Document, norm
from reviewer.extract.model import Csoc, Cuec, SubserviceOrganization
from reviewer.extract.page import Line
from reviewer.extract.parts import OUTSIDE_DESCRIPTION, role_of
from reviewer.extract.sections import GROUP_HEADING, Item, find_sections, list_items, strip_marker
from reviewer.extract.vocabulary import CRITERIA_RUN, CRITERION

CUEC_HEAD = re.compile(r"complementary\s+user[\s\-]+entit(?:y|ies)\s+controls?|user[\s\-]+entit(?:y|ies)\s+"
                       r"(?:responsibilities|control\s+considerations|controls)|user\s+control\s+considerations|"
                       r"complementary\s+user\s+controls?|client\s+(?:control\s+)?(?:responsibilities|considerations)|"
                       r"customer\s+(?:control\s+)?responsibilities", re.I)
CSOC_HEAD = re.compile(r"complementary\s+sub[\s\-]?service\s+organi[sz]ation\s+controls?|"
                       r"sub[\s\-]?service\s+organi[sz]ation\s+(?:controls|responsibilities)", re.I)
_LONG_ENTRY = 400  # characters: longer list entries are usually two run together
PLAIN_COMPLEMENTARY = re.compile(r"^\s*complementary\s+controls\s*$", re.I)


def _criteria_in(text: str) -> list[str]:
    return sorted({m.group(1) for m in CRITERION.finditer(text)})


def _clean_item_text(text: str) -> str:
    text = re.sub(rf"\(\s*{CRITERIA_RUN}\)", " ", text)
    return norm(strip_marker(norm(text)))


def _item_texts(item: Item) -> tuple[str, list[str], str | None]:
    """(text, criteria, first cell) of a listed entry."""
    if item.cells is not None:
        cells = item.cells
        criteria = _criteria_in(" ".join(cells))
        main = max(range(len(cells)), key=lambda k: len(CRITERION.sub("", cells[k]).strip()))
        text = norm(CRITERION.sub("", cells[main])) if CRITERION.search(cells[main]) else norm(cells[main])
        text = re.sub(r"^[,;\s]+|[,;\s]+$", "", text)
        return text, criteria, cells[0] if main > 0 else None
    criteria = _criteria_in(item.text)
    text = _clean_item_text(item.text)
    if criteria:
        text = re.sub(rf"(?:^|\s){CRITERIA_RUN}$", "", text).strip()
        text = re.sub(rf"^{CRITERIA_RUN}", "", text).strip()
    return text, criteria, None


def _criteria_of_groups(lines: list[Line]) -> dict[int, list[str]]:
    """{id(line): criteria} of the group heading each line of a passage stands under ("Criterion CC6.2" over the
    entries that answer it): an entry that names no criterion of its own answers its group's."""
    out: dict[int, list[str]] = {}
    current: list[str] = []
    for line in lines:
        if GROUP_HEADING.match(line.text):
            current = _criteria_in(line.text)
        out[id(line)] = current
    return out


def _named_org(text: str, orgs: list[SubserviceOrganization]) -> str | None:
    """The subservice organization a text names, in the form it is printed there (name or short name)."""
    for org in orgs:
        for form in (org.name, org.abbreviation):
            if form and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                return form
    return None


def _sole_org(orgs: list[SubserviceOrganization]) -> str | None:
    """The one carved-out subservice organization (else the one organization), by the short name the report
    gives it: the controls a report expects of subservice organizations are that organization's."""
    carved = [o for o in orgs if o.method == "carve-out"] or orgs
    if len(carved) != 1:
        return None
    return carved[0].abbreviation or carved[0].name


def _section_doubt(doc: Document, heading: Line, title: str) -> str | None:
    """Why a CUEC or CSOC passage's items are uncertain as a whole, if they are."""
    if PLAIN_COMPLEMENTARY.match(title):
        return "the passage is titled only \"Complementary Controls\": whether it lists user entity or subservice " \
               "organization controls was decided from its wording"
    if doc.parts is not None and doc.parts.parts and role_of(doc, heading) is None:
        return "the passage stands outside the report's identified parts"
    return None


def _doubt_item(entry: Cuec | Csoc, item: Item, section_doubt: str | None) -> None:
    """Mark an entry low when its passage is uncertain or the entry itself may be cut or merged."""
    if section_doubt:
        entry.mark_low(section_doubt)
    elif item.by_paragraph:
        entry.mark_low("the list has no bullets, numbers or table rows: its entries were told apart by paragraph "
                       "breaks")
    elif len(entry.text) > _LONG_ENTRY or GROUP_HEADING.search(entry.text):
        entry.mark_low("the entry is unusually long and may run two entries or a heading together")
    elif not entry.text.rstrip().endswith((".", ";", ")")) and item.cells is None:
        entry.mark_low("the entry does not end a sentence and may be cut short")


def read_cuecs_csocs(doc: Document, orgs: list[SubserviceOrganization]) -> tuple[list[Cuec], list[Csoc]]:
    cuecs: list[Cuec] = []
    csocs: list[Csoc] = []
    seen_cuec: set[str] = set()
    seen_csoc: set[str] = set()
    any_head = re.compile(f"{CUEC_HEAD.pattern}|{CSOC_HEAD.pattern}|{PLAIN_COMPLEMENTARY.pattern}", re.I)
    pages = {p.number: p for p in doc.pages}
    for section in find_sections(doc, any_head):
        if role_of(doc, section.heading) in OUTSIDE_DESCRIPTION:
            continue  # the auditor's report and the assertion mention these controls but do not list them
        title = section.heading.text
        if CSOC_HEAD.search(title):
            kind = "csoc"
        elif CUEC_HEAD.search(title):
            kind = "cuec"
        elif PLAIN_COMPLEMENTARY.match(title):
            body = " ".join(ln.text for ln in section.lines[:12])
            kind = "csoc" if re.search(r"sub[\s\-]?service", body, re.I) or _named_org(body, orgs) else "cuec"
        else:
            continue
        unsure = _section_doubt(doc, section.heading, title)
        items = list_items(section.lines, pages)
        first = items[0].lines[0] if items else None
        intro = " ".join(ln.text for ln in section.lines[:section.lines.index(first)]) if first in section.lines else ""
        groups = _criteria_of_groups(section.lines)
        for item in items:
            text, criteria, first_cell = _item_texts(item)
            criteria = criteria or groups.get(id(item.lines[0]), [])
            if len(text) < 12:
                continue
            box = (min(ln.x0 for ln in item.lines), min(ln.top for ln in item.lines),
                   max(ln.x1 for ln in item.lines), max(ln.bottom for ln in item.lines))
            page = item.lines[0].page
            if kind == "cuec":
                if text in seen_cuec:
                    continue
                seen_cuec.add(text)
                cuec = Cuec(text=text, page=page, criteria=criteria, bbox=box)
                _doubt_item(cuec, item, unsure)
                cuecs.append(cuec)
            else:
                org = None
                if first_cell and not re.fullmatch(r"\(?\d{1,3}[.)]?", first_cell):
                    org = norm(first_cell)
                else:
                    m = re.match(r"^(?P<org>[A-Z][\w&.,'\u2019\- ]{1,60}?)\s*[:\u2013\u2014]\s+(?P<t>.+)$", text)
                    if m:
                        org, text = m.group("org").strip(), m.group("t").strip()
                if org is None:
                    org = _named_org(text, orgs) or _named_org(intro, orgs) or _sole_org(orgs)
                if text in seen_csoc:
                    continue
                seen_csoc.add(text)
                csoc = Csoc(text=text, page=page, subservice_organization=org, bbox=box, criteria=criteria)
                _doubt_item(csoc, item, unsure)
                csocs.append(csoc)
    return cuecs, csocs
