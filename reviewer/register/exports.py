"""Exports for procurement and audit: every register column plus the audit log, as CSV or XLSX.

XLSX: two sheets, "Register" and "Audit log". CSV: the register in the given file, the audit log in
`<name>-audit.csv` beside it. Text read from vendors' PDFs is untrusted: cells that a spreadsheet would run as a
formula (starting with = + - @) are written as text (a leading apostrophe in CSV, a string cell in XLSX).

Exports are plaintext, so they are written the safe way: never onto the register or its companion files (compared by
file identity, so a hard link or a symlink to the register is refused too), always atomically (a private temporary
file in the target's folder, fsync, rename: a full disk leaves the previous export whole), and 0600 from creation.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from reviewer.register.errors import RegisterError
from reviewer.register.records import AuditEntry

# files that belong to the register at <path>: SQLite's journals and shared memory, and our lock
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")

REGISTER_COLUMNS: tuple[str, ...] = (
    "id", "vendor_id", "vendor", "document_type", "framework", "type", "period_start", "period_end", "as_of",
    "report_date", "bridge_period_end", "bridges_report_id", "opinion", "categories", "service_auditor", "system",
    "exceptions_count", "cuecs_count", "currency_status", "review_status", "reviewer", "rationale",
    "next_review_date", "signed_off_by", "signed_off_at", "file_name", "sha256", "pages", "imported_at",
    "vendor_match_score",
)
AUDIT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(AuditEntry))

EXPORT_SQL = """SELECT r.id, r.vendor_id, v.name, r.document_type, r.framework, r.type, r.period_start, r.period_end,
    r.as_of, r.report_date, r.bridge_period_end, r.bridges_report_id, r.opinion, r.categories, r.service_auditor,
    r.system, r.exceptions_count, r.cuecs_count, NULL, rv.status, rv.reviewer, rv.rationale, rv.next_review_date,
    rv.signed_off_by, rv.signed_off_at, r.file_name, r.sha256, r.pages, r.imported_at, r.vendor_score
    FROM reports r LEFT JOIN vendors v ON v.id = r.vendor_id LEFT JOIN reviews rv ON rv.report_id = r.id
    ORDER BY v.name COLLATE NOCASE, r.effective_period_end, r.id"""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def register_rows(conn: Any, currency_of: dict[int, str]) -> list[list[Any]]:
    status_at = REGISTER_COLUMNS.index("currency_status")
    rows = []
    for row in conn.execute(EXPORT_SQL):
        values = list(row)
        values[status_at] = currency_of.get(row[1]) if row[1] is not None else None
        rows.append(values)
    return rows


def audit_rows(entries: list[AuditEntry]) -> list[list[Any]]:
    return [[getattr(e, name) for name in AUDIT_COLUMNS] for e in entries]


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def audit_csv_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}-audit.csv")


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


def write_csv(path: Path, register: list[list[Any]], audit: list[list[Any]]) -> Path:
    """Write the register to `path` and the audit log beside it; return the audit file's path."""
    path = Path(path)
    audit_path = audit_csv_path(path)

    def writer(header: tuple[str, ...], rows: list[list[Any]]) -> Callable[[Any], None]:
        def write(fh: Any) -> None:
            out = csv.writer(fh)
            out.writerow(header)
            out.writerows([[_csv_cell(v) for v in row] for row in rows])
        return write

    options = {"newline": "", "encoding": "utf-8-sig"}
    write_atomically([(path, "w", options, writer(REGISTER_COLUMNS, register)),
                      (audit_path, "w", options, writer(AUDIT_COLUMNS, audit))])
    return audit_path


def write_xlsx(path: Path, register: list[list[Any]], audit: list[list[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheets = [(book.active, "Register", REGISTER_COLUMNS, register)]
    sheets.append((book.create_sheet(), "Audit log", AUDIT_COLUMNS, audit))
    for sheet, title, header, rows in sheets:
        sheet.title = title
        sheet.append(list(header))
        for values in rows:
            sheet.append([_xlsx_value(v) for v in values])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
        sheet.freeze_panes = "A2"
        for index, name in enumerate(header, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(10, min(40, len(name) + 4))
    write_atomically([(Path(path), "wb", {}, book.save)])


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value
