"""The tables every export holds, each with its machine column names (the CSV header) and its human headers (the
XLSX sheet): the reports, the exceptions with their triage, the CUECs with their mappings to our controls, the
subservice organizations, the CSOCs and the audit log.

List items (exceptions, CUECs, CSOCs) are read from the stored extraction, which holds the corrected report; the
triage and the mappings from their own tables. One row per item, led by the vendor, the report's file and its id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from reviewer.register.dbapi import Connection

# human headers of the register's columns (`exports.REGISTER_COLUMNS`); a column not named here reads as its name
HEADINGS: dict[str, str] = {
    "id": "Report ID", "vendor_id": "Vendor ID", "vendor": "Vendor", "document_type": "Document",
    "system": "System", "framework": "Framework", "type": "Type", "period_start": "Period start",
    "period_end": "Period end", "as_of": "As of", "report_date": "Report date", "service_auditor": "Service auditor",
    "opinion": "Opinion", "categories": "Categories", "bridge_period_end": "Bridge letter to",
    "bridges_report_id": "Bridges report ID", "exceptions_count": "Exceptions", "cuecs_count": "CUECs",
    "currency_status": "Currency", "review_status": "Review status", "reviewer": "Reviewer",
    "rationale": "Rationale", "next_review_date": "Next review", "signed_off_by": "Signed off by",
    "signed_off_at": "Signed off at (UTC)", "file_name": "File", "sha256": "SHA-256", "pages": "Pages",
    "imported_at": "Imported at (UTC)", "vendor_match_score": "Vendor match score",
    # the audit log
    "at": "When (UTC)", "who": "Who", "report_id": "Report ID", "entity": "What", "field": "Field",
    "old": "From", "new": "To", "entity_id": "Item ID",
}


def heading(column: str) -> str:
    return HEADINGS.get(column) or column.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Table:
    """One export table: the XLSX sheet `title`, the CSV file's `name` (beside the export: `<stem>-<name>.csv`;
    "" is the export's own file), its columns (machine names) and human headers, and its rows."""

    title: str
    name: str
    columns: tuple[str, ...]
    headers: tuple[str, ...]
    rows: list[list[Any]]


def table(title: str, name: str, columns: tuple[tuple[str, str], ...], rows: list[list[Any]]) -> Table:
    return Table(title, name, tuple(c for c, _ in columns), tuple(h for _, h in columns), rows)


_LEAD = (("vendor", "Vendor"), ("file_name", "File"), ("report_id", "Report ID"))
_FROM = ("FROM reports r JOIN extractions e ON e.report_id = r.id LEFT JOIN vendors v ON v.id = r.vendor_id")
_ORDER = "v.name COLLATE NOCASE, r.effective_period_end, r.id"

EXCEPTION_COLUMNS = _LEAD + (
    ("number", "#"), ("control_id", "Control"), ("criteria", "Criteria"), ("control_objective", "Control objective"),
    ("description", "Exception (test result)"), ("page", "Page"), ("management_response", "Management response"),
    ("relevance", "Relevance to us"), ("nature", "Nature"), ("compensating_control", "Compensating control"),
    ("follow_up", "Follow-up"),
)
CUEC_COLUMNS = _LEAD + (
    ("number", "#"), ("text", "CUEC"), ("criteria", "Criteria"), ("page", "Page"),
    ("own_control_ref", "Our control"), ("own_control_title", "Our control's title"),
    ("own_control_owner", "Control owner"), ("mapping_note", "Mapping note"), ("mapped_by", "Mapped by"),
    ("mapped_at", "Mapped at (UTC)"),
)
SUBSERVICE_COLUMNS = _LEAD + (
    ("number", "#"), ("name", "Subservice organization"), ("services", "Services"), ("method", "Method"),
    ("linked_vendor", "Linked vendor in the register"),
)
CSOC_COLUMNS = _LEAD + (
    ("number", "#"), ("text", "CSOC"), ("subservice_organization", "Subservice organization"), ("page", "Page"),
)


def _item(path: str) -> str:
    """The JSON expression of field `path` of the item at row index x.idx of a report list."""
    return f"json_extract(e.json, '$.report.' || ? || '[' || x.idx || '].{path}')"


def _joined(value: Any) -> Any:
    """A JSON array of texts (criteria) as "CC6.1, CC6.2"."""
    if isinstance(value, str) and value.startswith("["):
        try:
            return ", ".join(str(v) for v in json.loads(value)) or None
        except ValueError:
            return value
    return value


def exception_rows(conn: Connection) -> list[list[Any]]:
    sql = (f"SELECT v.name, r.file_name, r.id, x.idx + 1, {_item('control_id')}, {_item('criteria')}, "
           f"{_item('control_objective')}, {_item('description')}, {_item('page')}, {_item('management_response')}, "
           f"x.relevance, x.nature, x.compensating_control, x.follow_up "
           f"{_FROM} JOIN exceptions x ON x.report_id = r.id ORDER BY {_ORDER}, x.idx")
    rows = conn.execute(sql, ("exceptions",) * 6).fetchall()
    return [[*row[:5], _joined(row[5]), *row[6:]] for row in rows]


def cuec_rows(conn: Connection) -> list[list[Any]]:
    sql = (f"SELECT v.name, r.file_name, r.id, x.idx + 1, {_item('text')}, {_item('criteria')}, {_item('page')}, "
           "oc.ref, oc.title, oc.owner, x.mapping_note, x.mapped_by, x.mapped_at "
           f"{_FROM} JOIN cuecs x ON x.report_id = r.id LEFT JOIN own_controls oc ON oc.id = x.own_control_id "
           f"ORDER BY {_ORDER}, x.idx")
    rows = conn.execute(sql, ("cuecs",) * 3).fetchall()
    return [[*row[:5], _joined(row[5]), *row[6:]] for row in rows]


def subservice_rows(conn: Connection) -> list[list[Any]]:
    sql = ("SELECT v.name, r.file_name, r.id, x.idx + 1, x.name, x.services, x.method, lv.name "
           f"{_FROM} JOIN subservice x ON x.report_id = r.id LEFT JOIN vendors lv ON lv.id = x.linked_vendor_id "
           f"ORDER BY {_ORDER}, x.idx")
    return [list(row) for row in conn.execute(sql)]


def csoc_rows(conn: Connection) -> list[list[Any]]:
    sql = ("SELECT v.name, r.file_name, r.id, c.key + 1, json_extract(c.value, '$.text'), "
           "json_extract(c.value, '$.subservice_organization'), json_extract(c.value, '$.page') "
           f"{_FROM} JOIN json_each(e.json, '$.report.csocs') c ORDER BY {_ORDER}, c.key")
    return [list(row) for row in conn.execute(sql)]


def item_tables(conn: Connection) -> list[Table]:
    """The exceptions, CUECs, subservice organizations and CSOCs tables."""
    return [
        table("Exceptions", "exceptions", EXCEPTION_COLUMNS, exception_rows(conn)),
        table("CUECs", "cuecs", CUEC_COLUMNS, cuec_rows(conn)),
        table("Subservice organizations", "subservice", SUBSERVICE_COLUMNS, subservice_rows(conn)),
        table("CSOCs", "csocs", CSOC_COLUMNS, csoc_rows(conn)),
    ]
