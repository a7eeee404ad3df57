"""Extraction runs once per corpus document per session; the field tests and the accuracy test share it."""

from __future__ import annotations

import pytest

from reviewer.extract import extract_pdf


@pytest.fixture(scope="session")
def extracted(corpus) -> dict[str, dict]:
    """{document id: extract_pdf(...).to_json()} for every readable corpus document."""
    return {d.id: extract_pdf(d.path, password=d.password).to_json() for d in corpus.readable()}
