"""Listing reports: the currency shown, filtered and ordered follows the thresholds the caller passes (the GUI's
settings), and the currency column orders worst first."""

from datetime import date, timedelta

from reviewer.register import CurrencyThresholds, ReportFilter
from reviewer.register.reports import CURRENCY_ORDER
from tests.support.register import store


def _vendors(reg):
    today = date.today()
    for vendor, days_ago in (("Recent Cloud, Inc.", 30), ("Halfway Payroll LLC", 200), ("Old Ledger Corp.", 600)):
        end = today - timedelta(days=days_ago)
        store(reg, vendor, period_start=end - timedelta(days=364), period_end=end)
    store(reg, "Undated Forms Ltd", period_start=None, period_end=None)


def test_list_and_count_follow_the_thresholds_given(reg):
    _vendors(reg)
    default = {r.vendor: r.currency_status for r in reg.reports.rows()}
    assert default["Recent Cloud, Inc."] == "current"
    assert default["Halfway Payroll LLC"] == "bridge_due"
    assert default["Undated Forms Ltd"] is None
    strict = CurrencyThresholds(stale_after_months=6)
    shown = {r.vendor: r.currency_status for r in reg.reports.rows(thresholds=strict)}
    assert shown["Halfway Payroll LLC"] == "stale"
    assert shown["Recent Cloud, Inc."] == "current"
    stale = ReportFilter(currency_status="stale")
    assert reg.reports.count(stale, thresholds=strict) == reg.reports.count(stale) + 1
    assert {r.vendor for r in reg.reports.rows(stale, thresholds=strict)} >= {"Halfway Payroll LLC"}
    assert "Halfway Payroll LLC" not in {r.vendor for r in reg.reports.rows(stale)}


def test_the_currency_column_orders_worst_first_either_way(reg):
    _vendors(reg)
    rank = {status: i for i, status in enumerate(CURRENCY_ORDER)}

    def key(row):
        return rank.get(row.currency_status, len(rank))

    for thresholds in (None, CurrencyThresholds(stale_after_months=6)):
        rows = reg.reports.rows(order_by="currency_status", thresholds=thresholds)
        assert [key(r) for r in rows] == sorted(key(r) for r in rows)
        assert rows[-1].vendor == "Undated Forms Ltd"  # no status: last
        backwards = reg.reports.rows(order_by="currency_status", descending=True, thresholds=thresholds)
        assert [r.id for r in backwards] == [r.id for r in reversed(rows)]
    paged = reg.reports.rows(order_by="currency_status", limit=2) + reg.reports.rows(
        order_by="currency_status", offset=2, limit=2)
    assert [r.id for r in paged] == [r.id for r in reg.reports.rows(order_by="currency_status")]


def test_the_text_filter_matches_the_report_as_the_table_names_it(reg):
    type1 = store(reg, "Thornbury Archive Ltd.", type="Type 1", period_start=None, period_end=None,
                  as_of=date(2026, 9, 30), salt="t1")
    store(reg, "Quillon Data, Inc.", type="Type 2", salt="t2")
    assert [r.id for r in reg.reports.rows(ReportFilter(text="type 1"), limit=None)] == [type1]
    assert [r.id for r in reg.reports.rows(ReportFilter(text="SOC 2 Type 1"), limit=None)] == [type1]
    assert reg.reports.count(ReportFilter(text="soc 2")) == 2
