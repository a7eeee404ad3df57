"""Trust signals on reports the tests store: near copies across vendors, implausible timelines, unknown auditors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reviewer.register import fingerprints
from reviewer.register.firms import firm_key, same_firm
from reviewer.register.signals import add_months
from tests.register.yearly import Year, pages_of, store_year


def _kinds(reg, kind):
    return [s for s in reg.insights.signals() if s.kind == kind]


def test_a_copy_of_another_vendors_report_is_flagged_with_its_score_and_parts(reg):
    original = Year("Ravenscar Cloud Software, Inc.", date(2025, 10, 1), date(2026, 9, 30), text_seed="template-a",
                    system="Ravenscar Service Desk", file_name="ravenscar.pdf")
    copied = Year("Quillon Data Systems, Inc.", date(2025, 10, 1), date(2026, 9, 30), text_seed="template-a",
                  system="Quillon Desk", auditor="Okafor & Lindqvist, P.C.", file_name="quillon.pdf")
    other = Year("Oakhurst Document Systems LLC", date(2025, 10, 1), date(2026, 9, 30), text_seed="template-b",
                 file_name="oakhurst.pdf")
    for y in (original, copied, other):
        store_year(reg, y)
    (signal,) = _kinds(reg, "near_duplicate")
    assert sorted(signal.file_names) == ["quillon.pdf", "ravenscar.pdf"]
    assert set(signal.vendors) == {original.vendor, copied.vendor}
    assert set(signal.parts) == {"description", "tests"} and min(signal.parts.values()) >= 0.9
    assert signal.score >= 0.9 and "description" in signal.detail and "tests" in signal.detail
    data = signal.to_json()
    assert {"kind", "file_names", "vendors", "detail", "score"} <= set(data) and data["kind"] == "near_duplicate"


def test_the_same_vendors_years_alike_are_not_a_signal(reg):
    store_year(reg, Year("Acme Cloud, Inc.", date(2024, 1, 1), date(2024, 12, 31), text_seed="same",
                         auditor="Harlow & Finch LLP"))
    store_year(reg, Year("Acme Cloud, Inc.", date(2025, 1, 1), date(2025, 12, 31), text_seed="same",
                         auditor="Harlow and Finch LLP"))
    assert _kinds(reg, "near_duplicate") == []


def test_a_shared_description_template_alone_is_not_a_copy(reg):
    """Two vendors with one boilerplate description but their own tests of controls."""
    a = Year("Acme Cloud, Inc.", date(2024, 1, 1), date(2024, 12, 31), text_seed="a")
    b = Year("Borealis Data LLC", date(2024, 1, 1), date(2024, 12, 31), text_seed="b")
    pages_a, pages_b = pages_of(a), pages_of(b)
    pages_b[1] = pages_a[1].replace(a.vendor, b.vendor)  # the description page, word for word
    fp_a = fingerprints.fingerprint_of(pages_a, [a.vendor])
    fp_b = fingerprints.fingerprint_of(pages_b, [b.vendor])
    assert fingerprints.similarity(fp_a.description, fp_b.description) == 1.0
    assert fingerprints.similarity(fp_a.tests, fp_b.tests) < 0.3
    from reviewer.register.signals import compare

    assert compare(fp_a, fp_b) is None


def test_sections_are_split_by_their_headings_and_names_do_not_count():
    pages = ["Acme Cloud, Inc.\nTable of Contents\nSection III: Description of the System 3\nSection IV: Tests 5",
             "Section III: Description of the System\n"
             "Acme Cloud, Inc.'s team provides payroll services to its customers.",
             "Section IV: Trust Services Criteria, Related Controls and Tests of Controls\nInspected the tickets.",
             "Section V: Other Information Provided by Management\nManagement's responses."]
    parts = fingerprints.split_parts(pages)
    assert parts["description"] == pages[1].splitlines()
    assert parts["tests"] == pages[2].splitlines()
    assert parts["other"] == pages[3].splitlines()
    one = fingerprints.shingles(parts["description"], fingerprints.name_pattern(["Acme Cloud, Inc."]))
    other = fingerprints.shingles(["Borealis Data LLC's team provides payroll services to its customers."],
                                  fingerprints.name_pattern(["Borealis Data LLC"]))
    assert one - {b"section iii description of the", b"iii description of the system",
                  b"description of the system team", b"of the system team provides",
                  b"the system team provides payroll", b"system team provides payroll services"} == other


def test_near_copies_are_found_among_many_reports_without_comparing_every_pair():
    import random

    rng = random.Random(5)
    words = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=6)) for _ in range(3000)]
    fps = []
    for i in range(400):
        desc = " ".join(rng.choices(words, k=300))
        tests = " ".join(rng.choices(words, k=300))
        pages = [f"Section III: Description of the System\n{desc}", f"Section IV: Tests of Controls\n{tests}"]
        fps.append(fingerprints.fingerprint_of(pages, [], report_id=i))
        if i % 100 == 0:  # a copy, under another id
            fps.append(fingerprints.fingerprint_of(pages, [], report_id=10_000 + i))
    from reviewer.register.signals import candidate_pairs, compare

    pairs = candidate_pairs(fps)
    assert len(pairs) < len(fps) * 2  # far from the 80,000 pairs of all against all
    found = {(fps[i].report_id, fps[j].report_id) for i, j in pairs if compare(fps[i], fps[j])}
    assert found == {(i, 10_000 + i) for i in range(0, 400, 100)}


@pytest.mark.parametrize(("type_", "start", "end", "report_date", "expected"), [
    # dated before the period ended
    ("Type 2", date(2024, 1, 1), date(2024, 12, 31), date(2024, 12, 20), [("warning", "before its period")]),
    ("Type 1", None, None, date(2024, 6, 1), [("warning", "before its period")]),  # as of 2024-06-30
    # a Type 2 issued within two weeks of its period end; fifteen days is plausible
    ("Type 2", date(2024, 1, 1), date(2024, 12, 31), date(2025, 1, 14), [("warning", "issued 14 days after")]),
    ("Type 2", date(2024, 1, 1), date(2024, 12, 31), date(2025, 1, 15), []),
    ("Type 1", None, None, date(2024, 7, 3), []),  # a Type 1 may be issued soon after its date
    # period length: six months is enough, a day less is short, three months or less is a warning
    ("Type 2", date(2024, 1, 1), date(2024, 6, 30), date(2024, 8, 30), []),
    ("Type 2", date(2024, 1, 1), date(2024, 6, 29), date(2024, 8, 30), [("notice", "shorter than six months")]),
    ("Type 2", date(2024, 1, 1), date(2024, 3, 31), date(2024, 5, 30), [("warning", "three months or less")]),
    ("Type 2", date(2024, 1, 1), date(2024, 4, 1), date(2024, 5, 30), [("notice", "shorter than six months")]),
    ("Type 2", date(2024, 1, 1), date(2024, 12, 31), date(2025, 2, 14), []),
])
def test_implausible_timelines(reg, type_, start, end, report_date, expected):
    as_of = date(2024, 6, 30) if type_ == "Type 1" else None
    store_year(reg, Year("Acme Cloud, Inc.", start, end, type=type_, as_of=as_of, report_date=report_date,
                         file_name="t.pdf"))
    found = _kinds(reg, "timeline")
    assert [(s.severity, s.file_names) for s in found] == [(sev, ["t.pdf"]) for sev, _ in expected]
    for signal, (_, words) in zip(found, expected, strict=True):
        assert words in signal.detail


def test_add_months_keeps_to_the_end_of_short_months():
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 1), 6) - timedelta(days=1) == date(2024, 6, 30)


@pytest.mark.parametrize(("a", "b"), [
    ("Okafor & Lindqvist, P.C.", "Okafor and Lindqvist PC"),
    ("OKAFOR & LINDQVIST", "Okafor and Lindqvist, P.C."),
    ("Calder Whitmore CPAs, P.C.", "Calder Whitmore"),
    ("Ostrander, Pell & Co.", "Ostrander Pell and Company"),
    ("Harlow & Finch LLP", "Harlow and Finch, L.L.P."),
    ("The Brightline Attest Group LLP", "Brightline Attest"),
])
def test_firm_names_are_normalised(a, b):
    assert firm_key(a) == firm_key(b) and same_firm(a, b)


def test_different_firms_stay_different():
    assert not same_firm("Harlow & Finch LLP", "Harlow & Finch Partners of Ohio LLP")
    assert not same_firm("Okafor & Lindqvist, P.C.", "Okafor Lindgren PC")
    assert not same_firm(None, None)


def test_auditors_not_on_the_accepted_list(reg):
    store_year(reg, Year("Acme Cloud, Inc.", date(2024, 1, 1), date(2024, 12, 31), auditor="Okafor and Lindqvist PC",
                         file_name="acme.pdf"))
    store_year(reg, Year("Borealis Data LLC", date(2024, 1, 1), date(2024, 12, 31), auditor="Fenwick Audit LLC",
                         file_name="borealis.pdf"))
    assert _kinds(reg, "auditor") == []  # no list kept: nothing to check against
    names = ["Okafor & Lindqvist, P.C.", "Okafor and Lindqvist PC", "Harlow & Finch LLP"]
    kept = reg.insights.set_accepted_firms(names, who="tests")
    assert kept == ["Harlow & Finch LLP", "Okafor & Lindqvist, P.C."]
    (signal,) = _kinds(reg, "auditor")
    assert signal.file_names == ["borealis.pdf"] and "Fenwick Audit LLC" in signal.detail
    reg.insights.set_accepted_firms(["Harlow & Finch LLP"], who="tests")
    assert sorted(s.file_names[0] for s in _kinds(reg, "auditor")) == ["acme.pdf", "borealis.pdf"]
    logged = [(e.entity, e.field, e.old, e.new) for e in reg.audit.entries() if e.entity == "accepted_firm"]
    assert ("accepted_firm", "removed", "Okafor & Lindqvist, P.C.", None) in logged


def test_reports_stored_before_fingerprints_get_them_when_signals_run(reg):
    a = store_year(reg, Year("Acme Cloud, Inc.", date(2024, 1, 1), date(2024, 12, 31), text_seed="x"))
    store_year(reg, Year("Borealis Data LLC", date(2024, 1, 1), date(2024, 12, 31), text_seed="x"))
    reg.connection.execute("DELETE FROM report_fingerprints")
    assert len(_kinds(reg, "near_duplicate")) == 1
    assert reg.connection.execute("SELECT count(*) FROM report_fingerprints").fetchone()[0] == 2
    reg.reports.delete(a, "tests")
    assert reg.connection.execute("SELECT count(*) FROM report_fingerprints").fetchone()[0] == 1


def test_a_copy_filed_under_the_same_vendor_by_a_close_name_is_still_flagged(reg):
    a = store_year(reg, Year("Acme Cloud, Inc.", date(2024, 1, 1), date(2024, 12, 31), text_seed="c",
                             file_name="a.pdf"))
    b = store_year(reg, Year("Acme Clouds, Inc.", date(2024, 1, 1), date(2024, 12, 31), text_seed="c",
                             file_name="b.pdf"))
    vendors = {r.id: r.vendor_id for r in reg.reports.rows(limit=None)}
    assert vendors[a] == vendors[b]  # the register linked the close name to one vendor
    (signal,) = _kinds(reg, "near_duplicate")
    assert sorted(signal.file_names) == ["a.pdf", "b.pdf"]
