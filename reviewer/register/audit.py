"""The append-only audit log: who changed which field of a review, triage or mapping, when, from what to what.

Rows are only ever inserted (database triggers refuse UPDATE and DELETE), with one exception: deleting a report
(the end of an NDA) scrubs the reviewer's words about it (`scrub_report`: the old and new values go, who, when,
which entity and which field stay), the only update the trigger allows. Writers call `record()` inside their own
transaction, so a change and its audit row commit together or not at all.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from reviewer.register.dbapi import Connection
from reviewer.register.records import AuditEntry


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def record(
    conn: Connection, *, who: str, report_id: int | None, entity: str, entity_id: int | None, field: str,
    old: Any, new: Any, at: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO audit_log (at, who, report_id, entity, entity_id, field, old, new) VALUES (?,?,?,?,?,?,?,?)",
        (at or utc_now(), who, report_id, entity, entity_id, field, as_text(old), as_text(new)),
    )


def entries(conn: Connection, report_id: int | None = None) -> list[AuditEntry]:
    sql = "SELECT at, who, report_id, entity, field, old, new, entity_id FROM audit_log"
    params: tuple[Any, ...] = ()
    if report_id is not None:
        sql += " WHERE report_id = ?"
        params = (report_id,)
    return [AuditEntry(*row) for row in conn.execute(sql + " ORDER BY id", params)]


def scrub_report(conn: Any, report_id: int) -> int:
    """Empty the old and new values of every audit entry about `report_id` (inside the caller's transaction)."""
    cur = conn.execute("UPDATE audit_log SET old = NULL, new = NULL, scrubbed = 1 WHERE report_id = ? AND scrubbed = 0",
                       (report_id,))
    return int(cur.rowcount)
