"""Builds the desktop app with PyInstaller (`packaging/reviewer.spec` -> dist/reviewer/), then smoke-tests it.

`make package` runs this. Alone: `.venv/bin/python packaging/build.py [--no-smoke-test]`. It prints the build
time and the bundle's size; it exits non-zero when PyInstaller or the smoke test fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from smoke_test import DIST, ROOT, run_smoke_test  # noqa: E402 (beside this file, not a package)

SPEC = ROOT / "packaging" / "reviewer.spec"


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-smoke-test", action="store_true", help="build only")
    args = parser.parse_args(argv)

    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--workpath", str(ROOT / "build"), "--distpath", str(ROOT / "dist"), str(SPEC)]
    print("building:", " ".join(command), flush=True)
    start = time.monotonic()
    # PyInstaller resolves the spec's paths from the repository root
    done = subprocess.run(command, cwd=ROOT, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    seconds = time.monotonic() - start
    if done.returncode != 0:
        print(f"build FAILED after {seconds:.0f} s (PyInstaller exit {done.returncode})", file=sys.stderr)
        return done.returncode
    print(f"built {DIST} in {seconds:.0f} s; size {folder_size(DIST) / 2**20:.0f} MiB", flush=True)
    if args.no_smoke_test:
        return 0
    return run_smoke_test(DIST)


if __name__ == "__main__":
    sys.exit(main())
