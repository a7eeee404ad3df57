"""Report currency: is a vendor's latest report still good evidence as of a date? Pure functions, no database.

Statuses, along the time after the latest report's period end `pe` (a Type 1 report's as-of date is its `pe`):

    current               as_of <= pe + 3 months
    bridge_due            pe + 3 months < as_of <= pe + 12 months, and no bridge letter
    bridged               ... and a bridge letter covers to within 90 days of as_of
    gap                   ... and the bridge letter covers to more than 90 days before as_of, or it does not
                          start at the report's period end (it stops short of the report: days nobody covers)
    stale                 pe + 12 months < as_of <= pe + 12 months + 6 weeks
    next_report_expected  as_of > pe + 12 months + 6 weeks: the next report should have been issued by now

Precedence: the later milestone wins (next_report_expected > stale > gap/bridged/bridge_due > current). A stale
report stays stale even with a bridge letter, since a letter covers at most about 90 days. Boundaries are
inclusive on the good side: on the day exactly 3 months after `pe` a report is still current.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

CurrencyStatus = Literal["current", "bridge_due", "bridged", "gap", "stale", "next_report_expected"]
CURRENCY_STATUSES: tuple[str, ...] = ("current", "bridge_due", "bridged", "gap", "stale", "next_report_expected")


@dataclass(frozen=True)
class CurrencyThresholds:
    """The procurement rules of thumb, as settings."""

    stale_after_months: int = 12
    bridge_due_after_months: int = 3
    bridge_max_days: int = 90
    next_report_weeks: int = 6


@dataclass(frozen=True)
class CurrencyJudgement:
    status: CurrencyStatus
    next_report_expected: date
    reason: str


@dataclass
class VendorCurrency:
    vendor_id: int
    vendor: str
    latest_report_id: int | None  # None: the vendor has no SOC report, only letters or other documents
    framework: str | None
    type: str | None
    period_end: date | None
    bridge_letter_id: int | None
    bridge_period_end: date | None
    status: CurrencyStatus | None
    next_report_expected: date | None
    reason: str


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (Aug 31 + 6 months = Feb 28/29)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    if day.day <= 28:
        return date(year, month, day.day)
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (first_of_next - timedelta(days=1)).day))


def next_report_expected(period_end: date, thresholds: CurrencyThresholds = CurrencyThresholds()) -> date:
    return add_months(period_end, thresholds.stale_after_months) + timedelta(weeks=thresholds.next_report_weeks)


@lru_cache(maxsize=8192)
def _milestones(period_end: date, thresholds: CurrencyThresholds) -> tuple[date, date, date]:
    """(bridge due after, stale after, next report expected by): cached, since period ends cluster on a few dates
    (Dec 31, Jun 30, ...) and the currency of thousands of vendors is judged at once."""
    return (add_months(period_end, thresholds.bridge_due_after_months),
            add_months(period_end, thresholds.stale_after_months),
            next_report_expected(period_end, thresholds))


def judge_currency(
    period_end: date,
    as_of: date,
    *,
    bridge_period_end: date | None = None,
    bridge_starts: date | None = None,
    thresholds: CurrencyThresholds = CurrencyThresholds(),
) -> CurrencyJudgement:
    """The currency of a report whose period ended `period_end`, judged on `as_of`.

    `bridge_period_end`: the date the latest bridge letter covers to; `bridge_starts`: the period end the letter
    says it bridges from (None if the letter does not say).
    """
    bridge_due_from, stale_from, expected = _milestones(period_end, thresholds)
    if as_of > expected:
        return CurrencyJudgement(
            "next_report_expected", expected,
            f"period ended {period_end}; the next report was expected by {expected}",
        )
    if as_of > stale_from:
        return CurrencyJudgement(
            "stale", expected, f"period ended {period_end}, more than {thresholds.stale_after_months} months ago"
        )
    if as_of <= bridge_due_from:
        return CurrencyJudgement(
            "current", expected, f"period ended {period_end}, within {thresholds.bridge_due_after_months} months"
        )
    if bridge_period_end is None:
        return CurrencyJudgement(
            "bridge_due", expected,
            f"period ended {period_end}, more than {thresholds.bridge_due_after_months} months ago; "
            "no bridge letter on file",
        )
    if bridge_starts is not None and bridge_starts > period_end:
        return CurrencyJudgement(
            "gap", expected, f"the bridge letter starts {bridge_starts}, after the period end {period_end}"
        )
    age = (as_of - bridge_period_end).days
    if age > thresholds.bridge_max_days:
        return CurrencyJudgement(
            "gap", expected,
            f"the bridge letter covers to {bridge_period_end}, {age} days before {as_of} "
            f"(more than {thresholds.bridge_max_days})",
        )
    return CurrencyJudgement("bridged", expected, f"a bridge letter covers to {bridge_period_end}")
