"""Extraction accuracy on one test set: the per-field table, the accuracy per document, and every failure.

Sets: `corpus` (tests/fixtures, the reportlab corpus the extractor is developed against), `holdout` (tests/holdout,
reportlab templates by another author), `office` (tests/office_holdout, made by LibreOffice; committed PDFs) and
`chromium` (tests/chromium_holdout, HTML printed by headless Chromium; committed PDFs). The scoring is the accuracy
tests' (tests/extract/scoring.py). Failures are listed as (field, document, expected, got), list fields broken
down per item, so that a cause shows once per item rather than as one long unequal list.
Run: .venv/bin/python benchmarks/extraction_accuracy.py SET [--all] [--doc ID]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.extract import extract_pdf  # noqa: E402
from tests.extract.scoring import accuracy_table, field_values, flag_outcomes, hard_values  # noqa: E402
from tests.fixtures.corpus import CorpusDocument  # noqa: E402


def _corpus() -> list[CorpusDocument]:
    from tests.fixtures import build_corpus

    return build_corpus(ROOT / "tests" / ".corpus")


def _holdout() -> list[CorpusDocument]:
    from tests.holdout import build_holdout

    return build_holdout()


def _office() -> list[CorpusDocument]:
    from tests.office_holdout import office_documents

    return office_documents()


def _chromium() -> list[CorpusDocument]:
    from tests.chromium_holdout import chromium_documents

    return chromium_documents()


def _variation() -> list[CorpusDocument]:
    from tests.variation import variation_documents

    return variation_documents()


def _variation_committed() -> list[CorpusDocument]:
    from tests.variation import committed_variation_documents

    return committed_variation_documents()


SETS: dict[str, Callable[[], list[CorpusDocument]]] = {
    "corpus": _corpus, "holdout": _holdout, "office": _office, "chromium": _chromium, "variation": _variation,
    "variation-committed": _variation_committed,
}


def folder_documents(folder: Path) -> list[CorpusDocument]:
    """A folder of X.pdf beside X.truth.json (a blind set, before or after it is committed)."""
    docs = []
    for truth_path in sorted(folder.rglob("*.truth.json")):
        pdf = truth_path.with_name(truth_path.name.removesuffix(".truth.json") + ".pdf")
        if pdf.exists():
            truth = json.loads(truth_path.read_text())
            docs.append(CorpusDocument(id=pdf.stem, path=pdf, template=pdf.parent.name, truth=truth,
                                       password=truth.get("password")))
    return docs

ITEM_KEYS = {"exceptions": "control_id", "control_objectives": "id", "subservice_organizations": "name"}


def short(value: Any, width: int = 110) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def item_failures(key: str, got: Any, want: Any) -> list[tuple[str, Any, Any]]:
    """(sub-field, expected, got) for each differing item of a list field; the whole value for scalars."""
    if not isinstance(want, list):
        return [(key, want, got)]
    if key in ("categories", "criteria"):
        out = [(f"{key} missing", x, None) for x in want if x not in got]
        return out + [(f"{key} extra", None, x) for x in got if x not in want]
    if key in ("cuecs", "csocs"):
        gmap, wmap = {x["text"]: x for x in got}, {x["text"]: x for x in want}
        out = [(f"{key} missing", w, None) for t, w in wmap.items() if t not in gmap]
        out += [(f"{key} extra", None, g) for t, g in gmap.items() if t not in wmap]
        return out + [(f"{key} differs", w, gmap[t]) for t, w in wmap.items() if t in gmap and gmap[t] != w]
    ident = ITEM_KEYS[key]
    gmap, wmap = {x.get(ident): x for x in got}, {x.get(ident): x for x in want}
    out = [(f"{key} missing", w, None) for i, w in wmap.items() if i not in gmap]
    out += [(f"{key} extra", None, g) for i, g in gmap.items() if i not in wmap]
    for i, w in wmap.items():
        if i in gmap and gmap[i] != w:
            diff = {k: (w.get(k), gmap[i].get(k)) for k in w if w.get(k) != gmap[i].get(k)}
            for sub, (exp, act) in diff.items():
                out.append((f"{key}.{sub}", {ident: i, sub: exp}, act))
    return out


def _empty_like(truth: dict[str, Any]) -> dict[str, Any]:
    return {"document_type": truth["document_type"], "file": dict(truth["file"]), "report": dict(truth["report"])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", help=f"which test set: {', '.join(sorted(SETS))}, or a folder of PDFs and truth")
    parser.add_argument("--all", action="store_true", help="print every failure, not only the first 40")
    parser.add_argument("--doc", help="only this document id")
    args = parser.parse_args(argv)
    loaded = SETS[args.set]() if args.set in SETS else folder_documents(Path(args.set))
    docs = [d for d in loaded if d.truth is not None and (not args.doc or d.id == args.doc)]
    rows: dict[str, dict[str, bool]] = {}
    hard_rows: dict[str, dict[str, bool]] = {}
    flags: list[tuple[bool, bool]] = []
    failures: list[tuple[str, str, Any, Any]] = []
    for doc in docs:
        try:
            result = extract_pdf(doc.path, password=doc.password).to_json()
        except Exception as exc:  # a crash is a result too: every field of the document counts as wrong
            crashed = {k: False for k in field_values(_empty_like(doc.truth), doc.truth)}
            rows[doc.id] = crashed
            failures.append(("crash", doc.id, None, f"{type(exc).__name__}: {exc}"))
            continue
        pairs = field_values(result, doc.truth)
        rows[doc.id] = {k: got == want for k, (got, want) in pairs.items()}
        hard_rows[doc.id] = {k: got == want for k, (got, want) in hard_values(result, doc.truth).items()}
        flags += flag_outcomes(result, doc.truth)
        for key, (got, want) in pairs.items():
            if got != want:
                failures += [(sub, doc.id, exp, act) for sub, exp, act in item_failures(key, got, want)]
    table, overall = accuracy_table(rows)
    print(f"{args.set}: {len(docs)} documents, templates {sorted({d.template for d in docs})}")
    print(table)
    print("\nper-document accuracy (fields right / fields):")
    for doc_id, per in rows.items():
        wrong = ", ".join(k for k, ok in per.items() if not ok)
        print(f"  {doc_id:<34}{sum(per.values()):>3}/{len(per):<3} wrong: {wrong}")
    kinds = Counter(f for f, *_ in failures)
    print(f"\nfailures by kind ({len(failures)} in all): " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print("\nfailures (field | document | expected | got):")
    for field, doc_id, exp, act in sorted(failures, key=lambda f: (-kinds[f[0]], f[0], f[1]))[
            : None if args.all else 40]:
        print(f"- {field} | {doc_id}\n    expected {short(exp)}\n    got      {short(act)}")
    hard_table, hard = accuracy_table(hard_rows)
    print("\nhard fields:\n" + hard_table)
    wrong = [low for right, low in flags if not right]
    right = [low for right, low in flags if right]
    print(f"\nconfidence: {sum(wrong)}/{len(wrong)} wrong values flagged low "
          f"({100 * sum(wrong) / max(len(wrong), 1):.0f}%), {sum(right)}/{len(right)} right values flagged low "
          f"({100 * sum(right) / max(len(right), 1):.0f}%)")
    print(f"\noverall accuracy {100 * overall:.1f}%, hard fields {100 * hard:.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
