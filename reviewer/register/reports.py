"""Reports in the register: storing one extraction (with its PDF, page text and items), listing, searching.

`store_report` is THE insert path (imports and the scale benchmark both use it); it runs inside the caller's
transaction, so a report is stored completely or not at all.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from reviewer.extract.fields_table import FIELDS, STORED
from reviewer.extract.model import ExtractionResult
from reviewer.register import fingerprints
from reviewer.register import vendors as vendor_rules
from reviewer.register.currency import CURRENCY_STATUSES
from reviewer.register.dbapi import Connection
from reviewer.register.records import ReportFilter, ReportRow, SearchHit, StoredReport, VendorMatch
from reviewer.register.review_dates import DUE_BY_SQL

ORDER_COLUMNS: dict[str, str] = {
    "vendor": "v.name COLLATE NOCASE",
    "document_type": "r.document_type",
    "framework": "r.framework",
    "type": "r.type",
    "period_start": "r.period_start",
    "period_end": "r.effective_period_end",
    "as_of": "r.as_of",
    "report_date": "r.report_date",
    "opinion": "r.opinion",
    "exceptions_count": "r.exceptions_count",
    "review_status": "rv.status",
    "next_review_date": "rv.next_review_date",
    "file_name": "r.file_name COLLATE NOCASE",
    "imported_at": "r.imported_at",
    "id": "r.id",
    # worst first: a vendor without a status (no readable period end) sorts after every status
    # a vendor's rank on the reports it was judged on; its superseded reports after every status, then no vendor
    "currency_status": "CASE WHEN cur.rank IS NULL THEN 99 WHEN r.id IN (SELECT report_id FROM temp.judged_reports) "
                       "THEN cur.rank ELSE 98 END",
}

# the order of the currency column, worst first (the temp table `vendor_currency` holds each vendor's rank)
CURRENCY_ORDER = CURRENCY_STATUSES
CURRENCY_JOIN = " LEFT JOIN temp.vendor_currency cur ON cur.vendor_id = r.vendor_id"

# page_text.rowid = page_keys.id, one row per (report, page) with text (migration 7)
MATCHING_REPORTS = ("SELECT k.report_id FROM page_keys k WHERE k.id IN "
                    "(SELECT rowid FROM page_text WHERE page_text MATCH ?)")

# a report row of the register table: (SQL expression, `ReportRow` attribute), dates as ISO text
ROW_COLUMNS: tuple[tuple[str, str], ...] = (
    ("r.id", "id"), ("r.vendor_id", "vendor_id"), ("v.name", "vendor"), ("r.document_type", "document_type"),
    ("r.framework", "framework"), ("r.type", "type"), ("r.period_start", "period_start"),
    ("r.period_end", "period_end"), ("r.as_of", "as_of"), ("r.report_date", "report_date"), ("r.opinion", "opinion"),
    ("r.exceptions_count", "exceptions_count"), ("rv.status", "review_status"),
    ("rv.next_review_date", "next_review_date"), ("r.file_name", "file_name"), ("r.imported_at", "imported_at"),
)
ROW_DATES = frozenset({f.key for f in FIELDS if f.kind == "date"} | {"next_review_date"})
ROW_SQL = (f"SELECT {', '.join(expr for expr, _ in ROW_COLUMNS)} FROM reports r "
           "LEFT JOIN vendors v ON v.id = r.vendor_id LEFT JOIN reviews rv ON rv.report_id = r.id")


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def find_by_sha256(conn: Connection, sha256: str) -> int | None:
    row = conn.execute("SELECT id FROM reports WHERE sha256 = ?", (sha256,)).fetchone()
    return int(row[0]) if row else None


def store_report(
    conn: Connection, *, pdf: bytes, extraction: ExtractionResult, page_texts: list[str], file_name: str, now: str,
) -> tuple[int, VendorMatch]:
    """Insert one report and everything that belongs to it. The caller holds the transaction."""
    rep = extraction.report
    effective_end = rep.period_end or rep.as_of
    match = vendor_rules.match_vendor(rep.service_organization, vendor_rules.all_vendors(conn))
    if match.vendor_name is None and extraction.document_type == "bridge_letter":
        match = _letter_vendor(conn, page_texts, iso(effective_end), match)
    vendor_id = match.vendor_id
    if vendor_id is None and match.vendor_name:
        vendor_id = vendor_rules.insert_vendor(conn, match.vendor_name, now)
        match.vendor_id = vendor_id
    row: dict[str, Any] = {f.column: f.to_column(f.value(rep)) for f in STORED if f.column}
    row.update(
        vendor_id=vendor_id, sha256=extraction.file.sha256, file_name=file_name, imported_at=now,
        document_type=extraction.document_type, effective_period_end=iso(effective_end),
        exceptions_count=len(rep.exceptions), cuecs_count=len(rep.cuecs), pages=extraction.file.pages,
        encrypted=int(extraction.file.encrypted), text_layer=extraction.file.text_layer,
        warnings_count=len(extraction.warnings), vendor_score=match.score, vendor_certain=int(match.certain),
    )
    # the id after the highest ever stored: a deleted report's id never comes back (migration 7)
    next_id = ("(SELECT max(coalesce((SELECT last FROM id_high_water WHERE name = 'reports'), 0), "
               "coalesce((SELECT max(id) FROM reports), 0)) + 1)")
    cur = conn.execute(
        f"INSERT INTO reports (id, {', '.join(row)}) VALUES ({next_id}, {', '.join(':' + name for name in row)})",
        row,
    )
    report_id = int(cur.lastrowid)
    conn.execute("INSERT INTO report_files (report_id, pdf) VALUES (?, ?)", (report_id, pdf))
    conn.execute(
        "INSERT INTO extractions (report_id, json) VALUES (?, ?)", (report_id, json.dumps(extraction.to_storage()))
    )
    store_page_texts(conn, report_id, page_texts)
    conn.executemany(
        "INSERT INTO exceptions (report_id, idx, control_id, description, page) VALUES (?,?,?,?,?)",
        [(report_id, i, e.control_id, e.description, e.page) for i, e in enumerate(rep.exceptions)],
    )
    conn.executemany(
        "INSERT INTO cuecs (report_id, idx, text, page) VALUES (?,?,?,?)",
        [(report_id, i, c.text, c.page) for i, c in enumerate(rep.cuecs)],
    )
    known = vendor_rules.all_vendors(conn)
    conn.executemany(
        "INSERT INTO subservice (report_id, idx, name, services, method, linked_vendor_id) VALUES (?,?,?,?,?,?)",
        [
            (report_id, i, s.name, s.services, s.method, vendor_rules.find_vendor_for_subservice(s.name, known))
            for i, s in enumerate(rep.subservice_organizations)
        ],
    )
    conn.execute("INSERT INTO reviews (report_id, status) VALUES (?, 'new')", (report_id,))
    if extraction.document_type == "soc_report":
        fingerprints.store_fingerprint(conn, report_id, page_texts,
                                       [rep.service_organization, rep.system, rep.service_auditor, match.vendor_name])
    link_bridges(conn, report_id)
    return report_id, match


def store_page_texts(conn: Connection, report_id: int, page_texts: list[str]) -> None:
    """A report's pages into the full-text index, each keyed by (report, page) in `page_keys` (migration 7)."""
    for number, text in enumerate(page_texts, start=1):
        if text.strip():
            key = conn.execute("INSERT INTO page_keys (report_id, page) VALUES (?, ?)", (report_id, number)).lastrowid
            conn.execute("INSERT INTO page_text (rowid, report_id, page, text) VALUES (?, ?, ?, ?)",
                         (key, report_id, number, text))


