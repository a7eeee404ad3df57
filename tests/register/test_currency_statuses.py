"""Currency statuses as the user reads them: named for what to do, with the date that matters, ordered by
severity (worst first) in the register's listing, the lapsed bridge letter among them, and `reviewer currency
--json`'s added fields beside its keys."""

from __future__ import annotations

from datetime import date, timedelta

from reviewer.register import ReportFilter
from reviewer.register.coverage import fiscal_coverage, ranges_text
from reviewer.register.currency import (
    CURRENCY_STATUSES,
    SEVERITY,
    STATUSES,
    judge_currency,
    status_label,
    status_meanings,
)
from tests.support.register import store

TODAY = date.today()


def _ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_the_worst_status_comes_first_and_is_red():
    assert CURRENCY_STATUSES == ("next_report_expected", "stale", "bridge_lapsed", "gap", "bridge_due", "bridged",
                                 "current")
    assert [info.colour_role for info in STATUSES] == ["critical", "serious", "warning", "warning", "caution",
                                                       "covered", "good"]
    assert SEVERITY["next_report_expected"] < SEVERITY["stale"] < SEVERITY["current"]


def test_labels_say_what_to_do_with_their_date():
    pe = date(2025, 6, 30)
    assert status_label("next_report_expected", period_end=pe) == "Overdue: no report since 30 Jun 2025"
    assert status_label("bridge_due", period_end=pe) == "Bridge letter needed"
    assert status_label("bridge_lapsed", lapsed_on=date(2026, 1, 1)) == "Bridge letter lapsed on 1 Jan 2026"
    assert status_label("bridged", bridge_period_end=date(2025, 12, 31)) == "Bridged to 31 Dec 2025"
    assert status_label("current", period_end=pe) == "Current"
    assert status_label("stale", next_expected=date(2026, 8, 11)) == "Stale: new report due by 11 Aug 2026"
    # a label whose date is not known falls back to the short name, never a raw placeholder
    assert status_label("bridge_lapsed") == "Bridge letter lapsed"
    assert status_label(None) == "Unknown"


def test_meanings_for_the_help_page_cover_every_status_worst_first():
    meanings = status_meanings()
    assert [status for status, _name, _meaning in meanings] == list(CURRENCY_STATUSES)
    for _status, name, meaning in meanings:
        assert name and "{" not in name
        assert len(meaning) > 40 and "{" not in meaning


def test_a_bridge_letter_lapses_ninety_days_after_the_day_it_covers_to():
    pe, covered_to = date(2025, 3, 31), date(2025, 6, 30)
    still = judge_currency(pe, covered_to + timedelta(days=90), bridge_period_end=covered_to, bridge_starts=pe)
    assert still.status == "bridged"
    lapsed = judge_currency(pe, covered_to + timedelta(days=91), bridge_period_end=covered_to, bridge_starts=pe)
    assert (lapsed.status, lapsed.lapsed_on) == ("bridge_lapsed", date(2025, 9, 28))
    # a letter that starts after the report's end leaves days nobody covers: still a gap, named so
    gap = judge_currency(pe, date(2025, 8, 1), bridge_period_end=date(2025, 7, 31), bridge_starts=date(2025, 5, 1))
    assert gap.status == "gap"
    assert gap.label(pe, date(2025, 7, 31)) == "Bridge letter leaves a gap after 31 Mar 2025"


def _one_vendor_per_status(reg) -> None:
    def report(vendor: str, end: date) -> int:
        return store(reg, vendor, period_start=end - timedelta(days=364), period_end=end, salt=vendor)

    report("Current Cloud, Inc.", _ago(30))
    report("Needs Letter LLC", _ago(200))
    report("Overdue Ledger Corp.", _ago(600))
    report("Stale Vault GmbH", _ago(380))
    for vendor, covered_to in (("Bridged Payroll plc", _ago(20)), ("Lapsed Escrow SA", _ago(120))):
        report(vendor, _ago(200))
        store(reg, vendor, document_type="bridge_letter", period_start=None, period_end=_ago(200),
              bridge_period_end=covered_to, salt=f"letter {vendor}")


