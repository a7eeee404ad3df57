"""A scanned copy of the corpus is read with at least 95% of the per-field accuracy of the same documents born
digital (both tables printed). The suite scans a representative subset at 150 dpi (every firm's template, SOC 1
and SOC 2, Type 1 and 2, SOC 3, bridge letters and a non-report); `benchmarks/ocr_accuracy.py` scans the whole
corpus at 150 and 300 dpi."""

from __future__ import annotations

from reviewer.extract import extract_pdf
from tests.conftest import CORPUS_DIR
from tests.extract.scanned import scan_truth, scanned_copy
from tests.extract.scoring import accuracy_table, field_values

SUBSET = ("harlow-soc2-t1", "harlow-soc1-t2-dev", "meridian-soc2-t2-exc2", "calder-soc1-t2-dev",
          "calder-soc2-t2-seeresponse", "brightline-soc2-t1", "ostrander-ssae16-t2", "soc3-qualified",
          "bridge-soc1-wrenfield", "bridge-soc2-dayfirst", "other-pentest")
RATIO = 0.95


def compare(corpus, digital: dict, ids, dpi: int) -> tuple[str, float, str, float, list[str]]:
    """Both accuracy tables (born digital, scanned at `dpi`), their overall figures and every field missed."""
    born, scanned, misses = {}, {}, []
    for doc_id in ids:
        doc = corpus.by_id(doc_id)
        born[doc_id] = {k: got == want for k, (got, want) in field_values(digital[doc_id], doc.truth).items()}
        result = extract_pdf(scanned_copy(doc, dpi, CORPUS_DIR / "scanned")).to_json()
        pairs = field_values(result, scan_truth(doc.truth))
        scanned[doc_id] = {k: got == want for k, (got, want) in pairs.items()}
        misses += [f"{doc_id} {k}: got {str(got)[:160]!r}" for k, (got, want) in pairs.items() if got != want]
    born_table, born_overall = accuracy_table(born)
    scan_table, scan_overall = accuracy_table(scanned)
    return born_table, born_overall, scan_table, scan_overall, misses


def test_scanned_copies_read_at_least_95_percent_as_well_as_born_digital(corpus, extracted):
    born_table, born, scan_table, scan, misses = compare(corpus, extracted, SUBSET, 150)
    print(f"\nborn digital ({len(SUBSET)} documents)\n{born_table}\n\nscanned at 150 dpi\n{scan_table}")
    print(f"ratio {scan / born:.3f} (at least {RATIO})\n" + "\n".join(misses))
    assert scan >= RATIO * born, f"scanned {scan:.1%} < {RATIO:.0%} of born digital {born:.1%}\n" + "\n".join(misses)
