"""The blind sets (see README.md): PDFs written without reading the extractor, committed with their truth after
their first contact was scored. `blind_documents(name)` reads one set's documents in manifest order."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.corpus import CorpusDocument, committed_documents

BLIND_DIR = Path(__file__).resolve().parent
SETS = ("set1", "set2", "set3", "set4", "set5", "set6", "set7", "set8")


def blind_documents(name: str) -> list[CorpusDocument]:
    """Every document of one blind set with its ground truth."""
    return committed_documents(BLIND_DIR / name / "documents")
