"""Subservice organizations (fourth parties): their names, the services they provide, carve-out or inclusive.

Read from the sentence forms reports use: "Acme uses Amazon Web Services (AWS)[, a subservice organization,]
for/to provide SERVICES"; under a subservice heading, "Microsoft Azure (Azure) provides SERVICES" or a table
with organization, services and method columns. The method comes from the organization's own sentences
("inclusive method", "carve-out", "excludes the controls of"), from "did not extend to the ... controls of
X" (carve-out), else from one report-wide statement of the method.
"""

from __future__ import annotations

import re

from reviewer.extract.layout import Document, norm
from reviewer.extract.model import SubserviceOrganization
from reviewer.extract.page import Page
from reviewer.extract.sections import find_sections, list_items

_NAME = r"(?P<name>[A-Z][\w&.,'\u2019\- \n]{1,70}?)"
# a services clause runs to the sentence's end; the full stop of "Inc." or "Corp." does not end it
_SENTENCE = r"(?:[^.;]|(?<=Inc)\.|(?<=Corp)\.|(?<=Ltd)\.|(?<=Co)\.|(?<=L\.L\.C)\.|(?<=N\.A)\.)"
_ABBR = r"(?:\s*\((?:[\u201c\"]?)(?P<abbr>[A-Za-z0-9&.\- ]{1,20})(?:[\u201d\"]?)\))?"
_ROLE = r"(?:\s*,\s*(?:a|an|our|its)\s+(?:third[\s-]party\s+)?sub[\s-]?service\s+(?:organi[sz]ation|provider)\s*,)?"
_USES = re.compile(
    r"\b(?:uses|utilizes|utilises|relies\s+on|engages|outsources\s+\w+(?:\s+\w+)?\s+to|leverages)\s+"
    rf"{_NAME}{_ABBR}{_ROLE}"
    rf"\s+(?:for|to\s+provide|to\s+perform|as\s+(?:its|a|the))\s+(?P<services>{_SENTENCE}{{3,200}})", re.S)
_PROVIDES = re.compile(rf"^{_NAME}{_ABBR}\s+(?:provides|performs|hosts|supplies)\s+(?P<services>[^.;]{{3,160}})", re.S)
_HEADING = re.compile(r"^\s*(?:use\s+of\s+)?sub[\s-]?service\s+(?:organi[sz]ations?|providers?)\s*$", re.I)
_CARVE = re.compile(r"carve[\s\-]*out|carved[\s\-]*out|excludes?\s+the\s+(?:relevant\s+)?controls\s+of|"
                    r"(?:does|do|did)\s+not\s+include\s+(?:the\s+)?(?:relevant\s+)?controls|"
                    r"(?:does|do|did)\s+not\s+extend\s+to\s+(?:them|these|those|such|their)\b|"
                    r"(?:does|do|did)\s+not\s+extend\s+to\s+(?:the\s+)?(?:policies|controls)|not\s+included\s+in\s+the\s+scope",
                    re.I)
_INCLUSIVE = re.compile(r"inclusive\s+method|controls\s+of\s+[^.]{1,60}\s+are\s+(?:included|presented)|"
                        r"(?:are|is)\s+(?:included|presented)\s+in\s+(?:this|the)\s+description|includes\s+the\s+"
                        r"(?:relevant\s+)?controls\s+of", re.I)
_NOT_EXTEND = re.compile(r"(?:does|do|did)\s+not\s+extend\s+to\s+(?:the\s+)?[^.]*?controls\s+(?:of|at)\s+"
                         r"(?P<names>[^.]{2,160})", re.I)
# the method told inside the services' clause ("for hosting, under the carve-out method", "for hosting using the
# inclusive method", "for hosting (carved out)"): the method is read separately, the services end before it
_METHOD_CLAUSE = re.compile(r"[,;]?\s*\(?\s*(?:(?:which\s+is\s+|that\s+is\s+)?(?:presented\s+|accounted\s+for\s+|"
                            r"included\s+|excluded\s+|treated\s+)?(?:under|using|with|via|by|per|following|"
                            r"according\s+to|in\s+accordance\s+with|through)\s+(?:the\s+|a\s+)?)?"
                            r"(?:carve[\s\-]*out|carved[\s\-]*out|inclusive)(?:\s+(?:method|basis|approach)\b.*|\s*\)?\s*)$",
                            re.I | re.S)
