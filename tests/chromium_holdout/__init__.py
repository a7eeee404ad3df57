"""The chromium holdout: SOC reports, a bridge letter and a data processing agreement written as web pages (HTML
and CSS in three fictional CPA firms' web house styles, generate.py) and printed to PDF by headless Chromium,
committed as PDFs with their truth (documents/*.pdf, *.truth.json, manifest.json). `chromium_documents()` reads
them; no Chromium is needed."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.corpus import CorpusDocument, committed_documents

DOCUMENTS_DIR = Path(__file__).resolve().parent / "documents"


def chromium_documents() -> list[CorpusDocument]:
    """Every committed document with its ground truth, in manifest order."""
    return committed_documents(DOCUMENTS_DIR)
