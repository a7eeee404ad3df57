"""Extraction runs once per corpus document per session; the field tests and the accuracy test share it."""

from __future__ import annotations

import pytest

from reviewer.extract import ExtractionResult, extract_pdf


@pytest.fixture(scope="session")
def extraction_results(corpus) -> dict[str, ExtractionResult]:
    """{document id: extract_pdf(...)} for every readable corpus document."""
    return {d.id: extract_pdf(d.path, password=d.password) for d in corpus.readable()}


@pytest.fixture(scope="session")
def extracted(extraction_results) -> dict[str, dict]:
    """{document id: its extraction's JSON form (extraction.schema.json)}."""
    return {doc_id: r.to_json() for doc_id, r in extraction_results.items()}
