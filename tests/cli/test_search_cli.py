"""`reviewer search QUERY [--json]`, run as a user would: a hit per line or a JSON array, word forms matching."""

from __future__ import annotations

import json

from reviewer.register import Register
from tests.cli.test_register_cli import PASS, one_line_error, reviewer


def test_search_finds_word_forms_as_lines_and_as_json(tmp_path, corpus):
    db = tmp_path / "register.db"
    docs = [d for d in corpus.readable() if d.truth["document_type"] == "soc_report"][:3]
    with Register.open(db, PASS) as reg:
        ids = {reg.reports.import_file(d.path).report_id: d for d in docs}
        expected = reg.search.pages("encrypt", limit=100)
    assert expected  # the corpus's reports print "encrypted" and "encryption"

    done = reviewer("search", "--register", db, "--json", "encrypt")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert [(h["report_id"], h["page"]) for h in hits] == [(h.report_id, h.page) for h in expected]
    assert all(set(h) == {"report_id", "vendor", "file_name", "page", "snippet"} for h in hits)
    for h in hits:
        assert h["file_name"] == ids[h["report_id"]].path.name
        assert h["vendor"] == ids[h["report_id"]].truth["report"]["service_organization"]
        assert "encrypt" in h["snippet"].lower() and "\n" not in h["snippet"]

    lines = reviewer("search", "--register", db, "encrypt")
    assert lines.returncode == 0, lines.stderr
    printed = lines.stdout.strip().splitlines()
    assert len(printed) == len(hits)
    first = hits[0]
    assert printed[0] == (f"report {first['report_id']} ({first['file_name']}, {first['vendor']}) "
                          f"page {first['page']}: {first['snippet']}")
    assert "\x1b[" not in lines.stdout  # no terminal, no bold codes


def test_search_without_hits_or_with_fts_syntax_exits_0(tmp_path, corpus):
    db = tmp_path / "register.db"
    with Register.open(db, PASS) as reg:
        reg.reports.import_file(corpus.readable()[0].path)
    for typed in ('"', "(", "NOT", "zzqxwvy"):
        done = reviewer("search", "--register", db, "--json", typed)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == []
    words = reviewer("search", "--register", db, "--json", "AND(")  # the word "and", not FTS5 syntax
    assert words.returncode == 0, words.stderr
    assert json.loads(words.stdout)
    done = reviewer("search", "--register", db, "zzqxwvy OR")
    assert done.returncode == 0 and done.stdout.strip() == "No page matches 'zzqxwvy OR'."


def test_search_errors_are_one_line(tmp_path, corpus):
    db = tmp_path / "register.db"
    missing = reviewer("search", "--register", db, "encrypt")
    assert missing.returncode == 2 and "no register" in one_line_error(missing)
    with Register.open(db, PASS):
        pass
    wrong = reviewer("search", "--register", db, "encrypt", passphrase="not the passphrase")
    assert wrong.returncode == 3 and "passphrase" in one_line_error(wrong)
    blank = reviewer("search", "--register", db, " ")
    assert blank.returncode == 2 and "words to search" in one_line_error(blank)
