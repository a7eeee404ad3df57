"""Small PDFs drawn with reportlab for the viewer's tests: known words at known places on known pages."""

from __future__ import annotations

import io

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = 612.0, 792.0
# (page, text, x, baseline y from the top) for each placed line
LINES: list[tuple[int, str, float, float]] = [
    (1, "Fictional Payroll Services, Inc. SOC 2 Type 2", 72, 100),
    (1, "Section I: Independent Service Auditor's Report", 72, 140),
    (2, "Control CC6.1.2 access reviews are performed quarterly.", 72, 200),
    (3, "Exception noted. For 2 of 25 terminated users access was not removed.", 90, 520),
    (4, "Management response: access removal is now automated.", 72, 300),
    (5, "Another exception noted on the last page.", 72, 700),
]
FONT_SIZE = 12


def line_box(page: int) -> tuple[float, float, float, float]:
    """The approximate [x0, top, x1, bottom] box of the line placed on `page` (the evidence box a test uses)."""
    for p, text, x, y in LINES:
        if p == page:
            width = len(text) * FONT_SIZE * 0.5
            return (x, y - FONT_SIZE, x + width, y + 3)
    raise KeyError(page)


# (level, title, page) of the bookmarks `make_pdf(outline=True)` adds
OUTLINE: list[tuple[int, str, int]] = [
    (0, "Section I: Independent Service Auditor's Report", 1),
    (0, "Section IV: Tests of Controls", 2),
    (1, "CC6.1 Logical access", 2),
    (1, "Exceptions noted", 3),
    (0, "Management's response", 4),
]


def make_pdf(pages: int = 5, password: str | None = None, outline: bool = False) -> bytes:
    buf = io.BytesIO()
    encrypt = StandardEncryption(password, ownerPassword=password + "-owner") if password else None
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), encrypt=encrypt)
    for page in range(1, pages + 1):
        if outline:
            for index, (level, title, on_page) in enumerate(OUTLINE):
                if on_page == page:
                    c.bookmarkPage(f"b{index}")
                    c.addOutlineEntry(title, f"b{index}", level=level)
        c.setFont("Helvetica", FONT_SIZE)
        for p, text, x, y in LINES:
            if p == page:
                c.drawString(x, PAGE_H - y, text)
        c.setFont("Helvetica", 8)
        c.drawString(72, 30, f"Page {page} of {pages} - Proprietary and Confidential")
        c.showPage()
    c.save()
    return buf.getvalue()
