"""Building the variation corpus: one document per (seed, index) from its axis draw, written with its truth to a
cache folder under tests/.corpus/variation/ keyed by a hash of the generator's sources, in a process pool.

`variation_documents(n, seed)` returns CorpusDocument objects; `axes_of(doc)` the axis values that shaped it.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from tests.fixtures.corpus import CorpusDocument, locked, write_atomic

from .axes import draw
from .compose import compose
from .plan import make_plan
from .render_rl import render
from .truth import truth

SOURCE_DIR = Path(__file__).resolve().parent
CACHE_ROOT = SOURCE_DIR.parent / ".corpus" / "variation"
DEFAULT_N = 300
DEFAULT_SEED = 20261201


def source_hash() -> str:
    h = hashlib.sha256()
    for p in sorted(SOURCE_DIR.glob("*.py")):
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


def _build(args: tuple[int, int, str]) -> dict[str, Any]:
    index, seed, out_dir = args
    doc = make_document(index, seed)
    path = Path(out_dir) / f"{doc['id']}.pdf"
    write_atomic(path, doc.pop("data"))
    (Path(out_dir) / f"{doc['id']}.axes.json").write_text(json.dumps(doc["axes"], indent=1))
    doc["file"] = path.name
    return doc


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
            jobs = [(i, seed, str(out_dir)) for i in range(n)]
            workers = workers or min(2, os.cpu_count() or 1)
            if workers > 1:
                ctx = multiprocessing.get_context("forkserver")
                ctx.set_forkserver_preload(["tests.variation.build"])  # not __main__: it may be a script
                with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
                    entries = list(pool.map(_build, jobs, chunksize=8))
            else:
                entries = [_build(j) for j in jobs]
            write_atomic(manifest, json.dumps({"source_hash": source_hash(), "seed": seed, "documents": entries},
                                              ensure_ascii=False).encode())
    return [CorpusDocument(id=e["id"], path=out_dir / e["file"], template="variation", truth=e["truth"],
                           kind=e["kind"], printed_dates=e["printed_dates"]) for e in entries]


def axes_of(doc: CorpusDocument) -> dict[str, str]:
    """The axis values that shaped a document (generated or committed)."""
    return json.loads(doc.path.with_name(doc.path.name.removesuffix(".pdf") + ".axes.json").read_text())
