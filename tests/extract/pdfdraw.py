"""Small real PDFs drawn with reportlab for table-layout tests: text placed at (x, top) and ruled lines,
page by page, read back through the real PDF layer (pdfium words and path objects)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from reviewer.extract.layout import Document
from reviewer.extract.pdf import read_pdf

HEIGHT = letter[1]


@dataclass
class DrawnPage:
    """Texts at (x, top) in points from the top-left, horizontal (y, x0, x1) and vertical (x, top, bottom)
    rules, rectangles (x0, top, x1, bottom) and bullet discs centred at (x, y)."""

    texts: list[tuple[float, float, str]] = field(default_factory=list)
    hrules: list[tuple[float, float, float]] = field(default_factory=list)
    vrules: list[tuple[float, float, float]] = field(default_factory=list)
    rects: list[tuple[float, float, float, float]] = field(default_factory=list)
    discs: list[tuple[float, float]] = field(default_factory=list)  # list bullets drawn as filled circles (x, y)


def pdf_bytes(pages: list[DrawnPage], font_size: float = 9) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    for page in pages:
        c.setFont("Helvetica", font_size)
        for x, top, text in page.texts:
            c.drawString(x, HEIGHT - top - font_size, text)
        c.setLineWidth(0.75)
        for y, x0, x1 in page.hrules:
            c.line(x0, HEIGHT - y, x1, HEIGHT - y)
        for x, t, b in page.vrules:
            c.line(x, HEIGHT - t, x, HEIGHT - b)
        for x0, t, x1, b in page.rects:
            c.rect(x0, HEIGHT - b, x1 - x0, b - t, stroke=1, fill=0)
        for x, y in page.discs:
            c.circle(x, HEIGHT - y, 1.5, stroke=0, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


def document(pages: list[DrawnPage]) -> Document:
    return Document(read_pdf(pdf_bytes(pages)).pages)
