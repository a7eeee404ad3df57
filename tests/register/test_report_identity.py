"""Report identity and deletion (issue 10, items 3 and 4): page text keyed by (report, page) with no arithmetic
(a 100,001-page report neither survives its deletion nor blocks later imports), report ids never reused, and a
deletion that also removes the reviewer's words about the report from the audit log (who, when and what kind of
change stay)."""

from __future__ import annotations

import hashlib

import pytest
import sqlcipher3

from reviewer.extract.model import ExtractionResult, FileInfo, Report
from reviewer.register.audit import utc_now
from reviewer.register.connection import transaction
from reviewer.register.records import ReportFilter
from reviewer.register.reports import store_report
from tests.register.test_delete import decrypted_pages
from tests.support.pdfs import text_pdf as make_pdf
from tests.support.register import store

MARKER = "Xylobranch"


def _store_long(reg, pages: dict[int, str], count: int) -> int:
    pdf = make_pdf(["a long report"])
    texts = [pages.get(n, "") for n in range(1, count + 1)]
    result = ExtractionResult(file=FileInfo("long.pdf", hashlib.sha256(pdf).hexdigest(), count, False, "full"),
                              document_type="soc_report", report=Report(framework="SOC 2", type="Type 2",
                                                                        service_organization="Longform Ledger Inc"))
    with transaction(reg.connection) as conn:
        report_id, _ = store_report(conn, pdf=pdf, extraction=result, page_texts=texts, file_name="long.pdf",
                                    now=utc_now())
    return report_id


def test_page_text_of_a_100001_page_report_neither_collides_nor_survives_deletion(reg):
    long_id = _store_long(reg, {1: "first page words", 100_000: f"{MARKER} page", 100_001: "last quasarflute"},
                          100_001)
    after = store(reg, "Acme Cloud, Inc.", pages=["acme page one", "acme page two"])  # collided before
    assert reg.search.pages(MARKER)[0].report_id == long_id and reg.search.pages(MARKER)[0].page == 100_000
    assert reg.search.pages("quasarflute")[0].page == 100_001
    assert [r.id for r in reg.reports.rows(ReportFilter(fulltext="acme"))] == [after]
    reg.reports.delete(long_id, "Dana")
    assert reg.search.pages(MARKER) == [] and reg.search.pages("quasarflute") == []
    assert [h.report_id for h in reg.search.pages("acme")] == [after, after]
    assert reg.connection.execute("SELECT count(*) FROM page_text").fetchone()[0] == 2


def test_report_ids_are_never_reused(reg):
    first = store(reg, "Acme Cloud, Inc.", salt="1")
    newest = store(reg, "Bramble Vendor LLC", salt="2")
    reg.reviews.update(newest, "Dana", rationale="Bramble's notes")
    reg.reports.delete(newest, "Dana")
    again = store(reg, "Corvid Hosting Ltd", salt="3")
    assert again > newest > first
    assert [e.field for e in reg.audit.entries(again)] == []  # no deleted vendor's notes on the new report


def test_deletion_removes_the_reviewers_words_about_the_report_and_keeps_who_when_and_what(reg):
    keep = store(reg, "Acme Cloud, Inc.", pages=["acme keeps this"])
    gone = store(reg, "Quillmoor Vantage Ltd", pages=[f"the {MARKER} engine"], exceptions=[f"{MARKER} job"],
                 cuecs=[f"review {MARKER} exports"])
    reg.reviews.update(gone, "Dana", rationale=f"{MARKER} rationale", status="in_review")
    reg.reviews.update_triage(reg.reviews.exceptions(gone)[0].id, "Dana", follow_up=f"{MARKER} follow-up")
    control = reg.reviews.add_own_control("IT-7", "Access reviews", None, "Dana")
    reg.reviews.map_cuec(reg.reviews.cuecs(gone)[0].id, control.id, "Dana", note=f"{MARKER} mapping note")
    reg.reviews.update(keep, "Dana", rationale="kept words")
    before = [(e.at, e.who, e.entity, e.field) for e in reg.audit.entries(gone)]

    reg.reports.delete(gone, "Erin")

    entries = reg.audit.entries(gone)
    assert [(e.at, e.who, e.entity, e.field) for e in entries[:len(before)]] == before
    assert all(e.old is None and e.new is None for e in entries[:len(before)])
    deleted = entries[-1]
    assert (deleted.who, deleted.field) == ("Erin", "deleted")
    assert "Quillmoor" not in (deleted.old or "") and MARKER not in (deleted.old or "")
    assert [e.new for e in reg.audit.entries(keep) if e.field == "rationale"] == ["kept words"]
    assert MARKER.lower().encode() not in decrypted_pages(reg).lower()
    # still append-only for anything else
    with pytest.raises(sqlcipher3.IntegrityError):
        reg.connection.execute("UPDATE audit_log SET who = 'Mallory'")
    with pytest.raises(sqlcipher3.IntegrityError):
        reg.connection.execute("DELETE FROM audit_log")
    with pytest.raises(sqlcipher3.IntegrityError):
        reg.connection.execute("UPDATE audit_log SET new = 'rewritten' WHERE report_id = ?", (keep,))
