"""`reg.reports`: importing PDFs, the stored reports (rows, one report, its PDF, its subservice organizations),
bridge-letter links and deletion."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reviewer.register import audit, importer, reports
from reviewer.register.currency import CurrencyThresholds
from reviewer.register.errors import RegisterError
from reviewer.register.parts.base import Host, Part
from reviewer.register.parts.currency import SUPERSEDED_LABEL, Currency
from reviewer.register.parts.search import fts_safe
from reviewer.register.queries import subservice
from reviewer.register.records import ImportOutcome, ReportFilter, ReportRow, StoredReport, SubserviceRecord

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class Reports(Part):
    def __init__(self, register: Host, currency: Currency) -> None:
        super().__init__(register)
        self._currency = currency

    # -- import --------------------------------------------------------------------------------------------
    def import_file(self, path: Path, *, password: str | None = None, progress: Progress | None = None,
                    cancelled: Cancelled | None = None, extractor: importer.Extractor | None = None,
                    keep_copies: bool = False, who: str = "unknown") -> ImportOutcome:
        """Import one PDF, logged as `who`'s. `extractor` runs the extraction (default: in this process; the GUI
        passes an `IsolatedExtractor`); the storage transaction always runs here, on this connection. A copy of a
        stored report comes back as "copy", not stored, unless `keep_copies`."""
        return importer.import_file(self._conn, path, password=password, progress=progress, cancelled=cancelled,
                                    extractor=extractor, keep_copies=keep_copies, who=who)

    def import_bytes(self, data: bytes, name: str, *, password: str | None = None, progress: Progress | None = None,
                     cancelled: Cancelled | None = None, extractor: importer.Extractor | None = None,
                     keep_copies: bool = False, who: str = "unknown") -> ImportOutcome:
        return importer.import_bytes(self._conn, data, name, password=password, progress=progress,
                                     cancelled=cancelled, extractor=extractor, keep_copies=keep_copies, who=who)

    def skip_copy(self, outcome: ImportOutcome, *, who: str) -> None:
        """Log that a copy (an outcome "copy") was left out, as `who` decided."""
        importer.skip_copy(self._conn, outcome, who)

    # -- reading -------------------------------------------------------------------------------------------
    def rows(self, filter: ReportFilter | None = None, *, order_by: str = "vendor",  # noqa: A002
             descending: bool = False, offset: int = 0, limit: int | None = 200,
             thresholds: CurrencyThresholds | None = None) -> list[ReportRow]:
        """Report rows; their currency badges (and the currency filter and order) follow `thresholds`
        (default: `CurrencyThresholds()`; the GUI passes the settings' thresholds)."""
        currency_of = self._currency.status_of(thresholds, for_ordering=order_by == "currency_status")
        labels = self._currency.labels_of(thresholds)
        judged = self._currency.judged_reports(thresholds)
        rows = reports.list_rows(self._conn, fts_safe(filter), currency_of=currency_of, judged=judged,
                                 order_by=order_by, descending=descending, offset=offset, limit=limit)
        for row in rows:
            if row.vendor_id is not None and row.vendor_id in judged and row.id not in judged[row.vendor_id]:
                row.currency_status, row.currency_label = None, SUPERSEDED_LABEL  # history, not the vendor's state
            else:
                row.currency_label = labels.get(row.vendor_id) if row.vendor_id is not None else None
        return rows

    def count(self, filter: ReportFilter | None = None, *,  # noqa: A002
              thresholds: CurrencyThresholds | None = None) -> int:
        return reports.count_rows(self._conn, fts_safe(filter), currency_of=self._currency.status_of(thresholds),
                                  judged=self._currency.judged_reports(thresholds))

    def get(self, report_id: int) -> StoredReport:
        found = reports.stored_report(self._conn, report_id)
        if found is None:
            raise RegisterError(f"no report {report_id} in the register")
        return found

    def pdf_bytes(self, report_id: int) -> bytes:
        row = self._conn.execute("SELECT pdf FROM report_files WHERE report_id = ?", (report_id,)).fetchone()
        if row is None:
            raise RegisterError(f"no report {report_id} in the register")
        return bytes(row[0])

    def subservice(self, report_id: int) -> list[SubserviceRecord]:
        return subservice(self._conn, report_id)

    # -- changes -------------------------------------------------------------------------------------------
    def link_bridge_letter(self, letter_report_id: int, report_id: int, *, who: str = "unknown") -> None:
        with self._register.transaction() as conn:
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

    def delete(self, report_id: int, who: str) -> None:
        """Destroy a report (the end of an NDA): its PDF, extraction, page text, findings, CUECs and review, and the
        reviewer's words about it in the audit log (who, when and what kind of change stay), in one transaction,
        logged by its sha256 only. Its id is never given to another report. The freed pages are
        zeroed (`secure_delete`, FTS5 `secure-delete`) and the write-ahead log is checkpointed into the file and
        emptied (when no other connection, e.g. an import, is open), so no copy of the report's pages is left
        behind in the register's files."""
        with self._register.transaction() as conn:
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
        mode = "TRUNCATE" if self._register.only_connection() else "PASSIVE"
        self._conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
