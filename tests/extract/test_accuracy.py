"""Per-field accuracy over the whole corpus (printed as a table), at least 98% overall; every output is valid."""

from __future__ import annotations

import jsonschema
import pypdfium2 as pdfium

from reviewer.schema import extraction_schema
from tests.extract.scoring import accuracy_table, field_values


def test_overall_accuracy_at_least_98_percent(corpus, extracted):
    rows = {}
    for doc in corpus.readable():
        pairs = field_values(extracted[doc.id], doc.truth)
        rows[doc.id] = {k: got == want for k, (got, want) in pairs.items()}
    table, overall = accuracy_table(rows)
    print("\n" + table)
    assert overall >= 0.98, f"overall accuracy {overall:.1%} < 98%\n{table}"


def test_every_output_validates_against_the_schema(corpus, extracted):
    schema = extraction_schema()
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert extracted, "the corpus has readable documents"
    for doc_id, result in extracted.items():
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(result)]
        assert not errors, f"{doc_id}: {errors}"


def _box_on_page(box, width: float, height: float) -> bool:
    x0, top, x1, bottom = box
    return -1 <= x0 <= x1 <= width + 1 and -1 <= top <= bottom <= height + 1 and (x1 - x0) * (bottom - top) > 0


def test_every_value_has_evidence_with_a_box_on_a_real_page(corpus, extraction_results):
    """The GUI highlights each value's box: every field and every listed item has page, text and box."""
    for doc in corpus.readable():
        result = extraction_results[doc.id]
        pages = result.file.pages
        size = _page_sizes(doc)
        for key, value in result.report.to_json().items():
            if value in (None, []):
                continue
            ev = result.evidence.get(key)
            assert ev is not None, f"{doc.id}: {key} has no evidence"
            assert 1 <= ev.page <= pages and ev.text, f"{doc.id}: bad evidence for {key}"
            assert ev.bbox is not None and _box_on_page(ev.bbox, *size[ev.page]), f"{doc.id}: {key} box {ev.bbox}"
        stored = result.to_storage()["report"]
        for key in ("control_objectives", "exceptions", "cuecs", "subservice_organizations", "csocs"):
            for item in stored[key]:
                assert 1 <= item.get("page", 0) <= pages, f"{doc.id}: {key} item without a page: {item}"
                assert _box_on_page(item.get("bbox") or (0, 0, 0, 0), *size[item["page"]]), \
                    f"{doc.id}: {key} item without a box: {item}"


def _page_sizes(doc) -> dict[int, tuple[float, float]]:
    pdf = pdfium.PdfDocument(doc.path.read_bytes(), password=doc.password)
    try:
        return {i + 1: _displayed(pdf[i]) for i in range(len(pdf))}
    finally:
        pdf.close()


def _displayed(page) -> tuple[float, float]:
    w, h = page.get_size()
    return (h, w) if page.get_rotation() in (90, 270) else (w, h)
