"""Who and what: the service organization, the system, and the service auditor (the CPA firm that signed).

The standard examination wording names the vendor and system in one sentence ("We have examined Acme
Corp.'s accompanying description of its Cloud Platform system titled ..."), and so do the usual titles
("Report on Management's Description of Acme's Platform ...", "Assertion of Acme Corp. Management"). Each
phrase found is a vote; the name voted most wins. The auditor is the firm name (LLP, P.C., CPAs, ...) signed
between the opinion and the report date, else the firm named as the report's author.
"""

from __future__ import annotations

import re
from collections import Counter

from reviewer.extract.layout import Document, evidence_at, norm
from reviewer.extract.model import Evidence
from reviewer.extract.vocabulary import DEFINED_OWNER

_APOS = r"(?:'s|\u2019s|s'|s\u2019)"
_NAME = r"(?P<org>[A-Z0-9][\w&.,\-\u2019' ]{1,80}?)"
_ORG_PATTERNS = [
    re.compile(rf"(?i:we\s+have\s+(?:examined|prepared))\s+(?:the\s+(?:accompanying|attached)\s+description\s+"
               rf"(?:of\s+|titled\s+[\u201c\"]?))?{_NAME}\s*{_APOS}"
               rf"\s+(?:\([^)]*\)\s+)?(?:accompanying\s+|attached\s+)?(?:[Dd]escription|assertion|management|[A-Z])",
               re.S),
    re.compile(rf"(?:report|description)\s+on\s+(?:management{_APOS}\s+description\s+of\s+)?{_NAME}\s*{_APOS}\s+"
               rf"(?:description|system|[A-Z])", re.S | re.I),
    re.compile(rf"assertion\s+of\s+(?:the\s+)?{_NAME}\s+management\b", re.S | re.I),
    re.compile(rf"^{_NAME}{_APOS}\s+management{_APOS}?\s+assertion\b", re.M | re.I),
    re.compile(rf"^{_NAME}\s+(?:\([^)]*\)\s+)?(?:has\s+)?(?:completed|underwent|received|engaged|obtained)\s+"
               rf"(?:an?\s+)?(?:SOC|System\s+and|independent|examination)", re.M),
    re.compile(rf"\bmanagement\s+of\s+{_NAME}\s+(?:\(|is\s+responsible|has\s+prepared|$)", re.M),
    # the auditor's report is addressed to the service organization: "To the Management of Acme Cloud, Inc.:"
    re.compile(rf"^To\s+the\s+(?:Board\s+of\s+Directors|Management|Shareholders|Directors)(?:\s+and\s+\w+)?\s+of\s+"
               rf"{_NAME}\s*:?\s*$", re.M),
]
_SYSTEM_PATTERNS = [
    # "description of its X for the period ...": the name ends where the sentence goes on
    re.compile(rf"(?:description|examination|audit)\s+of\s+(?:its|the\s+{DEFINED_OWNER}|the|{_NAME}{_APOS})\s+"
               rf"(?P<sys>[A-Z0-9][\w&\-\u2019'/ \n]{{1,80}}?)"
               r"(?=\s+(?:titled|for\b|throughout|as\s+of|during|entitled|\(|that|"
               r"(?i:and\s+(?:on\s+)?the\s+suitability)|relevant)|[,.\"\u201c])", re.S),
    # the title in title case, which may wrap: "Report on [Management's Description of] Acme's Description of
    # Its X\nand [on] the Suitability of ..." (a table's "Description of Controls" header is no title)
    re.compile(rf"\bReport\s+on\s+(?:Management{_APOS}\s+)?(?:[A-Z0-9][\w&.,\-\u2019' ]{{1,80}}?{_APOS}\s+)?"
               rf"Description\s+of\s+(?:Its\s+|the\s+|[A-Z0-9][\w&.,\-\u2019' ]{{1,80}}?{_APOS}\s+)"
               rf"(?P<sys>[A-Z0-9][\w&\-\u2019'/ \n]{{1,80}}?)"
               r"(?=\s+(?:(?i:and\s+(?:on\s+)?the\s+suitability)|for\b|throughout|as\s+of|\()|[,.])", re.S),
    # SOC 3 and assertions: "the controls within the Cloud Platform (system) were effective"
    re.compile(rf"controls\s+(?:within|over)\s+(?:the\s+|{_NAME}{_APOS}\s+)?"
               r"(?P<sys>[A-Z][\w&\-\u2019']*(?:\s+[A-Z][\w&\-\u2019']*){0,7})"
               r"(?=\s+(?:\(\s*(?:the\s+)?system\s*\)|were\s+effective|was\s+effective|throughout))", re.S),
]
_FIRM = re.compile(r"(?P<firm>[A-Z][\w&,.'\u2019\- ]{1,80}?,?\s+(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|P\.C\.|PC|PLLC|P\.A\.|"
                   r"Ltd\.?|CPAs?(?:,?\s+(?:LLP|LLC|P\.C\.|PLLC))?|Certified\s+Public\s+Accountants|"
                   # "& Co." ends a firm's name, or stands before its legal form ("Redgrave Lund & Co. LLP")
                   r"& Co\.(?:,?\s+(?:LLP|L\.L\.P\.|LLC|PLLC|P\.C\.))?|"
                   r"Chartered\s+Accountants))(?![\w])")
