"""The committed variation documents (tests/variation/committed/): PDFs made once by system producers
(LibreOffice from python-docx, Chromium from HTML) from the same axes, with their truth and axes."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.corpus import CorpusDocument, committed_documents

COMMITTED_DIR = Path(__file__).resolve().parent / "committed"


def committed_variation_documents() -> list[CorpusDocument]:
    if not (COMMITTED_DIR / "manifest.json").exists():
        return []
    return committed_documents(COMMITTED_DIR)
