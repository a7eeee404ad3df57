"""Reviews of reports (status, reviewer, rationale, next review date, sign-off) and exception triage.

Every change is one transaction that also appends one audit row per changed field.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from reviewer.extract.model import ExceptionFinding, ExtractionResult
from reviewer.register import audit
from reviewer.register.connection import transaction
from reviewer.register.dbapi import Connection
from reviewer.register.errors import RegisterError
from reviewer.register.records import DECIDED_STATUSES, NATURES, REVIEW_STATUSES, ExceptionRecord, Review, Triage
from reviewer.register.review_dates import default_next_review

REVIEW_FIELDS = ("status", "reviewer", "rationale", "next_review_date")
TRIAGE_FIELDS = ("relevance", "nature", "compensating_control", "follow_up")


def _review(row: tuple[Any, ...]) -> Review:
    return Review(
        report_id=row[0], status=row[1], reviewer=row[2], rationale=row[3],
        next_review_date=date.fromisoformat(row[4]) if row[4] else None, signed_off_by=row[5], signed_off_at=row[6],
    )


def get_review(conn: Connection, report_id: int) -> Review:
    row = conn.execute(
        "SELECT report_id, status, reviewer, rationale, next_review_date, signed_off_by, signed_off_at "
        "FROM reviews WHERE report_id = ?", (report_id,),
    ).fetchone()
    if row is None:
        raise RegisterError(f"no report {report_id} in the register")
    return _review(row)


def _check_who(who: str) -> None:
    if not who or not who.strip():
        raise RegisterError("say who makes the change (a reviewer name)")


def update_review(conn: Connection, report_id: int, who: str, changes: dict[str, Any]) -> Review:
    """Change review fields; a change to a signed-off review clears the sign-off (and logs that)."""
    _check_who(who)
    unknown = set(changes) - set(REVIEW_FIELDS)
    if unknown:
        raise RegisterError(f"unknown review field(s): {', '.join(sorted(unknown))}")
    if "status" in changes and changes["status"] not in REVIEW_STATUSES:
        raise RegisterError(f"review status must be one of {', '.join(REVIEW_STATUSES)}")
    nrd = changes.get("next_review_date")
    if nrd is not None and not isinstance(nrd, date):
        raise RegisterError("next_review_date must be a date")
    with transaction(conn):
        before = get_review(conn, report_id)
        changed = {k: v for k, v in changes.items() if getattr(before, k) != v}
        for name, value in changed.items():
            conn.execute(
                f"UPDATE reviews SET {name} = ? WHERE report_id = ?", (audit.as_text(value), report_id)
            )
            audit.record(conn, who=who, report_id=report_id, entity="review", entity_id=report_id, field=name,
                         old=getattr(before, name), new=value)
        if changed and before.signed_off_by:
            conn.execute("UPDATE reviews SET signed_off_by = NULL, signed_off_at = NULL WHERE report_id = ?",
                         (report_id,))
            audit.record(conn, who=who, report_id=report_id, entity="review", entity_id=report_id,
                         field="signed_off_by", old=before.signed_off_by, new=None)
        return get_review(conn, report_id)


def sign_off(conn: Connection, report_id: int, who: str) -> Review:
    """Sign off a decided review (accepted, accepted with conditions or rejected). A review without a next-review
    date gets the default one, a year after the sign-off (audited like any change)."""
    _check_who(who)
    with transaction(conn):
        before = get_review(conn, report_id)
        if before.status not in DECIDED_STATUSES:
            raise RegisterError(
                f"report {report_id} has review status {before.status}: decide (accept, accept with conditions or "
                "reject) before signing off"
            )
        now = audit.utc_now()
        conn.execute("UPDATE reviews SET signed_off_by = ?, signed_off_at = ? WHERE report_id = ?",
                     (who, now, report_id))
        audit.record(conn, who=who, report_id=report_id, entity="review", entity_id=report_id,
                     field="signed_off_by", old=before.signed_off_by, new=who, at=now)
        audit.record(conn, who=who, report_id=report_id, entity="review", entity_id=report_id,
                     field="signed_off_at", old=before.signed_off_at, new=now, at=now)
        if before.next_review_date is None:
            next_review = default_next_review(date.fromisoformat(now[:10]))
            conn.execute("UPDATE reviews SET next_review_date = ? WHERE report_id = ?",
                         (next_review.isoformat(), report_id))
            audit.record(conn, who=who, report_id=report_id, entity="review", entity_id=report_id,
                         field="next_review_date", old=None, new=next_review, at=now)
        return get_review(conn, report_id)


def exceptions(conn: Connection, report_id: int) -> list[ExceptionRecord]:
    """The report's exceptions (from its stored extraction, with evidence) and their triage."""
    row = conn.execute("SELECT json FROM extractions WHERE report_id = ?", (report_id,)).fetchone()
    if row is None:
        raise RegisterError(f"no report {report_id} in the register")
    findings: list[ExceptionFinding] = ExtractionResult.from_json(json.loads(row[0])).report.exceptions
    out = []
    for ex_id, idx, *triage in conn.execute(
        "SELECT id, idx, relevance, nature, compensating_control, follow_up FROM exceptions "
        "WHERE report_id = ? ORDER BY idx", (report_id,),
    ):
        out.append(ExceptionRecord(id=ex_id, index=idx, finding=findings[idx], triage=Triage(*triage)))
    return out


def update_triage(conn: Connection, exception_id: int, who: str, changes: dict[str, Any]) -> Triage:
    _check_who(who)
    unknown = set(changes) - set(TRIAGE_FIELDS)
    if unknown:
        raise RegisterError(f"unknown triage field(s): {', '.join(sorted(unknown))}")
    if changes.get("nature") is not None and changes["nature"] not in NATURES:
        raise RegisterError("nature must be 'isolated', 'systemic' or None")
    with transaction(conn):
        row = conn.execute(
            "SELECT report_id, relevance, nature, compensating_control, follow_up FROM exceptions WHERE id = ?",
            (exception_id,),
        ).fetchone()
        if row is None:
            raise RegisterError(f"no exception {exception_id} in the register")
        report_id, before = row[0], Triage(*row[1:])
        for name, value in changes.items():
            if getattr(before, name) == value:
                continue
            conn.execute(f"UPDATE exceptions SET {name} = ? WHERE id = ?", (value, exception_id))
            audit.record(conn, who=who, report_id=report_id, entity="exception", entity_id=exception_id, field=name,
                         old=getattr(before, name), new=value)
        after = conn.execute(
            "SELECT relevance, nature, compensating_control, follow_up FROM exceptions WHERE id = ?", (exception_id,)
        ).fetchone()
        return Triage(*after)