_ROLE_ONLY = re.compile(r"^(?:a|an|its|the|our)?\s*(?:third[\s-]party\s+)?sub[\s-]?service\s+(?:organi[sz]ation|"
                        r"provider)s?$", re.I)
_GENERIC_ORG = re.compile(r"^(?:the|a|an|its|their|our|user|third|other|certain|various|these|those|this|it|we|"
                          r"management|service)\b", re.I)


class _Found:
    """Organizations in the order first named, merged by name or abbreviation."""

    def __init__(self) -> None:
        self.orgs: list[SubserviceOrganization] = []
        self.abbrs: dict[str, str] = {}
        self.in_section: set[str] = set()  # names read under a subservice heading, or carved out or included

    def find(self, name: str, abbr: str) -> SubserviceOrganization | None:
        for s in self.orgs:
            known = self.abbrs.get(s.name, "")
            if s.name == name or (abbr and abbr in (known, s.name)) or (known and known == name):
                return s
        return None

    def mark_in_section(self, name: str, abbr: str) -> None:
        """Note that an organization was read under a subservice heading."""
        org = self.find(norm(name).strip(" ,"), abbr)
        if org is not None:
            self.in_section.add(org.name)

    def add(self, name: str, abbr: str, services: str | None, method: str | None, page: Page,
            span: tuple[int, int]) -> None:
        name = norm(name).strip(" ,")
        if _GENERIC_ORG.match(name) or len(name.split()) > 8 or len(name) < 2:
            return
        services = norm(_METHOD_CLAUSE.sub("", services)).strip(" ,") if services else None
        if services and _ROLE_ONLY.match(services):
            services = None  # "uses Ferrous as a subservice organization": a role, not a service
        same = self.find(name, abbr)
        if same is not None:
            if abbr and same.name == abbr and len(name) > len(same.name):
                # first named by its short name, now in full: "Ferrous Data Centers, LLC (Ferrous)"
                self.abbrs[name] = self.abbrs.pop(same.name, abbr)
                same.name = name
                same.page, same.bbox = page.number, page.bbox_of(*span)
                same.services = services or same.services
                services = None
            same.services = same.services or services
            same.method = same.method or method  # type: ignore[assignment]  # method is one of the Method values
            same.abbreviation = same.abbreviation or abbr or None
            return
        # the ignore below: method is one of the Method values
        self.orgs.append(SubserviceOrganization(name=name, services=services or None, method=method,  # type: ignore
                                                page=page.number, bbox=page.bbox_of(*span), abbreviation=abbr or None))
        self.abbrs[name] = abbr


# "... for hosting and Twilio Inc. (Twilio) for video calls": a second organization in the same sentence
_AND_ANOTHER = re.compile(r"(?:,\s*|\s+)and\s+" + _NAME + _ABBR + r"\s+(?:for|to\s+provide|to\s+perform)\s+", re.S)
# the services' clause ends where the sentence goes on about something else ("..., and the description includes")
_CLAUSE_END = re.compile(r",?\s+(?:and|which|where|whose|while)\s+(?:the|its|their|this|these|our|it)\b|,\s+(?:which|"
                         r"where|whose)\b")


def _named_in_one_sentence(m: re.Match[str]) -> list[tuple[str, str, str, int]]:
    """(name, abbreviation, services, offset) of each organization a "uses X for Y [and Z for W]" sentence
    names."""
    out: list[tuple[str, str, str, int]] = []
    name, abbr, services, start = m.group("name"), m.group("abbr") or "", m.group("services"), m.start("name")
    base = m.start("services")
    while True:
        nxt = _AND_ANOTHER.search(services)
        if nxt is None:
            end = _CLAUSE_END.search(services)
            out.append((name, abbr, services[:end.start()] if end else services, start))
            return out
        out.append((name, abbr, services[:nxt.start()], start))
        name, abbr, start = nxt.group("name"), nxt.group("abbr") or "", base + nxt.start("name")
        base += nxt.end()
        services = services[nxt.end():]


# "...; Equinix for colocation; Rackspace Technology (Rackspace) for managed hosting." (a list in one sentence)
_SEMICOLON_NEXT = re.compile(rf";\s*(?:and\s+)?{_NAME}{_ABBR}\s+(?:for|to\s+provide|to\s+perform)\s+"
                             rf"(?P<services>{_SENTENCE}{{3,200}})", re.S)


