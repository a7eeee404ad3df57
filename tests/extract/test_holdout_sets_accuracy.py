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
from tests.extract.scoring import accuracy_table, field_values
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


@pytest.mark.parametrize(
    ("loader", "least_documents", "bar"),
    [(_holdout, 20, 0.98), (_office, 12, 0.99), (_chromium, 8, 1.0)],
    ids=["holdout", "office", "chromium"],
)
def test_holdout_set_accuracy(loader: Callable[[], list[CorpusDocument]], least_documents: int, bar: float):
    docs = loader()
    assert len(docs) >= least_documents, "the set has its documents"
    rows = {}
    for doc in docs:
        pairs = field_values(extract_pdf(doc.path, password=doc.password).to_json(), doc.truth)
        rows[doc.id] = {k: got == want for k, (got, want) in pairs.items()}
    table, overall = accuracy_table(rows)
    print("\n" + table)
    assert overall >= bar, f"accuracy {overall:.1%} < {bar:.0%}\n{table}"
