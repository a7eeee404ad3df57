"""The register's schema, as a numbered list of migrations, and the code that applies them.

`PRAGMA user_version` holds the number of migrations applied. Pending migrations run in ONE transaction
(`BEGIN IMMEDIATE` ... `COMMIT`), so a failure leaves the register exactly as it was. Each migration is a list
of single SQL statements (not a script: `executescript` would commit behind our back).

Tables (why split): `reports` keeps the small queryable columns the lists and filters need; the PDF bytes
(`report_files`) and the stored extraction JSON (`extractions`) live in their own tables so a list scan never
reads them. Page text is in the FTS5 table `page_text`. The audit log is append-only (triggers refuse UPDATE
and DELETE).
"""

from __future__ import annotations

from typing import Any

MIGRATIONS: list[list[str]] = [
    # 1: the first schema
    [
        """CREATE TABLE vendors (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            normalized_name TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX vendors_normalized ON vendors(normalized_name)",
        """CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            vendor_id INTEGER REFERENCES vendors(id),
            sha256 TEXT NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            document_type TEXT,
            framework TEXT,
            type TEXT,
            service_organization TEXT,
            system TEXT,
            period_start TEXT,
            period_end TEXT,
            as_of TEXT,
            effective_period_end TEXT,
            report_date TEXT,
            bridge_period_end TEXT,
            service_auditor TEXT,
            opinion TEXT,
            categories TEXT NOT NULL DEFAULT '',
            exceptions_count INTEGER NOT NULL DEFAULT 0,
            cuecs_count INTEGER NOT NULL DEFAULT 0,
            pages INTEGER NOT NULL DEFAULT 0,
            encrypted INTEGER NOT NULL DEFAULT 0,
            text_layer TEXT,
            warnings_count INTEGER NOT NULL DEFAULT 0,
            vendor_score REAL,
            vendor_certain INTEGER NOT NULL DEFAULT 1,
            bridges_report_id INTEGER REFERENCES reports(id)
        )""",
        "CREATE INDEX reports_vendor ON reports(vendor_id, effective_period_end)",
        "CREATE INDEX reports_framework ON reports(framework)",
        "CREATE INDEX reports_period_end ON reports(effective_period_end)",
        "CREATE INDEX reports_bridges ON reports(bridges_report_id)",
        "CREATE INDEX reports_doctype ON reports(document_type, vendor_id)",
        """CREATE TABLE report_files (
            report_id INTEGER PRIMARY KEY REFERENCES reports(id),
            pdf BLOB NOT NULL
        )""",
        """CREATE TABLE extractions (
            report_id INTEGER PRIMARY KEY REFERENCES reports(id),
            json TEXT NOT NULL
        )""",
        "CREATE VIRTUAL TABLE page_text USING fts5(text, report_id UNINDEXED, page UNINDEXED)",
        """CREATE TABLE reviews (
            report_id INTEGER PRIMARY KEY REFERENCES reports(id),
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN
                ('new', 'in_review', 'accepted', 'accepted_with_conditions', 'rejected')),
            reviewer TEXT,
            rationale TEXT,
            next_review_date TEXT,
            signed_off_by TEXT,
            signed_off_at TEXT
        )""",
        "CREATE INDEX reviews_status ON reviews(status)",
        """CREATE TABLE exceptions (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            idx INTEGER NOT NULL,
            control_id TEXT,
            description TEXT NOT NULL,
            page INTEGER,
            relevance TEXT,
            nature TEXT CHECK (nature IS NULL OR nature IN ('isolated', 'systemic')),
            compensating_control TEXT,
            follow_up TEXT,
            UNIQUE (report_id, idx)
        )""",
        """CREATE TABLE own_controls (
            id INTEGER PRIMARY KEY,
            ref TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            owner TEXT,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE cuecs (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            page INTEGER,
            own_control_id INTEGER REFERENCES own_controls(id),
            mapping_note TEXT,
            mapped_by TEXT,
            mapped_at TEXT,
            UNIQUE (report_id, idx)
        )""",
        "CREATE INDEX cuecs_mapped ON cuecs(own_control_id)",
        """CREATE TABLE subservice (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            idx INTEGER NOT NULL,
            name TEXT NOT NULL,
            services TEXT,
            method TEXT,
            linked_vendor_id INTEGER REFERENCES vendors(id),
            UNIQUE (report_id, idx)
        )""",
        "CREATE INDEX subservice_vendor ON subservice(linked_vendor_id)",
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            report_id INTEGER,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT
        )""",
        "CREATE INDEX audit_report ON audit_log(report_id)",
        """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    ],
]

# 2: page text keyed by rowid = report_id * 100000 + page, with the small columns first, so "which reports match"
#    reads only the FTS index, never the page text (measured: the full-text report filter on 10,000 encrypted
#    reports went from 91 ms to a few ms, since each content row read decrypted its overflow pages)
MIGRATIONS.append([
    "CREATE VIRTUAL TABLE page_text_v2 USING fts5(report_id UNINDEXED, page UNINDEXED, text)",
    "INSERT INTO page_text_v2 (rowid, report_id, page, text) "
    "SELECT report_id * 100000 + page, report_id, page, text FROM page_text",
    "DROP TABLE page_text",
    "ALTER TABLE page_text_v2 RENAME TO page_text",
])

# 3: a covering index for "each vendor's latest SOC report" (currency), so that query reads the index only
MIGRATIONS.append([
    "CREATE INDEX reports_latest ON reports(document_type, vendor_id, effective_period_end, id, framework, type)",
])

# 4: FTS5 removes a deleted page's terms from its index at once, instead of leaving them until a merge (with the
#    connection's secure_delete, nothing of a deleted report's text stays in the file)
MIGRATIONS.append([
    "INSERT INTO page_text (page_text, rank) VALUES ('secure-delete', 1)",
])

# 5: reviewer corrections (`correction_store`): each correction of a value or item, undone ones kept inactive; the
#    extraction as read (`readings`, once a report is corrected or read again: `extractions` then holds the
#    corrected one, which every reader sees); each item row's key, so triage and mappings follow their item
MIGRATIONS.append([
    """CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id),
        target TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('set', 'add', 'remove', 'confirm')),
        original TEXT,
        value TEXT,
        evidence TEXT,
        reason TEXT,
        who TEXT NOT NULL,
        at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        kept TEXT
    )""",
    "CREATE INDEX corrections_report ON corrections(report_id, active)",
    """CREATE TABLE readings (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id),
        json TEXT NOT NULL,
        read_at TEXT NOT NULL
    )""",
    "ALTER TABLE exceptions ADD COLUMN item_key TEXT",
    "ALTER TABLE cuecs ADD COLUMN item_key TEXT",
    "ALTER TABLE subservice ADD COLUMN item_key TEXT",
])

# 6: the user's accepted audit firms (the Signals' auditor check, shared by the app and the CLI), and each report's
#    fingerprints (one-permutation MinHash sketches of its description and tests sections: near copies across vendors)
MIGRATIONS.append([
    """CREATE TABLE accepted_firms (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        normalized_name TEXT NOT NULL UNIQUE,
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE report_fingerprints (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id),
        version INTEGER NOT NULL,
        description_shingles INTEGER NOT NULL,
        description BLOB NOT NULL,
        tests_shingles INTEGER NOT NULL,
        tests BLOB NOT NULL
    )""",
])

# 7: (issue 10) page text keyed by (report, page) in `page_keys`, whose id SQLite assigns and is the FTS row id (the
#    old rowid arithmetic collided at 100,000 pages); "which reports match" still reads the FTS index and this small
#    table only. Report ids are never reused: `id_high_water` remembers the highest ever stored (the insert path takes
#    the next one). A deleted report's audit entries may be scrubbed (their old and new values emptied, once), and
#    nothing else about the audit log may change.
MIGRATIONS.append([
    """CREATE TABLE page_keys (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL,
        page INTEGER NOT NULL,
        UNIQUE (report_id, page)
    )""",
    "INSERT INTO page_keys (id, report_id, page) SELECT rowid, report_id, page FROM page_text",
    "CREATE TABLE id_high_water (name TEXT PRIMARY KEY, last INTEGER NOT NULL)",
    "INSERT INTO id_high_water (name, last) SELECT 'reports', coalesce(max(id), 0) FROM reports",
    """CREATE TRIGGER reports_high_water AFTER INSERT ON reports
       BEGIN UPDATE id_high_water SET last = max(last, NEW.id) WHERE name = 'reports'; END""",
    "ALTER TABLE audit_log ADD COLUMN scrubbed INTEGER NOT NULL DEFAULT 0",
    "DROP TRIGGER audit_log_no_update",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       WHEN NOT (OLD.scrubbed = 0 AND NEW.scrubbed = 1 AND NEW.old IS NULL AND NEW.new IS NULL
                 AND NEW.id = OLD.id AND NEW.at IS OLD.at AND NEW.who IS OLD.who AND NEW.report_id IS OLD.report_id
                 AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id AND NEW.field IS OLD.field)
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only (a deleted report''s entries can only be scrubbed)');
       END""",
])
# 8: (issue 15) the page text indexed with the Porter stemmer, so a search finds a word's other forms ("penetration
#    test" finds "penetration tests"; the search makes each word a prefix term too). The index is rebuilt with the
#    same row ids (page_keys.id) and FTS5's secure-delete kept on.
MIGRATIONS.append([
    "CREATE VIRTUAL TABLE page_text_v8 USING fts5(report_id UNINDEXED, page UNINDEXED, text, "
    "tokenize = 'porter unicode61')",
    "INSERT INTO page_text_v8 (rowid, report_id, page, text) SELECT rowid, report_id, page, text FROM page_text",
    "DROP TABLE page_text",
    "ALTER TABLE page_text_v8 RENAME TO page_text",
    "INSERT INTO page_text (page_text, rank) VALUES ('secure-delete', 1)",
])
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Any, migrations: list[list[str]] | None = None) -> int:
    """Apply the pending migrations in one transaction; return the number applied.

    Raises RuntimeError if the register was written by a newer version of reviewer.
    """
    steps = MIGRATIONS if migrations is None else migrations
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(conn)
        if current > len(steps):
            raise RuntimeError(
                f"the register has schema version {current}, newer than this reviewer knows ({len(steps)}); "
                "update reviewer"
            )
        for number in range(current, len(steps)):
            for statement in steps[number]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {len(steps)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(steps) - current
