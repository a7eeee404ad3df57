"""The variation corpus itself (tests/variation): enough documents, every axis value applied somewhere, the same
seed giving the same bytes, and every truth value printed on the page its truth states."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.variation import AXES, axes_of, check, committed_variation_documents, variation_documents
from tests.variation.build import DEFAULT_SEED, make_document

REFERENCE = Path(__file__).parent / "chromium_holdout" / "documents" / "kestrel-soc2-t2-responses.truth.json"


@pytest.fixture(scope="module")
def generated():
    return variation_documents()


@pytest.fixture(scope="module")
def committed():
    return committed_variation_documents()


def test_at_least_300_generated_documents_of_4_to_15_pages(generated):
    assert len(generated) >= 300
    for d in generated:
        low = 1 if d.kind == "bridge" else 3
        assert low <= d.truth["file"]["pages"] <= 15, (d.id, d.truth["file"]["pages"])


def test_every_truth_value_is_printed_where_the_truth_says(generated, committed):
    problems = {d.id: check(d.truth, d.printed_dates, d.path) for d in generated + committed}
    bad = {k: v for k, v in problems.items() if v}
    assert not bad, json.dumps(bad, indent=1)[:4000]


def test_every_value_of_every_axis_shapes_some_document(generated, committed):
    seen: dict[str, set[str]] = {name: set() for name in AXES}
    for d in generated + committed:
        for name, value in axes_of(d).items():
            seen[name].add(value)
    missing = {name: sorted({v for v, _ in values} - seen[name]) for name, values in AXES.items()}
    if not committed:  # the other producers exist only as committed documents
        missing["producer"] = [v for v in missing["producer"] if v == "reportlab"]
    assert not {k: v for k, v in missing.items() if v}


def test_same_seed_same_bytes(generated):
    for index in (0, 7, 123):
        a, b = make_document(index, DEFAULT_SEED), make_document(index, DEFAULT_SEED)
        assert a["data"] == b["data"] and a["truth"] == b["truth"]
        assert generated[index].path.read_bytes() == a["data"]  # built in a worker process: still the same


def test_truth_has_the_reference_shape(generated, committed):
    reference = json.loads(REFERENCE.read_text())
    for d in generated + committed:
        assert d.truth.keys() == reference.keys()
        assert d.truth["report"].keys() == reference["report"].keys(), d.id
        for e in d.truth["report"]["exceptions"]:
            assert e.keys() == reference["report"]["exceptions"][0].keys()
            assert e["criteria"] == sorted(e["criteria"])
        for c in d.truth["report"]["cuecs"]:
            assert c.keys() == reference["report"]["cuecs"][0].keys()
        assert d.truth["report"]["criteria"] == sorted(d.truth["report"]["criteria"])
