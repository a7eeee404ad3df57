"""Corrections in the register: the `corrections` table, and THE point where a report's corrected extraction is made.

The extraction as read stays in `readings` (from a report's first correction or re-read on); `extractions` holds
the extraction with the corrections on top, and `materialize` writes it, with the report's queryable columns
(`reports`: period, opinion, counts ...) and its item rows (`exceptions`, `cuecs`, `subservice`), after every
correction, undo, redo and re-read. So everything that reads the register (the table, currency, SOC 1 coverage,
exports, the workpaper, search, vendor history) sees the corrected values without knowing about corrections.
Item rows carry the item's key, so triage and CUEC mappings stay with their item; a removed item's triage is kept
with the removing correction and comes back with an undo. Callers hold the transaction.
"""

from __future__ import annotations

import json
from typing import Any

from rapidfuzz import fuzz

from reviewer.extract.fields_table import STORED
from reviewer.extract.model import ExtractionResult
from reviewer.register import audit
from reviewer.register import vendors as vendor_rules
from reviewer.register.corrections import (
    FUZZY_MATCH,
    IDENTITY,
    LISTS,
    Correction,
    Effective,
    apply,
    identity,
    item_keys,
    show,
)
from reviewer.register.dbapi import Connection
from reviewer.register.errors import RegisterError
from reviewer.register.reports import delete_page_texts, iso, link_bridges, store_page_texts

# list -> (its table, the columns read from the item, the review columns that stay with the item)
ITEM_TABLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "exceptions": ("exceptions", ("control_id", "description", "page"),
                   ("relevance", "nature", "compensating_control", "follow_up")),
    "cuecs": ("cuecs", ("text", "page"), ("own_control_id", "mapping_note", "mapped_by", "mapped_at")),
    "subservice_organizations": ("subservice", ("name", "services", "method"), ("linked_vendor_id",)),
}
COLUMNS = ("id", "report_id", "target", "kind", "original", "value", "evidence", "reason", "who", "at", "active")


def _loads(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def _correction(row: tuple[Any, ...]) -> Correction:
    cid, rid, target, kind, original, value, evidence, reason, who, at, active = row
    return Correction(cid, rid, target, kind, _loads(original), _loads(value), who, at, reason, _loads(evidence),
                      bool(active))


def corrections(conn: Connection, report_id: int, *, include_undone: bool = False) -> list[Correction]:
    sql = f"SELECT {', '.join(COLUMNS)} FROM corrections WHERE report_id = ?"  # noqa: S608 - fixed names
    if not include_undone:
        sql += " AND active = 1"
    return [_correction(r) for r in conn.execute(sql + " ORDER BY id", (report_id,))]


def correction(conn: Connection, correction_id: int) -> Correction:
    row = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM corrections WHERE id = ?",  # noqa: S608
                       (correction_id,)).fetchone()
    if row is None:
        raise RegisterError(f"no correction {correction_id} in the register")
    return _correction(row)


def as_read(conn: Connection, report_id: int) -> ExtractionResult:
    """The report's extraction as the extractor read it last, before any correction."""
    row = conn.execute("SELECT json FROM readings WHERE report_id = ?", (report_id,)).fetchone()
    if row is None:
        row = conn.execute("SELECT json FROM extractions WHERE report_id = ?", (report_id,)).fetchone()
    if row is None:
        raise RegisterError(f"no report {report_id} in the register")
    return ExtractionResult.from_json(json.loads(row[0]))


def effective(conn: Connection, report_id: int) -> Effective:
    """The reading with the report's active corrections on top, with each item's key."""
    return apply(as_read(conn, report_id), corrections(conn, report_id))


def keep_reading(conn: Connection, report_id: int) -> None:
    """Before the first correction: keep the extraction as read, since `extractions` will hold the corrected one."""
    conn.execute("INSERT OR IGNORE INTO readings (report_id, json, read_at) "
                 "SELECT report_id, json, ? FROM extractions WHERE report_id = ?", (audit.utc_now(), report_id))


def insert(conn: Connection, report_id: int, target: str, kind: str, *, original: Any, value: Any, who: str,
           reason: str | None = None, evidence: dict[str, Any] | None = None, shown_before: Any = None) -> Correction:
    """Record one correction (and its audit entry), then materialize the report."""
    if not who or not who.strip():
        raise RegisterError("say who makes the correction (a reviewer name)")
    keep_reading(conn, report_id)
    previous = as_read(conn, report_id)
    now = audit.utc_now()
    cur = conn.execute(
        "INSERT INTO corrections (report_id, target, kind, original, value, evidence, reason, who, at) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        (report_id, target, kind, json.dumps(original), json.dumps(value),
         json.dumps(evidence) if evidence else None, reason or None, who, now),
    )
    corr = correction(conn, int(cur.lastrowid))
    new_text = {"confirm": f"confirmed: {show(shown_before, target)}", "remove": None}.get(kind, show(value, target))
    audit.record(conn, who=who, report_id=report_id, entity="correction", entity_id=corr.id,
                 field=f"{kind} {corr.label}", old=show(shown_before, target) if kind != "confirm" else None,
                 new=new_text, at=now)
    if reason:
        audit.record(conn, who=who, report_id=report_id, entity="correction", entity_id=corr.id, field="reason",
                     old=None, new=reason, at=now)
    materialize(conn, report_id, previous)
    return corr


def set_active(conn: Connection, correction_id: int, active: bool, who: str) -> Correction:
    """Undo (active False) or redo a correction; logged, then the report is materialized again."""
    corr = correction(conn, correction_id)
    if corr.active == active:
        return corr
    previous = as_read(conn, corr.report_id)
    conn.execute("UPDATE corrections SET active = ? WHERE id = ?", (int(active), correction_id))
    audit.record(conn, who=who, report_id=corr.report_id, entity="correction", entity_id=correction_id,
                 field=f"{'redo' if active else 'undo'} {corr.kind} {corr.label}",
                 old=None, new=show(corr.value, corr.target) if corr.kind in ("set", "add") else None)
    materialize(conn, corr.report_id, previous)
    return correction(conn, correction_id)


