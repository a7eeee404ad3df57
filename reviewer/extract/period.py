"""A SOC report's period (or as-of date) and the date of the service auditor's report.

The period is read from the sentences that state it ("for the period ... to ...", "the twelve months ended
..."), counted over the whole report: the report's own period is stated on the cover, in the opinion and in
the assertion, so it wins over a prior period or a subservice organization's report period mentioned once.
The report date is the date line under the auditor's signature, after the opinion, never the first date
on a page. A bridge letter's dates are read in `letters`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from reviewer.extract.dates import DATE, DATE_RE, PeriodMatch, find_as_of, find_periods, parse_date
from reviewer.extract.layout import Document, evidence_at, evidence_lines
from reviewer.extract.model import Evidence
from reviewer.extract.page import Line

DATE_LINE = re.compile(rf"^\s*(?:(?:report\s+)?dated?\s*:?\s*|issued\s*:?\s*)?(?P<d>{DATE})\s*\.?\s*$", re.I)
_LETTERHEAD_LINES = 8  # a letterhead's date stands within this many lines under the report's title
_ADDRESSEE = re.compile(r"^\s*(?:to\s+(?:the\s+)?(?:board|management|shareholders|directors|audit)|scope\b|dear\b)",
                        re.I)
_CONTESTED_SHARE = 0.6  # a rival period this well supported (share of the best's score) makes the period unsure
_OPINION_START = re.compile(r"\bin\s+our\s+opinion\b|\bwe\s+do\s+not\s+express\s+an\s+opinion\b|"
                            r"\bopinion\s+is\s+(?:not\s+)?(?:expressed|modified)", re.I)


@dataclass
class Dates:
    """Dates read, with evidence per field."""

    period_start: date | None = None
    period_end: date | None = None
    as_of: date | None = None
    report_date: date | None = None
    bridge_period_end: date | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)


def content_pages(doc: Document) -> list:
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


def _contested(matches: list[PeriodMatch], best: tuple[date | None, date]) -> bool:
    """Whether another stated period is nearly as well supported as the chosen one."""
    score: dict[tuple, float] = defaultdict(float)
    for m in matches:
        score[(m.start, m.end)] += m.strength * (1.5 if m.page <= 12 else 1.0)
    others = [v for k, v in score.items() if k != best]
    return bool(others) and max(others) >= score[best] * _CONTESTED_SHARE


def read_dates(doc: Document, rtype: str | None) -> Dates:
    """A SOC report's period or as-of date, and its report date (bridge letters: `letters.read_letter_dates`)."""
    out = Dates()
    pages = content_pages(doc)
    periods: list[PeriodMatch] = []
    as_ofs: list[PeriodMatch] = []
    by_number = {p.number: p for p in pages}
    for page in pages:
        periods.extend(find_periods(page.text, page.number))
        as_ofs.extend(find_as_of(page.text, page.number))

    if rtype != "Type 1":
        best = _best_period(periods)
        if best is not None:
            (start, end), m = best
            out.period_start, out.period_end = start, end
            e = evidence_at(by_number[m.page], *m.span)
            if _contested(periods, (start, end)):
                e = e.unsure("the report states another period almost as often: check which one it covers")
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
    pages = content_pages(doc)
    for i, page in enumerate(pages[:40]):
        m = _OPINION_START.search(page.text)
        if not m:
            continue
        start_line = page.line_at(m.start())
        candidates = [(page, page.lines[start_line:])]
        candidates += [(p, p.lines) for p in pages[i + 1: i + 3]]
        for _pg, lines in candidates:
            for line in lines:
                if not line.furniture and _take_report_date(line, out) and out.report_date is not None:
                    return
        # an opinion without a dated signature after it: try the next opinion sentence
    _letterhead_date(doc, out)


def _letterhead_date(doc: Document, out: Dates) -> None:
    """The date a firm prints at the top of its report (in the letterhead above the report's title, or under the
    title above the addressee), when the signature carries none."""
    parts = getattr(doc.parts, "parts", None) or []
    title = next((p.title for p in parts if p.role.name == "AUDITOR_REPORT"), None)
    if title is None:
        return
    page = doc.pages[title.page - 1]
    body = doc.body_lines(page)
    above = [ln for ln in body if ln.top < title.top][-_LETTERHEAD_LINES:]
    below: list[Line] = []
    for line in (ln for ln in body if ln.top > title.top):
        if _ADDRESSEE.match(line.text) or len(below) >= _LETTERHEAD_LINES:
            break
        below.append(line)
    for line in below + above[::-1]:  # under the title first, then the letterhead above it
        if _take_report_date(line, out):
            return


def _take_report_date(line: Line, out: Dates) -> bool:
    """Whether `line` is a date standing alone; its date becomes the report date unless it is the period's end
    or the as-of date (a date line that repeats those is no signature's date)."""
    dm = DATE_LINE.match(line.text)
    if not dm:
        return False
    d = parse_date(dm.group("d"))
    if d is not None and d != out.period_end and d != out.as_of:
        out.report_date = d
        out.evidence["report_date"] = evidence_lines([line])
    return True


__all__ = ["DATE_LINE", "Dates", "content_pages", "read_dates", "DATE_RE"]