def delete_page_texts(conn: Connection, report_id: int) -> None:
    conn.execute("DELETE FROM page_text WHERE rowid IN (SELECT id FROM page_keys WHERE report_id = ?)", (report_id,))
    conn.execute("DELETE FROM page_keys WHERE report_id = ?", (report_id,))


def _letter_vendor(conn: Connection, page_texts: list[str], period_end: str | None,
                   fallback: VendorMatch) -> VendorMatch:
    """A bridge letter whose service organization was not read: the one vendor it names that has a report
    ending on the letter's stated period end. Not certain: the GUI asks."""
    named = vendor_rules.vendors_named_in(" ".join(page_texts), vendor_rules.all_vendors(conn))
    if period_end is not None:
        named = [vid for vid in named if conn.execute(
            "SELECT 1 FROM reports WHERE vendor_id = ? AND document_type = 'soc_report' AND effective_period_end = ?",
            (vid, period_end)).fetchone()]
    if len(named) != 1:
        return fallback
    name = conn.execute("SELECT name FROM vendors WHERE id = ?", (named[0],)).fetchone()[0]
    return VendorMatch(named[0], name, 90.0, certain=False, candidates=[(named[0], name, 90.0)])


def _adopt_letters(conn: Connection, report_id: int, vendor_id: int, period_end: str) -> None:
    """Letters stored without a vendor that end where this report ends and name its vendor: give them the vendor."""
    vendor = conn.execute("SELECT id, name, normalized_name FROM vendors WHERE id = ?", (vendor_id,)).fetchone()
    for (letter_id,) in conn.execute(
        "SELECT id FROM reports WHERE document_type = 'bridge_letter' AND vendor_id IS NULL "
        "AND effective_period_end = ?", (period_end,),
    ).fetchall():
        text = " ".join(t for (t,) in conn.execute(
            "SELECT text FROM page_text WHERE rowid IN (SELECT id FROM page_keys WHERE report_id = ?)", (letter_id,)))
        if vendor_rules.vendors_named_in(text, [tuple(vendor)]):
            conn.execute("UPDATE reports SET vendor_id = ?, vendor_score = 90, vendor_certain = 0 WHERE id = ?",
                         (vendor_id, letter_id))


