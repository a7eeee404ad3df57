"""Items the extraction keeps for the workspace beyond the schema's form, read from sample PDFs: control objective
titles ("Client Setup"), controls whose test did not occur, a control's description, a CSOC's criteria."""

from __future__ import annotations

from pathlib import Path

from reviewer.extract.model import ExtractionResult
from reviewer.extract.pipeline import extract_pdf

TESTS = Path(__file__).resolve().parents[1]
TITLED = TESTS / "chromium_holdout" / "documents" / "tamsin-soc1-t2-objectives.pdf"


def test_a_soc1_keeps_its_control_objective_titles_beside_their_statements_and_through_storage():
    result = extract_pdf(TITLED)
    objectives = result.report.control_objectives
    assert [(o.id, o.title) for o in objectives][:2] == [("1", "Client Setup"), ("2", "Payroll Input")]
    assert objectives[0].text.startswith("Controls provide reasonable assurance")
    assert "title" not in result.to_json()["report"]["control_objectives"][0]  # the schema's form is unchanged
    back = ExtractionResult.from_json(result.to_storage())
    assert back.report.control_objectives[0].title == "Client Setup"


def test_an_untitled_objective_has_no_title(corpus):
    result = extract_pdf(corpus.by_id("calder-soc1-t2-dev").path)
    assert result.report.control_objectives and all(o.title is None for o in result.report.control_objectives)


def test_controls_whose_circumstances_did_not_occur_are_listed_as_not_tested_not_as_exceptions(corpus):
    result = extract_pdf(corpus.by_id("calder-soc2-t2-clean").path)
    assert result.report.exceptions == []
    not_tested = result.report.not_tested
    assert [n.control_id for n in not_tested] == ["CC2.1.1", "CC5.2.1"]
    assert all("no testing was performed" in n.result and n.page and n.bbox for n in not_tested)
    back = ExtractionResult.from_json(result.to_storage()).report.not_tested
    assert back == not_tested
    assert "not_tested" not in result.to_json()["report"]


def test_a_not_tested_control_keeps_its_criteria():
    result = extract_pdf(TESTS / "office_holdout" / "documents" / "ashcombe-soc2-t2-inline.pdf")
    assert [(n.control_id, n.criteria) for n in result.report.not_tested] == [("CC7.3.1", ["CC7.3", "CC7.4"])]


def test_an_exception_keeps_the_description_of_its_control(corpus):
    result = extract_pdf(corpus.by_id("meridian-soc2-t2-qualified").path)
    assert result.report.exceptions and all(e.control_text for e in result.report.exceptions)
    assert "control_text" not in result.to_json()["report"]["exceptions"][0]
    back = ExtractionResult.from_json(result.to_storage()).report.exceptions
    assert [e.control_text for e in back] == [e.control_text for e in result.report.exceptions]


def test_a_csoc_keeps_the_criteria_it_prints():
    result = extract_pdf(TESTS / "blind" / "set3" / "documents" / "ash-soc2-t2-privacy.pdf")
    with_criteria = [(c.subservice_organization, c.criteria) for c in result.report.csocs if c.criteria]
    assert ("Google Cloud Platform", ["CC6.4"]) in with_criteria
    assert "criteria" not in result.to_json()["report"]["csocs"][0]
    back = ExtractionResult.from_json(result.to_storage()).report.csocs
    assert [c.criteria for c in back] == [c.criteria for c in result.report.csocs]
