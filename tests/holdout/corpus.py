"""`build_holdout(out_dir)`: write every holdout document and a manifest.json, or load them when up to date.

The cache key is a hash of this package's sources (tests/holdout/*.py) and of the fixtures modules it reuses
(spec, corpus): a change to either rebuilds. `python -m tests.holdout.build [OUT_DIR]` writes the corpus.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.fixtures.corpus import CorpusDocument, load_manifest, locked, save_manifest, write_atomic

from . import catalog

HOLDOUT_DIR = Path(__file__).resolve().parent
DEFAULT_OUT = HOLDOUT_DIR.parent / ".corpus" / "holdout"
_REUSED = [HOLDOUT_DIR.parent / "fixtures" / "spec.py", HOLDOUT_DIR.parent / "fixtures" / "corpus.py"]


def source_hash() -> str:
    h = hashlib.sha256()
    for p in sorted(HOLDOUT_DIR.glob("*.py")) + _REUSED:
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def build_holdout(out_dir: Path = DEFAULT_OUT) -> list[CorpusDocument]:
    """Build (or load from the cache) every holdout document into out_dir."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with locked(out_dir):
        cached = load_manifest(out_dir, source_hash())
        if cached is not None:
            return cached
        docs = [build_one(e, out_dir) for e in catalog.entries()]
        save_manifest(out_dir, docs, source_hash())
        return docs


def build_one(entry: catalog.Entry, out_dir: Path) -> CorpusDocument:
    spec = entry.spec()
    data, pages, count = catalog.render(spec)
    path = out_dir / f"{entry.id}.pdf"
    write_atomic(path, data)
    truth = {"document_type": catalog.doc_type(spec),
             "file": {"pages": count, "encrypted": False, "text_layer": "full"},
             "report": spec.truth_report(pages)}
    return CorpusDocument(id=entry.id, path=path, template=entry.template, truth=truth, kind=entry.kind,
                          printed_dates=spec.printed_dates())