# "uses Amazon Web Services (AWS), Instructure, Inc. (Instructure), and SendGrid (a Twilio company) for hosting,
# learning management integration, and email delivery, respectively"
_RESPECTIVELY = re.compile(rf"\b(?:uses|utilizes|relies\s+on|engages)\s+(?P<names>[A-Z]{_SENTENCE}{{3,300}}?\))"
                           rf"\s+for\s+(?P<services>{_SENTENCE}{{3,300}}?),?\s+respectively", re.S)
_NAMED_WITH_ABBR = re.compile(r"(?:^|,\s*(?:and\s+)?|\s+and\s+)(?P<name>[A-Z][\w&.,'\u2019\- ]*?)\s*"
                              r"\((?P<abbr>[^)]{1,40})\)")
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _respectively(m: re.Match[str]) -> list[tuple[str, str, str]]:
    """(name, abbreviation, services) of each organization a "X (A), Y (B) and Z (C) for s1, s2 and s3,
    respectively" sentence pairs with its service; nothing when the counts do not match."""
    named = [(n.group("name"), n.group("abbr")) for n in _NAMED_WITH_ABBR.finditer(" ".join(m.group("names").split()))]
    services = [x for x in _LIST_SPLIT.split(" ".join(m.group("services").split())) if x]
    if len(named) < 2 or len(named) != len(services):
        return []
    # "(a Twilio company)" says who owns it; it is no short name
    return [(name, abbr if len(abbr.split()) == 1 else "", svc)
            for (name, abbr), svc in zip(named, services, strict=True)]


def _named_after_semicolons(text: str, pos: int) -> list[tuple[str, str, str, int]]:
    """The organizations listed after a "uses X for Y" sentence's semicolons, each with its services."""
    out: list[tuple[str, str, str, int]] = []
    while (m := _SEMICOLON_NEXT.match(text, pos)) is not None:
        out.append((m.group("name"), m.group("abbr") or "", m.group("services"), m.start("name")))
        pos = m.end()
    return out


def _method_in(text: str) -> str | None:
    if _INCLUSIVE.search(text):
        return "inclusive"
    if _CARVE.search(text):
        return "carve-out"
    return None


def read_subservice(doc: Document) -> list[SubserviceOrganization]:
    found = _Found()
    pages = [p for p in doc.text_pages if p.number not in doc.toc_pages]
    for page in pages:
        text = page.text
        matches = list(_USES.finditer(text))
        for k, m in enumerate(matches):
            # the method: in this sentence and the next two, before the next organization's sentence
            stop = matches[k + 1].start() if k + 1 < len(matches) else len(text)
            window = text[m.start(): min(m.end() + 400, stop)]
            method = _method_in(window)
            # "... and Stripe, Inc. for payment processing. The description does not include the controls at
            # these organizations": the next sentence may carve them out
            following = _SENTENCES.split(text[m.end():m.end() + _FOLLOWING], maxsplit=2)
            nxt = following[1] if len(following) > 1 else ""
            about_them = bool(_CONTEXT.search(nxt)) and (bool(_BACK_REFERENCE.search(nxt)) or (
                _method_in(nxt) is not None and not _USES.search(nxt)))
            for name, abbr, services, start in _named_in_one_sentence(m) + _named_after_semicolons(text, m.end()):
                found.add(name, norm(abbr), services, method, page, (start, m.end()))
                if about_them:
                    found.mark_in_section(name, norm(abbr))
        for m in _RESPECTIVELY.finditer(text):
            for name, abbr, services in _respectively(m):
                found.add(name, abbr, services, _method_in(text[m.start():m.end() + 200]), page, m.span())
    for section in find_sections(doc, _HEADING):
        _from_section(section.lines, found, doc)
    _keep_subservice_organizations(found, pages)
    for page in pages:
        for m in _NOT_EXTEND.finditer(page.text):
            named = m.group("names")
            for s in found.orgs:
                abbr = found.abbrs.get(s.name, "")
                if s.method is None and (s.name in named or (abbr and re.search(rf"\b{re.escape(abbr)}\b", named))):
                    s.method = "carve-out"
    # a report-wide statement of the method applies to those still without one
    if any(s.method is None for s in found.orgs):
        whole = "\n".join(p.text for p in pages[:30])
        inclusive, carve = bool(_INCLUSIVE.search(whole)), bool(_CARVE.search(whole))
        method = "inclusive" if inclusive and not carve else "carve-out" if carve and not inclusive else None
        for s in found.orgs:
            if s.method is None:
                s.method = method  # type: ignore[assignment]  # method is one of the Method values
                s.mark_low("the method (carve-out or inclusive) was read from a statement about all subservice "
                           "organizations" if method else "the report does not say whether this organization's "
                           "controls are carved out or included")
    return found.orgs


