"""The finance view's SOC 1 coverage of a fiscal year as a CSV or XLSX file: one row per vendor's report.

Written the way every export is (exports.py): never onto the register's files, atomically, 0600, and text that a
spreadsheet would run as a formula kept as text. The columns say what the finance view shows: the days covered,
bridged and left uncovered, and the uncovered dates as ranges ("1 Jan 2026 \u2013 31 Mar 2026").
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from reviewer.register import exports
from reviewer.register.coverage import Soc1Coverage, ranges_text
from reviewer.register.export_tables import Table, heading

COVERAGE_COLUMNS: tuple[str, ...] = (
    "vendor", "report_id", "fiscal_year_start", "fiscal_year_end", "period_start", "period_end", "type1_as_of",
    "days_covered", "six_months_or_more", "days_bridged", "days_uncovered", "uncovered_dates", "summary",
)


def coverage_rows(rows: list[Soc1Coverage]) -> list[list[Any]]:
    """One list of cells per report, in `COVERAGE_COLUMNS` order (dates as ISO text, as the register export)."""
    return [[
        c.vendor, c.report_id, c.fiscal_start.isoformat(), c.fiscal_end.isoformat(),
        None if c.point_in_time else c.period_start.isoformat(),
        None if c.point_in_time else c.period_end.isoformat(),
        c.as_of.isoformat() if c.as_of else None,
        c.overlap_days, "yes" if c.at_least_six_months else "no", c.bridged_days, c.uncovered_after_bridge,
        ranges_text(c.uncovered_ranges), c.summary(),
    ] for c in rows]


def write_coverage_csv(path: Path, rows: list[Soc1Coverage]) -> None:
    def write(fh: Any) -> None:
        out = csv.writer(fh)
        out.writerow(COVERAGE_COLUMNS)
        out.writerows([[exports._csv_cell(v) for v in row] for row in coverage_rows(rows)])

    exports.write_atomically([(Path(path), "w", {"newline": "", "encoding": "utf-8-sig"}, write)])


def write_coverage_xlsx(path: Path, rows: list[Soc1Coverage], title: str = "SOC 1 coverage") -> None:
    """The coverage as one sheet laid out as every export's (human headers, frozen, widths, dates as dates)."""
    exports.write_xlsx(Path(path), [Table(title[:31], "", COVERAGE_COLUMNS,  # 31: Excel's limit on a sheet's name
                                          tuple(heading(c) for c in COVERAGE_COLUMNS), coverage_rows(rows))])