def link_bridges(conn: Connection, report_id: int) -> None:
    """Link a bridge letter to the report it bridges, or a report to its waiting letters: same vendor,
    compatible framework and type, and the letter's stated period end equal to the report's."""
    row = conn.execute(
        "SELECT document_type, vendor_id, framework, type, effective_period_end, bridge_period_end FROM reports "
        "WHERE id = ?", (report_id,),
    ).fetchone()
    doc_type, vendor_id, framework, rtype, period_end, bridge_end = row
    if vendor_id is None:
        return
    compatible = "(? IS NULL OR framework IS NULL OR framework = ?) AND (? IS NULL OR type IS NULL OR type = ?)"
    if doc_type == "bridge_letter":
        if period_end is not None:
            target = conn.execute(
                f"SELECT id FROM reports WHERE document_type = 'soc_report' AND vendor_id = ? "
                f"AND effective_period_end = ? AND {compatible} ORDER BY id DESC LIMIT 1",
                (vendor_id, period_end, framework, framework, rtype, rtype),
            ).fetchone()
        elif bridge_end is not None:
            # the letter does not say which period it bridges: the latest report ending before its date
            target = conn.execute(
                f"SELECT id FROM reports WHERE document_type = 'soc_report' AND vendor_id = ? "
                f"AND effective_period_end <= ? AND {compatible} ORDER BY effective_period_end DESC LIMIT 1",
                (vendor_id, bridge_end, framework, framework, rtype, rtype),
            ).fetchone()
        else:
            target = None
        if target:
            conn.execute("UPDATE reports SET bridges_report_id = ? WHERE id = ?", (target[0], report_id))
    elif doc_type == "soc_report" and period_end is not None:
        _adopt_letters(conn, report_id, vendor_id, period_end)
        conn.execute(
            f"UPDATE reports SET bridges_report_id = ? WHERE document_type = 'bridge_letter' AND vendor_id = ? "
            f"AND bridges_report_id IS NULL AND effective_period_end = ? AND {compatible}",
            (report_id, vendor_id, period_end, framework, framework, rtype, rtype),
        )


