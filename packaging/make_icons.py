"""Draws reviewer's application icon: `resources/icons/` (SVG, PNGs, .ico, .icns).

One geometry, on a 512-unit grid, feeds both the SVG text and the QPainter drawing of every PNG, so the
scalable and the raster icons stay the same picture: a report page with text lines and a green shield
with a tick (a report that has been reviewed). Pillow turns the PNGs into the Windows .ico and the macOS
.icns. Run it again after changing the drawing: `.venv/bin/python packaging/make_icons.py`; the files it
writes are committed, so a build never needs Qt's drawing at build time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
NAME = "reviewer"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

# colours
PAGE_FILL = "#ffffff"
PAGE_EDGE = "#1f3a5f"
FOLD_FILL = "#c9d6e8"
LINE = "#8aa0bf"
SHIELD_FILL = "#2e8b57"
SHIELD_EDGE = "#1d5e3a"
TICK = "#ffffff"
BACKDROP = "#e8eef7"

# geometry on a 512 grid
BACKDROP_RECT = (16, 16, 480, 480, 96)  # x, y, w, h, corner radius
PAGE = [(120, 64), (326, 64), (400, 138), (400, 448), (120, 448)]
FOLD = [(326, 64), (326, 138), (400, 138)]
TEXT_LINES = [(160, 170, 290), (160, 220, 360), (160, 270, 330), (160, 320, 250)]  # x1, y, x2
LINE_WIDTH = 22
EDGE_WIDTH = 16
# shield: top edge, sides, point at the bottom (cubic curves as in the SVG)
SHIELD_TOP_Y = 268
SHIELD_LEFT_X = 268
SHIELD_RIGHT_X = 468
SHIELD_SHOULDER_Y = 300
SHIELD_POINT = (368, 488)
TICK_POINTS = [(318, 380), (356, 418), (422, 338)]
TICK_WIDTH = 30


def shield_path_svg() -> str:
    cx, top = (SHIELD_LEFT_X + SHIELD_RIGHT_X) // 2, SHIELD_TOP_Y
    left, right, shoulder = SHIELD_LEFT_X, SHIELD_RIGHT_X, SHIELD_SHOULDER_Y
    px, py = SHIELD_POINT
    return (
        f"M {cx} {top} "
        f"C {cx + 40} {top + 24} {right - 30} {shoulder} {right} {shoulder} "
        f"C {right} {shoulder + 110} {px + 60} {py - 40} {px} {py} "
        f"C {px - 60} {py - 40} {left} {shoulder + 110} {left} {shoulder} "
        f"C {left + 30} {shoulder} {cx - 40} {top + 24} {cx} {top} Z"
    )


def svg_text() -> str:
    x, y, w, h, r = BACKDROP_RECT
    page = " ".join(f"{px},{py}" for px, py in PAGE)
    fold = " ".join(f"{px},{py}" for px, py in FOLD)
    lines = "\n".join(
        f'  <line x1="{x1}" y1="{ly}" x2="{x2}" y2="{ly}" stroke="{LINE}" stroke-width="{LINE_WIDTH}" '
        f'stroke-linecap="round"/>'
        for x1, ly, x2 in TEXT_LINES
    )
    tick = " ".join(f"{px},{py}" for px, py in TICK_POINTS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <title>reviewer</title>
  <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{BACKDROP}"/>
  <polygon points="{page}" fill="{PAGE_FILL}" stroke="{PAGE_EDGE}" stroke-width="{EDGE_WIDTH}" stroke-linejoin="round"/>
  <polygon points="{fold}" fill="{FOLD_FILL}" stroke="{PAGE_EDGE}" stroke-width="{EDGE_WIDTH}" stroke-linejoin="round"/>
{lines}
  <path d="{shield_path_svg()}" fill="{SHIELD_FILL}" stroke="{SHIELD_EDGE}" stroke-width="{EDGE_WIDTH}"
        stroke-linejoin="round"/>
  <polyline points="{tick}" fill="none" stroke="{TICK}" stroke-width="{TICK_WIDTH}" stroke-linecap="round"
            stroke-linejoin="round"/>
</svg>
"""


def draw_png(size: int, path: Path) -> None:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 512, size / 512)

    def pen(colour: str, width: float) -> QPen:
        p = QPen(QColor(colour), width)
        p.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return p

    def polygon(points: list[tuple[int, int]]) -> QPolygonF:
        return QPolygonF([QPointF(px, py) for px, py in points])

    x, y, w, h, r = BACKDROP_RECT
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(BACKDROP)))
    painter.drawRoundedRect(QRectF(x, y, w, h), r, r)

    painter.setPen(pen(PAGE_EDGE, EDGE_WIDTH))
    painter.setBrush(QBrush(QColor(PAGE_FILL)))
    painter.drawPolygon(polygon(PAGE))
    painter.setBrush(QBrush(QColor(FOLD_FILL)))
    painter.drawPolygon(polygon(FOLD))

    painter.setPen(pen(LINE, LINE_WIDTH))
    for x1, ly, x2 in TEXT_LINES:
        painter.drawLine(QPointF(x1, ly), QPointF(x2, ly))

    shield = QPainterPath()
    tokens = shield_path_svg().split()
    i = 0
    while i < len(tokens):  # the SVG path above has only M, C and Z
        op = tokens[i]
        if op == "M":
            shield.moveTo(float(tokens[i + 1]), float(tokens[i + 2]))
            i += 3
        elif op == "C":
            c = [float(t) for t in tokens[i + 1 : i + 7]]
            shield.cubicTo(c[0], c[1], c[2], c[3], c[4], c[5])
            i += 7
        else:
            shield.closeSubpath()
            i += 1
    painter.setPen(pen(SHIELD_EDGE, EDGE_WIDTH))
    painter.setBrush(QBrush(QColor(SHIELD_FILL)))
    painter.drawPath(shield)

    painter.setPen(pen(TICK, TICK_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(polygon(TICK_POINTS))
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QPainter needs the app)
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    (ICON_DIR / f"{NAME}.svg").write_text(svg_text(), encoding="utf-8")
    for size in PNG_SIZES:
        draw_png(size, ICON_DIR / f"{NAME}-{size}.png")

    # .ico: Pillow resamples the largest image into each size; draw the small ones directly for crispness
    big = Image.open(ICON_DIR / f"{NAME}-256.png")
    big.save(ICON_DIR / f"{NAME}.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
             append_images=[Image.open(ICON_DIR / f"{NAME}-{s}.png") for s in ICO_SIZES if s in PNG_SIZES])
    # .icns: Pillow writes the standard sizes from the 512 image plus the ones given
    Image.open(ICON_DIR / f"{NAME}-512.png").save(
        ICON_DIR / f"{NAME}.icns", format="ICNS",
        append_images=[Image.open(ICON_DIR / f"{NAME}-{s}.png") for s in (16, 32, 64, 128, 256)],
    )
    print(f"wrote {len(PNG_SIZES)} PNGs, {NAME}.svg, {NAME}.ico and {NAME}.icns to {ICON_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
