"""Deleting a report (the end of an NDA): everything read from it goes, in one audited transaction, and its text
is gone from the register's files, not merely unlinked (checked by decrypting every page of the file)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from reviewer.register import RegisterError
from tests.support.register import store

MARKER = "Zephyrquill"
PAGE_SIZE = 4096  # SQLCipher 4's defaults: 4096-byte pages, 16-byte IV + 64-byte HMAC reserved at each page's end
RESERVE = 80


def decrypted_pages(reg) -> bytes:
    """Every page of the register file (and of its WAL), decrypted with the register's raw key, free pages too."""
    reg.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    key = reg.key.raw
    raw = reg.path.read_bytes()
    wal = reg.path.with_name(reg.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # nothing left in the write-ahead log
    out = bytearray()
    for start in range(0, len(raw), PAGE_SIZE):
        page = raw[start:start + PAGE_SIZE]
        body = page[16 if start == 0 else 0:PAGE_SIZE - RESERVE]
        iv = page[PAGE_SIZE - RESERVE:PAGE_SIZE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out += decryptor.update(body) + decryptor.finalize()
    return bytes(out)


def _report_with_marker(reg) -> int:
    return store(reg, "Quillmoor Vantage Ltd", pages=[f"Section IV: the {MARKER} payroll engine", "more text"],
                 exceptions=[f"The {MARKER} batch job ran without approval."],
                 cuecs=[f"User entities review {MARKER} exports."])


def test_a_deleted_reports_text_is_gone_from_the_file(reg):
    keep = store(reg, "Acme Cloud, Inc.", pages=["Acme keeps its payroll text"])
    gone = _report_with_marker(reg)
    reg.reviews.update(gone, "Dana", rationale=f"{MARKER} is fine")  # our own words about it go too (issue 10)
    reg.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    before = decrypted_pages(reg)
    assert before.lower().count(MARKER.lower().encode()) >= 3  # decrypted: page text, finding, CUEC, extraction

    reg.reports.delete(gone, "Dana")

    after = decrypted_pages(reg)
    audit_mentions = sum(1 for e in reg.audit.entries() for v in (e.old, e.new) if v and MARKER in v)
    # nothing, not even the reviewer's rationale in the audit log; the lower case catches the full-text index's terms
    assert after.lower().count(MARKER.lower().encode()) == audit_mentions == 0
    assert [r.id for r in reg.reports.rows()] == [keep]
    assert reg.search.pages(MARKER) == [] and reg.search.pages("payroll")[0].report_id == keep
    assert "Quillmoor Vantage Ltd" not in {v.name for v in reg.vendors.all()}  # its only report is gone
    entry = [e for e in reg.audit.entries() if e.field == "deleted"]
    assert [(e.who, e.report_id) for e in entry] == [("Dana", gone)]


def test_deleting_a_missing_report_is_a_clear_error_and_changes_nothing(reg):
    keep = store(reg)
    with pytest.raises(RegisterError, match="no report 99"):
        reg.reports.delete(99, "Dana")
    assert [r.id for r in reg.reports.rows()] == [keep] and reg.audit.entries() == []


def test_a_bridge_letter_of_a_deleted_report_stays_unlinked(reg):
    report = store(reg, "Acme Cloud, Inc.")
    from datetime import date

    letter = store(reg, "Acme Cloud, Inc.", document_type="bridge_letter", period_start=None,
                   bridge_period_end=date(2025, 3, 31), salt="letter")
    assert reg.reports.get(letter).bridges_report_id == report
    reg.reports.delete(report, "Dana")
    assert reg.reports.get(letter).bridges_report_id is None
    assert [v.name for v in reg.vendors.all()] == ["Acme Cloud, Inc."]  # the vendor still has its letter
