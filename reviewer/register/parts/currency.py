"""`reg.currency`: each vendor's report currency as of a day, and SOC 1 coverage of a fiscal year.

The vendor -> status map behind the register table's badges, filter and order is needed on every page the table
fetches; it is memoised here, keyed on the day, the thresholds and the connection's change counters (its own
writes: `total_changes`; other connections' commits: `PRAGMA data_version`), so any write invalidates it.
"""

from __future__ import annotations

from datetime import date

from reviewer.register import reports
from reviewer.register.coverage import Soc1Coverage
from reviewer.register.currency import CurrencyThresholds, VendorCurrency
from reviewer.register.parts.base import Part
from reviewer.register.queries import currency_rows, soc1_coverage

_Key = tuple[date, CurrencyThresholds, int, int]


class Currency(Part):
    _memo: tuple[_Key, dict[int, str], bool] | None = None  # (key, status by vendor, temp table filled)

    def by_vendor(self, as_of: date, thresholds: CurrencyThresholds | None = None) -> list[VendorCurrency]:
        """One row per vendor (by name): its latest report, bridge letter and status as of `as_of`."""
        return currency_rows(self._conn, as_of, thresholds or CurrencyThresholds())

    def soc1_coverage(self, fiscal_year_end: date) -> list[Soc1Coverage]:
        """One row per vendor: its SOC 1 report overlapping the fiscal year ending `fiscal_year_end` most."""
        return soc1_coverage(self._conn, fiscal_year_end)

    def _key(self, thresholds: CurrencyThresholds) -> _Key:
        conn = self._conn
        return (date.today(), thresholds, conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])

    def status_of(self, thresholds: CurrencyThresholds | None = None, *, for_ordering: bool = False) -> dict[int, str]:
        """vendor id -> currency status as of today under `thresholds`. `for_ordering` also mirrors it into the
        connection's temp table `vendor_currency`, for ordering report rows by currency in SQL."""
        thresholds = thresholds or CurrencyThresholds()
        key = self._key(thresholds)
        if self._memo is None or self._memo[0] != key:
            rows = self.by_vendor(date.today(), thresholds)
            self._memo = (key, {r.vendor_id: r.status for r in rows if r.status}, False)
        key, status, filled = self._memo
        if for_ordering and not filled:
            reports.fill_currency_table(self._conn, status)
            self._memo = (self._key(thresholds), status, True)  # filling the temp table is not a change to judge
        return status
