"""Currency statuses and SOC 1 fiscal-year coverage: the pure rules, with dates on both sides of each threshold."""

from datetime import date, timedelta

import pytest

from reviewer.register import CurrencyThresholds, fiscal_coverage, judge_currency
from reviewer.register.currency import add_months, next_report_expected

PE = date(2024, 3, 31)  # a period end; +3 months = 2024-06-30, +12 months = 2025-03-31, +12m+6w = 2025-05-12
ONE = timedelta(days=1)


def status(as_of: date, **kw) -> str:
    return judge_currency(PE, as_of, **kw).status


def test_add_months_clamps_to_month_end():
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert add_months(date(2024, 3, 31), -12) == date(2023, 3, 31)


def test_current_until_three_months_after_period_end():
    assert status(PE) == "current"
    assert status(date(2024, 6, 30)) == "current"
    assert status(date(2024, 7, 1)) == "bridge_due"


def test_bridge_due_without_a_letter_until_stale():
    assert status(date(2024, 10, 1)) == "bridge_due"
    assert status(date(2025, 3, 31)) == "bridge_due"
    assert status(date(2025, 4, 1)) == "stale"


def test_bridged_while_the_letter_reaches_within_90_days():
    letter_end = date(2024, 9, 30)
    assert status(letter_end + timedelta(days=90), bridge_period_end=letter_end, bridge_starts=PE) == "bridged"
    lapsed = judge_currency(PE, letter_end + timedelta(days=91), bridge_period_end=letter_end, bridge_starts=PE)
    assert lapsed.status == "bridge_lapsed"
    assert lapsed.lapsed_on == letter_end + timedelta(days=90)
    assert lapsed.label(PE, letter_end) == "Bridge letter lapsed on 29 Dec 2024"


def test_a_letter_not_needed_yet_leaves_the_report_current():
    assert status(date(2024, 6, 30), bridge_period_end=date(2024, 6, 30)) == "current"


def test_gap_when_the_letter_starts_after_the_period_end():
    judged = judge_currency(PE, date(2024, 8, 1), bridge_period_end=date(2024, 7, 31), bridge_starts=PE + ONE * 30)
    assert judged.status == "gap"
    assert "starts" in judged.reason
    assert status(date(2024, 8, 1), bridge_period_end=date(2024, 7, 31), bridge_starts=PE) == "bridged"


def test_stale_after_twelve_months_even_with_a_letter():
    letter_end = date(2025, 3, 31)
    assert status(date(2025, 3, 31), bridge_period_end=letter_end) == "bridged"
    assert status(date(2025, 4, 1), bridge_period_end=letter_end) == "stale"


def test_next_report_expected_after_twelve_months_and_six_weeks():
    expected = next_report_expected(PE)
    assert expected == date(2025, 5, 12)
    assert status(expected) == "stale"
    assert status(expected + ONE) == "next_report_expected"
    assert judge_currency(PE, expected + ONE).next_report_expected == expected


def test_thresholds_are_settings():
    strict = CurrencyThresholds(stale_after_months=6, bridge_due_after_months=1, bridge_max_days=30,
                                next_report_weeks=2)
    assert judge_currency(PE, date(2024, 4, 30), thresholds=strict).status == "current"
    assert judge_currency(PE, date(2024, 5, 1), thresholds=strict).status == "bridge_due"
    assert judge_currency(PE, date(2024, 10, 1), thresholds=strict).status == "stale"
    assert judge_currency(PE, date(2024, 10, 15), thresholds=strict).status == "next_report_expected"
    letter_end = date(2024, 6, 1)
    assert judge_currency(PE, date(2024, 7, 1), bridge_period_end=letter_end, thresholds=strict).status == "bridged"
    assert judge_currency(PE, date(2024, 7, 2), bridge_period_end=letter_end,
                          thresholds=strict).status == "bridge_lapsed"


# --- SOC 1 coverage of a fiscal year ending 2024-12-31 (366 days: 2024 is a leap year) ---------------------

FYE = date(2024, 12, 31)


def test_full_year_report_covers_every_day():
    cover = fiscal_coverage(date(2024, 1, 1), date(2024, 12, 31), FYE)
    assert (cover.fiscal_start, cover.fiscal_end) == (date(2024, 1, 1), FYE)
    assert cover.overlap_days == 366
    assert cover.uncovered_days == 0
    assert cover.at_least_six_months


def test_six_months_exactly_counts_and_one_day_less_does_not():
    six = fiscal_coverage(date(2023, 7, 1), date(2024, 6, 30), FYE)
    assert six.overlap_days == 182  # Jan 1 .. Jun 30 2024
    assert six.at_least_six_months
    short = fiscal_coverage(date(2023, 7, 1), date(2024, 6, 29), FYE)
    assert not short.at_least_six_months
    assert short.uncovered_days == 366 - 181


def test_bridge_letter_covers_days_after_the_period_end():
    cover = fiscal_coverage(date(2023, 10, 1), date(2024, 9, 30), FYE, bridge_period_end=date(2024, 12, 31))
    assert cover.overlap_days == 274
    assert cover.uncovered_days == 92
    assert cover.bridged_days == 92
    assert cover.uncovered_after_bridge == 0
    partial = fiscal_coverage(date(2023, 10, 1), date(2024, 9, 30), FYE, bridge_period_end=date(2024, 11, 30))
    assert partial.bridged_days == 61
    assert partial.uncovered_after_bridge == 31


def test_days_before_the_period_cannot_be_bridged():
    cover = fiscal_coverage(date(2024, 4, 1), date(2025, 3, 31), FYE, bridge_period_end=date(2025, 6, 30))
    assert cover.overlap_days == 275
    assert cover.uncovered_days == 91  # Jan 1 .. Mar 31 2024
    assert cover.bridged_days == 0
    assert cover.uncovered_after_bridge == 91


def test_report_outside_the_fiscal_year_covers_nothing():
    cover = fiscal_coverage(date(2022, 1, 1), date(2022, 12, 31), FYE)
    assert cover.overlap_days == 0
    assert not cover.at_least_six_months
    assert cover.uncovered_days == 366


def test_a_one_day_period_covers_one_day():
    cover = fiscal_coverage(date(2024, 6, 30), date(2024, 6, 30), FYE)
    assert cover.overlap_days == 1
    assert not cover.at_least_six_months


@pytest.mark.parametrize("fye, start", [(date(2025, 6, 30), date(2024, 7, 1)), (date(2024, 2, 29), date(2023, 3, 1))])
def test_fiscal_year_starts_the_day_after_the_previous_year_end(fye, start):
    assert fiscal_coverage(start, fye, fye).fiscal_start == start
