"""SOC 1 coverage of the user's fiscal year: pure date arithmetic, no database.

Finance controllers ask: does the report's period overlap our fiscal year by a substantial portion (at least
six months)? Which of our days are uncovered (as date ranges), and does a bridge letter cover those after the
period end? A Type 1 report is a point in time (its as-of date): it tests the controls' design only and covers no
day of operation, so every day of the year before a bridge letter stays uncovered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from reviewer.register.currency import add_months, day_text

DayRange = tuple[date, date]


@dataclass
class Soc1Coverage:
    report_id: int | None
    vendor: str | None
    period_start: date
    period_end: date
    fiscal_start: date
    fiscal_end: date
    overlap_days: int
    at_least_six_months: bool
    uncovered_days: int
    bridged_days: int
    uncovered_after_bridge: int
    # the days of the fiscal year neither the report nor its bridge letter covers, first to last
    uncovered_ranges: list[DayRange] = field(default_factory=list)
    as_of: date | None = None  # a Type 1 report: the one day its design was tested (covers no period)

    @property
    def point_in_time(self) -> bool:
        return self.as_of is not None

    def summary(self) -> str:
        """What the report does for the year, in words ("Type 1 as of 30 Jun 2026: design only, ...")."""
        if self.as_of is not None:
            text = f"Type 1 as of {day_text(self.as_of)}: design only, no period covered"
            return text + (f"; {self.bridged_days} d bridged" if self.bridged_days else "")
        mark = "\u2713 6+ months" if self.at_least_six_months else "\u2717 under 6 months"
        return (f"{self.overlap_days} d covered, {self.bridged_days} bridged, "
                f"{self.uncovered_after_bridge} uncovered  {mark}")


def range_text(days: DayRange) -> str:
    """1 Jan 2026 \u2013 31 Mar 2026 (a single day: 1 Jan 2026)."""
    first, last = days
    return day_text(first) if first == last else f"{day_text(first)} \u2013 {day_text(last)}"


def ranges_text(ranges: list[DayRange]) -> str:
    """The uncovered ranges in words; "none" when the year is covered."""
    return ", ".join(range_text(r) for r in ranges) if ranges else "none"


def _missing(start: date, end: date, covered: list[DayRange]) -> list[DayRange]:
    """The stretches of [start, end] outside every range in `covered`."""
    out: list[DayRange] = []
    cursor = start
    for first, last in sorted(covered):
        if last < cursor or first > end:
            continue
        if first > cursor:
            out.append((cursor, first - timedelta(days=1)))
        cursor = max(cursor, last + timedelta(days=1))
    if cursor <= end:
        out.append((cursor, end))
    return out


def fiscal_year(fiscal_year_end: date) -> tuple[date, date]:
    """(first day, last day) of the fiscal year ending on `fiscal_year_end`."""
    return add_months(fiscal_year_end, -12) + timedelta(days=1), fiscal_year_end


def _days(start: date, end: date) -> int:
    """Inclusive day count, 0 when the range is empty."""
    return max(0, (end - start).days + 1)


def spans_six_months(start: date, end: date) -> bool:
    """True when [start, end] holds six whole calendar months (Jan 1 .. Jun 30 does; Jan 2 .. Jun 30 does not)."""
    return end >= add_months(start, 6) - timedelta(days=1)


def fiscal_coverage(
    period_start: date,
    period_end: date,
    fiscal_year_end: date,
    *,
    bridge_period_end: date | None = None,
    report_id: int | None = None,
    vendor: str | None = None,
    as_of: date | None = None,
) -> Soc1Coverage:
    """How a report period [period_start, period_end] (plus a bridge letter to `bridge_period_end`) covers the year.
    `as_of`: the report is a Type 1 as of that day (period_start = period_end = as_of): it covers no day."""
    fiscal_start, fiscal_end = fiscal_year(fiscal_year_end)
    if as_of is not None:
        period_start = period_end = as_of
    overlap_start, overlap_end = max(period_start, fiscal_start), min(period_end, fiscal_end)
    overlap = 0 if as_of is not None else _days(overlap_start, overlap_end)
    fiscal_days = _days(fiscal_start, fiscal_end)
    covered: list[DayRange] = [(overlap_start, overlap_end)] if overlap else []
    bridged = 0
    if bridge_period_end is not None and bridge_period_end > period_end:
        # the letter speaks for the days after the period end, up to its date, within the fiscal year
        bridge_first = max(period_end + timedelta(days=1), fiscal_start)
        bridge_last = min(bridge_period_end, fiscal_end)
        bridged = _days(bridge_first, bridge_last)
        if bridged:
            covered.append((bridge_first, bridge_last))
    uncovered = fiscal_days - overlap
    return Soc1Coverage(
        report_id=report_id,
        vendor=vendor,
        period_start=period_start,
        period_end=period_end,
        fiscal_start=fiscal_start,
        fiscal_end=fiscal_end,
        overlap_days=overlap,
        at_least_six_months=overlap > 0 and spans_six_months(overlap_start, overlap_end),
        uncovered_days=uncovered,
        bridged_days=bridged,
        uncovered_after_bridge=uncovered - bridged,
        uncovered_ranges=_missing(fiscal_start, fiscal_end, covered),
        as_of=as_of,
    )
