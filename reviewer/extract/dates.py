"""Dates as SOC reports print them, and the sentences that state a period, an as-of date or a report date.

Forms read: "January 1, 2024", "Jan. 1, 2024", "January 1st, 2024", "1 April 2023", "31st March 2024",
"01/01/2024", "2024-01-01", "01-Jan-2024". Period phrasing families (PRIMER): "for the period X to Y",
"from X through Y", "throughout the period X to Y", "for X, to Y" (no word period), "the twelve months ended Y",
"Review period: X - Y", with en/em dashes; Type 1: "as of X".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9

_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
             r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

DATE = (rf"(?:{_MONTH_RE}\s+{_DAY},?\s+{_YEAR}"
        rf"|{_DAY}\s+(?:of\s+)?{_MONTH_RE},?\s+{_YEAR}"
        rf"|[01]?\d/[0-3]?\d/{_YEAR}"
        rf"|{_YEAR}-[01]\d-[0-3]\d"
        rf"|[0-3]?\d-{_MONTH_RE}-{_YEAR})")
DATE_RE = re.compile(DATE, re.IGNORECASE)
_YEAR_RE = re.compile(rf"(?<!\d){_YEAR}(?!\d)")

_SEP = r"\s*(?:,\s*)?(?:to|through|thru|until|and\s+ending|ending|[-\u2013\u2014]|to\s+and\s+including)\s*"

# ordered by how sure the phrase is that it states the report's period
PERIOD_PATTERNS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(rf"(?:throughout|during|for|covering|over)\s+the\s+(?:review\s+|examination\s+|audit\s+)?period"
                rf"(?:\s+(?:from|of|beginning|starting))?\s+(?P<a>{DATE}){_SEP}(?P<b>{DATE})", re.I), 3),
    (re.compile(rf"(?:review|examination|audit|reporting|report)\s+period\s*[:\-]?\s*(?:from\s+)?(?P<a>{DATE})"
                rf"{_SEP}(?P<b>{DATE})", re.I), 3),
    (re.compile(rf"\bperiod\s+(?:from\s+)?(?P<a>{DATE}){_SEP}(?P<b>{DATE})", re.I), 3),
    (re.compile(rf"\b(?:for|from|throughout|covering)\s+(?P<a>{DATE}){_SEP}(?P<b>{DATE})", re.I), 2),
    (re.compile(rf"\bbetween\s+(?P<a>{DATE})\s+and\s+(?P<b>{DATE})", re.I), 1),
    (re.compile(rf"(?P<a>{DATE}){_SEP}(?P<b>{DATE})", re.I), 1),
]

_MONTHS_WORD = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12,
                "eighteen": 18, "twenty-four": 24, "twelve-month": 12}
ENDED_RE = re.compile(rf"(?:for\s+the\s+|the\s+|a\s+)?(?P<n>three|six|nine|twelve|eighteen|3|6|9|12)[\s-]+months?"
                      rf"(?:\s+period)?\s+(?:ended|ending)\s+(?P<b>{DATE})", re.I)
AS_OF_RE = re.compile(rf"\bas\s+(?:of|at)\s+(?P<a>{DATE})", re.I)


def parse_date(text: str) -> date | None:
    """A date from one of the printed forms, or None (also for impossible dates like February 30)."""
    t = text.strip().replace(",", " ").replace(".", " ")
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t, flags=re.I)
    t = re.sub(r"\bof\b", " ", t, flags=re.I)
    t = re.sub(r"(?<=\d)-(?=[A-Za-z])|(?<=[A-Za-z])-(?=\d)", " ", t)  # 01-Jan-2024
    parts = t.split()
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text.strip()):
            return date.fromisoformat(text.strip())
        if "/" in text:
            m, d, y = (int(x) for x in text.strip().split("/"))
            return date(y, m, d)
        if len(parts) == 3 and parts[0].lower() in _MONTHS:
            return date(int(parts[2]), _MONTHS[parts[0].lower()], int(parts[1]))
        if len(parts) == 3 and parts[1].lower() in _MONTHS:
            return date(int(parts[2]), _MONTHS[parts[1].lower()], int(parts[0]))
    except ValueError:
        return None
    return None


def months_back(end: date, months: int) -> date:
    """First day of the period of `months` months that ends on `end` (e.g. 12 months ended 2024-06-30 ->
    2023-07-01)."""
    y, m = end.year, end.month - months
    while m <= 0:
        m += 12
        y -= 1
    # the period starts the day after the same day `months` earlier
    last = calendar.monthrange(y, m)[1]
    if end.day >= calendar.monthrange(end.year, end.month)[1]:
        start_prev = date(y, m, last)
    else:
        start_prev = date(y, m, min(end.day, last))
    return date.fromordinal(start_prev.toordinal() + 1)


@dataclass(frozen=True)
class PeriodMatch:
    """A stated period (or as-of date) found in page text, with where it was printed."""

    start: date | None
    end: date
    strength: int
    page: int
    span: tuple[int, int]
    text: str


def find_periods(text: str, page: int) -> list[PeriodMatch]:
    """Every stated period on one page's text (start before end, at most ~3 years), strongest phrasing first."""
    out: list[PeriodMatch] = []
    taken: list[tuple[int, int]] = []
    years = len(_YEAR_RE.findall(text))  # every date form holds a year: most pages have none, or one
    if years == 0:
        return out
    for pattern, strength in PERIOD_PATTERNS if years >= 2 else ():
        for m in pattern.finditer(text):
            if any(a <= m.start("b") < b for a, b in taken):
                continue
            a, b = parse_date(m.group("a")), parse_date(m.group("b"))
            if a is None or b is None or not (0 < (b - a).days <= 1100):
                continue
            taken.append((m.start(), m.end()))
            out.append(PeriodMatch(a, b, strength, page, (m.start(), m.end()), " ".join(m.group(0).split())))
    for m in ENDED_RE.finditer(text):
        if any(a <= m.start("b") < b for a, b in taken):
            continue
        b = parse_date(m.group("b"))
        if b is None:
            continue
        n = _MONTHS_WORD[m.group("n").lower()]
        out.append(PeriodMatch(months_back(b, n), b, 2, page, (m.start(), m.end()), " ".join(m.group(0).split())))
    return out


def find_as_of(text: str, page: int) -> list[PeriodMatch]:
    """Every "as of DATE" on one page's text."""
    out = []
    for m in AS_OF_RE.finditer(text):
        d = parse_date(m.group("a"))
        if d is not None:
            out.append(PeriodMatch(None, d, 2, page, (m.start(), m.end()), " ".join(m.group(0).split())))
    return out