def replace_reading(conn: Connection, report_id: int, reading: ExtractionResult) -> None:
    """A new reading of the report (re-read): stored as read; the corrections stay and lay over it."""
    previous = as_read(conn, report_id)
    conn.execute("INSERT OR REPLACE INTO readings (report_id, json, read_at) VALUES (?, ?, ?)",
                 (report_id, json.dumps(reading.to_storage()), audit.utc_now()))
    materialize(conn, report_id, previous)


def replace_page_text(conn: Connection, report_id: int, page_texts: list[str]) -> None:
    """The full-text index of a report read again (its pages as this reading reads them)."""
    delete_page_texts(conn, report_id)
    store_page_texts(conn, report_id, page_texts)


def materialize(conn: Connection, report_id: int, previous: ExtractionResult) -> Effective:
    """Write the corrected extraction, the report's columns and its item rows. `previous`: the reading the item
    rows were last written from (their keys, for rows written before any correction)."""
    eff = effective(conn, report_id)
    result, rep = eff.result, eff.result.report
    conn.execute("UPDATE extractions SET json = ? WHERE report_id = ?",
                 (json.dumps(result.to_storage()), report_id))
    row: dict[str, Any] = {f.column: f.to_column(f.value(rep)) for f in STORED if f.column}
    row.update(document_type=result.document_type, effective_period_end=iso(rep.period_end or rep.as_of),
               exceptions_count=len(rep.exceptions), cuecs_count=len(rep.cuecs))
    conn.execute(f"UPDATE reports SET {', '.join(f'{name} = :{name}' for name in row)} WHERE id = :report_id",  # noqa: S608
                 {**row, "report_id": report_id})
    before = previous.to_storage()["report"]
    stored = result.to_storage()["report"]
    for name in ITEM_TABLES:
        _write_items(conn, report_id, name, stored[name], eff.keys[name], item_keys(name, before[name]))
    link_bridges(conn, report_id)
    return eff


def _write_items(conn: Connection, report_id: int, name: str, items: list[dict[str, Any]], keys: list[str],
                 previous_keys: list[str]) -> None:
    table, columns, kept_columns = ITEM_TABLES[name]
    rows = conn.execute(
        f"SELECT id, idx, item_key, {', '.join(columns + kept_columns)} FROM {table} WHERE report_id = ?",  # noqa: S608
        (report_id,)).fetchall()
    by_key: dict[str, tuple[Any, ...]] = {}
    for row in rows:
        key = row[2] or (previous_keys[row[1]] if 0 <= row[1] < len(previous_keys) else f"row{row[0]}")
        by_key[key] = row
    # a re-read item read a little differently is still the same item (its triage and mapping stay with it)
    fields = {c: i for i, c in enumerate(columns, start=3)}
    for key, item in zip(keys, items, strict=True):
        if key in by_key:
            continue
        leftovers = [(k, r) for k, r in by_key.items() if k not in keys]
        scored = [(fuzz.ratio(identity(name, item), identity(name, {c: r[fields[c]] for c in IDENTITY[name]
                                                                     if c in fields})), k) for k, r in leftovers]
        best = max(scored, default=(0.0, None))
        if best[1] is not None and best[0] >= FUZZY_MATCH:
            by_key[key] = by_key.pop(best[1])
    conn.execute(f"UPDATE {table} SET idx = -1 - id WHERE report_id = ?", (report_id,))  # noqa: S608 - free idx
    known = vendor_rules.all_vendors(conn) if name == "subservice_organizations" else []
    for position, (key, item) in enumerate(zip(keys, items, strict=True)):
        values = [item.get(c) for c in columns]
        row = by_key.pop(key, None)
        if row is not None:
            sets = ", ".join(f"{c} = ?" for c in columns)
            conn.execute(f"UPDATE {table} SET idx = ?, item_key = ?, {sets} WHERE id = ?",  # noqa: S608
                         (position, key, *values, row[0]))
            continue
        kept = _kept(conn, report_id, f"{name}/{key}")
        if name == "subservice_organizations" and kept.get("linked_vendor_id") is None:
            kept["linked_vendor_id"] = vendor_rules.find_vendor_for_subservice(item.get("name") or "", known)
        extra = [c for c in kept_columns if kept.get(c) is not None]
        names = ["report_id", "idx", "item_key", *columns, *extra]
        conn.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",  # noqa: S608
                     (report_id, position, key, *values, *[kept[c] for c in extra]))
    for key, row in by_key.items():  # items no longer there: keep their review columns with the removal
        kept_values = dict(zip(kept_columns, row[3 + len(columns):], strict=True))
        if any(v is not None for v in kept_values.values()):
            conn.execute(
                "UPDATE corrections SET kept = ? WHERE id = (SELECT max(id) FROM corrections WHERE report_id = ? "
                "AND target = ? AND kind = 'remove')", (json.dumps(kept_values), report_id, f"{name}/{key}"))
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (row[0],))  # noqa: S608


def _kept(conn: Connection, report_id: int, target: str) -> dict[str, Any]:
    row = conn.execute("SELECT kept FROM corrections WHERE report_id = ? AND target = ? AND kept IS NOT NULL "
                       "ORDER BY id DESC LIMIT 1", (report_id, target)).fetchone()
    return json.loads(row[0]) if row else {}


__all__ = ["LISTS", "as_read", "corrections", "effective", "insert", "materialize", "replace_reading", "set_active"]
