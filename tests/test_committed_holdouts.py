"""The committed holdout sets keep their promises: every truth value is printed on the page the truth says, a
drifted truth is caught, and each set has the variety it was made for. One parametrized test per promise, over the
office set (tests/office_holdout, PDFs made by LibreOffice) and the chromium set (tests/chromium_holdout, HTML
printed to PDF by headless Chromium)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium
import pytest

from tests.chromium_holdout import chromium_documents
from tests.fixtures.corpus import CorpusDocument
from tests.office_holdout import office_documents
from tests.support.truth_check import page_texts, problems


@dataclass(frozen=True)
class HoldoutSet:
    name: str
    documents: Callable[[], list[CorpusDocument]]
    drifted_list: str  # the report list whose first item's text a drift test changes
    drifted_suffix: str
    drifted_label: str  # how the checker names that list in its problems
    made_by: tuple[str, str]  # (metadata key, what it contains)
    least_documents: int
    most_bytes: int
    least_templates: int
    kinds: frozenset[str]
    opinions: frozenset[str]
    cuecs_map_criteria: bool  # some CUEC lists the criteria it relates to
    phrases: tuple[str, ...]
    table_head: str
    table_document: str


OFFICE = HoldoutSet(
    "office", office_documents, "cuecs", " daily", "CUEC", ("Producer", "LibreOffice"), 12, 3_000_000, 4,
    frozenset({"soc1-type1", "soc1-type2", "soc2-type1", "soc2-type2", "soc3", "bridge", "other"}),
    frozenset({"unmodified", "qualified", "adverse"}), False,
    ("for the period from 1 April 2023 through 31 March 2024", "for the twelve months ended",
     "Review period: 01/01/2024 - 06/30/2024", "for the Period August 1, 2023, to July 31, 2024",
     "throughout the period December 1, 2023 to November 30, 2024",
     "placed in operation as of June 30, 2024", "as of March 31, 2024",
     "No exceptions noted.", "No deviations noted.", "No relevant exceptions noted.",
     "Exception noted. For 2 of 25", "Deviation noted: ",
     "Exceptions noted \u2013 see management response",
     "did not occur during the period; therefore, no testing was performed",
     "Complementary User Entity Controls", "User Entity Responsibilities", "User Control Considerations",
     "Complementary Controls", "did not extend to the policies, procedures, and controls of",
     "inclusive method", "carve-out method", "Basis for Qualified Opinion", "except for",
     "Basis for Adverse Opinion", "did not operate effectively",
     "Other Information Provided by Management",
     "Control Objective 4 \u2013 Logical Access: Controls provide reasonable assurance that",
     "Table of Contents", "Proprietary and Confidential", "Page 2 of", "Prepared for ", "Gap Letter",
     "Bridge Letter", "\u2022", "\u25aa"),
    "Criteria Control No. Description of Controls Service Auditor's Test Procedures Test Results",
    "redgrave-soc2-t2-clean",
)
CHROMIUM = HoldoutSet(
    "chromium", chromium_documents, "csocs", " weekly", "CSOC", ("Creator", "HeadlessChrome"), 8, 2_000_000, 3,
    frozenset({"soc1-type2", "soc2-type1", "soc2-type2", "soc3", "bridge", "other"}),
    frozenset({"unmodified", "qualified"}), True,
    ("for the period January 1, 2024 to December 31, 2024", "Management's Response:",
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
     "Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, and"),
    "Ref. Control Activity Tests Performed by Kestrel Marsh Test Results",
    "kestrel-soc2-t2-responses",
)


@pytest.fixture(scope="module", params=[OFFICE, CHROMIUM], ids=lambda s: s.name)
def holdout(request) -> HoldoutSet:
    return request.param


@pytest.fixture(scope="module")
def docs(holdout) -> list[CorpusDocument]:
    return holdout.documents()


@pytest.fixture(scope="module")
def texts(docs) -> dict[str, list[str]]:
    return {d.id: page_texts(d.path) for d in docs}


def test_truth_is_printed_where_it_says(docs, texts):
    assert [p for d in docs for p in problems(d.id, d.truth, d.printed_dates, texts[d.id])] == []


def test_a_drifted_truth_is_caught(holdout, docs, texts):
    listed = holdout.drifted_list
    doc = next(d for d in docs if d.truth["report"]["exceptions"] and d.truth["report"][listed])
    truth = copy.deepcopy(doc.truth)
    truth["report"]["exceptions"][0]["page"] += 1
    truth["report"][listed][0]["text"] += holdout.drifted_suffix
    truth["report"]["service_auditor"] = "Nobody & Co. LLP"
    found = problems(doc.id, truth, doc.printed_dates, texts[doc.id])
    assert any("exception" in p and "not on page" in p for p in found)
    assert any(holdout.drifted_label in p for p in found) and any("service_auditor" in p for p in found)


def test_made_by_the_software_it_names(holdout, docs):
    key, maker = holdout.made_by
    for d in docs:
        pdf = pdfium.PdfDocument(str(d.path))
        try:
            assert maker in pdf.get_metadata_dict()[key], d.id
        finally:
            pdf.close()


def test_set_has_the_variety_it_promises(holdout, docs, texts):
    assert len(docs) >= holdout.least_documents
    assert sum(d.path.stat().st_size for d in docs) < holdout.most_bytes
    reports = [d.truth["report"] for d in docs if d.truth["document_type"] == "soc_report"]
    assert len({d.template for d in docs if d.truth["document_type"] == "soc_report"}) >= holdout.least_templates
    assert holdout.kinds <= {d.kind for d in docs}
    assert {r["opinion"] for r in reports} == holdout.opinions
    assert {s["method"] for r in reports for s in r["subservice_organizations"]} == {"carve-out", "inclusive"}
    assert None in {e["management_response"] for r in reports for e in r["exceptions"]}
    if holdout.cuecs_map_criteria:
        assert any(c["criteria"] for r in reports for c in r["cuecs"])
    whole = "\n".join(" ".join(t) for t in texts.values())
    for phrase in holdout.phrases:
        assert phrase in whole, phrase


def test_tables_repeat_their_heading_row_on_the_next_page(holdout, texts):
    """A long tests table continues on the next page under its repeated heading row."""
    assert sum(holdout.table_head in t for t in texts[holdout.table_document]) >= 2