def test_sorting_by_status_puts_overdue_first_and_current_last(reg):
    _one_vendor_per_status(reg)
    soc = ReportFilter(document_type="soc_report")
    rows = reg.reports.rows(soc, order_by="currency_status", limit=None)
    assert [r.vendor for r in rows] == ["Overdue Ledger Corp.", "Stale Vault GmbH", "Lapsed Escrow SA",
                                        "Needs Letter LLC", "Bridged Payroll plc", "Current Cloud, Inc."]
    labels = {r.vendor: r.currency_label for r in rows}
    assert labels["Overdue Ledger Corp."].startswith("Overdue: no report since ")
    assert labels["Lapsed Escrow SA"].startswith("Bridge letter lapsed on ")
    assert labels["Needs Letter LLC"] == "Bridge letter needed"
    lapsed = reg.currency.by_vendor(TODAY)
    row = next(r for r in lapsed if r.vendor == "Lapsed Escrow SA")
    assert row.status == "bridge_lapsed" and row.lapsed_on == _ago(120) + timedelta(days=90)
    assert row.severity == SEVERITY["bridge_lapsed"]
    assert reg.reports.count(ReportFilter(currency_status="bridge_lapsed")) == 2  # the report and its letter


# --- SOC 1 coverage: the uncovered dates, and a Type 1 as a point in time ------------------------------------

FYE = date(2026, 12, 31)


def test_the_uncovered_days_are_named_as_date_ranges():
    cover = fiscal_coverage(date(2025, 4, 1), date(2026, 3, 31), FYE, bridge_period_end=date(2026, 6, 30))
    assert cover.uncovered_ranges == [(date(2026, 7, 1), date(2026, 12, 31))]
    assert ranges_text(cover.uncovered_ranges) == "1 Jul 2026 \u2013 31 Dec 2026"
    late = fiscal_coverage(date(2026, 4, 1), date(2026, 9, 30), FYE)
    assert late.uncovered_ranges == [(date(2026, 1, 1), date(2026, 3, 31)), (date(2026, 10, 1), date(2026, 12, 31))]
    assert ranges_text(late.uncovered_ranges) == "1 Jan 2026 \u2013 31 Mar 2026, 1 Oct 2026 \u2013 31 Dec 2026"
    assert sum((b - a).days + 1 for a, b in late.uncovered_ranges) == late.uncovered_after_bridge
    whole = fiscal_coverage(date(2026, 1, 1), date(2026, 12, 31), FYE)
    assert whole.uncovered_ranges == [] and ranges_text(whole.uncovered_ranges) == "none"


def test_a_type1_covers_no_period_of_the_year():
    as_of = date(2026, 6, 30)
    cover = fiscal_coverage(as_of, as_of, FYE, as_of=as_of)
    assert cover.point_in_time and cover.overlap_days == 0 and not cover.at_least_six_months
    assert cover.uncovered_ranges == [(date(2026, 1, 1), date(2026, 12, 31))]
    assert cover.summary() == "Type 1 as of 30 Jun 2026: design only, no period covered"
    bridged = fiscal_coverage(as_of, as_of, FYE, as_of=as_of, bridge_period_end=date(2026, 9, 30))
    assert bridged.bridged_days == 92
    assert bridged.uncovered_ranges == [(date(2026, 1, 1), date(2026, 6, 30)), (date(2026, 10, 1), date(2026, 12, 31))]


def test_the_register_treats_a_stored_type1_as_a_point_in_time(reg):
    store(reg, "Design Only Ltd", framework="SOC 1", type="Type 1", period_start=None, period_end=None,
          as_of=date(2026, 3, 31))
    (cover,) = reg.currency.soc1_coverage(FYE)
    assert cover.as_of == date(2026, 3, 31) and cover.overlap_days == 0
    assert cover.summary().startswith("Type 1 as of 31 Mar 2026")


def test_a_vendors_older_report_is_superseded_not_current(reg, tmp_path):
    old = store(reg, "Ravenscar Payroll Ltd.", period_start=_ago(800), period_end=_ago(436), salt="old")
    new = store(reg, "Ravenscar Payroll Ltd.", period_start=_ago(395), period_end=_ago(30), salt="new")
    rows = {r.id: r for r in reg.reports.rows(limit=None)}
    assert rows[new].currency_status == "current" and rows[new].currency_label == "Current"
    # the vendor is current on its new report; the old one is history and says so, with no status of its own
    assert rows[old].currency_status is None and rows[old].currency_label.startswith("Superseded")
    assert [r.id for r in reg.reports.rows(ReportFilter(currency_status="current"), limit=None)] == [new]
    assert reg.reports.count(ReportFilter(currency_status="current")) == 1
    # sorted by currency, the history comes after every vendor's state
    store(reg, "Overdue Ledger Corp.", period_start=_ago(965), period_end=_ago(600), salt="overdue")
    ordered = [r.currency_label or "" for r in reg.reports.rows(order_by="currency_status", limit=None)]
    assert ordered[0].startswith("Overdue") and ordered[-1].startswith("Superseded")
    out = reg.exports.csv(tmp_path / "register.csv")[0]
    text = out.read_text(encoding="utf-8-sig")
    assert "Superseded" in text and text.count(",current,") == 1