def delete_report(conn: Connection, report_id: int) -> tuple[str, str | None, str]:
    """Remove a report and everything read from it (PDF, extraction, page text, findings, CUECs, review); a vendor
    left without reports goes too. The caller holds the transaction. Returns (file name, vendor name, sha256)."""
    row = conn.execute("SELECT r.file_name, r.vendor_id, v.name, r.sha256 FROM reports r "
                       "LEFT JOIN vendors v ON v.id = r.vendor_id WHERE r.id = ?", (report_id,)).fetchone()
    if row is None:
        raise KeyError(report_id)
    file_name, vendor_id, vendor, sha256 = row
    delete_page_texts(conn, report_id)
    for table in ("report_files", "extractions", "reviews", "exceptions", "cuecs", "subservice", "corrections",
                  "readings", "report_fingerprints"):
        conn.execute(f"DELETE FROM {table} WHERE report_id = ?", (report_id,))  # noqa: S608 - fixed names
    conn.execute("UPDATE reports SET bridges_report_id = NULL WHERE bridges_report_id = ?", (report_id,))
    conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))
    if vendor_id is not None and not conn.execute("SELECT 1 FROM reports WHERE vendor_id = ?",
                                                  (vendor_id,)).fetchone():
        conn.execute("UPDATE subservice SET linked_vendor_id = NULL WHERE linked_vendor_id = ?", (vendor_id,))
        conn.execute("DELETE FROM vendors WHERE id = ?", (vendor_id,))
    return file_name, vendor, sha256


