"""`reviewer extract`: JSON Lines equal to `to_json()`, a readable summary, and one-line errors with exit 2."""

from __future__ import annotations

import json

from reviewer.cli import main
from reviewer.extract import extract_pdf
from tests.extract.test_partial_text_layer import partial_scan_report


def _first(corpus, predicate):
    return next(d for d in corpus.documents if predicate(d))


def test_json_lines_are_exactly_the_extraction(corpus, capsys):
    docs = [d for d in corpus.readable() if d.password is None][:2]
    assert main(["extract", "--json", *[str(d.path) for d in docs]]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(docs)
    for line, doc in zip(lines, docs, strict=True):
        assert json.loads(line) == extract_pdf(doc.path).to_json()


def test_summary_names_the_report_facts(corpus, capsys):
    doc = _first(corpus, lambda d: d.truth and d.truth["document_type"] == "soc_report" and not d.password)
    assert main(["extract", str(doc.path)]) == 0
    out = capsys.readouterr().out
    assert doc.path.name in out
    assert doc.truth["report"]["service_organization"] in out
    assert doc.truth["report"]["period_end"] or doc.truth["report"]["as_of"] in out


def test_password_protected_file(corpus, capsys):
    doc = _first(corpus, lambda d: d.password and d.truth)
    assert main(["extract", "--json", str(doc.path)]) == 2
    err = capsys.readouterr().err
    assert doc.path.name in err and "password" in err and err.count("\n") == 1
    assert main(["extract", "--json", "--password", "not-the-password", str(doc.path)]) == 2
    assert "wrong" in capsys.readouterr().err
    assert main(["extract", "--json", "--password", doc.password, str(doc.path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["file"]["encrypted"] is True


def test_bad_files_do_not_stop_the_others(corpus, tmp_path, capsys):
    bad = [d for d in corpus.documents if d.expect_error in ("not_pdf", "damaged")]
    good = _first(corpus, lambda d: d.truth and not d.password)
    missing = tmp_path / "missing.pdf"
    args = ["extract", "--json", *[str(d.path) for d in bad], str(missing), str(good.path)]
    assert main(args) == 2
    captured = capsys.readouterr()
    err_lines = captured.err.splitlines()
    assert len(err_lines) == len(bad) + 1
    for d in bad:
        assert any(d.path.name in ln for ln in err_lines)
    assert any("missing.pdf" in ln for ln in err_lines)
    assert "Traceback" not in captured.err
    assert [json.loads(x)["file"]["name"] for x in captured.out.splitlines()] == [good.path.name]


def test_summary_of_a_bridge_letter_and_of_a_scan(corpus, capsys):
    letter = _first(corpus, lambda d: d.truth and d.truth["document_type"] == "bridge_letter")
    scan = _first(corpus, lambda d: d.truth and d.truth["file"]["text_layer"] == "none")
    assert main(["extract", str(letter.path), str(scan.path)]) == 0
    out = capsys.readouterr().out
    assert f"{letter.path.name}: bridge_letter" in out
    assert f"bridge period end     {letter.truth['report']['bridge_period_end']}" in out
    assert f"{scan.path.name}: soc_report" in out and "read by OCR" in out and "warning: no text layer" in out
    assert main(["extract", "--no-ocr", str(scan.path)]) == 0
    out = capsys.readouterr().out
    assert f"{scan.path.name}: unreadable" in out and "those pages were not read" in out


def test_summary_warns_of_scanned_pages_left_unread(tmp_path, capsys):
    path = tmp_path / "lindqvist-soc2.pdf"
    path.write_bytes(partial_scan_report())
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning: no text layer on pages 3-4 (scanned images)" in out
    assert "2024-01-01 to 2024-12-31" in out
