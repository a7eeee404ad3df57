"""Fuzzing the command-line import (issue 10): thousands of mutated PDFs through `reviewer import`, in batches.

Mutates real reports of the fixtures corpus (tests/fixtures/hostile.py `mutate`: bytes flipped, runs cut or
repeated, numbers made huge or negative, keywords dropped in, truncation), writes each batch to a temporary folder
and imports it with `python -m reviewer import` into a throwaway register, under the default limits. Counts, per
run: files, imported / failed lines, tracebacks (any "Traceback" in the output), signals (the command itself killed
by a signal), hangs (a batch over its timeout, or a file without its line), and the child crashes the import
reported as one failed line each (what the sandbox is for). Not part of `make test`.
Usage: `.venv/bin/python benchmarks/fuzz_import.py [--files 5000] [--batch 250] [--seed 10]`.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = 8  # reports of the corpus to mutate, spread from the smallest to the largest
sys.path.insert(0, str(ROOT))

from tests.fixtures.hostile import mutate  # noqa: E402


def seeds() -> list[bytes]:
    from tests.conftest import CORPUS_DIR
    from tests.fixtures import Corpus, build_corpus

    corpus = Corpus(build_corpus(CORPUS_DIR))
    docs = sorted((d for d in corpus.readable() if d.password is None), key=lambda d: d.path.stat().st_size)
    picked = {docs[round(i * (len(docs) - 1) / (SEEDS - 1))].path for i in range(SEEDS)}  # small to large
    return [p.read_bytes() for p in sorted(picked)]


def run_batch(files: list[bytes], timeout: float) -> dict[str, int]:
    with tempfile.TemporaryDirectory(prefix="reviewer-fuzz-") as tmp:
        folder = Path(tmp) / "inbox"
        folder.mkdir()
        for i, data in enumerate(files):
            (folder / f"fuzzed-{i:05}.pdf").write_bytes(data)
        environ = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
        environ["REVIEWER_PASSPHRASE"] = secrets.token_urlsafe(18)
        started = time.monotonic()
        try:
            done = subprocess.run([sys.executable, "-m", "reviewer", "import", "--register", str(Path(tmp) / "r.db"),
                                   str(folder)], capture_output=True, text=True, env=environ, timeout=timeout,
                                  stdin=subprocess.DEVNULL, cwd=ROOT)
        except subprocess.TimeoutExpired:
            return Counter(files=len(files), hangs=1)
        lines = done.stdout.splitlines()
        out = Counter(files=len(files), seconds=round(time.monotonic() - started))
        for line in lines:
            out[line.split(":", 1)[0]] += 1
            if "killed by signal" in line or "stopped (exit code" in line or "stopped answering" in line:
                out["child crashes reported"] += 1
            if "took longer than" in line:
                out["time limit reported"] += 1
        out["tracebacks"] += int("Traceback" in done.stdout + done.stderr)
        out["signals"] += int(done.returncode < 0)
        out["hangs"] += int(len(lines) != len(files))
        out[f"exit {done.returncode}"] += 1
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--batch-timeout", type=float, default=3600.0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    originals = seeds()
    total: Counter[str] = Counter()
    started = time.monotonic()
    made = 0
    while made < args.files:
        count = min(args.batch, args.files - made)
        batch = [mutate(rng.choice(originals), rng) for _ in range(count)]
        result = run_batch(batch, args.batch_timeout)
        total.update(result)
        made += count
        print(f"{made:>6} files: " + ", ".join(f"{k} {v}" for k, v in sorted(result.items())), flush=True)
    elapsed = time.monotonic() - started
    per_file = elapsed / max(1, total['files'])
    print(f"\n{total['files']} mutated PDFs in {elapsed / 60:.1f} min ({per_file:.2f} s a file)")
    print(f"tracebacks {total['tracebacks']}, signals {total['signals']}, hangs {total['hangs']}")
    print(f"imported {total['imported']}, failed {total['failed']}, duplicate {total['duplicate']}; "
          f"child crashes reported as a failed line {total['child crashes reported']}, "
          f"time limits reported {total['time limit reported']}")


if __name__ == "__main__":
    main()
