"""`Register`: the facade over one encrypted register file that the GUI and the CLI use.

One `Register` is one SQLCipher connection, used on the thread that opened it. A worker thread opens its own
with `Register.open_with_key(path, register.key)` (no slow key derivation). Writes are each one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils

from reviewer.register import audit, exports, importer, mapping, reports, reviews
from reviewer.register import vendors as vendor_rules
from reviewer.register.connection import (
    RegisterKey,
    acquire_lock,
    connect,
    derive_key,
    file_exists,
    lock_holders,
    make_private_folder,
    new_salt,
    read_salt,
    release_lock,
    transaction,
)
from reviewer.register.coverage import Soc1Coverage
from reviewer.register.currency import CurrencyThresholds, VendorCurrency
from reviewer.register.errors import RegisterError
from reviewer.register.kdf import check_new_passphrase
from reviewer.register.migrations import migrate
from reviewer.register.queries import currency_rows, fourth_parties_missing, soc1_coverage, subservice, vendor_list
from reviewer.register.records import (
    AuditEntry,
    CuecRecord,
    ExceptionRecord,
    FourthPartyGap,
    ImportOutcome,
    OwnControl,
    ReportFilter,
    ReportRow,
    Review,
    SearchHit,
    StoredReport,
    SubserviceRecord,
    Triage,
    VendorRecord,
)


class Register:
    """An open register. Use `Register.open(...)`; close with `close()` or a `with` block."""

    def __init__(self, path: Path, conn: Any, key: RegisterKey, lock_path: str) -> None:
        self.path = path
        self.db = sqlite_utils.Database(conn)
        self._conn = conn
        self._key = key
        self._lock_path = lock_path
        self._currency_cache: tuple[Any, dict[int, str]] | None = None
        self._currency_table_of: dict[int, str] | None = None
        self._writes = 0

    # -- opening -------------------------------------------------------------------------------------------
    @staticmethod
    def exists(path: Path) -> bool:
        return file_exists(Path(path))

    @classmethod
    def open(cls, path: Path, passphrase: str, *, create: bool = True) -> Register:
        """Open (or create) the register at `path`. Raises WrongPassphrase, RegisterInUse, RegisterError."""
        path = Path(path)
        existing = file_exists(path)
        if not existing:
            if not create:
                raise RegisterError(f"no register at {path}")
            check_new_passphrase(passphrase)  # before anything touches the disk
            make_private_folder(path.parent)
        lock_path = acquire_lock(path)  # creates a new register's file, empty and 0600
        try:
            salt = read_salt(path) if existing else new_salt()
            key = derive_key(passphrase, salt)
            return cls._finish_open(path, key, lock_path, creating=not existing)
        except BaseException:
            release_lock(lock_path)
            if not existing and path.is_file() and path.stat().st_size == 0:
                path.unlink()
            raise

    @classmethod
    def open_with_key(cls, path: Path, key: RegisterKey) -> Register:
        """Another connection with an already derived key (cheap): for a worker thread."""
        path = Path(path)
        lock_path = acquire_lock(path)
        try:  # its own copy of the key, which its close() wipes
            return cls._finish_open(path, key.copy(), lock_path, creating=not file_exists(path))
        except BaseException:
            release_lock(lock_path)
            raise

    @classmethod
    def _finish_open(cls, path: Path, key: RegisterKey, lock_path: str, *, creating: bool) -> Register:
        conn = connect(path, key, creating=creating)
        try:
            migrate(conn)
        except RuntimeError as err:
            conn.close()
            raise RegisterError(str(err)) from None
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, key, lock_path)

    @property
    def key(self) -> RegisterKey:
        return self._key

    @property
    def connection(self) -> Any:
        return self._conn

    def close(self) -> None:
        """Close the connection and overwrite this register's copy of the key (the GUI's lock does this)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._key.wipe()
            release_lock(self._lock_path)

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def change_passphrase(self, new: str) -> None:
        """Re-key the register with a new salt recording the current KDF parameters (so this also upgrades an
        older register's key derivation). Needs every other connection in this process closed."""
        check_new_passphrase(new)
        if lock_holders(self._lock_path) > 1:
            raise RegisterError("close the register's other windows and tasks before changing its passphrase")
        new_key = derive_key(new, new_salt())
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._conn.execute(f"PRAGMA rekey = {new_key.pragma_value(with_salt=True)}")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._key.wipe()
        self._key = new_key

    def _changed(self) -> None:
        self._writes += 1

    # -- import --------------------------------------------------------------------------------------------
    def import_file(self, path: Path, *, password: str | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None,
                    extractor: importer.Extractor | None = None) -> ImportOutcome:
        """Import one PDF. `extractor` runs the extraction (default: in this process; the GUI passes an
        `IsolatedExtractor`); the storage transaction always runs here, on this connection."""
        outcome = importer.import_file(self._conn, path, password=password, progress=progress, cancelled=cancelled,
                                       extractor=extractor)
        self._changed()
        return outcome

    def import_bytes(self, data: bytes, name: str, *, password: str | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None,
                     extractor: importer.Extractor | None = None) -> ImportOutcome:
        outcome = importer.import_bytes(self._conn, data, name, password=password, progress=progress,
                                        cancelled=cancelled, extractor=extractor)
        self._changed()
        return outcome

    def confirm_vendor(self, report_id: int, vendor_id: int | None, new_name: str | None = None, *,
                       who: str = "unknown") -> int:
        """Settle a report's vendor: an existing vendor, or a new one named `new_name` (default: the service
        organization's name as read). Returns the vendor id."""
        conn = self._conn
        with transaction(conn):
            row = conn.execute(
                "SELECT r.vendor_id, v.name, r.service_organization FROM reports r "
                "LEFT JOIN vendors v ON v.id = r.vendor_id WHERE r.id = ?", (report_id,),
            ).fetchone()
            if row is None:
                raise RegisterError(f"no report {report_id} in the register")
            old_id, old_name, read_name = row
            if vendor_id is None:
                name = (new_name or read_name or "").strip()
                if not name:
                    raise RegisterError("give the new vendor a name")
                vendor_id = vendor_rules.insert_vendor(conn, name, audit.utc_now())
            elif conn.execute("SELECT 1 FROM vendors WHERE id = ?", (vendor_id,)).fetchone() is None:
                raise RegisterError(f"no vendor {vendor_id} in the register")
            conn.execute("UPDATE reports SET vendor_id = ?, vendor_certain = 1, vendor_score = 100, "
                         "bridges_report_id = CASE WHEN document_type = 'bridge_letter' THEN NULL "
                         "ELSE bridges_report_id END WHERE id = ?", (vendor_id, report_id))
            new_label = conn.execute("SELECT name FROM vendors WHERE id = ?", (vendor_id,)).fetchone()[0]
            if old_id != vendor_id:
                audit.record(conn, who=who, report_id=report_id, entity="report", entity_id=report_id,
                             field="vendor", old=old_name, new=new_label)
                if old_id is not None and not conn.execute(
                        "SELECT 1 FROM reports WHERE vendor_id = ?", (old_id,)).fetchone():
                    conn.execute("UPDATE subservice SET linked_vendor_id = NULL WHERE linked_vendor_id = ?",
                                 (old_id,))
                    conn.execute("DELETE FROM vendors WHERE id = ?", (old_id,))
                reports.link_bridges(conn, report_id)
        self._changed()
        return vendor_id

    def link_bridge_letter(self, letter_report_id: int, report_id: int, *, who: str = "unknown") -> None:
        conn = self._conn
        with transaction(conn):
            kinds = dict(conn.execute("SELECT id, document_type FROM reports WHERE id IN (?, ?)",
                                      (letter_report_id, report_id)).fetchall())
            if kinds.get(letter_report_id) != "bridge_letter":
                raise RegisterError(f"report {letter_report_id} is not a bridge letter")
            if kinds.get(report_id) != "soc_report":
                raise RegisterError(f"report {report_id} is not a SOC report")
            old = conn.execute("SELECT bridges_report_id FROM reports WHERE id = ?", (letter_report_id,)).fetchone()[0]
            conn.execute("UPDATE reports SET bridges_report_id = ? WHERE id = ?", (report_id, letter_report_id))
            audit.record(conn, who=who, report_id=letter_report_id, entity="report", entity_id=letter_report_id,
                         field="bridges_report_id", old=old, new=report_id)
        self._changed()

    def delete_report(self, report_id: int, who: str) -> None:
        """Destroy a report (the end of an NDA): its PDF, extraction, page text, findings, CUECs and review, and the
        reviewer's words about it in the audit log (who, when and what kind of change stay), in one transaction,
        logged by its sha256 only. Its id is never given to another report. The freed pages are
        zeroed (`secure_delete`, FTS5 `secure-delete`) and the write-ahead log is checkpointed into the file and
        emptied (when no other connection, e.g. an import, is open), so no copy of the report's pages is left
        behind in the register's files."""
        conn = self._conn
        with transaction(conn):
            try:
                sha256 = reports.delete_report(conn, report_id)[2]
            except KeyError:
                raise RegisterError(f"no report {report_id} in the register") from None
            audit.scrub_report(conn, report_id)
            # the deletion itself is logged without the file's or the vendor's name: its fingerprint only
            audit.record(conn, who=who, report_id=report_id, entity="report", entity_id=report_id,
                         field="deleted", old=f"sha256 {sha256}", new=None)
        # TRUNCATE waits (busy timeout) for other connections; with an import running on its own connection, a
        # PASSIVE checkpoint copies what it can without blocking, and the next checkpoint finishes the job
        alone = lock_holders(self._lock_path) <= 1
        conn.execute(f"PRAGMA wal_checkpoint({'TRUNCATE' if alone else 'PASSIVE'})").fetchone()
        self._changed()

    # -- reading -------------------------------------------------------------------------------------------
    def _currency_map(self, thresholds: CurrencyThresholds | None = None) -> dict[int, str]:
        """vendor id -> currency status as of today under `thresholds` (cached until the register changes)."""
        thresholds = thresholds or CurrencyThresholds()
        version = (date.today(), thresholds, self._writes,
                   self._conn.execute("PRAGMA data_version").fetchone()[0])
        if self._currency_cache is None or self._currency_cache[0] != version:
            rows = self.currency(date.today(), thresholds)
            self._currency_cache = (version, {r.vendor_id: r.status for r in rows if r.status})
        return self._currency_cache[1]

    def _currency_table(self, currency_of: dict[int, str]) -> None:
        """Mirror the currency map into the connection's in-memory temp table, for ordering by currency in SQL."""
        if self._currency_table_of is currency_of:
            return
        reports.fill_currency_table(self._conn, currency_of)
        self._currency_table_of = currency_of

    def list_reports(self, filter: ReportFilter | None = None, *, order_by: str = "vendor",  # noqa: A002
                     descending: bool = False, offset: int = 0, limit: int | None = 200,
                     thresholds: CurrencyThresholds | None = None) -> list[ReportRow]:
        """Report rows; their currency badges (and the currency filter and order) follow `thresholds`
        (default: `CurrencyThresholds()`; the GUI passes the settings' thresholds)."""
        currency_of = self._currency_map(thresholds)
        if order_by == "currency_status":
            self._currency_table(currency_of)
        return reports.list_rows(self._conn, _fts_safe(filter), currency_of=currency_of,
                                 order_by=order_by, descending=descending, offset=offset, limit=limit)

    def count_reports(self, filter: ReportFilter | None = None, *,  # noqa: A002
                      thresholds: CurrencyThresholds | None = None) -> int:
        return reports.count_rows(self._conn, _fts_safe(filter), currency_of=self._currency_map(thresholds))

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        return reports.search(self._conn, fts_query(query), limit)

    def report(self, report_id: int) -> StoredReport:
        found = reports.stored_report(self._conn, report_id)
        if found is None:
            raise RegisterError(f"no report {report_id} in the register")
        return found

    def pdf_bytes(self, report_id: int) -> bytes:
        row = self._conn.execute("SELECT pdf FROM report_files WHERE report_id = ?", (report_id,)).fetchone()
        if row is None:
            raise RegisterError(f"no report {report_id} in the register")
        return bytes(row[0])

    def exceptions(self, report_id: int) -> list[ExceptionRecord]:
        return reviews.exceptions(self._conn, report_id)

    def cuecs(self, report_id: int) -> list[CuecRecord]:
        return mapping.cuecs(self._conn, report_id)

    def subservice(self, report_id: int) -> list[SubserviceRecord]:
        return subservice(self._conn, report_id)

    def vendors(self) -> list[VendorRecord]:
        return vendor_list(self._conn)

    def fourth_parties_missing(self) -> list[FourthPartyGap]:
        return fourth_parties_missing(self._conn)

    # -- reviews, triage, mapping --------------------------------------------------------------------------
    def review(self, report_id: int) -> Review:
        return reviews.get_review(self._conn, report_id)

    def update_review(self, report_id: int, who: str, **changes: Any) -> Review:
        result = reviews.update_review(self._conn, report_id, who, changes)
        self._changed()
        return result

    def sign_off(self, report_id: int, who: str) -> Review:
        result = reviews.sign_off(self._conn, report_id, who)
        self._changed()
        return result

    def update_triage(self, exception_id: int, who: str, **changes: Any) -> Triage:
        result = reviews.update_triage(self._conn, exception_id, who, changes)
        self._changed()
        return result

    def own_controls(self) -> list[OwnControl]:
        return mapping.own_controls(self._conn)

    def add_own_control(self, ref: str, title: str, owner: str | None, who: str) -> OwnControl:
        control = mapping.add_own_control(self._conn, ref, title, owner, who)
        self._changed()
        return control

    def map_cuec(self, cuec_id: int, own_control_id: int | None, who: str, note: str | None = None) -> None:
        mapping.map_cuec(self._conn, cuec_id, own_control_id, who, note)
        self._changed()

    def audit_log(self, report_id: int | None = None) -> list[AuditEntry]:
        return audit.entries(self._conn, report_id)

    # -- currency, coverage, exports -----------------------------------------------------------------------
    def currency(self, as_of: date, thresholds: CurrencyThresholds | None = None) -> list[VendorCurrency]:
        return currency_rows(self._conn, as_of, thresholds or CurrencyThresholds())

    def soc1_coverage(self, fiscal_year_end: date) -> list[Soc1Coverage]:
        return soc1_coverage(self._conn, fiscal_year_end)

    def export_csv(self, path: Path, thresholds: CurrencyThresholds | None = None) -> Path:
        """Write the register to `path` and its audit log to `<name>-audit.csv`; return the audit file's path."""
        exports.refuse_register_files([Path(path), exports.audit_csv_path(Path(path))], self.path)
        return exports.write_csv(Path(path), exports.register_rows(self._conn, self._currency_map(thresholds)),
                                 exports.audit_rows(self.audit_log()))

    def export_xlsx(self, path: Path, thresholds: CurrencyThresholds | None = None) -> None:
        exports.refuse_register_files([Path(path)], self.path)
        exports.write_xlsx(Path(path), exports.register_rows(self._conn, self._currency_map(thresholds)),
                           exports.audit_rows(self.audit_log()))


def fts_query(text: str) -> str:
    """A user's search text as an FTS5 query: plain words (and AND/OR/NOT, "phrases", prefix*) pass as they are;
    a word with other punctuation ("C-112", "CC6.1") is quoted as a phrase so FTS5 does not read it as syntax."""
    out = []
    for token in text.split():
        core = token.strip('"')
        if core.rstrip("*").replace("_", "").isalnum() or token in ("AND", "OR", "NOT"):
            out.append(token)
        else:
            out.append('"' + core.replace('"', '""') + '"')
    return " ".join(out)


def _fts_safe(filter: ReportFilter | None) -> ReportFilter | None:  # noqa: A002
    if filter is None or not filter.fulltext:
        return filter
    from dataclasses import replace

    return replace(filter, fulltext=fts_query(filter.fulltext))
