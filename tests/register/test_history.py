"""A vendor's history: each comparison between consecutive reports, on reports the tests store (truth: the `Year`s)."""

from __future__ import annotations

from datetime import date

import pytest

from reviewer.register import RegisterError
from reviewer.register.history import gap_days
from tests.register.yearly import Year, store_year

ACME = "Acme Cloud, Inc."


def _history(reg, vendor=ACME):
    (vendor_id, _), = reg.insights.find_vendors(vendor)
    return reg.insights.vendor_history(vendor_id)


def test_reports_oldest_first_and_the_period_gap_or_overlap_per_framework(reg):
    years = [
        Year(ACME, date(2024, 1, 1), date(2024, 12, 31), file_name="y2024.pdf"),
        Year(ACME, date(2023, 1, 1), date(2023, 12, 31), file_name="y2023.pdf"),
        # starts a month before the last one ended: 31 days of overlap
        Year(ACME, date(2024, 12, 1), date(2025, 11, 30), file_name="y2025.pdf"),
        # five months after: 2025-12-01 .. 2026-04-30 uncovered (151 days)
        Year(ACME, date(2026, 5, 1), date(2027, 4, 30), file_name="y2026.pdf"),
        # another framework in between is never paired with the SOC 2 reports
        Year(ACME, date(2024, 7, 1), date(2025, 6, 30), framework="SOC 1", file_name="soc1.pdf"),
    ]
    for y in years:
        store_year(reg, y)
    history = _history(reg)
    assert [r.file_name for r in history.reports] == ["y2023.pdf", "y2024.pdf", "soc1.pdf", "y2025.pdf", "y2026.pdf"]
    soc2 = sorted((y for y in years if y.framework == "SOC 2"), key=lambda y: y.end)
    expected = [(a.name, b.name, (b.start - a.end).days - 1) for a, b in zip(soc2, soc2[1:], strict=False)]
    assert [(p.old.file_name, p.new.file_name, p.period_gap_days) for p in history.pairs] == expected
    assert [e[2] for e in expected] == [0, -31, 151]
    assert gap_days(date(2024, 12, 31), date(2025, 1, 1)) == 0


def test_a_type_1_is_compared_by_its_as_of_date(reg):
    store_year(reg, Year(ACME, None, None, type="Type 1", as_of=date(2024, 6, 30), file_name="t1.pdf"))
    store_year(reg, Year(ACME, date(2024, 7, 1), date(2025, 6, 30), file_name="t2.pdf"))
    (pair,) = _history(reg).pairs
    assert pair.period_gap_days == 0


def test_auditor_opinion_system_and_scope_changes(reg):
    a = Year(ACME, date(2023, 1, 1), date(2023, 12, 31), auditor="Okafor & Lindqvist, P.C.", system="Desk",
             categories=["Security", "Availability"], criteria=["CC6.1", "A1.2"], file_name="a.pdf")
    b = Year(ACME, date(2024, 1, 1), date(2024, 12, 31), auditor="Okafor and Lindqvist PC", system="Desk",
             opinion="qualified", categories=["Security", "Confidentiality"], criteria=["CC6.1", "C1.1"],
             file_name="b.pdf")
    c = Year(ACME, date(2025, 1, 1), date(2025, 12, 31), auditor="Harlow & Finch LLP", system="Desk Cloud",
             opinion="qualified", categories=["Security", "Confidentiality"], criteria=["CC6.1", "C1.1"],
             file_name="c.pdf")
    for y in (a, b, c):
        store_year(reg, y)
    first, second = _history(reg).pairs
    assert first.auditor_changed is False  # the same firm, written two ways
    assert second.auditor_changed is True
    assert first.opinion == (a.opinion, b.opinion) and second.opinion == (b.opinion, c.opinion)
    assert first.categories_added == ["Confidentiality"] and first.categories_removed == ["Availability"]
    assert first.criteria_added == ["C1.1"] and first.criteria_removed == ["A1.2"]
    assert first.system_renamed is None and second.system_renamed == (b.system, c.system)
    assert second.categories_added == second.categories_removed == []


def test_subservice_organizations_added_removed_and_method_changes(reg):
    a = Year(ACME, date(2023, 1, 1), date(2023, 12, 31), file_name="a.pdf",
             subservice=[("Amazon Web Services (AWS)", "carve-out"), ("Larchfield Colocation, Inc.", "carve-out")])
    b = Year(ACME, date(2024, 1, 1), date(2024, 12, 31), file_name="b.pdf",
             subservice=[("Amazon Web Services", "inclusive"), ("Microsoft Azure", "carve-out")])
    store_year(reg, a)
    store_year(reg, b)
    (pair,) = _history(reg).pairs
    assert pair.subservice_added == ["Microsoft Azure"]
    assert pair.subservice_removed == ["Larchfield Colocation, Inc."]
    assert pair.subservice_method_changed == [("Amazon Web Services", "carve-out", "inclusive")]


