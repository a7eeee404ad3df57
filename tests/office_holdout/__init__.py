"""The office holdout: SOC reports, letters and a whitepaper written by real office software (LibreOffice,
from flat ODT made by generate.py) in four fictional CPA firms' house styles, committed as PDFs with their truth
(documents/*.pdf, *.truth.json, manifest.json). `office_documents()` reads them; no LibreOffice is needed."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.corpus import CorpusDocument, committed_documents

DOCUMENTS_DIR = Path(__file__).resolve().parent / "documents"


def office_documents() -> list[CorpusDocument]:
    """Every committed document with its ground truth, in manifest order."""
    return committed_documents(DOCUMENTS_DIR)
