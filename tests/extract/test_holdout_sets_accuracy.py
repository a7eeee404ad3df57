"""Accuracy on the three holdout sets, written by other authors in house styles the extractor was not written
against; each test prints its per-field table so that a drop shows where.

- `holdout` (tests/holdout: 22 reportlab documents, 5 templates). Read 88.2% right on arrival; its failures'
  causes were fixed in general form (reading the PDFs' text, never the templates): 100%. Bar 98%.
- `office` (tests/office_holdout: 12 PDFs made by LibreOffice, four firms' styles, the closest we have to Word and
  InDesign reports). Read 93.9% on arrival: cells wrapped over several lines in bordered tables, CUEC table headers
  and introductions read as CUECs, titled SOC 1 objectives, "& Co. LLP" firms, a bridge letter's "engaged FIRM to
  examine the controls of its SYSTEM". Fixed in general form (ruled tables from the PDF's path objects, word
  geometry without them): 100%. Bar 99%.
- `chromium` (tests/chromium_holdout: 8 PDFs printed by headless Chromium from HTML, three firms' web styles).
  Read 92.0% on arrival: list bullets drawn as shapes, shaded rather than bordered cells, a footer fixed over the
  body, id cells holding their criteria, the id opening a "Control" cell, a "Section V — Other Information" title;
  then staggered wrapped table headers taken for headings, a footer printed over a paragraph, an objective titled
  on its own line, a system named only in a wrapped title-case title, a method clause left in a subservice
  organization's services. Fixed in general form: 100%. Bar 100%.
Since their failures were read to find those causes, none of these sets is unseen any more: they guard against
regressions.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reviewer.extract import extract_pdf
from tests.extract.scoring import accuracy_table, field_values, flag_outcomes, hard_values
from tests.fixtures.corpus import CorpusDocument


def _holdout() -> list[CorpusDocument]:
    from tests.holdout import build_holdout

    return [d for d in build_holdout() if d.truth is not None]


def _office() -> list[CorpusDocument]:
    from tests.office_holdout import office_documents

    return office_documents()


def _chromium() -> list[CorpusDocument]:
    from tests.chromium_holdout import chromium_documents

    return chromium_documents()


def _blind(name: str) -> Callable[[], list[CorpusDocument]]:
    def load() -> list[CorpusDocument]:
        from tests.blind import blind_documents

        return blind_documents(name)

    return load


def _variation() -> list[CorpusDocument]:
    from tests.variation import variation_documents

    return variation_documents()


def _variation_committed() -> list[CorpusDocument]:
    from tests.variation import committed_variation_documents

    return committed_variation_documents()


# (loader, least documents, bar for all fields, bar for the hard fields, most right values flagged low)
SETS = {
    "holdout": (_holdout, 20, 0.98, 0.98, 0.15),
    "office": (_office, 12, 0.99, 0.99, 0.15),
    "chromium": (_chromium, 8, 1.0, 1.0, 0.15),
    # the blind sets (tests/blind/README.md has their first-contact scores); their bars are where the fixes of
    # their general causes took them
    "blind-set1": (_blind("set1"), 21, 0.98, 0.97, 0.15),
    "blind-set2": (_blind("set2"), 20, 0.985, 0.965, 0.15),
    "blind-set3": (_blind("set3"), 21, 0.97, 0.975, 0.15),
    "blind-set4": (_blind("set4"), 19, 0.985, 0.975, 0.15),
    "blind-set5": (_blind("set5"), 20, 0.97, 0.975, 0.15),
    "blind-set6": (_blind("set6"), 19, 0.97, 0.975, 0.15),
    "blind-set7": (_blind("set7"), 18, 0.975, 0.96, 0.15),
    "blind-set8": (_blind("set8"), 17, 0.97, 0.925, 0.15),
    # the variation corpus: 300 documents whose every axis is drawn from a seed (tests/variation), and 40 made
    # from the same axes by LibreOffice and Chromium (committed)
    "variation": (_variation, 300, 0.975, 0.95, 0.15),
    "variation-committed": (_variation_committed, 40, 0.955, 0.93, 0.15),
}


@pytest.mark.parametrize("name", list(SETS))
def test_set_accuracy(name: str):
    loader, least_documents, bar, hard_bar, most_flagged = SETS[name]
    docs = [d for d in loader() if d.truth is not None]
    assert len(docs) >= least_documents, "the set has its documents"
    rows, hard_rows, flags = {}, {}, []
    for doc in docs:
        result = extract_pdf(doc.path, password=doc.password).to_json()
        rows[doc.id] = {k: got == want for k, (got, want) in field_values(result, doc.truth).items()}
        hard_rows[doc.id] = {k: got == want for k, (got, want) in hard_values(result, doc.truth).items()}
        flags += flag_outcomes(result, doc.truth)
    table, overall = accuracy_table(rows)
    hard_table, hard = accuracy_table(hard_rows)
    wrong = [low for right, low in flags if not right]
    right = [low for right, low in flags if right]
    flagged_right = sum(right) / max(len(right), 1)
    print(f"\n{name}\n{table}\nhard fields\n{hard_table}\nlow confidence: {sum(wrong)} of {len(wrong)} wrong values, "
          f"{sum(right)} of {len(right)} right values ({flagged_right:.0%})")
    assert overall >= bar, f"accuracy {overall:.1%} < {bar:.1%}\n{table}"
    assert hard >= hard_bar, f"hard fields {hard:.1%} < {hard_bar:.1%}\n{hard_table}"
    assert flagged_right <= most_flagged, f"{flagged_right:.0%} of right values flagged low"
