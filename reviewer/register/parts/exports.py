"""`reg.exports`: the register and its audit log as CSV or XLSX files, for procurement and auditors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reviewer.register import audit, coverage_export, exports, insight_sheets
from reviewer.register.currency import CurrencyThresholds
from reviewer.register.parts.base import Host, Part
from reviewer.register.parts.currency import Currency


class Exports(Part):
    def __init__(self, register: Host, currency: Currency) -> None:
        super().__init__(register)
        self._currency = currency

    def csv(self, path: Path, thresholds: CurrencyThresholds | None = None) -> Path:
        """Write the register to `path` and its audit log to `<name>-audit.csv`; return the audit file's path."""
        exports.refuse_register_files([Path(path), exports.audit_csv_path(Path(path))], self._register.path)
        rows = exports.register_rows(self._conn, self._currency.status_of(thresholds),
                                     self._currency.labels_of(thresholds))
        return exports.write_csv(Path(path), rows,
                                 exports.audit_rows(audit.entries(self._conn)))

    def xlsx(self, path: Path, thresholds: CurrencyThresholds | None = None) -> None:
        """Write the register, its audit log, the vendors' histories and the trust signals as sheets of one workbook."""
        exports.refuse_register_files([Path(path)], self._register.path)
        rows = exports.register_rows(self._conn, self._currency.status_of(thresholds),
                                     self._currency.labels_of(thresholds))
        exports.write_xlsx(Path(path), rows,
                           exports.audit_rows(audit.entries(self._conn)), insight_sheets.sheets(self._conn))

    def coverage(self, path: Path, fiscal_year_end: date) -> Path:
        """Write the SOC 1 coverage of the fiscal year ending `fiscal_year_end` (the finance view) to `path`: an XLSX
        workbook when its suffix is .xlsx, else CSV."""
        path = Path(path)
        exports.refuse_register_files([path], self._register.path)
        rows = self._currency.soc1_coverage(fiscal_year_end)
        if path.suffix.lower() == ".xlsx":
            coverage_export.write_coverage_xlsx(path, rows, f"SOC 1 coverage FY{fiscal_year_end.year}")
        else:
            coverage_export.write_coverage_csv(path, rows)
        return path
