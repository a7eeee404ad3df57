"""Importing one PDF into the register: dedup by sha256, extract, read page text, store in ONE transaction.

A file whose bytes differ but whose content is a report already stored (re-saved, re-encrypted, watermarked:
`copies`) is held back as a "copy" unless the caller keeps copies. Each stored import is logged in the audit log
(the file name, its sha256, who), in the transaction that stores it; a skipped copy is logged by `skip_copy`.

Only regular files up to the size limit are read (`read_regular_file`: no FIFO, device or 2 GB sparse file).
Extraction and page reading happen before the transaction (they are slow and may fail); the transaction only
writes. Who extracts is the caller's choice (`extractor`): in this process by default, or in a child process
(`isolated_extraction.IsolatedExtractor`) while this thread keeps the register connection and the transaction.
A file that fails at any step is reported and leaves the register unchanged.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewer.extract import ExtractionCancelled, ExtractionResult, PasswordRequiredError, PdfReadError
from reviewer.register import audit
from reviewer.register.connection import transaction
from reviewer.register.copies import find_copy
from reviewer.register.dbapi import Connection
from reviewer.register.errors import RegisterFull
from reviewer.register.isolated_extraction import extract_in_process
from reviewer.register.records import ImportOutcome
from reviewer.register.reports import find_by_sha256, store_report
from reviewer.sandbox.limits import ExtractionLimits

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
# (data, name, password, progress, cancelled) -> (extraction, page texts): `extract_in_process` here, an
# `IsolatedExtractor` (a child process) for the GUI; the storage transaction stays on the caller's connection
Extractor = Callable[[bytes, str, str | None, Progress | None, Cancelled | None], tuple[ExtractionResult, list[str]]]


def iter_pdf_paths(paths: list[Path]) -> list[Path]:
    """Files as given; folders expanded to the entries named *.pdf inside them (recursively, sorted). Missing paths,
    and entries that are not regular files (a FIFO, a device), are kept, so that the import reports them."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() == ".pdf" and not p.is_dir()))
        else:
            out.append(path)
    return out


def _vendor_label(conn: Connection, report_id: int) -> str:
    row = conn.execute(
        "SELECT v.name FROM reports r LEFT JOIN vendors v ON v.id = r.vendor_id WHERE r.id = ?", (report_id,)
    ).fetchone()
    return row[0] if row and row[0] else "unknown vendor"


def import_bytes(
    conn: Connection, data: bytes, name: str, *, password: str | None = None, progress: Progress | None = None,
    cancelled: Cancelled | None = None, extractor: Extractor | None = None, keep_copies: bool = False,
    who: str = "unknown",
) -> ImportOutcome:
    """Import one file's bytes; the import is logged in the audit log as `who`'s. A copy of a report already in
    the register (`copies.find_copy`) is not stored unless `keep_copies`: its outcome is "copy"."""
    sha = hashlib.sha256(data).hexdigest()
    existing = find_by_sha256(conn, sha)
    if existing is not None:
        return ImportOutcome(name, "duplicate", existing,
                             f"already in the register as report {existing} ({_vendor_label(conn, existing)})")
    try:
        extraction, texts = (extractor or extract_in_process)(data, name, password, progress, cancelled)
    except PasswordRequiredError as err:
        return ImportOutcome(name, "password_needed", None, str(err))
    except PdfReadError as err:
        return ImportOutcome(name, "failed", None, str(err))
    except ExtractionCancelled:
        return ImportOutcome(name, "cancelled", None, "import cancelled; nothing was stored")
    copy_of = find_copy(conn, extraction, texts)
    if copy_of is not None and not keep_copies:
        return ImportOutcome(name, "copy", copy_of.report_id, f"copy of {copy_of.file_name} (report "
                             f"{copy_of.report_id}, {copy_of.similarity:.0%} the same text)", copy_of=copy_of,
                             sha256=sha)
    try:
        with transaction(conn):
            # another connection may have imported the same file meanwhile
            existing = find_by_sha256(conn, sha)
            if existing is not None:
                return ImportOutcome(name, "duplicate", existing, f"already in the register as report {existing}")
            now = audit.utc_now()
            report_id, match = store_report(conn, pdf=data, extraction=extraction, page_texts=texts, file_name=name,
                                            now=now)
            kept = f"; kept as a copy of report {copy_of.report_id} ({copy_of.file_name})" if copy_of else ""
            audit.record(conn, who=who, report_id=report_id, entity="report", entity_id=report_id, field="imported",
                         old=None, new=f"{name} (sha256 {sha}){kept}", at=now)
    except RegisterFull as err:
        return ImportOutcome(name, "failed", None, str(err))
    text = _describe(extraction, match.vendor_name, report_id)
    if copy_of is not None:
        text += f"; a copy of {copy_of.file_name} (report {copy_of.report_id}), kept"
    return ImportOutcome(name, "imported", report_id, text, match, copy_of=copy_of, sha256=sha)


