"""Exports for procurement and audit: every register column, the exceptions with their triage, the CUECs with their
mappings, the subservice organizations, the CSOCs and the audit log, as CSV or XLSX (the tables: export_tables.py).

XLSX: the sheets "Reports", "Exceptions", "CUECs", "Subservice organizations", "CSOCs", "Audit log", then "History"
and "Signals" (insight_sheets.py), laid out by xlsx_sheets.py. CSV: the reports in the given file, each other table
in `<name>-<table>.csv` beside it (`csv_paths`). Text read from vendors' PDFs is untrusted: cells
that a spreadsheet would run as a formula (starting with = + - @) are written as text (a leading apostrophe in CSV,
a string cell in XLSX).

Exports are plaintext, so they are written the safe way: never onto the register or its companion files (compared by
file identity, so a hard link or a symlink to the register is refused too), always atomically (a private temporary
file in the target's folder, fsync, rename: a full disk leaves the previous export whole), and 0600 from creation.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from reviewer.extract.fields_table import EXPORTED
from reviewer.register.dbapi import Connection
from reviewer.register.errors import RegisterError
from reviewer.register.export_tables import Table, heading
from reviewer.register.records import AuditEntry

# files that belong to the register at <path>: SQLite's journals and shared memory, and our lock
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")

# (header, SQL expression): the report's own columns, its fields from the table of fields, the review, the file
_LEAD = (("id", "r.id"), ("vendor_id", "r.vendor_id"), ("vendor", "v.name"), ("document_type", "r.document_type"))
_TAIL = (
    ("bridges_report_id", "r.bridges_report_id"), ("exceptions_count", "r.exceptions_count"),
    ("cuecs_count", "r.cuecs_count"), ("currency_status", "NULL"), ("currency_label", "NULL"),
    ("review_status", "rv.status"),
    ("reviewer", "rv.reviewer"), ("rationale", "rv.rationale"), ("next_review_date", "rv.next_review_date"),
    ("signed_off_by", "rv.signed_off_by"), ("signed_off_at", "rv.signed_off_at"), ("file_name", "r.file_name"),
    ("sha256", "r.sha256"), ("pages", "r.pages"), ("imported_at", "r.imported_at"),
    ("vendor_match_score", "r.vendor_score"),
)
_FIELDS = tuple(
    (f.export, f"r.{f.column}" if f.column else f"json_extract(e.json, '$.report.{f.key}')")
    for f in EXPORTED if f.export
)
_COLUMNS = _LEAD + _FIELDS + _TAIL
REGISTER_COLUMNS: tuple[str, ...] = tuple(header for header, _ in _COLUMNS)
AUDIT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(AuditEntry))

EXPORT_SQL = (f"SELECT {', '.join(expr for _, expr in _COLUMNS)} FROM reports r "
              "LEFT JOIN vendors v ON v.id = r.vendor_id LEFT JOIN reviews rv ON rv.report_id = r.id "
              + ("LEFT JOIN extractions e ON e.report_id = r.id " if any(not f.column for f in EXPORTED) else "")
              + "ORDER BY v.name COLLATE NOCASE, r.effective_period_end, r.id")

# the CSV files of an export, in order: the reports, then each item table (`export_tables`), then the audit log
CSV_NAMES = ("", "exceptions", "cuecs", "subservice", "csocs", "audit")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def register_rows(conn: Connection, currency_of: dict[int, str], labels_of: dict[int, str] | None = None,
                  judged: dict[int, set[int]] | None = None, superseded: str = "") -> list[list[Any]]:
    """`currency_of`/`labels_of`: vendor id -> currency status / its label as the user reads it; `judged`: vendor id
    -> the reports the status was judged on (a vendor's other reports get no status and the `superseded` label)."""
    status_at = REGISTER_COLUMNS.index("currency_status")
    label_at = REGISTER_COLUMNS.index("currency_label")
    rows = []
    for row in conn.execute(EXPORT_SQL):
        values = list(row)
        vendor = row[1]
        if vendor is not None and judged is not None and vendor in judged and row[0] not in judged[vendor]:
            values[status_at], values[label_at] = None, superseded
        else:
            values[status_at] = currency_of.get(vendor) if vendor is not None else None
            values[label_at] = (labels_of or {}).get(vendor) if vendor is not None else None
        rows.append(values)
    return rows


def audit_rows(entries: list[AuditEntry]) -> list[list[Any]]:
    return [[getattr(e, name) for name in AUDIT_COLUMNS] for e in entries]


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def audit_csv_path(path: Path) -> Path:
    return csv_path(path, "audit")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def refuse_register_files(targets: list[Path], register_path: Path) -> None:
    """RegisterError when any target is the register or one of its companion files, by name or by identity."""
    register_path = Path(register_path)
    own = [register_path] + [register_path.with_name(register_path.name + s) for s in COMPANION_SUFFIXES]
    own_names = {os.path.realpath(p) for p in own}
    own_ids = {i for i in map(_identity, own) if i is not None}
    for target in targets:
        ident = _identity(target)
        if os.path.realpath(target) in own_names or (ident is not None and ident in own_ids):
            raise RegisterError(f"{target} is the register (or one of its files); "
                                "exporting there would destroy it: choose another file")


def write_atomically(writers: list[tuple[Path, str, dict[str, Any], Callable[[Any], None]]]) -> None:
    """Each (path, mode, open options, write) into a new 0600 file in the path's folder, synced; only once all are
    completely written do they replace their targets (so a full disk leaves every previous export whole)."""
    temps: list[tuple[str, Path]] = []
    try:
        for path, mode, options, write in writers:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)  # mkstemp: 0600
            temps.append((tmp, path))
            with os.fdopen(fd, mode, **options) as fh:
                write(fh)
                fh.flush()
                os.fsync(fh.fileno())
        for tmp, path in temps:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    for folder in {path.parent for _, path in temps}:
        _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def csv_path(path: Path, name: str) -> Path:
    """The CSV file of the table `name` for an export to `path` ("" is `path` itself)."""
    return path if not name else path.with_name(f"{path.stem}-{name}.csv")


