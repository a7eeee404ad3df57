"""The user's own controls, CUEC-to-control mappings, and suggestions from earlier mappings.

The same CUEC recurs across vendors ("User entities are responsible for reviewing user access ..."), so when a
new CUEC resembles one mapped before (rapidfuzz token_set_ratio), the control it was mapped to is suggested.
"""

from __future__ import annotations

import json

from rapidfuzz import fuzz, process

from reviewer.extract.model import ExtractionResult
from reviewer.register import audit
from reviewer.register.connection import transaction
from reviewer.register.dbapi import Connection
from reviewer.register.errors import RegisterError
from reviewer.register.records import CuecMapping, CuecRecord, MappingSuggestion, OwnControl

SUGGEST_AT = 80.0


def own_controls(conn: Connection) -> list[OwnControl]:
    return [OwnControl(*r) for r in conn.execute("SELECT id, ref, title, owner FROM own_controls ORDER BY ref")]


def _own_control(conn: Connection, control_id: int) -> OwnControl | None:
    row = conn.execute("SELECT id, ref, title, owner FROM own_controls WHERE id = ?", (control_id,)).fetchone()
    return OwnControl(*row) if row else None


def add_own_control(conn: Connection, ref: str, title: str, owner: str | None, who: str) -> OwnControl:
    if not ref.strip() or not title.strip():
        raise RegisterError("an own control needs a reference and a title")
    with transaction(conn):
        if conn.execute("SELECT 1 FROM own_controls WHERE ref = ?", (ref,)).fetchone():
            raise RegisterError(f"an own control with reference {ref} already exists")
        cur = conn.execute(
            "INSERT INTO own_controls (ref, title, owner, created_at) VALUES (?,?,?,?)",
            (ref, title, owner, audit.utc_now()),
        )
        control_id = int(cur.lastrowid)
        audit.record(conn, who=who, report_id=None, entity="own_control", entity_id=control_id, field="created",
                     old=None, new=f"{ref}: {title} (owner {owner or '-'})")
    return OwnControl(control_id, ref, title, owner)


def map_cuec(conn: Connection, cuec_id: int, own_control_id: int | None, who: str, note: str | None = None) -> None:
    """Map a CUEC to one of the user's controls (None removes the mapping)."""
    if not who or not who.strip():
        raise RegisterError("say who makes the change (a reviewer name)")
    with transaction(conn):
        row = conn.execute(
            "SELECT report_id, own_control_id, mapping_note FROM cuecs WHERE id = ?", (cuec_id,)
        ).fetchone()
        if row is None:
            raise RegisterError(f"no CUEC {cuec_id} in the register")
        report_id, old_control, old_note = row
        if own_control_id is not None and _own_control(conn, own_control_id) is None:
            raise RegisterError(f"no own control {own_control_id} in the register")
        now = audit.utc_now()
        conn.execute(
            "UPDATE cuecs SET own_control_id = ?, mapping_note = ?, mapped_by = ?, mapped_at = ? WHERE id = ?",
            (own_control_id, note, who, now, cuec_id),
        )

        def ref(control_id: int | None) -> str | None:
            control = _own_control(conn, control_id) if control_id is not None else None
            return control.ref if control else None

        if old_control != own_control_id:
            audit.record(conn, who=who, report_id=report_id, entity="cuec", entity_id=cuec_id, field="own_control",
                         old=ref(old_control), new=ref(own_control_id), at=now)
        if old_note != note:
            audit.record(conn, who=who, report_id=report_id, entity="cuec", entity_id=cuec_id, field="mapping_note",
                         old=old_note, new=note, at=now)


