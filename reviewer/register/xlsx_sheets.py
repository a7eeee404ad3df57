"""The XLSX export's layout: one sheet per export table (`export_tables.Table`), laid out to be read.

Human headers in bold on a grey band, the top row frozen and filterable, each column as wide as its content reads
well (long text wraps in a capped column), ISO dates as dates and ISO times as date-times (UTC), and any text as
a string cell, never a formula (text read from vendors' PDFs is untrusted).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from reviewer.register.export_tables import Table

DATE_FORMAT = "d mmm yyyy"
DATETIME_FORMAT = "d mmm yyyy hh:mm"
MIN_WIDTH, MAX_WIDTH, MAX_TOKEN_WIDTH = 8, 60, 70  # characters
WIDTH_SAMPLE = 500  # rows looked at to size a column

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def cell_value(value: Any) -> Any:
    """An ISO date as a date, an ISO time as a naive UTC datetime (a spreadsheet has no time zones), else as is."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, str) and _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, str) and _DATETIME.match(value):
        try:
            return cell_value(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            return value
    return value


def _shown_length(value: Any) -> int:
    if isinstance(value, datetime):
        return 17
    if isinstance(value, date):
        return 11
    return max((len(line) for line in str(value).splitlines()), default=0) if value is not None else 0


def column_width(header: str, values: list[Any]) -> tuple[float, bool]:
    """(width in characters, whether the column wraps): as wide as its longest value reads (a value without
    spaces, such as a SHA-256, up to MAX_TOKEN_WIDTH, since it cannot wrap), and its header on at most two lines,
    within MIN_WIDTH..MAX_WIDTH; a column with longer text wraps."""
    sample = values[:WIDTH_SAMPLE]
    longest = max([_shown_length(v) for v in sample] + [0])
    unbreakable = max([len(v) for v in sample if isinstance(v, str) and v and not any(c.isspace() for c in v)] + [0])
    words = header.split() or [""]
    header_need = len(header) if len(header) <= 24 else max(max(len(w) for w in words), (len(header) + 1) // 2)
    width = max(MIN_WIDTH, min(MAX_WIDTH, max(longest, header_need) + 2), min(MAX_TOKEN_WIDTH, unbreakable + 2))
    return float(width), longest + 2 > width


def workbook(tables: Sequence[Table]) -> Any:
    """An openpyxl Workbook with one sheet per table, in order."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    bold, band = Font(bold=True), PatternFill("solid", start_color="FFE8E8E8")
    header_alignment = Alignment(vertical="center", wrap_text=True)
    wrapped = Alignment(vertical="top", wrap_text=True)
    top = Alignment(vertical="top")
    for number, t in enumerate(tables):
        sheet = book.active if number == 0 else book.create_sheet()
        sheet.title = t.title
        sheet.append(list(t.headers))
        for cell in sheet[1]:
            cell.font, cell.fill, cell.alignment = bold, band, header_alignment
        rows = [[cell_value(v) for v in row] for row in t.rows]
        for values in rows:
            sheet.append(values)
        wraps = []
        for index, header in enumerate(t.headers, start=1):
            width, wrap = column_width(header, [row[index - 1] for row in rows])
            sheet.column_dimensions[get_column_letter(index)].width = width
            wraps.append(wrap)
        for row_cells in sheet.iter_rows(min_row=2):
            for cell, wrap in zip(row_cells, wraps, strict=True):
                value = cell.value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                elif isinstance(value, datetime):
                    cell.number_format = DATETIME_FORMAT
                elif isinstance(value, date):
                    cell.number_format = DATE_FORMAT
                cell.alignment = wrapped if wrap else top
        sheet.freeze_panes = "A2"
        if t.headers:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(t.headers))}{max(1, sheet.max_row)}"
    return book
