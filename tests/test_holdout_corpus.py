"""The holdout corpus keeps its promises: its truth is printed in its PDFs where the truth says, its builds are
reproducible, and it really carries the difficulties it was written for (styles the main corpus lacks)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tests.fixtures.corpus import CorpusDocument
from tests.holdout import DEFAULT_OUT, build_holdout
from tests.holdout.catalog import entries
from tests.test_fixtures_corpus import norm, page_texts, truth_problems


@pytest.fixture(scope="module")
def holdout() -> list[CorpusDocument]:
    return build_holdout(DEFAULT_OUT)


@pytest.fixture(scope="module")
def texts(holdout) -> dict[str, list[str]]:
    return {d.id: page_texts(d) for d in holdout}


def holdout_problems(doc: CorpusDocument) -> list[str]:
    """The main corpus's checks, except that a control objective may print its id and its words apart
    ("Control Objective 3" above "Controls provide ...")."""
    plain = CorpusDocument(**{**doc.__dict__, "truth": copy.deepcopy(doc.truth)})
    objectives = plain.truth["report"].pop("control_objectives")
    plain.truth["report"]["control_objectives"] = []
    problems = truth_problems(plain)
    whole = " ".join(page_texts(doc))
    for obj in objectives:
        if f"Control Objective {obj['id']}" not in whole or norm(obj["text"]) not in whole:
            problems.append(f"{doc.id}: control objective {obj['id']} not printed")
    return problems


def test_truth_is_printed_where_it_says(holdout):
    assert [p for doc in holdout for p in holdout_problems(doc)] == []


def test_a_drifted_truth_is_caught(holdout):
    doc = next(d for d in holdout if d.truth["report"]["exceptions"] and d.truth["report"]["control_objectives"])
    truth = copy.deepcopy(doc.truth)
    truth["report"]["exceptions"][0]["page"] += 1
    truth["report"]["control_objectives"][0]["id"] = "99"
    problems = holdout_problems(CorpusDocument(**{**doc.__dict__, "truth": truth}))
    assert any("not on page" in p for p in problems) and any("objective 99" in p for p in problems)


def test_exceptions_are_not_passing_results(holdout):
    for doc in holdout:
        for exc in doc.truth["report"]["exceptions"]:
            assert not exc["description"].lower().startswith(("no exception", "no deviation", "no relevant"))
            assert "no testing" not in exc["description"]


def test_build_is_deterministic(holdout, tmp_path: Path):
    again = {d.id: d for d in build_holdout(tmp_path)}
    for doc in holdout:
        assert again[doc.id].path.read_bytes() == doc.path.read_bytes(), doc.id
        assert again[doc.id].truth == doc.truth


def test_holdout_has_the_variety_it_promises(holdout, texts):
    reports = [d for d in holdout if d.truth["document_type"] == "soc_report"]
    assert len(holdout) >= 16 and len({d.template for d in reports}) >= 4
    assert {"soc1-type1", "soc1-type2", "soc2-type1", "soc2-type2", "soc3", "bridge", "other"} <= {
        d.kind for d in holdout}
    reps = [d.truth["report"] for d in reports]
    assert {r["opinion"] for r in reps} == {"unmodified", "qualified", "adverse", "disclaimer"}
    assert {s["method"] for r in reps for s in r["subservice_organizations"]} == {"carve-out", "inclusive"}
    assert {len(r["categories"]) for r in reps if r["framework"] == "SOC 2"} >= {1, 2, 3, 5}
    assert None in {e["management_response"] for r in reps for e in r["exceptions"]}
    whole = "\n".join(" ".join(t) for t in texts.values())
    for phrase in ("Type II", "Type 2", "SOC 2\u00ae", "Review Period: ", "the twelve months ended",
                   "for the period 1 July 2023 to 30 June 2024", "for the period from October 1, 2023 through",
                   "\u2014", "Basis for Qualified Opinion", "except for the effects of the matter described",
                   "we do not express an opinion", "Exception noted. For 1 of", "Deviation noted: ",
                   "Exceptions noted \u2013 see management response", "No deviations noted",
                   "No relevant exceptions noted", "did not occur during the period; therefore, no testing",
                   "User Entity Responsibilities", "Complementary Subservice Organization Controls",
                   "Complementary Controls", "inclusive method", "did not extend to the policies",
                   "Section 4 \u2013 Trust Services Criteria, Related Controls, and Tests of Controls",
                   "Description of Tests of Controls and Results",
                   "Information Provided by the Independent Service Auditor",
                   "Control Number Description of Controls Service Auditor\u2019s Test Procedures Test Results",
                   "Ref. Controls specified by", "Results of testing", " . . . . "):
        assert phrase in whole, phrase


def test_watermark_and_running_header_on_every_page(holdout, texts):
    specs = {e.id: e.spec() for e in entries()}
    for doc in holdout:
        spec = specs[doc.id]
        if getattr(spec, "recipient", "") and doc.template in ("vantwell", "oakhurst", "praxis", "greystoke"):
            assert all(spec.recipient in t for t in texts[doc.id]), doc.id
            assert all(spec.brand in t or spec.vendor in t for t in texts[doc.id][1:]), doc.id


def test_some_rows_split_across_a_page_break(holdout, texts):
    """A long control's words continue on the next page (the row split), while its result stays whole."""
    specs = {e.id: e.spec() for e in entries()}
    split = []
    for doc in holdout:
        if doc.template not in ("vantwell", "oakhurst", "greystoke"):
            continue
        pages = texts[doc.id]
        for c in specs[doc.id].controls:
            if not any(norm(c.activity) in t for t in pages):
                split.append((doc.id, c.id))
    assert len(split) >= 2, split


def test_complementary_controls_at_a_cloud_are_csocs_not_cuecs(holdout, texts):
    doc = next(d for d in holdout if d.id == "praxis-soc2-t2-qualified")
    rep = doc.truth["report"]
    page = texts[doc.id][rep["csocs"][0]["page"] - 1]
    assert "Complementary Controls" in page and "Google Cloud Platform" in page
    assert {c["subservice_organization"] for c in rep["csocs"]} == {"Google Cloud Platform"}
    assert not {c["text"] for c in rep["csocs"]} & {c["text"] for c in rep["cuecs"]}