def suggestions_for(conn: Connection, text: str, *, exclude_cuec_id: int | None = None,
                    limit: int = 3) -> list[MappingSuggestion]:
    """Own controls that CUECs similar to `text` were mapped to, best first (one suggestion per control)."""
    mapped = {
        cid: (t, oc) for cid, t, oc in conn.execute(
            "SELECT id, text, own_control_id FROM cuecs WHERE own_control_id IS NOT NULL"
        ) if cid != exclude_cuec_id
    }
    if not mapped:
        return []
    texts = {cid: t for cid, (t, _) in mapped.items()}
    best: dict[int, MappingSuggestion] = {}
    for _t, score, cid in process.extract(text, texts, scorer=fuzz.token_set_ratio, score_cutoff=SUGGEST_AT,
                                         limit=20):
        control_id = mapped[cid][1]
        if control_id not in best or score > best[control_id].score:
            control = _own_control(conn, control_id)
            if control is not None:
                best[control_id] = MappingSuggestion(control, float(score), texts[cid], cid)
    return sorted(best.values(), key=lambda s: -s.score)[:limit]


def cuecs(conn: Connection, report_id: int) -> list[CuecRecord]:
    row = conn.execute("SELECT json FROM extractions WHERE report_id = ?", (report_id,)).fetchone()
    if row is None:
        raise RegisterError(f"no report {report_id} in the register")
    items = ExtractionResult.from_json(json.loads(row[0])).report.cuecs
    out = []
    for cid, idx, own_id, note, by, at in conn.execute(
        "SELECT id, idx, own_control_id, mapping_note, mapped_by, mapped_at FROM cuecs WHERE report_id = ? "
        "ORDER BY idx", (report_id,),
    ):
        control = _own_control(conn, own_id) if own_id is not None else None
        mapping = CuecMapping(control, note, by, at) if control else None
        suggestions = [] if mapping else suggestions_for(conn, items[idx].text, exclude_cuec_id=cid)
        out.append(CuecRecord(id=cid, index=idx, cuec=items[idx], mapping=mapping, suggestions=suggestions))
    return out


def add_own_controls(conn: Connection, rows: list[tuple[str, str, str | None]],
                     who: str) -> tuple[list[OwnControl], list[str]]:
    """Add many own controls at once (one transaction, one audit entry each): (the added, the references already
    present, which are left as they are)."""
    if not who or not who.strip():
        raise RegisterError("say who makes the change (a reviewer name)")
    added: list[OwnControl] = []
    present: list[str] = []
    with transaction(conn):
        existing = {r[0].casefold() for r in conn.execute("SELECT ref FROM own_controls")}
        for ref, title, owner in rows:
            if not ref.strip() or not title.strip():
                raise RegisterError("an own control needs a reference and a title")
            if ref.casefold() in existing:
                present.append(ref)
                continue
            existing.add(ref.casefold())
            cur = conn.execute("INSERT INTO own_controls (ref, title, owner, created_at) VALUES (?,?,?,?)",
                               (ref, title, owner, audit.utc_now()))
            control_id = int(cur.lastrowid)
            audit.record(conn, who=who, report_id=None, entity="own_control", entity_id=control_id,
                         field="created", old=None, new=f"{ref}: {title} (owner {owner or '-'})")
            added.append(OwnControl(control_id, ref, title, owner))
    return added, present


def remove_own_controls(conn: Connection, control_ids: list[int], who: str) -> None:
    """Remove own controls no CUEC is mapped to (an import taken back); refused, as a whole, if one is mapped."""
    if not who or not who.strip():
        raise RegisterError("say who makes the change (a reviewer name)")
    with transaction(conn):
        for control_id in control_ids:
            control = _own_control(conn, control_id)
            if control is None:
                continue
            if conn.execute("SELECT 1 FROM cuecs WHERE own_control_id = ?", (control_id,)).fetchone():
                raise RegisterError(f"own control {control.ref} is mapped to a CUEC: unmap it first")
            conn.execute("DELETE FROM own_controls WHERE id = ?", (control_id,))
            audit.record(conn, who=who, report_id=None, entity="own_control", entity_id=control_id,
                         field="created", old=f"{control.ref}: {control.title} (owner {control.owner or '-'})",
                         new=None)
