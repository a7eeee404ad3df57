"""Copies of a report (re-saved, re-encrypted, watermarked per download: other bytes, the same report) are
recognised by their content and held back, or kept on request; imports and skipped copies are in the audit log."""

from __future__ import annotations

import hashlib

import pytest

from tests.support.pdf_copies import COPY_PASSWORD, ORIGINAL, SAMPLES, encrypted, resaved, watermarked
from tests.support.register import store

MAKERS = {"resaved": resaved, "encrypted": encrypted, "watermarked": watermarked}


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_a_copy_in_other_bytes_is_recognised_and_not_stored(reg, tmp_path, kind):
    copy = MAKERS[kind](ORIGINAL, tmp_path / f"{kind}.pdf")
    assert _sha(copy) != _sha(ORIGINAL)
    first = reg.reports.import_file(ORIGINAL, who="Dana")
    assert first.status == "imported", first.message
    outcome = reg.reports.import_file(copy, password=COPY_PASSWORD if kind == "encrypted" else None, who="Dana")
    assert outcome.status == "copy", outcome.message
    assert outcome.copy_of.report_id == first.report_id and outcome.report_id == first.report_id
    assert outcome.copy_of.file_name == ORIGINAL.name and outcome.copy_of.similarity >= 0.9
    assert f"copy of {ORIGINAL.name}" in outcome.message
    assert reg.reports.count() == 1


def test_keeping_a_copy_stores_it_and_logs_of_what_it_is_a_copy(reg, tmp_path):
    copy = watermarked(ORIGINAL, tmp_path / "downloaded-again.pdf")
    first = reg.reports.import_file(ORIGINAL, who="Dana")
    kept = reg.reports.import_file(copy, keep_copies=True, who="Erin")
    assert kept.status == "imported" and kept.copy_of.report_id == first.report_id
    assert reg.reports.count() == 2
    [entry] = [e for e in reg.audit.entries(kept.report_id) if e.field == "imported"]
    assert entry.who == "Erin" and entry.new.startswith(f"downloaded-again.pdf (sha256 {_sha(copy)})")
    assert entry.new.endswith(f"; kept as a copy of report {first.report_id} ({ORIGINAL.name})")


def test_each_import_is_logged_with_its_file_name_sha256_and_who(reg):
    outcomes = [reg.reports.import_file(SAMPLES / name, who="Dana Reviewer")
                for name in ("oakhurst-soc2-type2.pdf", "larchfield-bridge-letter.pdf")]
    assert [o.status for o in outcomes] == ["imported", "imported"]
    logged = [(e.who, e.report_id, e.entity, e.field, e.new) for e in reg.audit.entries() if e.field == "imported"]
    assert logged == [("Dana Reviewer", o.report_id, "report", "imported",
                       f"{o.path_or_name.rsplit('/', 1)[-1]} (sha256 {_sha(SAMPLES / o.path_or_name)})")
                      for o in outcomes]
    again = reg.reports.import_file(SAMPLES / "oakhurst-soc2-type2.pdf", who="Dana Reviewer")
    assert again.status == "duplicate"
    assert len([e for e in reg.audit.entries() if e.field == "imported"]) == 2  # nothing stored, nothing logged


def test_a_skipped_copy_is_logged_and_scrubbed_with_its_original(reg, tmp_path):
    copy = resaved(ORIGINAL, tmp_path / "portal-copy.pdf")
    first = reg.reports.import_file(ORIGINAL, who="Dana")
    outcome = reg.reports.import_file(copy, who="Dana")
    reg.reports.skip_copy(outcome, who="Dana")
    [entry] = [e for e in reg.audit.entries() if e.field == "copy_skipped"]
    assert (entry.who, entry.report_id, entry.entity) == ("Dana", first.report_id, "import")
    assert entry.new == f"portal-copy.pdf (sha256 {_sha(copy)}): a copy of {ORIGINAL.name}"
    reg.reports.delete(first.report_id, "Dana")  # the end of the NDA: the file names go with it
    assert all(e.new is None for e in reg.audit.entries(first.report_id))


def test_the_vendors_other_reports_and_a_same_facts_different_text_report_are_not_copies(reg):
    older = reg.reports.import_file(SAMPLES / "ravenscar-soc2-type2.pdf")
    newer = reg.reports.import_file(SAMPLES / "ravenscar-soc2-type2-2025.pdf")
    assert (older.status, newer.status) == ("imported", "imported")  # same vendor and kind, another period
    words = [f"word{i} control activity {i} was tested by inspection of the evidence" for i in range(40)]
    store(reg, "Acme Cloud, Inc.", pages=["\n".join(words)])
    from reviewer.register.copies import find_copy, stored_page_texts
    from reviewer.register.reports import stored_report

    [acme] = [r for r in reg.reports.rows(limit=None) if r.vendor == "Acme Cloud, Inc."]
    original = stored_report(reg.connection, acme.id)
    assert original is not None
    same = find_copy(reg.connection, original.extraction, stored_page_texts(reg.connection, acme.id))
    assert same is not None and same.report_id == acme.id  # its own text is a copy of it
    other_text = [f"an entirely different sentence {i} about change management and logical access" for i in range(40)]
    assert find_copy(reg.connection, original.extraction, other_text) is None
