"""A full disk: the write fails with a clear message, is rolled back, and everything stored before is intact.

SQLite answers a full disk and a reached size limit with the same SQLITE_FULL error, so the test caps the
register's size (PRAGMA max_page_count) on the connection instead of filling the machine's disk.
"""

from __future__ import annotations

import pytest

from reviewer.register import Register, RegisterFull
from tests.support.register import PASSPHRASE


def _cap_at_current_size(reg: Register) -> None:
    conn = reg.connection
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def test_import_on_a_full_disk_fails_cleanly_and_keeps_what_was_there(tmp_path, corpus):
    path = tmp_path / "register.db"
    docs = [d for d in corpus.readable() if d.password is None][:2]
    with Register.open(path, PASSPHRASE) as reg:
        first = reg.reports.import_file(docs[0].path)
        assert first.status == "imported"
        _cap_at_current_size(reg)
        second = reg.reports.import_file(docs[1].path)
        assert second.status == "failed"
        assert "disk is full" in second.message
        assert "nothing was saved" in second.message
        assert reg.reports.count(None) == 1
    with Register.open(path, PASSPHRASE) as reg:
        assert reg.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = reg.reports.rows()
        assert [r.id for r in rows] == [first.report_id]
        assert reg.reports.pdf_bytes(first.report_id) == docs[0].path.read_bytes()
        # with space again, the same file imports
        assert reg.reports.import_file(docs[1].path).status == "imported"


def test_a_review_edit_on_a_full_disk_raises_a_clear_error_and_keeps_the_old_value(tmp_path, corpus):
    path = tmp_path / "register.db"
    doc = next(d for d in corpus.readable() if d.password is None)
    with Register.open(path, PASSPHRASE) as reg:
        report_id = reg.reports.import_file(doc.path).report_id
        reg.reviews.update(report_id, "Dana Reviewer", rationale="first note")
        _cap_at_current_size(reg)
        with pytest.raises(RegisterFull, match="disk is full"):
            reg.reviews.update(report_id, "Dana Reviewer", rationale="x" * 200_000)
        assert reg.reviews.get(report_id).rationale == "first note"
    with Register.open(path, PASSPHRASE) as reg:
        assert reg.reviews.get(report_id).rationale == "first note"
