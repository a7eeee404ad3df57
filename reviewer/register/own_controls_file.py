"""Reading a list of the user's own controls from a CSV or Excel (.xlsx) file: columns id, title and owner.

Header names are matched loosely (case, spaces and punctuation aside, and common synonyms: "Control ID",
"Ref", "Reference"; "Name", "Control title"; "Control owner", "Responsible"); the owner column is optional.
Rows without an id or a title are skipped with a note; an id listed twice is read once. A file that cannot be
read, or has no id or title column, raises `ControlsFileError` with a message for the user.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # a list of controls is small; a larger file is not one
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": ("id", "ref", "reference", "controlid", "controlref", "controlreference", "controlno", "controlnumber",
            "no", "number", "code", "controlcode", "key"),
    "title": ("title", "name", "controltitle", "controlname", "control", "description", "controldescription",
              "summary"),
    "owner": ("owner", "controlowner", "owners", "responsible", "responsibleparty", "operatedby", "operator",
              "team", "accountable"),
}


class ControlsFileError(Exception):
    """The file cannot be read as a list of controls; the message says why, for the user."""


@dataclass(frozen=True)
class ControlRow:
    ref: str
    title: str
    owner: str | None
    line: int  # the row's number in the file (1: the header), for messages


@dataclass
class ControlsFile:
    rows: list[ControlRow] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "row 7: no title", one line each


def header_key(name: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name or "").lower())


def _columns(header: list[object]) -> dict[str, int]:
    keys = [header_key(h) for h in header]
    found: dict[str, int] = {}
    for column, names in SYNONYMS.items():
        for name in names:  # the first synonym present wins ("id" before "no")
            if name in keys and keys.index(name) not in found.values():
                found[column] = keys.index(name)
                break
    return found


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a numeric id typed in Excel reads as 3.0
    return " ".join(str(value).split())


def parse_rows(table: list[list[object]]) -> ControlsFile:
    """Controls from a table's rows (the first non-empty row is the header)."""
    rows = [r for r in table if any(_cell(v) for v in r)]
    if not rows:
        raise ControlsFileError("The file is empty: it needs a header row (id, title, owner) and a row per control.")
    header, body = rows[0], rows[1:]
    columns = _columns(header)
    missing = [name for name, label in (("ref", "id"), ("title", "title")) if name not in columns]
    if missing:
        shown = ", ".join(f'"{_cell(h)}"' for h in header if _cell(h)) or "none"
        raise ControlsFileError(
            f"No {' or '.join(m if m != 'ref' else 'id' for m in missing)} column found. The first row should name "
            f"the columns id, title and owner (e.g. \"Control ID\", \"Title\", \"Owner\"); it has {shown}.")
    if not body:
        raise ControlsFileError("The file has a header row but no controls below it.")
    out = ControlsFile()
    seen: set[str] = set()
    line_of = {id(r): n for n, r in enumerate(table, start=1)}
    for row in body:
        line = line_of[id(row)]
        values = {name: _cell(row[i]) if i < len(row) else "" for name, i in columns.items()}
        ref, title = values["ref"], values["title"]
        if not ref or not title:
            out.skipped.append(f"row {line}: no {'id' if not ref else 'title'}")
            continue
        if ref.casefold() in seen:
            out.skipped.append(f"row {line}: {ref} is listed twice (the first is kept)")
            continue
        seen.add(ref.casefold())
        out.rows.append(ControlRow(ref, title, values.get("owner") or None, line))
    if not out.rows:
        raise ControlsFileError("No controls found: every row below the header lacks an id or a title.")
    return out


def read_controls_file(path: Path) -> ControlsFile:
    """The controls listed in a .csv or .xlsx file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ControlsFileError(f"{path.name} is too large ({size // (1024 * 1024)} MB) for a list of controls.")
        data = path.read_bytes()
    except OSError as err:
        raise ControlsFileError(f"{path.name} cannot be read: {err.strerror or err}.") from err
    if data.startswith(b"PK"):
        return parse_rows(_xlsx_rows(data, path.name))
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise ControlsFileError(f"{path.name} is not an Excel workbook (.xlsx); save it as .xlsx or CSV.")
    return parse_rows(_csv_rows(data, path.name))


def _csv_rows(data: bytes, name: str) -> list[list[object]]:
    if b"\0" in data[:4096]:
        raise ControlsFileError(f"{name} is not a text (CSV) file or an Excel workbook.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1252 decodes nearly any byte string, so this is rare
        raise ControlsFileError(f"{name} is not text in a known encoding; save it as UTF-8 CSV.")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel  # one column, or too little text to tell: commas
    return [list(r) for r in csv.reader(io.StringIO(text), dialect)]


def _xlsx_rows(data: bytes, name: str) -> list[list[object]]:
    from openpyxl import load_workbook  # imported here: only an import of a workbook needs it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise ControlsFileError(f"{name} cannot be read as an Excel workbook (.xlsx): {err}.") from err
    try:
        for sheet in book.worksheets:  # the first sheet that has an id and a title column
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
            first = next((r for r in rows if any(_cell(v) for v in r)), None)
            if first is not None and {"ref", "title"} <= set(_columns(first)):
                return rows
        return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)] if book.worksheets else []
    finally:
        book.close()
