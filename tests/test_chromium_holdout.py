"""The committed chromium holdout (tests/chromium_holdout, HTML printed to PDF by headless Chromium) keeps its
promises: every truth value is printed on the page the truth says, a drifted truth is caught, and the set has the
variety it was made for."""

from __future__ import annotations

import copy

import pypdfium2 as pdfium
import pytest

from tests.chromium_holdout import chromium_documents
from tests.fixtures.corpus import CorpusDocument
from tests.office_holdout.check import page_texts, problems


@pytest.fixture(scope="module")
def docs() -> list[CorpusDocument]:
    return chromium_documents()


@pytest.fixture(scope="module")
def texts(docs) -> dict[str, list[str]]:
    return {d.id: page_texts(d.path) for d in docs}


def test_truth_is_printed_where_it_says(docs, texts):
    assert [p for d in docs for p in problems(d.id, d.truth, d.printed_dates, texts[d.id])] == []


def test_a_drifted_truth_is_caught(docs, texts):
    doc = next(d for d in docs if d.truth["report"]["exceptions"] and d.truth["report"]["csocs"])
    truth = copy.deepcopy(doc.truth)
    truth["report"]["exceptions"][0]["page"] += 1
    truth["report"]["csocs"][0]["text"] += " weekly"
    truth["report"]["service_auditor"] = "Nobody & Co. LLP"
    found = problems(doc.id, truth, doc.printed_dates, texts[doc.id])
    assert any("exception" in p and "not on page" in p for p in found)
    assert any("CSOC" in p for p in found) and any("service_auditor" in p for p in found)


def test_printed_by_chromium(docs):
    for d in docs:
        pdf = pdfium.PdfDocument(str(d.path))
        try:
            assert "HeadlessChrome" in pdf.get_metadata_dict()["Creator"], d.id
        finally:
            pdf.close()


def test_set_has_the_variety_it_promises(docs, texts):
    assert len(docs) >= 8
    assert sum(d.path.stat().st_size for d in docs) < 2_000_000
    reports = [d.truth["report"] for d in docs if d.truth["document_type"] == "soc_report"]
    assert len({d.template for d in docs if d.truth["document_type"] == "soc_report"}) >= 3
    assert {"soc1-type2", "soc2-type1", "soc2-type2", "soc3", "bridge", "other"} <= {d.kind for d in docs}
    assert {r["opinion"] for r in reports} == {"unmodified", "qualified"}
    assert {s["method"] for r in reports for s in r["subservice_organizations"]} == {"carve-out", "inclusive"}
    assert None in {e["management_response"] for r in reports for e in r["exceptions"]}
    assert any(c["criteria"] for r in reports for c in r["cuecs"])
    whole = "\n".join(" ".join(t) for t in texts.values())
    for phrase in ("for the period January 1, 2024 to December 31, 2024", "Management's Response:",
                   "throughout the period December 1, 2023 to November 30, 2024", "CC6.1 The entity implements",
                   "Control Test Procedures Results", "Control Objective 5 \u2014 Change Management",
                   "for the Period August 1, 2023, to July 31, 2024", "as of March 31, 2024",
                   "for the twelve months ended June 30, 2024",
                   "for the period from 1 April 2023 through 31 March 2024",
                   "Exceptions noted \u2013 see management response", "Deviation noted: ", "No exceptions noted.",
                   "did not occur during the period; therefore, no testing was performed",
                   "Complementary User Entity Controls", "User Entity Responsibilities", "User Control Considerations",
                   "User Entity Controls Related Criteria", "Complementary Controls",
                   "did not extend to the policies, procedures, and controls of", "inclusive method",
                   "carve-out method", "Basis for Qualified Opinion", "except for", "is fairly stated",
                   "Other Information Provided by Management", "Table of Contents", "Proprietary and Confidential",
                   "Page 2 of", "Bridge Letter", "Sincerely", "SOC 2 Type 2 report for the period",
                   "Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, and"):
        assert phrase in whole, phrase


def test_tables_repeat_their_heading_row_on_the_next_page(docs, texts):
    """A long tests table continues on the next page under its repeated heading row."""
    head = "Ref. Control Activity Tests Performed by Kestrel Marsh Test Results"
    assert sum(head in t for t in texts["kestrel-soc2-t2-responses"]) >= 2
