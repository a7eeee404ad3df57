"""How well the extractor's low-confidence flags point a reviewer at its mistakes, on one test set.

For every scalar value and every list item the extractor outputs, compared with the set's truth: is it wrong, and is
it flagged (confidence "low")? Prints the catch rate (wrong ones flagged; the bar: at least 50%) and the false-flag
rate (right ones flagged; the bar: at most 15%), and the wrong values left unflagged. A missed item (in the truth,
not in the output) has nothing to flag and is counted apart.
Run: .venv/bin/python benchmarks/confidence_flags.py SET   (SET as in benchmarks/extraction_accuracy.py: a set's
name, or a folder of PDFs beside their truth, e.g. one of tests/blind/)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.extraction_accuracy import SETS, folder_documents  # noqa: E402
from reviewer.extract import extract_pdf  # noqa: E402
from tests.extract.scoring import LIST_FIELDS, SCALAR_FIELDS  # noqa: E402

CONFIDENCE = ("confidence", "confidence_reason")


def _plain(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in CONFIDENCE}


def judge(result: dict[str, Any], truth: dict[str, Any]) -> list[tuple[str, bool, bool]]:
    """(what, wrong, flagged) for each value and item in `result`."""
    rep, want, evidence = result["report"], truth["report"], result.get("evidence", {})
    out = []
    for key in (*SCALAR_FIELDS, "categories", "criteria"):
        if key not in want:
            continue
        got = rep.get(key)
        if got in (None, []) and want[key] in (None, []):
            continue
        flagged = evidence.get(key, {}).get("confidence") == "low"
        out.append((key, got != want[key], flagged))
    for key in LIST_FIELDS:
        if key not in want or not rep.get(key) or not isinstance(rep[key][0], dict):
            continue
        truth_items = [_plain(x) for x in want[key]]
        for item in rep[key]:
            out.append((key, _plain(item) not in truth_items, item.get("confidence") == "low"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", help=f"which test set: {', '.join(sorted(SETS))}, or a folder of PDFs and truth")
    args = parser.parse_args(argv)
    judged: list[tuple[str, str, bool, bool]] = []
    for doc in SETS[args.set]() if args.set in SETS else folder_documents(Path(args.set)):
        if doc.truth is None:
            continue
        result = extract_pdf(doc.path, password=doc.password).to_json()
        judged += [(doc.id, what, wrong, flagged) for what, wrong, flagged in judge(result, doc.truth)]
    wrong = [j for j in judged if j[2]]
    right = [j for j in judged if not j[2]]
    caught = sum(1 for j in wrong if j[3])
    false_flags = sum(1 for j in right if j[3])
    print(f"{args.set}: {len(judged)} values and items, {len(wrong)} wrong")
    print(f"catch rate  {caught}/{len(wrong)} = {100 * caught / max(1, len(wrong)):.1f}% (bar: >= 50%)")
    print(f"false flags {false_flags}/{len(right)} = {100 * false_flags / max(1, len(right)):.1f}% (bar: <= 15%)")
    for doc_id, what, _w, flagged in wrong:
        if not flagged:
            print(f"  unflagged wrong: {doc_id} {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
