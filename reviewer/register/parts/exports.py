"""`reg.exports`: the register, its list items (exceptions, CUECs, subservice organizations, CSOCs) and its audit
log as CSV files or one XLSX workbook, for procurement and auditors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reviewer.register import audit, coverage_export, export_tables, exports, insight_sheets
from reviewer.register.currency import CurrencyThresholds
from reviewer.register.export_tables import Table
from reviewer.register.parts.base import Host, Part
from reviewer.register.parts.currency import SUPERSEDED_LABEL, Currency


class Exports(Part):
    def __init__(self, register: Host, currency: Currency) -> None:
        super().__init__(register)
        self._currency = currency

    def tables(self, thresholds: CurrencyThresholds | None = None) -> list[Table]:
        """The reports, exceptions, CUECs, subservice organizations, CSOCs and the audit log (both formats)."""
        rows = exports.register_rows(self._conn, self._currency.status_of(thresholds),
                                     self._currency.labels_of(thresholds), self._currency.judged_reports(thresholds),
                                     SUPERSEDED_LABEL)
        return [exports.reports_table(rows), *export_tables.item_tables(self._conn),
                exports.audit_table(exports.audit_rows(audit.entries(self._conn)))]

    def csv(self, path: Path, thresholds: CurrencyThresholds | None = None) -> list[Path]:
        """Write the reports to `path` and each other table beside it (`<name>-exceptions.csv`, ...,
        `<name>-audit.csv`); return every path written, the reports' first."""
        exports.refuse_register_files(exports.csv_paths(Path(path)), self._register.path)
        return exports.write_csv(Path(path), self.tables(thresholds))

    def xlsx(self, path: Path, thresholds: CurrencyThresholds | None = None) -> list[Path]:
        """Write every table, the vendors' histories and the trust signals as sheets of one workbook; return
        [path]."""
        exports.refuse_register_files([Path(path)], self._register.path)
        exports.write_xlsx(Path(path), self.tables(thresholds) + insight_sheets.sheets(self._conn))
        return [Path(path)]

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
