"""OCR of pages without a text layer: the engine ships with its model, a skewed scan is turned level, a signed
opinion page scanned among text pages is read with the rest, `ocr=False` leaves it unread, OCR words carry the
engine's confidence, and what OCR read survives the register's storage form."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import jsonschema
import pypdfium2 as pdfium
import pytest

from reviewer.extract import ExtractionResult, extract_pdf, ocr, ocr_engine
from reviewer.extract.page import Line, Page, Word
from reviewer.extract.pdf import read_pdf
from reviewer.extract.scan_prep import binarise, deskew, skew_angle
from reviewer.gui.viewer.render import find_in_words
from reviewer.schema import extraction_schema
from tests.extract.scanned import scan_pdf


def test_the_engine_and_its_model_are_installed_with_the_app():
    folder = ocr_engine.model_dir()
    assert folder is not None and (folder / "eng.traineddata").is_file()
    assert Path(sys.prefix) in folder.parents or Path(sys.base_prefix) in folder.parents
    assert ocr.available() and ocr_engine.engine_version().startswith("tesseract 5")


def _page_image(doc, page: int = 2, dpi: int = 150):
    pdf = pdfium.PdfDocument(doc.path.read_bytes())
    try:
        return ocr.render_grey(pdf[page - 1], dpi)
    finally:
        pdf.close()


@pytest.mark.parametrize("angle", [-0.9, 0.6])
def test_a_skewed_scan_is_turned_level(corpus, angle):
    image = _page_image(corpus.by_id("harlow-soc2-t1"))
    turned = image.rotate(angle, fillcolor=255)
    assert abs(skew_angle(turned) + angle) <= 0.1
    assert deskew(turned).angle == pytest.approx(-angle, abs=0.1)
    assert deskew(image).angle == 0.0  # a level page is left as it is
    assert set(binarise(image).tobytes()) <= {0, 255}


def _with_scanned_page(doc, page: int) -> bytes:
    """`doc` with its page `page` replaced by a 200-dpi grey scan of itself (the signed page of a report)."""
    data = doc.path.read_bytes()
    scanned = pdfium.PdfDocument(scan_pdf(data, 200, seed=f"{doc.id}/signed"))
    out = pdfium.PdfDocument.new()
    n = len(pdfium.PdfDocument(data))
    src = pdfium.PdfDocument(data)
    for k in range(1, n + 1):
        out.import_pages(scanned if k == page else src, [k - 1])
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def test_a_signed_opinion_page_scanned_among_text_pages_is_read_whole(corpus, extraction_results):
    doc = corpus.by_id("harlow-soc2-t2-exc3")
    digital = extraction_results[doc.id]
    page = digital.evidence["opinion"].page
    result = extract_pdf(_with_scanned_page(doc, page), name="kestrel.pdf")
    assert result.file.text_layer == "partial" and result.file.ocr_pages == [page]
    assert [w for w in result.warnings if f"page {page} " in w and "read by OCR" in w]
    for key in ("opinion", "service_auditor", "report_date", "period_start", "period_end", "service_organization"):
        assert getattr(result.report, key) == getattr(digital.report, key), key
    assert result.report.exceptions == digital.report.exceptions
    assert result.evidence["opinion"].source == "ocr" and result.evidence["opinion"].page == page
    assert all(ev.source == "text" for ev in result.evidence.values() if ev.page != page)
    data = result.to_json()
    assert data["file"]["ocr_pages"] == [page] and data["evidence"]["opinion"]["source"] == "ocr"
    jsonschema.validate(data, extraction_schema())

    unread = extract_pdf(_with_scanned_page(doc, page), name="kestrel.pdf", ocr=False)
    assert unread.file.ocr_pages == [] and unread.report.opinion is None
    assert [w for w in unread.warnings if "those pages were not read" in w]


def test_ocr_words_carry_confidence_and_boxes_on_the_page(corpus):
    doc = corpus.by_id("hard-scan")
    content = read_pdf(doc.path.read_bytes())
    assert content.ocr_pages == list(range(1, len(content.pages) + 1)) and content.text_layer == "none"
    page = content.pages[0]
    words = [w for line in page.lines for w in line.words]
    assert len(words) > 10 and page.ocr and page.image_only
    assert all(w.conf is None or 0.0 <= w.conf <= 1.0 for w in words)
    assert all(0 <= w.x0 < w.x1 <= page.width and 0 <= w.top < w.bottom <= page.height for w in words)
    assert "Crowhurst Logistics" in page.text
    assert not read_pdf(doc.path.read_bytes(), ocr=False).ocr_pages


def test_low_confidence_spans_and_boxes_are_told():
    page = Page(1, 612, 792, ocr=True)
    page.lines = [Line([Word("Period", 72, 100, 110, 110, conf=0.95), Word("Decernber", 114, 100, 170, 110,
                                                                            conf=0.31)], 1)]
    page.finish()
    assert page.lines[0].confidence == 0.31
    assert not ocr.is_low_confidence(page, 0, 6)
    assert ocr.is_low_confidence(page, 0, len(page.text))
    assert [w.text for w in ocr.low_confidence_words(page, 7, 16)] == ["Decernber"]
    assert ocr.box_is_low_confidence(page, (110, 95, 175, 115))
    assert not ocr.box_is_low_confidence(page, (60, 95, 112, 115))
    text_page = Page(1, 612, 792, lines=[Line([Word("Period", 72, 100, 110, 110)], 1)])
    text_page.finish()
    assert text_page.lines[0].confidence is None and not ocr.is_low_confidence(text_page, 0, 6)


def test_what_ocr_read_survives_storage_and_is_found_by_the_viewer(corpus, extraction_results):
    result = extraction_results["hard-scan"]
    stored = ExtractionResult.from_json(json.loads(json.dumps(result.to_storage())))
    assert stored.file.ocr_pages == result.file.ocr_pages
    assert stored.to_json()["evidence"] == result.to_json()["evidence"]
    assert set(stored.ocr_words) == set(result.file.ocr_pages)
    ev = stored.evidence["service_organization"]
    hits = find_in_words(stored.ocr_words[ev.page], "crowhurst LOGISTICS")
    assert hits and any(abs(h[0] - ev.bbox[0]) < 2 and abs(h[1] - ev.bbox[1]) < 2 for h in hits)
    assert find_in_words(stored.ocr_words[ev.page], "no such words here") == []
