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


# the label of a report whose vendor's currency is judged on a later one (its status belongs to that one)
SUPERSEDED_LABEL = "Superseded: a later report is on file"


class Currency(Part):
    # (key, status by vendor, label by vendor, temp table filled)
    _memo: tuple[_Key, dict[int, str], dict[int, str], bool] | None = None
    _judged_ids: dict[int, set[int]] = {}  # vendor id -> the reports its status was judged on (with _memo)

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
        key, status, labels, filled = self._judged(thresholds)
        if for_ordering and not filled:
            reports.fill_currency_table(self._conn, status, self._judged_ids)
            # filling the temp table is not a change to judge
            self._memo = (self._key(thresholds), status, labels, True)
        return status

    def labels_of(self, thresholds: CurrencyThresholds | None = None) -> dict[int, str]:
        """vendor id -> the status as the user reads it, with its date, as of today (memoised with `status_of`)."""
        return self._judged(thresholds or CurrencyThresholds())[2]

    def _judged(self, thresholds: CurrencyThresholds) -> tuple[_Key, dict[int, str], dict[int, str], bool]:
        key = self._key(thresholds)
        if self._memo is None or self._memo[0] != key:
            rows = [r for r in self.by_vendor(date.today(), thresholds) if r.status]
            self._memo = (key, {r.vendor_id: r.status for r in rows if r.status},
                          {r.vendor_id: r.status_label or "" for r in rows}, False)
            self._judged_ids = {r.vendor_id: {i for i in (r.latest_report_id, r.bridge_letter_id) if i is not None}
                                for r in rows}
        return self._memo

    def judged_reports(self, thresholds: CurrencyThresholds | None = None) -> dict[int, set[int]]:
        """vendor id -> the reports its status is judged on (its latest SOC report and the bridge letter after
        it); the vendor's other reports are superseded, and its status is not theirs."""
        self._judged(thresholds or CurrencyThresholds())
        return self._judged_ids