_LEGAL_FORM_END = re.compile(r"(?:,?\s+(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|P\.C\.|PC|PLLC|P\.A\.|Ltd\.?|CPAs?))$")
_ENTITY_END = re.compile(r"(?:,?\s+(?:Inc|Corp|Co|Ltd|LLC|L\.L\.C|LLP|PLC|GmbH|AG|S\.A|N\.V|B\.V|Limited|"
                         r"Corporation|Incorporated|Company))\.?$")
# the words a firm's name goes on with past "CPA" or "CPAs" ("Marlow Tench CPA Group")
_FIRM_WORDS = re.compile(r"(?:\s+(?:Group|Partners|Associates|Advisors|Advisory|Assurance|Consulting|Company|"
                         r"Services)){1,2}")
_BY_LABEL = re.compile(r"^(?:prepared|issued|signed|audited|examined|performed)\s+by\s*:?\s+", re.I)
_SURE_VOTES = 3  # votes (weighted mentions) for a name to be sure of it
_RIVAL_SHARE = 1.5  # a rival name with two thirds of the winner's votes makes it unsure
_EXAMINED = re.compile(r"\bwe\s+have\s+examined\b", re.I)
_FORMAL_WEIGHT = 3
_AUTHOR = re.compile(r"(?:prepared|issued|examined|audited|performed)\s+by\s*:?\s+(?P<firm>[^\n]{3,80})", re.I)
_OPINION = re.compile(r"\bin\s+our\s+opinion\b|\bwe\s+do\s+not\s+express\s+an\s+opinion\b", re.I)
_ABBREV_END = re.compile(r"\b(?:Inc|Corp|Co|Ltd|L\.L\.C|L\.L\.P|L\.P|P\.C|P\.A|N\.A|S\.A|Bros|Intl)\.$")
_BAD_ORG = re.compile(r"^(?:the|our|its|this|management|service|user|each|an?|that)\b|\b(?:we|our)\b", re.I)


def _clean_org(name: str) -> str:
    name = norm(name).strip(" ,\u201c\u201d\"'")
    name = _BY_LABEL.sub("", name)
    name = re.sub(r"^(?:the\s+)", "", name)
    if name.endswith(".") and not _ABBREV_END.search(name):
        name = name[:-1].rstrip()
    return name


