"""Importing real PDFs from the fixtures corpus: stored with evidence, searchable, deduplicated; failures change
nothing."""

import hashlib

import pytest

from reviewer.extract import extract_pdf
from reviewer.register import ReportFilter, iter_pdf_paths


def _soc_reports(corpus, n):
    docs = [d for d in corpus.readable() if d.truth and d.truth["document_type"] == "soc_report"]
    assert len(docs) >= n
    return docs[:n]


def _snapshot(reg):
    """Every table's row count and content hash: what 'changes nothing' compares."""
    conn = reg.connection
    out = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_%'"
                                 " ESCAPE '\\' OR name IN ('report_files', 'audit_log', 'own_controls', 'page_text')"):
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608 - table names from sqlite_master
        out[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return out


def test_import_stores_the_pdf_and_its_extraction_with_evidence(reg, corpus):
    doc = _soc_reports(corpus, 1)[0]
    outcome = reg.reports.import_file(doc.path, password=doc.password)
    assert outcome.status == "imported", outcome.message
    stored = reg.reports.get(outcome.report_id)
    assert stored.sha256 == hashlib.sha256(doc.path.read_bytes()).hexdigest()
    assert reg.reports.pdf_bytes(outcome.report_id) == doc.path.read_bytes()
    expected = extract_pdf(doc.path, password=doc.password)
    assert stored.extraction.to_storage() == expected.to_storage()
    assert stored.vendor == doc.truth["report"]["service_organization"]
    assert outcome.vendor_match.certain
    row = reg.reports.rows()[0]
    assert row.framework == doc.truth["report"]["framework"]
    assert row.exceptions_count == len(doc.truth["report"]["exceptions"])
    assert [e.finding for e in reg.reviews.exceptions(outcome.report_id)] == expected.report.exceptions
    assert [c.cuec for c in reg.reviews.cuecs(outcome.report_id)] == expected.report.cuecs


def test_every_page_is_searchable(reg, corpus):
    docs = _soc_reports(corpus, 3)
    ids = {reg.reports.import_file(d.path).report_id: d for d in docs}
    for report_id, doc in ids.items():
        word = doc.truth["report"]["service_organization"].split()[0]
        hits = reg.search.pages(word)
        assert report_id in {h.report_id for h in hits}
        assert all(h.page >= 1 and h.snippet for h in hits)
        assert [r.id for r in reg.reports.rows(ReportFilter(fulltext=word))] == [report_id]
    assert reg.search.pages("independent service auditor")  # a phrase every SOC report prints
    assert reg.search.pages("CC6.1") is not None  # punctuation is quoted, not an FTS5 syntax error


def test_the_same_file_twice_is_a_duplicate(reg, corpus):
    doc = _soc_reports(corpus, 1)[0]
    first = reg.reports.import_file(doc.path)
    again = reg.reports.import_file(doc.path)
    assert again.status == "duplicate" and again.report_id == first.report_id
    assert reg.reports.count() == 1


def test_folders_are_expanded_to_their_pdfs(tmp_path, corpus):
    doc = _soc_reports(corpus, 1)[0]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.PDF").write_bytes(doc.path.read_bytes())
    (tmp_path / "notes.txt").write_text("not a report")
    assert iter_pdf_paths([tmp_path, tmp_path / "missing.pdf"]) == [tmp_path / "sub" / "a.PDF",
                                                                   tmp_path / "missing.pdf"]


@pytest.mark.parametrize("error", ["not_pdf", "damaged", "password"])
def test_a_failed_file_is_reported_and_changes_nothing(reg, corpus, error):
    reg.reports.import_file(_soc_reports(corpus, 1)[0].path)
    before = _snapshot(reg)
    bad = [d for d in corpus.documents if d.expect_error == error][0]
    outcome = reg.reports.import_file(bad.path)
    assert outcome.status == ("password_needed" if error == "password" else "failed")
    assert outcome.report_id is None and outcome.message
    assert "\n" not in outcome.message
    assert _snapshot(reg) == before


def test_a_password_protected_pdf_imports_with_its_password(reg, corpus):
    doc = [d for d in corpus.documents if d.password][0]
    wrong = reg.reports.import_file(doc.path, password="not-it")
    assert wrong.status == "password_needed"
    outcome = reg.reports.import_file(doc.path, password=doc.password)
    assert outcome.status == "imported", outcome.message
    assert reg.reports.get(outcome.report_id).extraction.file.encrypted
    word = doc.truth["report"]["service_organization"].split()[0]
    assert outcome.report_id in {h.report_id for h in reg.search.pages(word)}


def test_a_missing_file_fails_clearly(reg, tmp_path):
    outcome = reg.reports.import_file(tmp_path / "nope.pdf")
    assert (outcome.status, outcome.message) == ("failed", "no such file or folder")


def test_a_cancelled_import_stores_nothing(reg, corpus):
    before = _snapshot(reg)
    outcome = reg.reports.import_file(_soc_reports(corpus, 1)[0].path, cancelled=lambda: True)
    assert outcome.status == "cancelled"
    assert _snapshot(reg) == before


def test_progress_is_reported_per_page(reg, corpus):
    seen = []
    reg.reports.import_file(_soc_reports(corpus, 1)[0].path, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_bridge_letters_from_the_corpus_link_to_their_reports(reg, corpus):
    letters = [d for d in corpus.readable() if d.truth["document_type"] == "bridge_letter"]
    linked = 0
    for number, letter in enumerate(letters):
        rep = letter.truth["report"]
        target = [d for d in corpus.readable() if d.truth["document_type"] == "soc_report"
                  and d.truth["report"]["service_organization"] == rep["service_organization"]
                  and (d.truth["report"]["period_end"] or d.truth["report"]["as_of"]) == rep["period_end"]]
        if not target:
            continue
        if number % 2:  # either order links
            letter_id = reg.reports.import_file(letter.path).report_id
            report_id = reg.reports.import_file(target[0].path).report_id
        else:
            report_id = reg.reports.import_file(target[0].path).report_id
            letter_id = reg.reports.import_file(letter.path).report_id
        assert reg.reports.get(letter_id).bridges_report_id == report_id, letter.id
        assert reg.reports.get(letter_id).vendor_id == reg.reports.get(report_id).vendor_id
        linked += 1
    assert linked >= 2