def test_exceptions_new_repeated_and_resolved_by_control_id_and_by_wording(reg):
    a = Year(ACME, date(2023, 1, 1), date(2023, 12, 31), file_name="a.pdf", exceptions=[
        ("CC8.1.1", "Exception noted. For 3 of 25 production changes sampled, the change was deployed without "
                    "documented peer review.", ["CC8.1"]),
        ("CC6.2.1", "For 2 of 40 terminated users sampled, network access was not revoked within one business "
                    "day of termination.", ["CC6.2"]),
        ("CC7.1.1", "For 1 of 15 critical vulnerabilities sampled, the vulnerability was not remediated within "
                    "30 days.", ["CC7.1"]),
    ])
    b = Year(ACME, date(2024, 1, 1), date(2024, 12, 31), file_name="b.pdf", exceptions=[
        # the same control id, other numbers: a repeat
        ("CC8.1.1", "Exceptions noted. For 1 of 60 production changes sampled, the change was deployed without "
                    "documented peer review.", ["CC8.1"]),
        # renumbered (AC-04), the same finding in other words: a repeat by wording
        ("AC-04", "The service auditor noted that for 3 of 25 terminated users sampled, network access was not "
                  "revoked within one business day of termination.", ["CC6.2"]),
        ("CC6.6.1", "For 1 of 25 firewall rule changes sampled, the rule change was not approved.", ["CC6.6"]),
    ])
    store_year(reg, a)
    store_year(reg, b)
    (pair,) = _history(reg).pairs
    assert [(m.old.control_id, m.new.control_id, m.by) for m in pair.exceptions_repeated] == [
        ("CC8.1.1", "CC8.1.1", "control id"), ("CC6.2.1", "AC-04", "wording")]
    assert [e.control_id for e in pair.exceptions_new] == ["CC6.6.1"]
    assert [e.control_id for e in pair.exceptions_resolved] == ["CC7.1.1"]
    data = pair.to_json()
    assert (data["exceptions_new"], data["exceptions_repeated"], data["exceptions_resolved"]) == (
        ["CC6.6.1"], ["CC8.1.1", "AC-04"], ["CC7.1.1"])


def test_an_unrelated_finding_is_not_a_repeat_even_in_the_same_phrasing(reg):
    a = Year(ACME, date(2023, 1, 1), date(2023, 12, 31), file_name="a.pdf", exceptions=[
        ("C-1", "Exception noted. For 3 of 25 new users selected for testing, access was provisioned before "
                "manager approval was documented.", ["CC6.2"])])
    b = Year(ACME, date(2024, 1, 1), date(2024, 12, 31), file_name="b.pdf", exceptions=[
        ("C-2", "Exception noted. For 3 of 25 new hires selected for testing, the background check was completed "
                "after the employee's start date.", ["CC1.4"])])
    store_year(reg, a)
    store_year(reg, b)
    (pair,) = _history(reg).pairs
    assert pair.exceptions_repeated == []
    assert [e.control_id for e in pair.exceptions_new] == ["C-2"]
    assert [e.control_id for e in pair.exceptions_resolved] == ["C-1"]


def test_cuecs_added_removed_and_the_new_ones_not_mapped_yet(reg):
    kept = "User entities are responsible for reviewing the access of their users to the system periodically."
    dropped = "User entities are responsible for notifying the service organization of security incidents."
    added = ["User entities are responsible for the accuracy and completeness of data they submit.",
             "User entities should establish controls to ensure that configuration changes are authorized."]
    store_year(reg, Year(ACME, date(2023, 1, 1), date(2023, 12, 31), file_name="a.pdf", cuecs=[kept, dropped]))
    new_id = store_year(reg, Year(ACME, date(2024, 1, 1), date(2024, 12, 31), file_name="b.pdf",
                                  cuecs=[kept + " ", *added]))
    control = reg.reviews.add_own_control("IAM-3", "Quarterly access review", "IT", "tests")
    first_added = next(c for c in reg.reviews.cuecs(new_id) if c.cuec.text == added[0])
    reg.reviews.map_cuec(first_added.id, control.id, "tests")
    (pair,) = _history(reg).pairs
    assert [c.text for c in pair.cuecs_added] == added
    assert [c.text for c in pair.cuecs_removed] == [dropped]
    assert [c.text for c in pair.cuecs_unmapped] == [added[1]]
    data = pair.to_json()
    assert (data["cuecs_added"], data["cuecs_removed"], data["cuecs_unmapped"]) == (2, 1, [added[1]])


def test_find_vendors_and_an_unknown_vendor(reg):
    store_year(reg, Year(ACME, date(2024, 1, 1), date(2024, 12, 31)))
    store_year(reg, Year("Acme Payroll LLC", date(2024, 1, 1), date(2024, 12, 31)))
    assert [n for _, n in reg.insights.find_vendors("acme cloud inc")] == [ACME]
    assert len(reg.insights.find_vendors("Acme")) == 2
    assert reg.insights.find_vendors("Nobody") == []
    with pytest.raises(RegisterError):
        reg.insights.vendor_history(9999)


def test_a_reviewers_correction_is_what_history_compares(reg):
    store_year(reg, Year(ACME, date(2023, 1, 1), date(2023, 12, 31), auditor="Harlow & Finch LLP", file_name="a.pdf"))
    b = store_year(reg, Year(ACME, date(2024, 1, 1), date(2024, 12, 31), auditor="Harlow & Finch LLP",
                             file_name="b.pdf"))
    (pair,) = _history(reg).pairs
    assert pair.auditor_changed is False and pair.system_renamed is None
    reg.corrections.correct(b, "service_auditor", "Okafor & Lindqvist, P.C.", who="tests", reason="signed page")
    reg.corrections.correct(b, "system", "Service Desk Cloud", who="tests", reason="the description's title")
    (pair,) = _history(reg).pairs
    assert pair.auditor_changed is True and pair.new.auditor == "Okafor & Lindqvist, P.C."
    assert pair.system_renamed == ("Service Desk Platform", "Service Desk Cloud")
