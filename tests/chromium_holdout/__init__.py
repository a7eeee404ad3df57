"""The chromium holdout: SOC reports, a bridge letter and a data processing agreement written as web pages (HTML
and CSS in three fictional CPA firms' web house styles, generate.py) and printed to PDF by headless Chromium,
committed as PDFs with their truth (documents/*.pdf, *.truth.json, manifest.json). `chromium_documents()` reads
them; no Chromium is needed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.fixtures.corpus import CorpusDocument

DOCUMENTS_DIR = Path(__file__).resolve().parent / "documents"


def chromium_documents() -> list[CorpusDocument]:
    """Every committed document with its ground truth, in manifest order."""
    manifest = json.loads((DOCUMENTS_DIR / "manifest.json").read_text())
    docs = []
    for entry in manifest["documents"]:
        truth = json.loads((DOCUMENTS_DIR / entry["truth"]).read_text())
        docs.append(CorpusDocument(id=entry["id"], path=DOCUMENTS_DIR / entry["file"], template=entry["template"],
                                   truth=truth, kind=entry["kind"], printed_dates=entry["printed_dates"]))
    return docs