def skip_copy(conn: Connection, outcome: ImportOutcome, who: str) -> None:
    """Log that `who` left out a copy (an outcome "copy"): under the original's report id, so that deleting the
    original scrubs this entry's file names with its own."""
    copy_of = outcome.copy_of
    if outcome.status != "copy" or copy_of is None:
        raise ValueError(f"{outcome.path_or_name} is not a copy to skip")
    with transaction(conn):
        audit.record(conn, who=who, report_id=copy_of.report_id, entity="import", entity_id=None,
                     field="copy_skipped", old=None,
                     new=f"{Path(outcome.path_or_name).name} (sha256 {outcome.sha256}): a copy of "
                         f"{copy_of.file_name}")


def _describe(extraction: Any, vendor: str | None, report_id: int) -> str:
    rep = extraction.report
    if extraction.document_type == "soc_report":
        kind = " ".join(x for x in (rep.framework, rep.type) if x) or "SOC report"
        when = (f"period {rep.period_start or '?'} to {rep.period_end}" if rep.period_end
                else f"as of {rep.as_of}" if rep.as_of else "period unknown")
        text = f"report {report_id}: {vendor or 'vendor unknown'}, {kind}, {when}"
    elif extraction.document_type == "bridge_letter":
        text = f"report {report_id}: bridge letter of {vendor or 'vendor unknown'} to {rep.bridge_period_end or '?'}"
    elif extraction.document_type == "other":
        text = f"report {report_id}: not a SOC report or bridge letter (stored, no report fields)"
    else:
        text = f"report {report_id}: no readable text (stored, nothing extracted)"
    if extraction.warnings:
        text += f"; {len(extraction.warnings)} warning(s)"
    return text


class FileRefused(Exception):
    """A path that is not a PDF file we are willing to read: missing, a folder, a device or FIFO, too large."""


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`. Opened without blocking (a FIFO named x.pdf would
    wait forever) and checked on the open descriptor (a symlink to /dev/zero is a character device)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
                     | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise FileRefused("no such file or folder") from None
    except IsADirectoryError:
        raise FileRefused("is a folder") from None
    except OSError as err:
        raise FileRefused(f"cannot read the file: {err.strerror or err}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileRefused("is a folder")
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused("not a regular file (a device, FIFO or socket), so it was not read")
        if st.st_size > max_bytes:
            raise FileRefused(f"too large ({st.st_size / 2**20:,.0f} MiB; the limit is {max_bytes / 2**20:,.0f} MiB), "
                              "so it was not read")
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(8 * 2**20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise FileRefused(f"too large (over the {max_bytes / 2**20:,.0f} MiB limit), so it was not read")
        return b"".join(chunks)
    except OSError as err:
        raise FileRefused(f"cannot read the file: {err.strerror or err}") from None
    finally:
        os.close(fd)


def import_file(
    conn: Connection, path: Path, *, password: str | None = None, progress: Progress | None = None,
    cancelled: Cancelled | None = None, extractor: Extractor | None = None, keep_copies: bool = False,
    who: str = "unknown",
) -> ImportOutcome:
    path = Path(path)
    limits = getattr(extractor, "limits", None) or ExtractionLimits()
    try:
        data = read_regular_file(path, limits.max_file_bytes)
    except FileRefused as err:
        return ImportOutcome(str(path), "failed", None, str(err))
    outcome = import_bytes(conn, data, path.name, password=password, progress=progress, cancelled=cancelled,
                           extractor=extractor, keep_copies=keep_copies, who=who)
    outcome.path_or_name = str(path)
    return outcome