def csv_paths(path: Path) -> list[Path]:
    """Every file a CSV export to `path` writes, in the order it lists them."""
    return [csv_path(Path(path), name) for name in CSV_NAMES]


def write_csv(path: Path, tables: Sequence[Table]) -> list[Path]:
    """Each table as one CSV file (machine column names, for tools): the first in `path`, the others beside it as
    `<stem>-<name>.csv`; return the paths written."""
    path = Path(path)

    def writer(header: tuple[str, ...], rows: list[list[Any]]) -> Callable[[Any], None]:
        def write(fh: Any) -> None:
            out = csv.writer(fh)
            out.writerow(header)
            out.writerows([[_csv_cell(v) for v in row] for row in rows])
        return write

    options = {"newline": "", "encoding": "utf-8-sig"}
    targets = [(csv_path(path, t.name), t) for t in tables]
    write_atomically([(target, "w", options, writer(t.columns, t.rows)) for target, t in targets])
    return [target for target, _ in targets]


def write_xlsx(path: Path, tables: Sequence[Table]) -> None:
    """Each table as a sheet (`xlsx_sheets`: human headers in bold, frozen, filterable, readable widths, dates)."""
    from reviewer.register.xlsx_sheets import workbook

    write_atomically([(Path(path), "wb", {}, workbook(tables).save)])


def reports_table(rows: list[list[Any]]) -> Table:
    return Table("Reports", "", REGISTER_COLUMNS, tuple(heading(c) for c in REGISTER_COLUMNS), rows)


def audit_table(rows: list[list[Any]]) -> Table:
    return Table("Audit log", "audit", AUDIT_COLUMNS, tuple(heading(c) for c in AUDIT_COLUMNS), rows)
