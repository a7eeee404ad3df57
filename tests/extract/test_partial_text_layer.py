"""A report whose middle pages are scanned images (no text layer) among text pages: the text pages are still read,
the file is marked as having a partial text layer, and a warning names the pages left unread."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from reviewer.extract import extract_pdf

HEIGHT = letter[1]

COVER = [
    "SOC 2 Type 2 Report",
    "Report on Lindqvist Freight Systems, Inc.'s Description of Its Dispatch Platform",
    "and on the Suitability of the Design and Operating Effectiveness of Its Controls",
    "Relevant to Security",
    "For the period January 1, 2024 to December 31, 2024",
]
OPINION = [
    "Section I - Independent Service Auditor's Report",
    "To the Management of Lindqvist Freight Systems, Inc.:",
    "We have examined Lindqvist Freight Systems, Inc.'s description of its Dispatch Platform",
    "for the period January 1, 2024 to December 31, 2024 and the suitability of the design and",
    "operating effectiveness of controls relevant to security.",
    "Opinion",
    "In our opinion, in all material respects, the description presents the Dispatch Platform",
    "that was designed and implemented throughout the period January 1, 2024 to December 31, 2024,",
    "and the controls stated in the description operated effectively throughout that period.",
    "Brannock & Vale LLP",
    "Portland, Oregon",
    "February 14, 2025",
]
TESTS = [
    "Section IV - Trust Services Criteria, Controls and Tests of Controls",
    "The service auditor's tests and their results are described in the pages above.",
]


def _scan_png() -> bytes:
    """A grey page with dark bars where printed lines were: what a scanner produces, with no text in it."""
    img = Image.new("L", (425, 550), 235)
    draw = ImageDraw.Draw(img)
    for y in range(60, 500, 18):
        draw.rectangle((50, y, 370, y + 8), fill=60)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def partial_scan_report() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    scan = ImageReader(io.BytesIO(_scan_png()))
    for lines in (COVER, OPINION, None, None, TESTS):
        if lines is None:
            c.drawImage(scan, 0, 0, width=letter[0], height=HEIGHT)
        else:
            c.setFont("Helvetica", 10)
            for k, text in enumerate(lines):
                c.drawString(72, HEIGHT - 90 - 16 * k, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_scanned_pages_among_text_pages_are_named_and_the_text_pages_read():
    result = extract_pdf(partial_scan_report(), name="lindqvist-soc2.pdf")
    assert result.file.pages == 5
    assert result.file.text_layer == "partial"
    assert [w for w in result.warnings if "pages 3-4" in w and "OCR" in w]
    assert result.document_type == "soc_report"
    assert (result.report.period_start, result.report.period_end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert result.report.opinion == "unmodified"
    assert result.evidence["opinion"].page == 2

