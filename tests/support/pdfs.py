"""`text_pdf`: a real PDF with one page per text (lines split on newlines), built with reportlab in memory."""

from __future__ import annotations

import io


def text_pdf(pages: list[str]) -> bytes:
    """A real PDF with one page per text (lines split on newlines)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=letter, invariant=1)
    for text in pages:
        y = 720
        for line in text.splitlines() or [""]:
            pdf.drawString(72, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return buf.getvalue()
