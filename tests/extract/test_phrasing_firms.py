"""Phrasing families seen in other firms' reports: result wording, date forms, and how a report names its
kind and standard (including ISAE 3402 and SSAE 21), read from text snippets."""

from __future__ import annotations

from datetime import date

import pytest

from reviewer.extract.classify import classify
from reviewer.extract.dates import find_periods
from reviewer.extract.exceptions import is_exception
from reviewer.extract.layout import Document
from tests.extract.test_phrasing import page_of


@pytest.mark.parametrize("result,expected", [
    ("Exception noted:\nFor 1 of 25 new hires, security training was completed late.", True),
    ("Exceptions noted:\nFor 2 of 40 changes, approval was not retained.", True),
    ("Exception(s) noted:\nFor 1 of 25 terminated users, access was removed after 9 days.", True),
    ("Deviation: the quarterly review for Q3 was not performed.", True),
    ("Results: 1 exception noted", True),
    ("Test results: Exception noted", True),
    ("No exceptions noted, except as follows: for 1 of 25 users, access was not approved.", True),
    ("No exceptions were noted except for the following: one backup failed without follow-up.", True),
    ("The service auditor noted the following exception: for 1 of 12 months, the report was not reviewed.", True),
    ("Tested without exception.", False),
    ("No exceptions were identified.", False),
    ("No exception(s) noted.", False),
    ("Not tested \u2013 the control did not operate during the period", False),
])
def test_result_wordings_of_other_firms(result, expected):
    assert is_exception(result) is expected


@pytest.mark.parametrize("text,start,end", [
    ("for the period of January 1, 2024 through December 31, 2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("for the period from 1st January 2024 to 31st December 2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("for the period Jan. 1, 2024 \u2013 Dec. 31, 2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("for the period Sept. 1, 2023 to Aug. 31, 2024", date(2023, 9, 1), date(2024, 8, 31)),
    ("for the period 01-Jan-2024 to 31-Dec-2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("Review period: 2024-01-01 to 2024-12-31", date(2024, 1, 1), date(2024, 12, 31)),
])
def test_period_date_forms_of_other_firms(text, start, end):
    best = max(find_periods(text, 1), key=lambda m: m.strength)
    assert (best.start, best.end) == (start, end)


@pytest.mark.parametrize("text", ["for the period Q1 2024 through Q4 2024", "for fiscal year 2024"])
def test_a_period_in_an_unknown_form_is_not_guessed(text):
    assert find_periods(text, 1) == []


AUDITOR_REPORT = ("\n\nIndependent Service Auditor's Report\nTo the management of Acme Ledger, Inc.\n"
                  "We have examined the description of Acme's system.\nOpinion\nIn our opinion, in all material "
                  "respects, the controls operated effectively throughout the period.\n\n"
                  + "The description of the system was prepared by management of the service organization. " * 8)


@pytest.mark.parametrize("title,framework,rtype", [
    ("SOC 2 Type II Report", "SOC 2", "Type 2"),
    ("SOC 2+ Report", "SOC 2", "Type 2"),
    ("SOC 1\u00ae Type 2 Report", "SOC 1", "Type 2"),
    ("Type 1 SOC 2 Report", "SOC 2", "Type 1"),
    ("SOC for Service Organizations: Trust Services Criteria", "SOC 2", "Type 2"),
    ("SOC for Service Organizations: Trust Services Criteria for General Use Report", "SOC 3", None),
    ("SSAE 21 Report relevant to Security under the Trust Services Criteria", "SOC 2", "Type 2"),
    # SSAE 21 names the attestation standards, not which SOC report: without more, the framework is unknown
    ("Report on Controls at a Service Organization (SSAE 21)", None, None),
])
def test_report_kind_wordings(title, framework, rtype):
    found = classify(Document([page_of(title + AUDITOR_REPORT)]))
    assert (found.document_type, found.framework, found.type, found.notes) == ("soc_report", framework, rtype, [])


def test_isae_3402_is_read_as_a_soc_1_with_a_warning_naming_it():
    found = classify(Document([page_of("ISAE 3402 Type II Report on Controls at a Service Organization"
                                       + AUDITOR_REPORT)]))
    assert (found.framework, found.type) == ("SOC 1", "Type 2")
    assert len(found.notes) == 1 and "ISAE 3402" in found.notes[0]


def test_an_ssae_21_attestation_that_is_no_soc_report_is_other():
    text = ("Independent Accountant's Report\nWe have examined management's assertion that Acme Ledger, Inc. "
            "complied with its privacy policy, in accordance with attestation standards (SSAE 21).\nIn our "
            "opinion, management's assertion is fairly stated.\n\n"
            + "The description of the procedures is given in the attachment. " * 12)
    assert classify(Document([page_of(text)])).document_type == "other"


@pytest.mark.parametrize("title,system", [
    ("Report on Orrin Data, LLC's Description of Its Orrin Claims Exchange\nand the Suitability of the Design "
     "and Operating Effectiveness of Its Controls", "Orrin Claims Exchange"),
    ("Report on Orrin Data, Inc.'s Description of Its Orrin PayRun Payroll Processing\nSystem and on the "
     "Suitability of the Design and Operating Effectiveness of Its Controls", "Orrin PayRun Payroll Processing System"),
    ("Report on Management's Description of Orrin Data, Inc.'s Ledger Cloud\nand on the Suitability of the "
     "Design and Operating Effectiveness of Its Controls", "Ledger Cloud"),
])
def test_a_system_named_only_in_a_title_case_title_that_wraps(title, system):
    from reviewer.extract.parties import read_parties

    header = "Criteria Control No. Description of Controls Service Auditor's Test Procedures Test Results"
    found = read_parties(Document([page_of(f"{title}\n\n{header}\nCC1.1 C-1 Policies are approved.")]))
    assert found["system"][0] == system


@pytest.mark.parametrize("sentence,services,method", [
    ("Orrin Data, Inc. uses Amazon Web Services (AWS) for storage and compute infrastructure\nfor the records vault, "
     "under the carve-out method.", "storage and compute infrastructure for the records vault", "carve-out"),
    ("Orrin Data, Inc. uses Microsoft Azure for hosting of the claims platform using the inclusive method.",
     "hosting of the claims platform", "inclusive"),
    ("Orrin Data, Inc. uses Google Cloud Platform for hosting (carved out).", "hosting", "carve-out"),
    ("Orrin Data, Inc. uses Amazon Web Services for hosting of the inclusive design studio. The carve-out method "
     "was used.", "hosting of the inclusive design studio", "carve-out"),
])
def test_subservice_services_leave_out_the_method_clause(sentence, services, method):
    from reviewer.extract.subservice import read_subservice

    [org] = read_subservice(Document([page_of(sentence)]))
    assert (org.services, org.method) == (services, method)


@pytest.mark.parametrize("text", [
    "Control Objective 5 \u2014 Change Management\nControls provide reasonable assurance that changes to payroll\n"
    "applications are authorized.",
    "Control Objective 5\nChange Management\nControls provide reasonable assurance that changes to payroll "
    "applications are authorized.",
    "Control Objective 5 \u2013 Change Management\nObjective: Controls provide reasonable assurance that changes "
    "to payroll applications are authorized.",
    "Control Objective 5: Controls provide reasonable assurance that changes to payroll\napplications are authorized.",
])
def test_a_control_objective_titled_on_its_own_line(text):
    from reviewer.extract.criteria import read_control_objectives

    found = read_control_objectives(Document([page_of(text)]))
    assert [(o.id, o.text) for o in found] == [
        ("5", "Controls provide reasonable assurance that changes to payroll applications are authorized.")]