def read_parties(doc: Document) -> dict[str, tuple[str, Evidence]]:
    """{"service_organization"|"system"|"service_auditor": (value, evidence)} for those found."""
    out: dict[str, tuple[str, Evidence]] = {}
    pages = [p for p in doc.text_pages if p.number not in doc.toc_pages][:40]
    votes: Counter[str] = Counter()
    where: dict[str, Evidence] = {}
    for page in pages:
        for weight, pattern in zip((3, 2, 2, 2, 2, 1, 2), _ORG_PATTERNS, strict=True):
            for m in pattern.finditer(page.text):
                org = _clean_org(m.group("org"))
                if len(org) < 2 or _BAD_ORG.search(org) or len(org.split()) > 8:
                    continue
                votes[org] += weight
                where.setdefault(org, evidence_at(page, m.start("org"), m.end("org")))
    if votes:
        # prefer the longest name among those that are prefixes of each other (the legal name)
        best = max(votes, key=lambda k: (votes[k], len(k)))
        for other in votes:
            if other != best and other.startswith(best) and len(other) > len(best) and (
                    votes[other] * 2 >= votes[best] or _ENTITY_END.search(other)):
                best = other  # "Acme" is what the report calls "Acme Cloud, Inc." after naming it once in full
        ev = where[best]
        if votes[best] < _SURE_VOTES:
            ev = ev.unsure("the vendor's name was read from a single mention")
        out["service_organization"] = (best, ev)

    sys_votes: Counter[str] = Counter()
    sys_where: dict[str, Evidence] = {}
    for page in pages:
        for m in (x for pattern in _SYSTEM_PATTERNS for x in pattern.finditer(page.text)):
            s = norm(m.group("sys")).strip(" ,.")
            # the sentence goes on after the name: "... Cloud for October 1", "... placed in operation"
            s = re.split(r"\s+(?:for|placed|presents|that|which|was|were|as|throughout|during|found|included|"
                         r"presented|located|contained|attached|described|set\s+forth)\b", s)[0]
            if not s or len(s.split()) > 10 or s.lower() in ("system", "its system", "the system"):
                continue
            # the examination sentence names the system formally ("We have examined Acme's accompanying
            # description of its Acme Vault ..."); titles and running headers often shorten it
            formal = _EXAMINED.search(page.text[max(0, m.start() - 300):m.start()])
            sys_votes[s] += _FORMAL_WEIGHT if formal else 1
            sys_where.setdefault(s, evidence_at(page, m.start("sys"), m.end("sys")))
    if sys_votes:
        s = max(sys_votes, key=lambda k: (sys_votes[k], -len(k)))
        ev = sys_where[s]
        rivals = [v for k, v in sys_votes.items() if k != s and k not in s and s not in k]
        if rivals and max(rivals) * _RIVAL_SHARE >= sys_votes[s]:
            ev = ev.unsure("the report names its system in more than one way")
        out["system"] = (s, ev)

    auditor = _auditor(doc, pages, out.get("service_organization", ("", None))[0])
    if auditor:
        out["service_auditor"] = auditor
    return out


# a sentence's end inside a firm name read lazily up to its legal form ("... not an attestation. Halvorsen LLP"),
# the period of an abbreviation ("& Co., LLP", "Inc. and") apart
_SENTENCE_BREAK = re.compile(r"(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\b[A-Z])\.\s+(?=[A-Z])")


def _firm_name(match: re.Match[str]) -> str:
    """The firm a `_FIRM` match names: its last sentence's part, cleaned."""
    return _clean_org(_SENTENCE_BREAK.split(match.group("firm"))[-1])


def _auditor(doc: Document, pages: list, org: str) -> tuple[str, Evidence] | None:
    def ok(firm: str) -> bool:
        return bool(firm) and (not org or org.lower() not in firm.lower()) and not _BAD_ORG.search(firm)

    for i, page in enumerate(pages):
        m = _OPINION.search(page.text)
        if not m:
            continue
        for pg in [page] + pages[i + 1:i + 3]:
            text = pg.text[m.end():] if pg is page else pg.text
            offset = m.end() if pg is page else 0
            for fm in _FIRM.finditer(text):
                firm = _firm_name(fm)
                line = pg.lines[pg.line_at(offset + fm.start())]
                # a signature stands on its own line; a firm named inside a sentence is not the signer
                if ok(firm) and len(line.text) <= len(firm) + 30:
                    whole = _clean_org(line.text)
                    if whole.startswith(firm) and (_LEGAL_FORM_END.search(whole)
                                                   or _FIRM_WORDS.fullmatch(whole[len(firm):])):
                        firm = whole  # "Brantley Fenwick CPA Group, PLLC": the name goes on past "CPA"
                    return firm, evidence_at(pg, offset + fm.start("firm"), offset + fm.end("firm"))
        break
    for page in pages[:4]:
        for m in _AUTHOR.finditer(page.text):
            fm = _FIRM.search(m.group("firm"))
            if fm and ok(_firm_name(fm)):
                return _firm_name(fm), evidence_at(page, m.start("firm"), m.end("firm")).unsure(
                    "no signature was found under the opinion: the firm was read from the cover")
    return None
