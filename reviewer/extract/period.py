"""The report's period (or as-of date), the report's date, and a bridge letter's dates.

The period is read from the sentences that state it ("for the period ... to ...", "the twelve months ended
..."), counted over the whole report: the report's own period is stated on the cover, in the opinion and in
the assertion, so it wins over a prior period or a subservice organization's report period mentioned once.
The report date is the date line under the auditor's signature, after the opinion, never the first date
on a page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from reviewer.extract.dates import DATE, DATE_RE, PeriodMatch, find_as_of, find_periods, parse_date
from reviewer.extract.layout import Document, evidence_at, evidence_lines
from reviewer.extract.model import Evidence

_DATE_LINE = re.compile(rf"^\s*(?:(?:report\s+)?dated?\s*:?\s*|issued\s*:?\s*)?(?P<d>{DATE})\s*\.?\s*$", re.I)
_OPINION_START = re.compile(r"\bin\s+our\s+opinion\b|\bwe\s+do\s+not\s+express\s+an\s+opinion\b|"
                            r"\bopinion\s+is\s+(?:not\s+)?(?:expressed|modified)", re.I)
_BRIDGE_END = re.compile(rf"(?:through|thru|until|up\s+to|to|ending(?:\s+on)?|ended|as\s+of)\s+(?:and\s+including\s+)?"
                         rf"(?P<d>{DATE})", re.I)


@dataclass
class Dates:
    """Dates read, with evidence per field."""

    period_start: date | None = None
    period_end: date | None = None
    as_of: date | None = None
    report_date: date | None = None
    bridge_period_end: date | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)


def _content_pages(doc: Document) -> list:
    return [p for p in doc.text_pages if p.number not in doc.toc_pages]


def _best_period(matches: list[PeriodMatch]) -> tuple[tuple[date | None, date], PeriodMatch] | None:
    score: dict[tuple, float] = defaultdict(float)
    first: dict[tuple, PeriodMatch] = {}
    for m in matches:
        key = (m.start, m.end)
        score[key] += m.strength * (1.5 if m.page <= 12 else 1.0)
        prev = first.get(key)
        if prev is None or m.strength > prev.strength:
            first[key] = m
    if not score:
        return None
    key = max(score, key=lambda k: (score[k], -first[k].page))
    return key, first[key]


def read_dates(doc: Document, kind: str | None, rtype: str | None, framework: str | None) -> Dates:
    out = Dates()
    pages = _content_pages(doc)
    periods: list[PeriodMatch] = []
    as_ofs: list[PeriodMatch] = []
    by_number = {p.number: p for p in pages}
    for page in pages:
        periods.extend(find_periods(page.text, page.number))
        as_ofs.extend(find_as_of(page.text, page.number))

    if kind == "bridge_letter":
        _bridge(doc, out, periods)
        return out

    if rtype != "Type 1":
        best = _best_period(periods)
        if best is not None:
            (start, end), m = best
            out.period_start, out.period_end = start, end
            e = evidence_at(by_number[m.page], *m.span)
            out.evidence["period_start"] = e
            out.evidence["period_end"] = e
    if out.period_end is None and rtype != "Type 2" and as_ofs:
        counts: dict[date, int] = defaultdict(int)
        for m in as_ofs:
            counts[m.end] += 1
        best_day = max(counts, key=lambda d: (counts[d], -min(m.page for m in as_ofs if m.end == d)))
        m = next(m for m in as_ofs if m.end == best_day)
        out.as_of = best_day
        out.evidence["as_of"] = evidence_at(by_number[m.page], *m.span)
    _report_date(doc, out)
    return out


def _report_date(doc: Document, out: Dates) -> None:
    """The date line after the opinion (under the signature), within the next two pages."""
    pages = _content_pages(doc)
    for i, page in enumerate(pages[:40]):
        m = _OPINION_START.search(page.text)
        if not m:
            continue
        start_line = page.line_at(m.start())
        candidates = [(page, page.lines[start_line:])]
        candidates += [(p, p.lines) for p in pages[i + 1: i + 3]]
        for _pg, lines in candidates:
            for line in lines:
                if line.furniture:
                    continue
                dm = _DATE_LINE.match(line.text)
                if dm:
                    d = parse_date(dm.group("d"))
                    if d is not None and d != out.period_end and d != out.as_of:
                        out.report_date = d
                        out.evidence["report_date"] = evidence_lines([line])
                        return
        # an opinion without a dated signature after it: try the next opinion sentence
    return


def _bridge(doc: Document, out: Dates, periods: list[PeriodMatch]) -> None:
    pages = _content_pages(doc)
    by_number = {p.number: p for p in pages}
    # the letter's own date: the first line that is only a date
    for page in pages[:2]:
        for line in page.lines:
            dm = _DATE_LINE.match(line.text)
            if dm and (d := parse_date(dm.group("d"))):
                out.report_date = d
                out.evidence["report_date"] = evidence_lines([line])
                break
        if out.report_date:
            break
    uniq: dict[tuple, PeriodMatch] = {}
    for m in periods:
        uniq.setdefault((m.start, m.end), m)
    pairs = sorted(uniq.values(), key=lambda m: (m.end, m.page, m.span))
    report: PeriodMatch | None = None
    bridge: PeriodMatch | None = None
    for a in pairs:
        for b in pairs:
            if b.start is not None and b.start == a.end + timedelta(days=1):
                report, bridge = a, b
                break
        if report:
            break
    if report is None and pairs:
        report = pairs[0]
        later = [p for p in pairs if p.start and p.start > report.end]
        bridge = later[0] if later else None
    if report is not None:
        out.period_start, out.period_end = report.start, report.end
        e = evidence_at(by_number[report.page], *report.span)
        out.evidence["period_start"] = out.evidence["period_end"] = e
    if bridge is not None:
        out.bridge_period_end = bridge.end
        out.evidence["bridge_period_end"] = evidence_at(by_number[bridge.page], *bridge.span)
        return
    if out.period_end is None:
        return
    # "... no material changes ... through March 31, 2025": a date after the period end
    for page in pages:
        for m in _BRIDGE_END.finditer(page.text):
            d = parse_date(m.group("d"))
            if d and d > out.period_end and d != out.report_date and (d - out.period_end).days < 400:
                out.bridge_period_end = d
                out.evidence["bridge_period_end"] = evidence_at(page, m.start(), m.end())
                return


__all__ = ["Dates", "read_dates", "DATE_RE"]
