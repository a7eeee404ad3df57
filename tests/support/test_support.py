"""The test-support package's own tests: its PDFs are real, its checker catches a truth the PDF does not print,
and `store` puts a report in the register through the real insert path."""

from __future__ import annotations

from datetime import date

import pypdfium2 as pdfium
import pytest

from reviewer.extract.model import ExtractionResult, FileInfo, Report
from reviewer.register import Register
from tests.support.pdfs import text_pdf
from tests.support.register import PASSPHRASE, store
from tests.support.truth_check import page_texts, pages_with, parse_printed, problems
from tests.support.viewer_pdf import PAGE_H, PAGE_W, line_box
from tests.support.viewer_pdf import make_pdf as viewer_pdf


def _texts(data: bytes, password: str | None = None) -> list[str]:
    pdf = pdfium.PdfDocument(data, password=password)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def test_text_pdf_has_one_page_per_text_with_its_lines():
    texts = _texts(text_pdf(["first page\nsecond line", "second page"]))
    assert len(texts) == 2
    assert "first page" in texts[0] and "second line" in texts[0] and "second page" in texts[1]


def test_viewer_pdf_places_its_lines_inside_the_page_and_can_be_encrypted():
    assert len(_texts(viewer_pdf(pages=3))) == 3
    x0, top, x1, bottom = line_box(3)
    assert 0 <= x0 < x1 <= PAGE_W and 0 <= top < bottom <= PAGE_H
    assert "Exception noted" in _texts(viewer_pdf(pages=3, password="pw"), password="pw")[2]
    with pytest.raises(pdfium.PdfiumError):
        _texts(viewer_pdf(pages=1, password="pw"))


def _truth(**report: object) -> dict:
    result = ExtractionResult(FileInfo("t.pdf", "0" * 64, 2, False, "full"), "soc_report",
                              Report(**report))  # type: ignore[arg-type]
    return result.to_json()


def test_the_checker_accepts_an_honest_truth_and_names_what_a_drifted_one_gets_wrong(tmp_path):
    path = tmp_path / "t.pdf"
    path.write_bytes(text_pdf(["Acme Cloud, Inc. for the period January 1, 2024 to December 31, 2024",
                               "Independent auditor: Fictional & Co. LLP"]))
    pages = page_texts(path)
    assert pages_with(pages, "Fictional & Co.") == [2]
    assert parse_printed("January 1, 2024") == date(2024, 1, 1) == parse_printed("01/01/2024")
    printed = {"period_start": ["January 1, 2024"], "period_end": ["December 31, 2024"]}
    honest = _truth(service_organization="Acme Cloud, Inc.", service_auditor="Fictional & Co. LLP",
                    period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))
    assert problems("t", honest, printed, pages) == []
    drifted = _truth(service_organization="Acme Cloud, Inc.", service_auditor="Nobody LLP",
                     period_start=date(2024, 1, 2), period_end=date(2024, 12, 31))
    found = problems("t", drifted, printed, pages)
    assert any("service_auditor" in p for p in found) and any("period_start printed" in p for p in found)


def test_store_puts_a_report_in_the_register_through_the_insert_path(tmp_path):
    with Register.open(tmp_path / "register.db", PASSPHRASE) as reg:
        report_id = store(reg, "Support Vendor LLC", exceptions=["Exception noted."], salt="s")
        stored = reg.reports.get(report_id)
        assert stored.vendor == "Support Vendor LLC"
        assert [e.finding.description for e in reg.reviews.exceptions(report_id)] == ["Exception noted."]
        assert reg.reports.pdf_bytes(report_id).startswith(b"%PDF")
