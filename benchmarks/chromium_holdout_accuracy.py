"""Extraction accuracy on the chromium holdout (tests/chromium_holdout: HTML in three fictional CPA firms' web house
styles printed to PDF by headless Chromium; committed, so no Chromium is needed to run this).

Reuses the office holdout benchmark's reporting: the per-field table, the accuracy per document, every failure.
Run: .venv/bin/python benchmarks/chromium_holdout_accuracy.py [--all] [--doc ID]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import benchmarks.office_holdout_accuracy as office  # noqa: E402
from tests.chromium_holdout import chromium_documents  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    office.office_documents = chromium_documents  # the same report over the chromium set
    print("chromium holdout (the line below says 'office' because the report is shared):")
    return office.main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
