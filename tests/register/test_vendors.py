"""Vendors: name matching across reports, subservice organizations as fourth parties, bridge letters linked."""

from datetime import date

import pytest

from reviewer.register.vendors import match_vendor, normalize_name
from tests.support.register import store


@pytest.mark.parametrize("a, b", [
    ("Acme Cloud, Inc.", "ACME Cloud Inc"),
    ("Acme Cloud, Inc.", "Acme Cloud"),
    ("Northwind Payroll Services LLC", "northwind payroll services, l.l.c."),
    ("The Globex Corporation", "Globex Corp."),
    ("Initech GmbH", "INITECH"),
])
def test_names_normalise_to_the_same_vendor(a, b):
    assert normalize_name(a) == normalize_name(b)


def test_different_companies_stay_different():
    assert normalize_name("Acme Cloud, Inc.") != normalize_name("Acme Payroll, Inc.")


def test_reports_of_one_vendor_over_the_years_share_it(reg):
    first = store(reg, "Acme Cloud, Inc.", period_end=date(2023, 12, 31), salt="a")
    second = store(reg, "ACME Cloud Inc", period_end=date(2024, 12, 31), salt="b")
    other = store(reg, "Acme Payroll, Inc.", period_end=date(2024, 12, 31), salt="c")
    rows = {r.id: r for r in reg.reports.rows(limit=None)}
    assert rows[first].vendor_id == rows[second].vendor_id != rows[other].vendor_id
    vendors = {v.name: v for v in reg.vendors.all()}
    assert vendors["Acme Cloud, Inc."].reports_count == 2
    assert vendors["Acme Cloud, Inc."].latest_period_end == date(2024, 12, 31)


def test_a_close_but_unsure_name_keeps_its_score_for_the_gui_to_ask(reg):
    store(reg, "Contoso Data Systems, Inc.")
    known = [(1, "Contoso Data Systems, Inc.", normalize_name("Contoso Data Systems, Inc."))]
    typo = match_vendor("Contoso Data Sytems Inc", known)
    assert typo.vendor_id == 1 and typo.score >= 90 and not typo.certain
    near = match_vendor("Contoso Data Services", known)
    assert near.vendor_id is None and not near.certain
    assert near.candidates and near.candidates[0][0] == 1 and 75 <= near.candidates[0][2] < 90
    far = match_vendor("Fabrikam Logistics", known)
    assert far.vendor_id is None and far.certain and far.candidates == []
    assert not match_vendor(None, known).certain


def test_confirm_vendor_moves_a_report_and_is_audited(reg):
    first = store(reg, "Contoso Data Systems, Inc.", salt="1")
    second = store(reg, "Contoso Data Services", salt="2")
    target = reg.reports.get(first).vendor_id
    assert reg.reports.get(second).vendor_id != target
    assert reg.vendors.confirm(second, target, who="bob") == target
    assert reg.reports.get(second).vendor_id == target
    assert [v.name for v in reg.vendors.all()] == ["Contoso Data Systems, Inc."]  # the orphan is gone
    entry = reg.audit.entries(second)[-1]
    assert (entry.who, entry.field, entry.old, entry.new) == (
        "bob", "vendor", "Contoso Data Services", "Contoso Data Systems, Inc.")


def test_subservice_organizations_link_to_vendors_and_missing_reports_are_known(reg):
    acme = store(reg, "Acme Cloud, Inc.", subservice=[("Amazon Web Services (AWS)", "carve-out"),
                                                     ("Microsoft Azure", None),
                                                     ("Fabrikam Print Services", "inclusive")])
    missing = {g.name: g for g in reg.vendors.fourth_parties_missing()}
    assert set(missing) == {"Amazon Web Services (AWS)", "Microsoft Azure"}  # inclusive ones are in the report
    assert missing["Microsoft Azure"].used_by == ["Acme Cloud, Inc."]
    assert missing["Microsoft Azure"].report_ids == [acme]
    aws_report = store(reg, "Amazon Web Services, Inc.", salt="aws")
    subs = {s.name: s for s in reg.reports.subservice(acme)}
    assert subs["Amazon Web Services (AWS)"].linked_vendor_id == reg.reports.get(aws_report).vendor_id
    assert subs["Amazon Web Services (AWS)"].has_report_on_file
    assert not subs["Microsoft Azure"].has_report_on_file
    assert [g.name for g in reg.vendors.fourth_parties_missing()] == ["Microsoft Azure"]


