"""Bridge (gap) letters: the bridged report's period or as-of date, the letter's date and the last day it
covers, and the vendor and system the letter names.

A bridge letter names the report it bridges ("The SOC 1 Type 2 report on the Treasury Management Services of
Acme, Inc. covered the period ...", "Acme, Inc. completed a SOC 2 Type 1 examination of its Platform as of
...") and the span it bridges, which starts the day after the report's end ("from April 1, 2024 through June
30, 2024") or runs "through" a later date. The vendor also stands in the letterhead and under the signature;
the auditor and system may be named as "Acme engaged FIRM LLP to examine the controls of its Platform", the
system also in the addressees ("To: Customers of the Platform").
Some letters list the key facts as label / value rows ("Report period", "Service auditor", "Bridge period"):
those rows are read first.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import timedelta

from reviewer.extract.dates import DATE, PeriodMatch, find_as_of, find_periods, parse_date
from reviewer.extract.layout import Document, evidence_at, evidence_lines, norm, segments
from reviewer.extract.model import Evidence
from reviewer.extract.page import Line, Page
from reviewer.extract.period import DATE_LINE, Dates, content_pages
from reviewer.extract.vocabulary import DEFINED_OWNER

_BRIDGE_END = re.compile(rf"(?:through|thru|until|up\s+to|to|ending(?:\s+on)?|ended|as\s+of|"
                         rf"between\b[^.;]{{0,80}}?\band)\s+(?:and\s+including\s+)?"
                         rf"(?P<d>{DATE})", re.I)
_WORD = r"[A-Z][\w&'\u2019\-]*"
_SUFFIX = (r",?\s+(?:Inc\.?|Incorporated|LLC|L\.L\.C\.|Corp\.?|Corporation|Ltd\.?|Limited|LLP|L\.P\.|"
           r"&\s+Co\.(?:,?\s+(?:LLP|L\.L\.P\.|LLC|PLLC|P\.C\.))?|"  # "Castellan Brooks & Co., LLP"
           r"Co\.(?:,?\s+(?:LLP|L\.L\.P\.|LLC|PLLC))?|Company|P\.C\.|PLLC|P\.A\.|CPAs(?:,?\s+(?:P\.C\.|LLP))?|"
           r"PLC|plc|GmbH|AG|S\.A\.|N\.V\.|B\.V\.|Pty\.?\s+Ltd\.?)(?![\w])")
_ORG_SUFFIXED = rf"(?P<org>(?:{_WORD}\s+(?:(?:&|and|of)\s+)?){{0,6}}{_WORD}{_SUFFIX})"
_ORG_ANY = rf"(?P<org>(?:{_WORD}\s+(?:(?:&|and|of)\s+)?){{0,6}}{_WORD}(?:{_SUFFIX})?)"
_SALUTATION = r"(?!(?:To|Dear|Re|Attn|Attention)\b)"  # the line after a subject opens the letter
# a system named after the vendor's defined short name: "the Company's Ledger Service" is the Ledger Service
_OWNER = rf"(?:{DEFINED_OWNER}\s+)?"
_SYS = rf"{_OWNER}(?P<sys>{_WORD}(?:\s+(?:(?:&|and|for|of|-)\s+)?{_SALUTATION}{_WORD}){{0,7}})"
# "the SOC 2 Type 2 report [issued by X] on the Cloud Platform of Acme, Inc."
_REPORT_ON = re.compile(rf"\breport\b[^.\n]{{0,100}}?\b(?:on|of|covering|for)\s+(?:the\s+|its\s+)?{_SYS}\s+"
                        rf"(?:of|at|provided\s+by|operated\s+by)\s+{_ORG_ANY}")
# "Acme, Inc. completed a SOC 2 Type 2 examination[, performed by X,] of its Cloud Platform for the period"
_EXAMINED = re.compile(rf"\b(?:examination|audit|report|assessment)(?:\s*,[^,.]{{1,80}},)?\s+(?:of|on|covering)\s+"
                       rf"(?:its|the)\s+{_SYS}(?:\s+(?:for|as\s+of|throughout|during|covering)\b|(?=\s*[.;,]))")
# "The resulting SOC 1 Type II report by Acme Assurance LLP covered ..."
_REPORT_BY = re.compile(rf"\b(?:report|examination)\s+(?:issued\s+|performed\s+|prepared\s+)?(?:by|from)\s+"
                        rf"{_ORG_SUFFIXED}")
# "Re: Bridge Letter - Cloud Platform SOC 2 Type 2 Report"
_SUBJECT = re.compile(rf"(?:bridge|gap|bridging)\s+letter\s*[\u2013\u2014:\-]+\s*{_SYS}\s+(?:SOC|SSAE|System\s+and)\b",
                      re.I)
# "Acme, Inc. engaged Smith & Jones LLP to examine the controls of its Cloud Platform." (auditor and system)
_ENGAGED = re.compile(rf"\b(?:engaged|retained|appointed|commissioned|selected)\s+{_ORG_SUFFIXED}\s+(?:to\s+(?:examine|"
                      r"audit|perform|report|test|assess)|as\s+(?:its|the|our)\s+(?:independent\s+)?(?:service\s+)?auditor)")
_CONTROLS_OF = re.compile(rf"\b(?:examine|audit|test|assess|report\s+on)\s+(?:the\s+)?controls\s+(?:of|over|within|for|"
                          rf"relevant\s+to)\s+(?:its|the)\s+{_SYS}(?=\s*[.;,]|\s+(?:for|as\s+of|throughout|during)\b)")
# "engaged FIRM to examine the Acme Platform and the suitability of the design ..."
_EXAMINE_SYSTEM = re.compile(rf"\bexamine\s+(?:its|the)\s+{_SYS}(?=\s+and\s+(?:the\s+)?suitability\b)")
# "Gap Letter: SOC 2 Type 2 Examination of Acme Platform", "Gap Letter - SOC 2 Type 2 Report on the Acme Vault"
_SUBJECT_ON = re.compile(rf"(?i:bridge|gap|bridging)\s+(?i:letter)\s*[\u2013\u2014:\-]+\s*"
                         rf"(?:SOC\s*\d\S*\s+(?i:type)\s+\w+\s+)?(?i:examination|report)\s+(?i:of|on)\s+(?:the\s+)?{_SYS}")
# "our most recent SOC 2 Type 2 report on the Acme Vault system and ...", "report on the Acme Vault for the period"
_SYS_WITHOUT_OF = _SYS.replace("|of|", "|")  # "the Vault of Acme, Inc.": the vendor follows "of"
_REPORT_ON_SYSTEM = re.compile(rf"\b(?i:report|examination)\s+(?i:on|of)\s+(?:the\s+|its\s+)?{_SYS_WITHOUT_OF}"
                               rf"(?=\s+(?:system|platform|service|application)\b|\s+(?:for|covering|as\s+of|throughout)\b"
                               rf"|\s*[.,;])")
# "Smith & Jones LLP issued a SOC 2 Type 2 report on ..."
# (case-blind in its verbs only: a name is capitalised, and a sentence before it must not read as one)
_FIRM_ISSUED = re.compile(rf"{_ORG_SUFFIXED}\s+(?i:issued)\s+(?i:a|the|its|our)\s+(?i:SOC|report|type)")
# "To: Customers of the Cloud Platform" (the letter's addressees name the system)
_ADDRESSEES = re.compile(rf"^\s*(?:To|Attention|Attn\.?)\s*:?\s+(?:All\s+)?(?:Customers|Clients|Users|User\s+Entities)"
                         rf"\s+of\s+(?:the\s+)?{_SYS}(?:\s+and\s+their\s+\w+)?\s*$", re.M)
_LETTERHEAD = re.compile(rf"^{_ORG_SUFFIXED}")
# "Acme, Inc. provides this letter ...", "management of Acme, Inc. is not aware ..."
_ORG_SENTENCES = [
    re.compile(rf"{_ORG_SUFFIXED}\s+(?:provides|issues|has\s+prepared|is\s+providing)\s+this\s+letter"),
    re.compile(rf"\b(?i:management)\s+of\s+{_ORG_SUFFIXED}\s+(?:is|has|confirms|represents)\b"),
]
# a letter's key facts as label / value rows: "Report period | October 1, 2023 through September 30, 2024"
_FACT_LABELS = {
    "report": re.compile(r"^(?:report|report\s+(?:type|name|issued))$", re.I),
    "period": re.compile(r"^(?:(?:report|examination|review|audit)\s+)?period(?:\s+covered)?$", re.I),
    "as_of": re.compile(r"\bas\s+of\b", re.I),
    "auditor": re.compile(r"^(?:(?:independent\s+)?service\s+auditor|auditor|cpa\s+firm|audit\s+firm)$", re.I),
    "bridge": re.compile(r"^(?:bridge|gap|coverage)\s+period$", re.I),
}
_SIGNATURE = re.compile(rf",\s+{_ORG_SUFFIXED}\s*$")
_LINE_ORG = re.compile(rf"^{_ORG_SUFFIXED}\s*$")


def read_letter_parties(doc: Document, found: dict[str, tuple[str, Evidence]]) -> dict[str, tuple[str, Evidence]]:
    """The vendor and system a bridge letter names, voted over its sentences, letterhead and signature.

    `found` holds what the report readers found in the letter; it counts as one more vote.
    """
    orgs: Counter[str] = Counter()
    systems: Counter[str] = Counter()
    where: dict[tuple[str, str], Evidence] = {}

    def vote(kind: str, value: str, weight: int, ev: Evidence) -> None:
        value = norm(value).strip(" ,")
        if not value or len(value.split()) > 9:
            return
        (orgs if kind == "org" else systems)[value] += weight
        where.setdefault((kind, value), ev)

    for kind, key in (("org", "service_organization"), ("sys", "system")):
        if key in found:
            vote(kind, found[key][0], 2, found[key][1])
    pages = content_pages(doc)
    for page in pages:
        text = page.text
        for m in _REPORT_ON.finditer(text):
            vote("org", m.group("org"), 3, evidence_at(page, m.start("org"), m.end("org")))
            vote("sys", m.group("sys"), 3, evidence_at(page, m.start("sys"), m.end("sys")))
        for pattern, weight in ((_EXAMINED, 3), (_CONTROLS_OF, 3), (_EXAMINE_SYSTEM, 3), (_SUBJECT, 2),
                                (_SUBJECT_ON, 2), (_ADDRESSEES, 2), (_REPORT_ON_SYSTEM, 2)):
            for m in pattern.finditer(text):
                vote("sys", m.group("sys"), weight, evidence_at(page, m.start("sys"), m.end("sys")))
    for page in pages:
        for pattern in _ORG_SENTENCES:
            for m in pattern.finditer(page.text):
                vote("org", m.group("org"), 3, evidence_at(page, m.start("org"), m.end("org")))
    facts = letter_facts(doc)
    if "report" in facts:
        value, page, line = facts["report"]
        m = re.search(rf"\b(?:SOC|SSAE)\s*\d?(?:\s+Type\s+\w+)?\s*[\u2013\u2014:\-]+\s*{_SYS}\s*$", value)
        if m:
            vote("sys", m.group("sys"), 3, evidence_at(page, line.start + line.text.index(m.group("sys")),
                                                       line.start + len(line.text)))
    if pages:
        body = [ln for ln in pages[0].lines if not ln.furniture]
        for line in body[:2]:
            m = _LETTERHEAD.match(line.text)
            if m:
                vote("org", m.group("org"), 2, evidence_at(pages[0], line.start, line.start + m.end("org")))
                break
        last = pages[-1]
        for line in [ln for ln in last.lines if not ln.furniture][-4:]:
            m = _SIGNATURE.search(line.text) or _LINE_ORG.match(line.text)
            if m:
                ev = evidence_at(last, line.start + m.start("org"), line.start + m.end("org"))
                vote("org", m.group("org"), 1, ev)
    out = dict(found)
    if "auditor" in facts:  # a labelled row says it outright: it outranks a name read from a sentence
        value, page, line = facts["auditor"]
        out["service_auditor"] = (value, evidence_lines([line], value))
    if "service_auditor" not in out:
        for page in pages:
            m = _REPORT_BY.search(page.text) or _ENGAGED.search(page.text) or _FIRM_ISSUED.search(page.text)
            if m:
                out["service_auditor"] = (norm(m.group("org")), evidence_at(page, m.start("org"), m.end("org")))
                break
    for name in list(systems):
        if any(name.lower() in org.lower() for org in orgs):
            del systems[name]  # "To: Customers of Acme": the vendor, not a system
    for kind, key, votes in (("org", "service_organization", orgs), ("sys", "system", systems)):
        if votes:
            best = max(votes, key=lambda k: (votes[k], -len(k)))
            out[key] = (best, where[(kind, best)])
    if "system" in out and "service_organization" in out:
        system, ev = out["system"]
        out["system"] = (_without_trailing_vendor(system, out["service_organization"][0]), ev)
    return out


def _without_trailing_vendor(system: str, vendor: str) -> str:
    """A system's name without the vendor's name that the next line starts with ("Acme Sync Platform" then
    "Acme Data Systems, Inc." read as one name)."""
    first = vendor.split()[0]
    words = system.split()
    for k in range(1, len(words)):
        if words[k] == first and vendor.startswith(" ".join(words[k:])):
            return " ".join(words[:k])
    return system


def letter_facts(doc: Document) -> dict[str, tuple[str, Page, Line]]:
    """{kind: (value, page, line)} from label / value rows (two cells, a short label on the left)."""
    out: dict[str, tuple[str, Page, Line]] = {}
    for page in content_pages(doc):
        for line in page.lines:
            segs = segments(line)
            if len(segs) != 2 or len(segs[0].words) > 5:
                continue
            label, value = norm(segs[0].text).rstrip(":"), norm(segs[1].text)
            for kind, pattern in _FACT_LABELS.items():
                if kind not in out and pattern.search(label):
                    out[kind] = (value, page, line)
                    break
    return out


def read_letter_dates(doc: Document, rtype: str | None) -> Dates:
    """The letter's date, the bridged report's period (Type 2) or as-of date (Type 1), and the bridge's end."""
    out = Dates()
    pages = content_pages(doc)
    by_number = {p.number: p for p in pages}
    # the letter's own date: the first line that is only a date
    for page in pages[:2]:
        for line in page.lines:
            dm = DATE_LINE.match(line.text)
            if dm and (d := parse_date(dm.group("d"))):
                out.report_date = d
                out.evidence["report_date"] = evidence_lines([line])
                break
        if out.report_date:
            break
    periods: list[PeriodMatch] = []
    as_ofs: list[PeriodMatch] = []
    for page in pages:
        periods.extend(find_periods(page.text, page.number))
        as_ofs.extend(find_as_of(page.text, page.number))
    report, bridge = _report_and_bridge(periods, as_ofs, rtype)
    facts = letter_facts(doc)
    for kind in ("period", "as_of", "bridge"):
        if kind not in facts:
            continue
        _value, page, line = facts[kind]
        seg = segments(line)[1]
        offset = line.start + line.text.index(seg.text)
        found = find_periods(seg.text, page.number) if kind != "as_of" else []
        if kind == "as_of" and (d := DATE_LINE.match(seg.text)) and (day := parse_date(d.group("d"))):
            found = [PeriodMatch(None, day, 3, page.number, (0, len(seg.text)), seg.text)]
        if found:
            m = found[0]
            m = PeriodMatch(m.start, m.end, m.strength, m.page, (offset + m.span[0], offset + m.span[1]), m.text)
            if kind == "bridge":
                bridge = m
            else:
                report = m
    if report is not None:
        e = evidence_at(by_number[report.page], *report.span)
        if report.start is None:
            out.as_of = report.end
            out.evidence["as_of"] = e
        else:
            out.period_start, out.period_end = report.start, report.end
            out.evidence["period_start"] = out.evidence["period_end"] = e
    if bridge is not None:
        out.bridge_period_end = bridge.end
        out.evidence["bridge_period_end"] = evidence_at(by_number[bridge.page], *bridge.span)
        return out
    end = out.period_end or out.as_of
    if end is None:
        return out
    # "... no material changes ... through March 31, 2025": a date after the report's end
    for page in pages:
        for m in _BRIDGE_END.finditer(page.text):
            d = parse_date(m.group("d"))
            if d and d > end and d != out.report_date and (d - end).days < 400:
                out.bridge_period_end = d
                out.evidence["bridge_period_end"] = evidence_at(page, m.start(), m.end())
                return out
    return out


def _report_and_bridge(periods: list[PeriodMatch], as_ofs: list[PeriodMatch], rtype: str | None
                       ) -> tuple[PeriodMatch | None, PeriodMatch | None]:
    """The bridged report's period (or as-of date) and the bridged span, which starts the day after it."""
    uniq: dict[tuple, PeriodMatch] = {}
    for m in periods:
        uniq.setdefault((m.start, m.end), m)
    spans = sorted(uniq.values(), key=lambda m: (m.end, m.page, m.span))
    days = sorted({m.end: m for m in as_ofs}.values(), key=lambda m: (m.end, m.page, m.span))
    # a Type 1 report is stated "as of" a day; a Type 2 over a period
    refs = days + spans if rtype == "Type 1" else spans + days
    for a in refs:
        for b in spans:
            if b is not a and b.start == a.end + timedelta(days=1):
                return a, b
    report = next((r for r in refs if r.start is not None or rtype == "Type 1"), None)
    if report is None:
        return None, None
    later = [p for p in spans if p.start and p.start > report.end]
    return report, (later[0] if later else None)


__all__ = ["letter_facts", "read_letter_dates", "read_letter_parties"]
