"""The reading rules of the second extractor, each on text it was not written against: a result's first clause
decides it, the report's parts are found by role, list markers are any bullet glyph, counts the report states are
reconciled, and words of one baseline are one line whatever their glyphs' shapes."""

from __future__ import annotations

import pytest

from reviewer.extract.layout import Document
from reviewer.extract.model import Cuec, ExtractionResult, FileInfo
from reviewer.extract.page import Word
from reviewer.extract.parts import Parts, Role, title_role
from reviewer.extract.results import ResultMeaning, read_result
from reviewer.extract.vocabulary import CRITERION, response_or_none, without_bullets
from reviewer.extract.words import group_lines
from tests.extract.test_phrasing import page_of


@pytest.mark.parametrize(("text", "meaning"), [
    ("No exceptions noted. A policy exception for the finance director was approved by the CISO.", "clean"),
    ("No exceptions noted. The exception report for the quarter contained no unresolved items.", "clean"),
    ("No deviations noted; the deviation log was reviewed monthly.", "clean"),
    ("Inspected the configuration for a sample of servers. No exceptions noted.", "clean"),
    ("Exceptions noted: \uf0b7 For 2 of 25 users, access was not approved.", "exception"),
    ("For 1 of 25 changes, approval was not retained. No other exceptions were noted.", "exception"),
    ("No exceptions noted, except as follows: for 1 of 12 months the review was late.", "exception"),
    ("The circumstances that warrant the operation of the control did not occur during the period; therefore, "
     "no testing was performed.", "not tested"),
])
def test_the_first_clause_that_states_a_result_decides_it(text: str, meaning: str):
    reading = read_result(text)
    assert reading.meaning is ResultMeaning(meaning)
    assert reading.stated


def test_a_text_that_states_no_result_is_clean_but_not_stated():
    reading = read_result("Inspected the access review evidence for a sample of quarters.")
    assert reading.meaning is ResultMeaning.CLEAN and not reading.stated


@pytest.mark.parametrize(("title", "role"), [
    ("Section I \u2013 Independent Service Auditor's Report", Role.AUDITOR_REPORT),
    ("SECTION ONE \u2013 Report of Independent Service Auditors", Role.AUDITOR_REPORT),
    ("Part B: Assertion of Acme Cloud, Inc. Management", Role.ASSERTION),
    ("III. Description of the Acme Payments Platform", Role.DESCRIPTION),
    ("Section 4: Description of Criteria, Controls, Tests and Results of Tests", Role.TESTS),
    ("IV. Control Objectives, Related Controls, and Tests of Operating Effectiveness", Role.TESTS),
    ("Section Five \u2013 Other Information Provided by Acme", Role.OTHER_INFORMATION),
    ("Management's Responses to Testing Exceptions", Role.OTHER_INFORMATION),
    ("Complementary User Entity Controls", None),
    ("Report on Acme's Description of Its Platform", None),
])
def test_a_part_is_named_by_its_title_in_any_numbering(title: str, role: Role | None):
    assert title_role(title) is role


def test_a_cuec_passage_after_the_auditors_signature_is_outside_the_report_and_its_mentions_inside_it():
    page = page_of("Independent Service Auditor's Report\n\nThe description indicates that complementary user "
                   "entity controls\nare necessary.\n\nIn our opinion, in all material respects, the description "
                   "is fairly presented.\n\nMarsh & Partners LLP\nMay 3, 2024\n\nComplementary User Entity "
                   "Controls\nUser entities are responsible for their own users.")
    doc = Document([page])
    parts = Parts(doc)
    by_text = {ln.text: ln for ln in page.lines}
    assert parts.role_of(by_text["are necessary."]) is Role.AUDITOR_REPORT
    assert parts.role_of(by_text["Complementary User Entity Controls"]) is None


@pytest.mark.parametrize("glyph", ["\uf0b7", "\uf0a7", "\ue00a", "\u25aa", "\u2022", "\u27a2"])
def test_any_bullet_glyph_is_a_marker_and_left_out_of_the_text(glyph: str):
    assert without_bullets(f"Exceptions noted: {glyph} For 2 of 25 {glyph}For 1 of 4") == \
        "Exceptions noted: For 2 of 25 For 1 of 4"


def test_group_headings_are_no_criteria_and_none_provided_is_no_response():
    assert [m.group(1) for m in CRITERION.finditer("CC1.0 Control Environment CC1.1 CC6.0 CC6.8 A1.2")] == \
        ["CC1.1", "CC6.8", "A1.2"]
    assert response_or_none("None provided.") is None
    assert response_or_none("Management did not provide a response.") is None
    assert response_or_none("Reviews are now scheduled.") == "Reviews are now scheduled."


def test_a_stated_count_that_does_not_reconcile_lowers_every_item_and_warns():
    from reviewer.extract.confidence import assess

    page = page_of("Acme's controls assume the following three complementary user entity controls:")
    doc = Document([page])
    result = ExtractionResult(file=FileInfo("a.pdf", "0" * 64, 1, False, "full"), document_type="soc_report")
    result.report.cuecs = [Cuec("User entities review access.", 1), Cuec("User entities protect keys.", 1)]
    assess(doc, result)
    assert all(c.confidence == "low" for c in result.report.cuecs)
    assert "states 3 user entity controls" in result.report.cuecs[0].confidence_reason
    assert any("states 3 user entity controls, but 2 were read" in w for w in result.warnings)


def test_words_of_one_baseline_are_one_line_whatever_their_glyphs_shapes():
    # "User" runs from cap height to the baseline, "notify" from x-height to its descender
    words = [Word("User", 100, 452.6, 120, 459.9), Word("entities", 123, 454.5, 160, 459.9),
             Word("should", 163, 452.2, 190, 459.9), Word("notify", 193, 454.5, 220, 462.2),
             Word("Millbrook", 223, 452.2, 270, 459.8), Word("next", 100, 466.6, 120, 473.9)]
    lines = group_lines(words, 1)
    assert [" ".join(w.text for w in ln.words) for ln in lines] == ["User entities should notify Millbrook", "next"]
