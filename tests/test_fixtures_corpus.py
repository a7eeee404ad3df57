"""The fixtures corpus keeps its promises: the truth is what each PDF prints, builds are reproducible,
and the hard inputs are what they claim to be."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.fixtures.corpus import CorpusDocument
from tests.support import truth_check
from tests.support.truth_check import norm, parse_printed


def page_texts(doc: CorpusDocument) -> list[str]:
    return truth_check.page_texts(doc.path, doc.password)


def truth_problems(doc: CorpusDocument) -> list[str]:
    """Every truth value that is not printed where the truth says (empty when the truth is honest)."""
    problems: list[str] = []
    pages = page_texts(doc)
    truth, rep = doc.truth, doc.truth["report"]
    whole = " ".join(pages)

    def on_page(value: str, page: int, what: str) -> None:
        if not 1 <= page <= len(pages) or norm(value) not in pages[page - 1]:
            problems.append(f"{doc.id}: {what} {value!r} not on page {page}")

    def anywhere(value: str | None, what: str) -> None:
        if value and norm(value) not in whole:
            problems.append(f"{doc.id}: {what} {value!r} not in the document")

    if truth["file"]["pages"] != len(pages):
        problems.append(f"{doc.id}: {len(pages)} pages, truth says {truth['file']['pages']}")
    if truth["file"]["text_layer"] == "full" and not all(pages):
        problems.append(f"{doc.id}: a page without text in a full text layer")
    for key in ("service_organization", "system", "service_auditor"):
        anywhere(rep[key], key)
    for key in ("period_start", "period_end", "as_of", "report_date", "bridge_period_end"):
        printed = doc.printed_dates.get(key, [])
        if rep[key] and not printed and not (key == "period_start" and "twelve months ended" in whole):
            problems.append(f"{doc.id}: {key} {rep[key]} has no printed form")
        for text in printed:
            anywhere(text, key)
            if parse_printed(text).isoformat() != rep[key]:
                problems.append(f"{doc.id}: {key} printed {text!r} but truth says {rep[key]}")
    for cat in rep["categories"]:
        anywhere(cat.lower() if cat.lower() in whole else cat, "category")
    for crit in rep["criteria"]:
        anywhere(crit, "criterion")
    for obj in rep["control_objectives"]:
        anywhere(f"Control Objective {obj['id']}: {obj['text']}", "control objective")
    for exc in rep["exceptions"]:
        on_page(exc["description"], exc["page"], "exception")
        on_page(exc["control_id"], exc["page"], "exception's control id")
        anywhere(exc["management_response"], "management response")
        for crit in exc["criteria"]:
            anywhere(crit, "exception's criterion")
    for cuec in rep["cuecs"]:
        on_page(cuec["text"], cuec["page"], "CUEC")
    for csoc in rep["csocs"]:
        on_page(csoc["text"], csoc["page"], "CSOC")
        anywhere(csoc["subservice_organization"], "CSOC's subservice organization")
    for sub in rep["subservice_organizations"]:
        anywhere(sub["name"], "subservice organization")
        anywhere(sub["services"], "subservice services")
    return problems


def test_truth_is_printed_where_it_says(corpus):
    # a scan's truth is checked against the document it was scanned from (it has no text layer to check)
    problems = [p for doc in corpus.readable() if doc.truth["file"]["text_layer"] != "none"
                for p in truth_problems(doc)]
    assert problems == []


def test_truth_catches_a_drifted_value(corpus):
    doc = next(d for d in corpus.readable() if d.truth["report"]["exceptions"])
    drifted = CorpusDocument(**{**doc.__dict__, "truth": _with_page_shift(doc.truth)})
    assert any("not on page" in p for p in truth_problems(drifted))


def _with_page_shift(truth: dict) -> dict:
    import copy

    out = copy.deepcopy(truth)
    exc = out["report"]["exceptions"][0]
    exc["page"] = 1 if exc["page"] != 1 else 2
    return out


def test_exceptions_are_not_passing_results(corpus):
    for doc in corpus.readable():
        for exc in (doc.truth or {}).get("report", {}).get("exceptions", []):
            assert not exc["description"].lower().startswith(("no exception", "no deviation", "no relevant"))
            assert "no testing was performed" not in exc["description"]


def test_build_is_deterministic(corpus, tmp_path: Path):
    from tests.fixtures import build_corpus

    again = {d.id: d for d in build_corpus(tmp_path)}
    for doc in corpus.documents:
        assert again[doc.id].path.read_bytes() == doc.path.read_bytes(), doc.id
        assert again[doc.id].truth == doc.truth


def test_encrypted_report_needs_its_password(corpus):
    doc = corpus.by_id("hard-encrypted")
    assert doc.password and doc.expect_error == "password" and doc.truth["file"]["encrypted"] is True
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(str(doc.path))
    assert len(pdfium.PdfDocument(str(doc.path), password=doc.password)) == doc.truth["file"]["pages"]


def test_scan_has_no_text(corpus):
    doc = corpus.by_id("hard-scan")
    # the truth is the scanned report's: OCR reads it (tests/extract/test_ocr*.py)
    assert doc.truth["document_type"] == "soc_report" and doc.truth["file"]["text_layer"] == "none"
    texts = page_texts(doc)
    assert len(texts) == doc.truth["file"]["pages"] > 1 and all(t == "" for t in texts)


def test_broken_files_do_not_open(corpus):
    for doc_id, error in (("hard-truncated", "damaged"), ("hard-not-pdf", "not_pdf")):
        doc = corpus.by_id(doc_id)
        assert doc.expect_error == error and doc.truth is None
        with pytest.raises(pdfium.PdfiumError):
            pdfium.PdfDocument(str(doc.path))
    assert not corpus.by_id("hard-not-pdf").path.read_bytes().startswith(b"%PDF")


def test_corpus_has_variety(corpus):
    readable = corpus.readable()
    assert len(readable) >= 40
    assert len({d.template for d in readable if d.truth["document_type"] == "soc_report"}) >= 5
    kinds = {d.kind for d in corpus.documents}
    assert {"soc1-type1", "soc1-type2", "soc2-type1", "soc2-type2", "soc3", "bridge", "other", "scan",
            "broken"} <= kinds
    reports = [d.truth["report"] for d in readable]
    assert {r["opinion"] for r in reports} >= {"unmodified", "qualified", "adverse", "disclaimer"}
    assert {s["method"] for r in reports for s in r["subservice_organizations"]} == {"carve-out", "inclusive"}
    counts = {len(r["exceptions"]) for r in reports if r["framework"] in ("SOC 1", "SOC 2")}
    assert 0 in counts and 8 in counts
    responses = [e["management_response"] for r in reports for e in r["exceptions"]]
    assert None in responses and any(responses)


def test_samples_are_regenerated_identically_and_cover_every_status(tmp_path: Path):
    import json

    from tests.fixtures.samples import DEFAULT_DIR, write_samples

    write_samples(tmp_path)
    manifest = json.loads((DEFAULT_DIR / "manifest.json").read_text())
    assert manifest == json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["reference_date"] == "2026-11-26"
    assert {f["intended_status"] for f in manifest["files"]} == {
        "current", "bridge_due", "bridged", "bridge_lapsed", "stale", "next_report_expected"}
    assert sum((DEFAULT_DIR / f["file"]).stat().st_size for f in manifest["files"]) < 300_000
    for f in manifest["files"]:
        assert (tmp_path / f["file"]).read_bytes() == (DEFAULT_DIR / f["file"]).read_bytes(), f["file"]
        doc = CorpusDocument(id=f["file"], path=DEFAULT_DIR / f["file"], template="sample", truth=f["truth"],
                             printed_dates=f["printed_dates"])
        assert truth_problems(doc) == []
    for f in manifest["scanned"]:  # the scanned sample: image-only pages, read by OCR
        assert (tmp_path / f["file"]).read_bytes() == (DEFAULT_DIR / f["file"]).read_bytes(), f["file"]
        assert (DEFAULT_DIR / f["file"]).stat().st_size < 300_000 and f["truth"]["file"]["text_layer"] == "none"
    vendors = {f["vendor"] for f in manifest["files"]}
    fourth = {s["name"] for f in manifest["files"] for s in f["truth"]["report"]["subservice_organizations"]}
    assert vendors & fourth
