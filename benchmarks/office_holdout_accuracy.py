"""Extraction accuracy on the office holdout (tests/office_holdout: PDFs made by LibreOffice in four CPA firms'
house styles the extractor was not tuned on; committed, so no LibreOffice is needed to run this).

Prints the per-field accuracy table (tests/extract/scoring.py), the accuracy per document, then every failure
as (field, document, expected, got), list fields broken down per item like benchmarks/holdout_accuracy.py.
Run: .venv/bin/python benchmarks/office_holdout_accuracy.py [--all] [--doc ID]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.holdout_accuracy import _empty_like, item_failures, short  # noqa: E402
from reviewer.extract import extract_pdf  # noqa: E402
from tests.extract.scoring import accuracy_table, field_values  # noqa: E402
from tests.office_holdout import office_documents  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true", help="print every failure, not only the first 60")
    parser.add_argument("--doc", help="only this document id")
    args = parser.parse_args(argv)
    docs = [d for d in office_documents() if not args.doc or d.id == args.doc]
    rows: dict[str, dict[str, bool]] = {}
    failures: list[tuple[str, str, Any, Any]] = []
    for doc in docs:
        try:
            result = extract_pdf(doc.path, password=doc.password).to_json()
        except Exception as exc:  # a crash is a result too: every field of the document counts as wrong
            rows[doc.id] = {k: False for k in field_values(_empty_like(doc.truth), doc.truth)}
            failures.append(("crash", doc.id, None, f"{type(exc).__name__}: {exc}"))
            continue
        pairs = field_values(result, doc.truth)
        rows[doc.id] = {k: got == want for k, (got, want) in pairs.items()}
        for key, (got, want) in pairs.items():
            if got != want:
                failures += [(sub, doc.id, exp, act) for sub, exp, act in item_failures(key, got, want)]
    table, overall = accuracy_table(rows)
    print(f"office holdout: {len(docs)} documents, templates {sorted({d.template for d in docs})}")
    print(table)
    print("\nper-document accuracy (fields right / fields):")
    for doc_id, per in rows.items():
        wrong = ", ".join(k for k, ok in per.items() if not ok)
        print(f"  {doc_id:<34}{sum(per.values()):>3}/{len(per):<3} wrong: {wrong}")
    kinds = Counter(f for f, *_ in failures)
    print(f"\nfailures by kind ({len(failures)} in all): " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print("\nfailures (field | document | expected | got):")
    for field, doc_id, exp, act in sorted(failures, key=lambda f: (-kinds[f[0]], f[0], f[1]))[
            : None if args.all else 60]:
        print(f"- {field} | {doc_id}\n    expected {short(exp)}\n    got      {short(act)}")
    print(f"\noverall accuracy {100 * overall:.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
