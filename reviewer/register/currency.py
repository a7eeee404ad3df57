"""Report currency: is a vendor's latest report still good evidence as of a date? Pure functions, no database.

Statuses, along the time after the latest report's period end `pe` (a Type 1 report's as-of date is its `pe`):

    current               as_of <= pe + 3 months
    bridge_due            pe + 3 months < as_of <= pe + 12 months, and no bridge letter
    bridged               ... and a bridge letter covers to within 90 days of as_of
    bridge_lapsed         ... and the bridge letter covers to more than 90 days before as_of: it lapsed 90 days
                          after its covered-to date (a letter is always written after the day it covers to, so
                          the 90 days are its useful life, not a grace period)
    gap                   ... and the bridge letter does not start at the report's period end (it stops short of
                          the report: days nobody covers)
    stale                 pe + 12 months < as_of <= pe + 12 months + 6 weeks
    next_report_expected  as_of > pe + 12 months + 6 weeks: the next report should have been issued by now

Precedence: the later milestone wins (next_report_expected > stale > gap/bridge_lapsed/bridged/bridge_due >
current). A stale report stays stale even with a bridge letter, since a letter covers at most about 90 days.
Boundaries are inclusive on the good side: on the day exactly 3 months after `pe` a report is still current.

`STATUSES` is the one place each status is described: its severity (the order, worst first, that sorting by
status follows), its colour role, its short name, its label (named for what the user must do, with the date
that matters) and its meaning (the Help page shows `status_meanings()`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

CurrencyStatus = Literal["next_report_expected", "stale", "bridge_lapsed", "gap", "bridge_due", "bridged", "current"]
ColourRole = Literal["critical", "serious", "warning", "caution", "covered", "good"]

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: date) -> str:
    """A date as a reader says it, the same in every locale: 1 Jan 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class StatusInfo:
    """One currency status as the user meets it. `label` may name `{period_end}`, `{bridge_period_end}`,
    `{lapsed_on}` or `{next_expected}` (filled by `status_label`); `name` is the label without the date."""

    status: CurrencyStatus
    colour_role: ColourRole
    name: str
    label: str
    meaning: str


# worst first: the order is the severity (0 = worst), the order sorting by status follows
STATUSES: tuple[StatusInfo, ...] = (
    StatusInfo("next_report_expected", "critical", "Overdue", "Overdue: no report since {period_end}",
               "The next report should have been issued by now ({stale} months and {weeks} weeks after the last "
               "period end) and none is on file: the vendor is not evidenced. Ask the vendor for its new report."),
    StatusInfo("stale", "serious", "Stale: new report due", "Stale: new report due by {next_expected}",
               "The latest report's period ended more than {stale} months ago; no bridge letter can cover that long. "
               "Ask the vendor for its new report, due within about {weeks} weeks of the period's anniversary."),
    StatusInfo("bridge_lapsed", "warning", "Bridge letter lapsed", "Bridge letter lapsed on {lapsed_on}",
               "A bridge letter covered the time after the report, but more than {bridge} days have passed since the "
               "day it covers to, and no newer report is on file. Ask for a new bridge letter or the new report."),
    StatusInfo("gap", "warning", "Bridge letter leaves a gap", "Bridge letter leaves a gap after {period_end}",
               "The bridge letter does not start at the report's period end: the days between are covered by "
               "nobody. Ask the vendor for a letter that starts where the report ends."),
    StatusInfo("bridge_due", "caution", "Bridge letter needed", "Bridge letter needed",
               "The report's period ended more than {due} months ago and no bridge letter is on file. Ask the vendor "
               "for a bridge letter covering from the period end to a recent date."),
    StatusInfo("bridged", "covered", "Bridged", "Bridged to {bridge_period_end}",
               "The report's period ended more than {due} months ago; a bridge letter covers from then to a recent "
               "date. Nothing to do until the letter lapses ({bridge} days after the day it covers to)."),
    StatusInfo("current", "good", "Current", "Current",
               "The report's period ended within the last {due} months: it is good evidence as it is."),
)
STATUS_INFO: dict[str, StatusInfo] = {info.status: info for info in STATUSES}
CURRENCY_STATUSES: tuple[str, ...] = tuple(info.status for info in STATUSES)  # worst first
SEVERITY: dict[str, int] = {status: rank for rank, status in enumerate(CURRENCY_STATUSES)}


def status_meaning(status: str, thresholds: CurrencyThresholds | None = None) -> str:
    """What a status asks of the user, worded with the user's thresholds (the defaults when none are given)."""
    t = thresholds or CurrencyThresholds()
    return STATUS_INFO[status].meaning.format(due=t.bridge_due_after_months, stale=t.stale_after_months,
                                              bridge=t.bridge_max_days, weeks=t.next_report_weeks)


def status_meanings(thresholds: CurrencyThresholds | None = None) -> list[tuple[str, str, str]]:
    """(status, name, meaning) for each status, worst first: what the Help page lists."""
    return [(info.status, info.name, status_meaning(info.status, thresholds)) for info in STATUSES]


def status_name(status: str | None) -> str:
    """The short name of a status ("Overdue"); "Unknown" when there is none (no dated SOC report)."""
    info = STATUS_INFO.get(status or "")
    return info.name if info else "Unknown"


def status_label(status: str | None, *, period_end: date | None = None, bridge_period_end: date | None = None,
                 lapsed_on: date | None = None, next_expected: date | None = None) -> str:
    """The status named for what to do, with its date ("Overdue: no report since 30 Jun 2025"); the short name
    when a date it needs is not known."""
    info = STATUS_INFO.get(status or "")
    if info is None:
        return "Unknown"
    dates = {"period_end": period_end, "bridge_period_end": bridge_period_end, "lapsed_on": lapsed_on,
             "next_expected": next_expected}
    try:
        return info.label.format(**{k: day_text(v) for k, v in dates.items() if v is not None})
    except KeyError:
        return info.name


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
    lapsed_on: date | None = None  # bridge_lapsed: the day the letter stopped counting

    def label(self, period_end: date, bridge_period_end: date | None = None) -> str:
        return status_label(self.status, period_end=period_end, bridge_period_end=bridge_period_end,
                            lapsed_on=self.lapsed_on, next_expected=self.next_report_expected)


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
    # beside the keys above (`reviewer currency --json` keeps them): the label the user reads, and the severity
    # (0 = worst, the order of `STATUSES`); None with status None
    status_label: str | None = None
    severity: int | None = None
    lapsed_on: date | None = None


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
            "bridge_lapsed", expected,
            f"the bridge letter covers to {bridge_period_end}, {age} days before {as_of} "
            f"(more than {thresholds.bridge_max_days})",
            lapsed_on=bridge_period_end + timedelta(days=thresholds.bridge_max_days),
        )
    return CurrencyJudgement("bridged", expected, f"a bridge letter covers to {bridge_period_end}")