_CONTEXT = re.compile(r"sub[\s-]?service|carve[\s\-]*out|carved[\s\-]*out|inclusive\s+method|excludes?\s+(?:the\s+)?"
                      r"(?:relevant\s+)?(?:control|service)|(?:included|presented)\s+in\s+(?:this|the)\s+description|"
                      r"controls\s+(?:of|at)\b|did\s+not\s+extend\s+to|complementary\s+subservice", re.I)
_SENTENCES = re.compile(r"(?<=\.)\s+")
_BACK_REFERENCE = re.compile(r"\b(?:these|those|such|them|their|both|each)\b", re.I)
_FOLLOWING = 400  # characters after a "uses X for Y" sentence where the next sentence is looked for


def _keep_subservice_organizations(found: _Found, pages: list[Page]) -> None:
    """Keep the organizations the report treats as subservice organizations: named under a subservice heading or
    in a sentence about carving out or including controls ("The description excludes the controls of AWS"). Tools
    the vendor runs itself ("uses Jira for change tickets") are named only in "uses X for Y" sentences. A sentence
    naming an organization without a method of its own gives it the method it states."""
    sentences = [" ".join(t.split()) for p in pages for t in _SENTENCES.split(p.text) if _CONTEXT.search(t)]
    kept: list[SubserviceOrganization] = []
    for org in found.orgs:
        forms = [f for f in (org.name, org.abbreviation) if f]
        naming = [t for t in sentences if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", t) for f in forms)]
        if naming or org.name in found.in_section:
            kept.append(org)
            if org.method is None:
                stated = next((m for m in map(_method_in, naming) if m), None)
                org.method = stated  # type: ignore[assignment]  # _method_in gives one of the Method values
    found.orgs = kept


def _from_section(lines: list, found: _Found, doc: Document) -> None:
    """Under a subservice heading: a table (organization, services, method) or "X (ABBR) provides ..." paragraphs."""
    by_page = {p.number: p for p in doc.pages}
    items = list_items(lines, by_page)
    if items and items[0].cells is not None:
        for item in items:
            cells = [norm(c) for c in item.cells or []]
            if len(cells) < 2 or not cells[0]:
                continue
            method = next((_method_in(c) or ("carve-out" if re.fullmatch(r"carve[\s-]*out", c, re.I) else None)
                           for c in cells[1:] if _method_in(c) or re.fullmatch(r"carve[\s-]*out|inclusive", c, re.I)),
                          None)
            services = next((c for c in cells[1:] if c and not re.fullmatch(r"carve[\s-]*out|inclusive", c, re.I)),
                            None)
            page = by_page[item.lines[0].page]
            start = item.lines[0].start
            found.add(cells[0], "", services, method, page, (start, start + len(item.lines[0].text)))
            found.mark_in_section(cells[0], "")
        return
    paragraphs = _paragraphs(lines)
    for k, para in enumerate(paragraphs):
        text = " ".join(ln.text for ln in para)
        m = _PROVIDES.match(text)
        if not m:
            continue
        window = text
        for nxt in paragraphs[k + 1:]:  # the method may follow in the next paragraph that names no other
            nxt_text = " ".join(ln.text for ln in nxt)
            if _PROVIDES.match(nxt_text):
                break
            window += " " + nxt_text
        page = by_page[para[0].page]
        found.add(m.group("name"), norm(m.group("abbr") or ""), m.group("services"), _method_in(window), page,
                  (para[0].start, para[0].start + len(para[0].text)))
        found.mark_in_section(m.group("name"), norm(m.group("abbr") or ""))


def _paragraphs(lines: list) -> list[list]:
    out: list[list] = []
    for ln in lines:
        if out and ln.page == out[-1][-1].page and ln.top - out[-1][-1].bottom < ln.height * 0.6:
            out[-1].append(ln)
        else:
            out.append([ln])
    return out