def test_bridge_letters_link_to_the_report_they_bridge_in_either_order(reg):
    letter_first = store(reg, "Globex Corp.", document_type="bridge_letter", period_start=date(2024, 1, 1),
                         period_end=date(2024, 12, 31), bridge_period_end=date(2025, 3, 31), salt="L")
    older = store(reg, "The Globex Corporation", period_end=date(2023, 12, 31), salt="old")
    report = store(reg, "Globex Corporation", period_end=date(2024, 12, 31), salt="new")
    assert reg.reports.get(letter_first).bridges_report_id == report
    other_framework = store(reg, "Globex Corp.", document_type="bridge_letter", framework="SOC 1",
                            period_end=date(2023, 12, 31), bridge_period_end=date(2024, 2, 28), salt="L2")
    assert reg.reports.get(other_framework).bridges_report_id is None  # a SOC 1 letter does not bridge a SOC 2
    assert reg.reports.get(older).bridges_report_id is None
    reg.reports.link_bridge_letter(other_framework, older, who="carol")
    assert reg.reports.get(other_framework).bridges_report_id == older
    assert reg.audit.entries(other_framework)[-1].field == "bridges_report_id"


def test_currency_per_vendor_uses_the_latest_report_and_its_letter(reg):
    store(reg, "Globex Corp.", period_end=date(2023, 12, 31), salt="old")
    latest = store(reg, "Globex Corp.", period_end=date(2024, 12, 31), salt="new")
    rows = reg.currency.by_vendor(date(2025, 5, 1))
    assert [(r.vendor, r.latest_report_id, r.status) for r in rows] == [("Globex Corp.", latest, "bridge_due")]
    letter = store(reg, "Globex Corp.", document_type="bridge_letter", period_end=date(2024, 12, 31),
                   bridge_period_end=date(2025, 3, 31), salt="L")
    row = reg.currency.by_vendor(date(2025, 5, 1))[0]
    assert (row.status, row.bridge_letter_id, row.bridge_period_end) == ("bridged", letter, date(2025, 3, 31))
    lapsed = reg.currency.by_vendor(date(2025, 7, 1))[0]
    assert (lapsed.status, lapsed.status_label) == ("bridge_lapsed", "Bridge letter lapsed on 29 Jun 2025")
    assert reg.currency.by_vendor(date(2026, 1, 1))[0].status == "stale"
    assert reg.currency.by_vendor(date(2026, 3, 1))[0].status == "next_report_expected"
    type1 = store(reg, "Initech GmbH", type="Type 1", period_start=None, period_end=None, as_of=date(2025, 4, 30))
    initech = [r for r in reg.currency.by_vendor(date(2025, 5, 1)) if r.vendor == "Initech GmbH"][0]
    assert (initech.latest_report_id, initech.period_end, initech.status) == (type1, date(2025, 4, 30), "current")


def test_soc1_coverage_per_vendor(reg):
    store(reg, "Payroll Partners LLC", framework="SOC 1", period_start=date(2023, 10, 1),
          period_end=date(2024, 9, 30), salt="p")
    store(reg, "Payroll Partners LLC", document_type="bridge_letter", framework="SOC 1",
          period_end=date(2024, 9, 30), bridge_period_end=date(2024, 12, 31), salt="pl")
    store(reg, "Acme Cloud, Inc.", framework="SOC 2", salt="soc2")
    rows = reg.currency.soc1_coverage(date(2024, 12, 31))
    assert len(rows) == 1
    row = rows[0]
    assert (row.vendor, row.overlap_days, row.at_least_six_months) == ("Payroll Partners LLC", 274, True)
    assert (row.uncovered_days, row.bridged_days, row.uncovered_after_bridge) == (92, 92, 0)


def test_names_differing_only_in_a_number_are_not_merged():
    known = [(1, "Acme Cloud 2 Inc.", normalize_name("Acme Cloud 2 Inc."))]
    match = match_vendor("Acme Cloud 3 Inc.", known)
    assert match.vendor_id is None and not match.certain
    assert match.candidates[0][0] == 1  # offered, for the user to decide
