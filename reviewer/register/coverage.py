"""SOC 1 coverage of the user's fiscal year: pure date arithmetic, no database.

Finance controllers ask: does the report's period overlap our fiscal year by a substantial portion (at least
six months)? How many of our days are uncovered, and does a bridge letter cover those after the period end?
A Type 1 report covers its single as-of day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from reviewer.register.currency import add_months


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
) -> Soc1Coverage:
    """How a report period [period_start, period_end] (plus a bridge letter to `bridge_period_end`) covers the year."""
    fiscal_start, fiscal_end = fiscal_year(fiscal_year_end)
    overlap_start, overlap_end = max(period_start, fiscal_start), min(period_end, fiscal_end)
    overlap = _days(overlap_start, overlap_end)
    fiscal_days = _days(fiscal_start, fiscal_end)
    bridged = 0
    if bridge_period_end is not None and bridge_period_end > period_end:
        # the letter speaks for the days after the period end, up to its date, within the fiscal year
        bridged = _days(max(period_end + timedelta(days=1), fiscal_start), min(bridge_period_end, fiscal_end))
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
    )
