"""`python -m tests.holdout.build [OUT_DIR]`: write the holdout corpus and its manifest.json."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .corpus import DEFAULT_OUT, build_holdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.holdout.build", description=__doc__)
    parser.add_argument("out_dir", type=Path, nargs="?", default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs = build_holdout(args.out_dir)
    print(f"{len(docs)} holdout documents in {args.out_dir} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
