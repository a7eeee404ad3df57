"""Full-text search as a user types it: word forms and prefixes match, any text is safe, hits say where they are."""

from __future__ import annotations

from reviewer.register import Register, ReportFilter
from reviewer.register.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version
from tests.support.register import PASSPHRASE, store

PAGE = ("The service auditor performed penetration tests of the production network. "
        "Customer data is protected by encryption at rest and in transit; access reviews are quarterly.")


def test_word_forms_and_prefixes_find_the_page(reg):
    report_id = store(reg, "Quillmere Hosting Ltd", pages=["Cover page", PAGE])
    for query in ("penetration test", "encrypt", "encrypted", "tested", "review", "Penetr", "access reviewed"):
        hits = reg.search.pages(query)
        assert [(h.report_id, h.page) for h in hits] == [(report_id, 2)], query
        assert [r.id for r in reg.reports.rows(ReportFilter(fulltext=query))] == [report_id], query
    assert reg.search.pages("penetration zebra") == []  # every word must match


def test_the_hits_are_marked_in_a_one_line_snippet(reg):
    store(reg, "Quillmere Hosting Ltd", pages=[PAGE])
    hit = reg.search.pages("penetration test")[0]
    assert "\n" not in hit.snippet and "[" not in hit.snippet
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["penetration", "tests"]
    assert hit.file_name.endswith(".pdf") and hit.vendor == "Quillmere Hosting Ltd"
    other = reg.search.pages("encrypt")[0]
    assert [other.snippet[a:b] for a, b in other.highlights] == ["encryption"]


def test_no_user_text_is_an_fts_syntax_error(reg):
    report_id = store(reg, "Quillmere Hosting Ltd", pages=[PAGE])
    for typed in ('"', "AND", "OR", "NOT", "(", "*", "^", "-", "NEAR(", "{text}:", "text:zebra",
                  "NEAR(penetration tests)"):
        assert reg.search.pages(typed) == [], typed
        assert reg.reports.rows(ReportFilter(fulltext=typed)) == [], typed
    for typed in ('AND( encryption', "penetration OR", "NOT penetration", '"penetration tests', "encryption:",
                  "encrypt*)", "-penetration", "^encryption"):
        assert [h.report_id for h in reg.search.pages(typed)] == [report_id], typed
        assert [r.id for r in reg.reports.rows(ReportFilter(fulltext=typed))] == [report_id], typed


def test_phrases_and_operators_still_work(reg):
    one = store(reg, "Quillmere Hosting Ltd", pages=[PAGE])
    other = store(reg, "Brindle Payroll Co", pages=["Payroll runs are reconciled to the general ledger monthly."])
    assert {h.report_id for h in reg.search.pages('"penetration tests"')} == {one}
    assert reg.search.pages('"tests penetration"') == []
    assert {h.report_id for h in reg.search.pages("payroll OR encryption")} == {one, other}
    assert {h.report_id for h in reg.search.pages("service NOT payroll")} == {one}
    assert {h.report_id for h in reg.search.pages("CC6.1 AND(")} == set()


def test_a_register_from_before_stemming_is_reindexed_on_opening(register_path):
    from reviewer.register.connection import acquire_lock, connect, derive_key, new_salt, release_lock

    register_path.parent.mkdir(parents=True)
    lock = acquire_lock(register_path)
    conn = connect(register_path, derive_key(PASSPHRASE, new_salt()), creating=True)
    migrate(conn, MIGRATIONS[:7])
    conn.execute("INSERT INTO page_keys (id, report_id, page) VALUES (41, 9, 2)")
    conn.execute("INSERT INTO page_text (rowid, report_id, page, text) VALUES (41, 9, 2, 'penetration tests')")
    assert conn.execute("SELECT count(*) FROM page_text WHERE page_text MATCH 'test'").fetchone()[0] == 0
    conn.close()
    release_lock(lock)
    with Register.open(register_path, PASSPHRASE) as reg:
        conn = reg.connection
        assert schema_version(conn) == SCHEMA_VERSION
        assert conn.execute("SELECT rowid, report_id, page FROM page_text WHERE page_text MATCH 'test'").fetchall() \
            == [(41, 9, 2)]
        # a deleted page leaves no term behind (secure-delete stays on in the rebuilt index)
        conn.execute("DELETE FROM page_text WHERE rowid = 41")
        assert conn.execute("SELECT count(*) FROM page_text WHERE page_text MATCH 'penetr*'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM page_text_data").fetchone()[0] >= 1
