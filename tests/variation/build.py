"""Building the variation corpus: one document per (seed, index) from its axis draw, written with its truth to a
cache folder under tests/.corpus/variation/ keyed by a hash of the generator's sources, by 2 worker subprocesses.

`variation_documents(n, seed)` returns CorpusDocument objects; `axes_of(doc)` the axis values that shaped it.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.fixtures.corpus import CorpusDocument, locked, write_atomic

from .axes import draw
from .compose import compose
from .plan import make_plan
from .render_rl import render
from .truth import truth

SOURCE_DIR = Path(__file__).resolve().parent
REPO_ROOT = SOURCE_DIR.parent.parent
NOT_HASHED = {"make_committed.py", "render_docx.py", "render_html.py", "committed.py"}  # not used to build
CACHE_ROOT = SOURCE_DIR.parent / ".corpus" / "variation"
DEFAULT_N = 300
DEFAULT_SEED = 20261201


def source_hash() -> str:
    h = hashlib.sha256()
    for p in sorted(SOURCE_DIR.glob("*.py")):
        if p.name in NOT_HASHED:
            continue
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def make_document(index: int, seed: int) -> dict[str, Any]:
    """One document: pdf bytes, truth, printed dates, kind and the applied axes."""
    axes = draw(random.Random(f"axes-{seed}-{index}"))
    plan = make_plan(index, seed, axes)
    composed = compose(plan)
    paper = axes["paper"]
    data, pages, count = render(composed, paper)
    axes.use("producer", "reportlab")
    return {"id": f"var-{seed % 10000:04d}-{index:03d}-{plan.kind}", "data": data,
            "truth": truth(plan, pages, count), "printed_dates": plan.printed_dates, "kind": plan.kind,
            "axes": dict(sorted(axes.applied.items()))}


def _build(index: int, seed: int, out_dir: Path) -> dict[str, Any]:
    doc = make_document(index, seed)
    path = out_dir / f"{doc['id']}.pdf"
    write_atomic(path, doc.pop("data"))
    (out_dir / f"{doc['id']}.axes.json").write_text(json.dumps(doc["axes"], indent=1))
    doc["file"] = path.name
    return doc


def build_slice(n: int, seed: int, out_dir: Path, worker: int, workers: int) -> None:
    """A worker's share of the documents (every workers-th index), its entries written to worker-<k>.json."""
    entries = [_build(i, seed, out_dir) for i in range(worker, n, workers)]
    write_atomic(out_dir / f"worker-{worker}.json", json.dumps(entries, ensure_ascii=False).encode())


def build_all(n: int, seed: int, out_dir: Path, workers: int) -> list[dict[str, Any]]:
    """Every document, built by `workers` subprocesses (python -m tests.variation.worker: no re-import of the
    caller's __main__, unlike multiprocessing)."""
    if workers <= 1:
        return [_build(i, seed, out_dir) for i in range(n)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")]))
    procs = [subprocess.Popen([sys.executable, "-m", "tests.variation.worker", str(n), str(seed), str(out_dir),
                               str(k), str(workers)], cwd=REPO_ROOT, env=env) for k in range(workers)]
    codes = [p.wait() for p in procs]
    if any(codes):
        raise RuntimeError(f"variation corpus workers failed: exit codes {codes}")
    entries: list[dict[str, Any]] = []
    for k in range(workers):
        entries += json.loads((out_dir / f"worker-{k}.json").read_text())
    return sorted(entries, key=lambda e: e["id"])


def variation_documents(n: int = DEFAULT_N, seed: int = DEFAULT_SEED, out_root: Path | None = None,
                        workers: int | None = None) -> list[CorpusDocument]:
    """The corpus's documents, built or loaded from the cache."""
    out_dir = (out_root or CACHE_ROOT) / f"{source_hash()}-{seed}-{n}"
    out_dir.mkdir(parents=True, exist_ok=True)
    with locked(out_dir):
        manifest = out_dir / "manifest.json"
        if manifest.exists():
            entries = json.loads(manifest.read_text())["documents"]
        else:
            entries = build_all(n, seed, out_dir, workers or min(2, os.cpu_count() or 1))
            write_atomic(manifest, json.dumps({"source_hash": source_hash(), "seed": seed, "documents": entries},
                                              ensure_ascii=False).encode())
            prune(out_dir)
    return [CorpusDocument(id=e["id"], path=out_dir / e["file"], template="variation", truth=e["truth"],
                           kind=e["kind"], printed_dates=e["printed_dates"]) for e in entries]


def prune(current: Path) -> None:
    """Remove the cache folders of older generator sources next to `current` (about 11 MB each)."""
    for sibling in current.parent.iterdir():
        if sibling.is_dir() and not sibling.name.startswith(source_hash()):
            shutil.rmtree(sibling, ignore_errors=True)


def axes_of(doc: CorpusDocument) -> dict[str, str]:
    """The axis values that shaped a document (generated or committed)."""
    return json.loads(doc.path.with_name(doc.path.name.removesuffix(".pdf") + ".axes.json").read_text())
