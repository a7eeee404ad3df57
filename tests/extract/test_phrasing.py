"""The PRIMER's phrasing families, read from text snippets independent of the corpus."""

from __future__ import annotations

from datetime import date

import pytest

from reviewer.extract.dates import find_as_of, find_periods, parse_date
from reviewer.extract.exceptions import is_exception
from reviewer.extract.layout import Document
from reviewer.extract.opinion import read_opinion
from reviewer.extract.pdf import Page, Word, group_lines


def page_of(text: str, number: int = 1) -> Page:
    """A page whose lines are `text`'s lines, laid out 14 points apart (blank lines leave a paragraph gap)."""
    words, y = [], 72.0
    for raw_line in text.split("\n"):
        x = 72.0
        for w in raw_line.split():
            words.append(Word(w, x, y, x + 5.5 * len(w), y + 11))
            x += 5.5 * len(w) + 3
        y += 22 if not raw_line.strip() else 14
    page = Page(number=number, width=612, height=792, lines=group_lines(words, number))
    page.finish()
    return page


@pytest.mark.parametrize("text,start,end", [
    ("for the period January 1, 2024 to December 31, 2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("for the period from 1 April 2023 through 31 March 2024", date(2023, 4, 1), date(2024, 3, 31)),
    ("throughout the period December 1, 2023 to November 30, 2024", date(2023, 12, 1), date(2024, 11, 30)),
    ("for the Period August 1, 2017, to July 31, 2018", date(2017, 8, 1), date(2018, 7, 31)),
    ("for October 1, 2012, to July 31, 2013", date(2012, 10, 1), date(2013, 7, 31)),
    ("for the twelve months ended June 30, 2024", date(2023, 7, 1), date(2024, 6, 30)),
    ("Review period: 01/01/2024 - 06/30/2024", date(2024, 1, 1), date(2024, 6, 30)),
    ("for the period March 1, 2024 \u2013 February 28, 2025", date(2024, 3, 1), date(2025, 2, 28)),
    ("for the period\nJanuary 1, 2024\u2014December 31, 2024", date(2024, 1, 1), date(2024, 12, 31)),
])
def test_period_phrasings(text, start, end):
    found = find_periods(text, 1)
    assert found, text
    best = max(found, key=lambda m: m.strength)
    assert (best.start, best.end) == (start, end)


def test_twelve_months_ended_month_end_and_leap_day():
    (m,) = find_periods("for the twelve months ended February 29, 2024", 1)
    assert (m.start, m.end) == (date(2023, 3, 1), date(2024, 2, 29))


@pytest.mark.parametrize("text,day", [
    ("as of March 31, 2024", date(2024, 3, 31)),
    ("placed in operation as of June 30, 2010", date(2010, 6, 30)),
])
def test_as_of_phrasings(text, day):
    assert [m.end for m in find_as_of(text, 1)] == [day]


@pytest.mark.parametrize("text,day", [
    ("January 14, 2025", date(2025, 1, 14)), ("14 January 2025", date(2025, 1, 14)),
    ("Jan. 14, 2025", date(2025, 1, 14)), ("January 14th, 2025", date(2025, 1, 14)),
    ("01/14/2025", date(2025, 1, 14)), ("2025-01-14", date(2025, 1, 14)), ("February 30, 2024", None),
])
def test_parse_date_forms(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("result,expected", [
    ("No exceptions noted.", False), ("No exception noted.", False), ("No deviations noted.", False),
    ("No relevant exceptions noted.", False),
    ("The circumstances that warrant the operation of the control did not occur during the period; therefore, "
     "no testing was performed.", False),
    ("Exception noted. For 2 of 25 changes sampled, approval was not documented.", True),
    ("Exceptions noted \u2013 see management response", True),
    ("Deviation noted: the reconciliation was not reviewed for 1 of 12 months.", True),
])
def test_result_phrasings(result, expected):
    assert is_exception(result) is expected


OPINIONS = {
    "unmodified": "Opinion\nIn our opinion, in all material respects, the description presents the system fairly.",
    "qualified": "Basis for Qualified Opinion\nThe controls over change management did not operate.\n\nQualified "
                 "Opinion\nIn our opinion, except for the matter described in the preceding paragraph, in all "
                 "material respects, the description presents the system.",
    "adverse": "Basis for Adverse Opinion\nControls were missing.\n\nAdverse Opinion\nIn our opinion, because of "
               "the significance of the matters, the description does not present fairly the system.",
    "disclaimer": "Basis for Disclaimer of Opinion\nWe were not given access.\n\nDisclaimer of Opinion\nBecause of "
                  "the significance of the matter, we do not express an opinion on the description.",
}


@pytest.mark.parametrize("kind", list(OPINIONS))
def test_opinion_forms(kind):
    doc = Document([page_of(OPINIONS[kind])])
    assert read_opinion(doc)[0] == kind


def test_unmodified_opinion_is_not_changed_by_a_later_exception_sentence():
    text = ("Opinion\nIn our opinion, in all material respects, the controls operated effectively.\n\n"
            "Exceptions noted in the tests did not result in a modification of the opinion; a control did not "
            "operate effectively for 2 of 25 samples.")
    assert read_opinion(Document([page_of(text)]))[0] == "unmodified"


@pytest.mark.parametrize("text", [
    "Control Objective 1 \u2013 Client Setup: Controls provide reasonable assurance that client accounts are "
    "authorized.",
    "Control Objective 1: Controls provide reasonable assurance that client accounts are authorized.",
    "Control Objective 1 - Client Setup - Controls provide reasonable assurance that client accounts are "
    "authorized.",
])
def test_control_objective_with_or_without_a_title(text):
    from reviewer.extract.criteria import read_control_objectives

    (objective,) = read_control_objectives(Document([page_of(text)]))
    assert (objective.id, objective.text) == ("1", "Controls provide reasonable assurance that client accounts "
                                                    "are authorized.")


def test_firm_named_with_and_co_before_its_legal_form():
    from reviewer.extract.parties import read_parties

    text = ("Opinion\nIn our opinion, in all material respects, the controls operated effectively.\n\n"
            "Redgrave Lund & Co. LLP\nBoston, Massachusetts\nMay 17, 2024")
    assert read_parties(Document([page_of(text)]))["service_auditor"][0] == "Redgrave Lund & Co. LLP"


def test_bridge_letter_naming_the_auditor_engaged_and_the_system_in_its_addressees():
    from reviewer.extract.letters import read_letter_parties

    text = ("July 8, 2024\nTo: Customers of the Treasury Cloud\n\nAcme Ledger, Inc. engaged Smith Pryor LLP to "
            "examine the controls of its\nTreasury Cloud. The most recent SOC 2 Type 2 report covers the period "
            "April 1, 2023\nthrough March 31, 2024.")
    found = read_letter_parties(Document([page_of(text)]), {})
    assert found["service_auditor"][0] == "Smith Pryor LLP"
    assert found["system"][0] == "Treasury Cloud"
