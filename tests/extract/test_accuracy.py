"""Per-field accuracy over the whole corpus (printed as a table), at least 98% overall; every output is valid."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.extract.scoring import accuracy_table, field_values

REPO = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO / ".." / "shared" / "spec" / "extraction.schema.json"


def test_overall_accuracy_at_least_98_percent(corpus, extracted):
    rows = {}
    for doc in corpus.readable():
        pairs = field_values(extracted[doc.id], doc.truth)
        rows[doc.id] = {k: got == want for k, (got, want) in pairs.items()}
    table, overall = accuracy_table(rows)
    print("\n" + table)
    assert overall >= 0.98, f"overall accuracy {overall:.1%} < 98%\n{table}"


def test_every_output_validates_against_the_schema(corpus, extracted):
    schema = json.loads(SCHEMA_PATH.read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert extracted, "the corpus has readable documents"
    for doc_id, result in extracted.items():
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(result)]
        assert not errors, f"{doc_id}: {errors}"


def test_every_value_has_evidence_on_a_real_page(corpus, extracted):
    for doc in corpus.readable():
        result = extracted[doc.id]
        pages = result["file"]["pages"]
        for key, value in result["report"].items():
            if value not in (None, []) and key not in ("exceptions", "cuecs", "csocs", "subservice_organizations"):
                assert key in result["evidence"], f"{doc.id}: {key} has no evidence"
        for key, ev in result["evidence"].items():
            assert 1 <= ev["page"] <= pages and ev["text"], f"{doc.id}: bad evidence for {key}"
            if "bbox" in ev:
                x0, top, x1, bottom = ev["bbox"]
                assert x0 <= x1 and top <= bottom
