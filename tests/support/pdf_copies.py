"""Copies of a real PDF as trust portals hand them out: re-saved, re-encrypted with a password, or watermarked
with the downloader's name on every page (pikepdf, and a reportlab overlay). Each has other bytes (another
sha256) and the same report inside."""

from __future__ import annotations

import io
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
ORIGINAL = SAMPLES / "brackenridge-soc2-type2.pdf"
COPY_PASSWORD = "portal download 7"


def resaved(src: Path, out: Path) -> Path:
    import pikepdf

    with pikepdf.open(src) as pdf:
        pdf.save(out, fix_metadata_version=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out


def encrypted(src: Path, out: Path, password: str = COPY_PASSWORD) -> Path:
    import pikepdf

    with pikepdf.open(src) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user=password, owner=password + " owner", R=6))
    return out


def watermarked(src: Path, out: Path, who: str = "dana.reviewer@example.test") -> Path:
    """`src` with a line "Downloaded by <who> on ..." drawn at the foot of every page."""
    import pikepdf
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    mark = canvas.Canvas(buf, pagesize=letter)
    mark.setFont("Helvetica", 8)
    mark.drawString(72, 20, f"Downloaded by {who} on 2026-01-12 from the vendor's trust portal; do not share")
    mark.showPage()
    mark.save()
    with pikepdf.open(src) as pdf, pikepdf.open(io.BytesIO(buf.getvalue())) as overlay:
        for page in pdf.pages:
            page.add_overlay(overlay.pages[0])
        pdf.save(out)
    return out