def _where(filter: ReportFilter | None, currency_vendors: list[int] | None,
           judged: dict[int, set[int]] | None = None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filter is not None:
        if filter.text:
            # the report as the table shows it ("SOC 2 Type 1") matches as a whole, not only its framework
            clauses.append(
                "(v.name LIKE ? OR (coalesce(r.framework, '') || ' ' || coalesce(r.type, '')) LIKE ? "
                "OR r.file_name LIKE ? OR r.service_organization LIKE ?)"
            )
            params += [f"%{filter.text}%"] * 4
        if filter.framework:
            clauses.append("r.framework = ?")
            params.append(filter.framework)
        if filter.review_status:
            clauses.append("rv.status = ?")
            params.append(filter.review_status)
        if filter.document_type:
            clauses.append("r.document_type = ?")
            params.append(filter.document_type)
        if filter.vendor_id is not None:
            clauses.append("r.vendor_id = ?")
            params.append(filter.vendor_id)
        if filter.review_due_by is not None:
            clauses.append(DUE_BY_SQL)
            params.append(filter.review_due_by.isoformat())
        if filter.fulltext:
            clauses.append(f"r.id IN ({MATCHING_REPORTS})")
            params.append(filter.fulltext)
    if currency_vendors is not None:
        clauses.append("r.vendor_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(currency_vendors))
        if judged is not None:  # a vendor's status is that of the reports it was judged on, not its older ones
            clauses.append("r.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted({i for v in currency_vendors for i in judged.get(v, ())})))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_rows(
    conn: Connection, filter: ReportFilter | None, *, currency_of: dict[int, str], order_by: str = "vendor",
    descending: bool = False, offset: int = 0, limit: int | None = 200, judged: dict[int, set[int]] | None = None,
) -> list[ReportRow]:
    """Report rows; `currency_of` maps vendor id -> currency status (computed by the caller)."""
    if order_by not in ORDER_COLUMNS:
        raise ValueError(f"cannot order reports by {order_by!r}; use one of {', '.join(ORDER_COLUMNS)}")
    wanted = None
    if filter is not None and filter.currency_status:
        wanted = [vid for vid, status in currency_of.items() if status == filter.currency_status]
    where, params = _where(filter, wanted, judged)
    direction = "DESC" if descending else "ASC"
    join = CURRENCY_JOIN if order_by == "currency_status" else ""
    sql = f"{ROW_SQL}{join}{where} ORDER BY {ORDER_COLUMNS[order_by]} {direction}, r.id {direction}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [_row(r, currency_of) for r in conn.execute(sql, params)]


def fill_currency_table(conn: Connection, currency_of: dict[int, str],
                        judged: dict[int, set[int]] | None = None) -> None:
    """(Re)fill the connection's temp tables of vendor currency ranks and of the reports each rank was judged on
    (in memory: temp_store = MEMORY)."""
    rank = {status: i for i, status in enumerate(CURRENCY_ORDER)}
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS vendor_currency (vendor_id INTEGER PRIMARY KEY, rank INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS judged_reports (report_id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.vendor_currency")
    conn.execute("DELETE FROM temp.judged_reports")
    conn.executemany("INSERT INTO temp.vendor_currency (vendor_id, rank) VALUES (?, ?)",
                     [(vid, rank.get(status, len(rank))) for vid, status in currency_of.items()])
    conn.executemany("INSERT OR IGNORE INTO temp.judged_reports (report_id) VALUES (?)",
                     [(i,) for ids in (judged or {}).values() for i in ids])


def count_rows(conn: Connection, filter: ReportFilter | None, *, currency_of: dict[int, str],
               judged: dict[int, set[int]] | None = None) -> int:
    wanted = None
    if filter is not None and filter.currency_status:
        wanted = [vid for vid, status in currency_of.items() if status == filter.currency_status]
    where, params = _where(filter, wanted, judged)
    sql = (
        "SELECT count(*) FROM reports r LEFT JOIN vendors v ON v.id = r.vendor_id "
        f"LEFT JOIN reviews rv ON rv.report_id = r.id{where}"
    )
    return int(conn.execute(sql, params).fetchone()[0])


def _row(r: tuple[Any, ...], currency_of: dict[int, str]) -> ReportRow:
    values: dict[str, Any] = {name: day(value) if name in ROW_DATES else value
                              for (_, name), value in zip(ROW_COLUMNS, r, strict=True)}
    values["review_status"] = values["review_status"] or "new"
    vendor_id = values["vendor_id"]
    return ReportRow(**values, currency_status=currency_of.get(vendor_id) if vendor_id is not None else None)


def search(conn: Connection, query: str, limit: int = 50, *, markers: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
    """FTS5 search over every page of every report, best matches first, with a snippet around the hit (each
    matched term between the two `markers`)."""
    rows = conn.execute(
        """SELECT p.report_id, v.name, p.page, snippet(page_text, 2, ?, ?, '…', 16), r.file_name
           FROM page_text p JOIN reports r ON r.id = p.report_id LEFT JOIN vendors v ON v.id = r.vendor_id
           WHERE page_text MATCH ? ORDER BY rank LIMIT ?""",
        (*markers, query, limit),
    )
    return [SearchHit(int(a), b, int(c), d, e) for a, b, c, d, e in rows]


def stored_report(conn: Connection, report_id: int) -> StoredReport | None:
    row = conn.execute(
        """SELECT r.id, r.vendor_id, v.name, e.json, r.file_name, r.sha256, r.imported_at, r.bridges_report_id
           FROM reports r JOIN extractions e ON e.report_id = r.id LEFT JOIN vendors v ON v.id = r.vendor_id
           WHERE r.id = ?""",
        (report_id,),
    ).fetchone()
    if row is None:
        return None
    return StoredReport(
        id=row[0], vendor_id=row[1], vendor=row[2], extraction=ExtractionResult.from_json(json.loads(row[3])),
        file_name=row[4], sha256=row[5], imported_at=row[6], bridges_report_id=row[7],
    )
