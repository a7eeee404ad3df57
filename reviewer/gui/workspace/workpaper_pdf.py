"""Printing the workpaper: its sections (HTML) as a paginated A4 PDF through Qt's own PDF writer.

Consecutive sections of one orientation are laid out as one QTextDocument; a section that needs the width (the
exceptions, the corrections, the audit log) is printed on landscape pages. Text wraps at word boundaries only
(never inside a word, so no "manageme nt"), table header rows repeat on each page, and every page carries a header
(the vendor, "Confidential") and a footer (the file, when generated, "Page x of y"). The file is written beside the
target and renamed into place once complete.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)

DPI = 300
MARGIN_MM = 14.0
BAND_MM = 9.0  # the header's and the footer's height, inside the margins


@dataclass(frozen=True)
class Section:
    html: str  # a fragment of body HTML
    landscape: bool = False


@dataclass(frozen=True)
class PageFrame:
    """What every page's header and footer say."""

    title: str  # header, left: "SOC report review: <vendor>"
    note: str  # header, right
    footer: str  # footer, left (the page number is on the right)


def page_number(page: int, pages: int) -> str:
    return f"Page {page} of {pages}"


def _layout(landscape: bool) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, margins, QPageLayout.Unit.Millimeter)


def _groups(sections: Sequence[Section]) -> list[tuple[bool, str]]:
    """(landscape, HTML) of each run of sections with one orientation."""
    out: list[tuple[bool, list[str]]] = []
    for section in sections:
        if out and out[-1][0] == section.landscape:
            out[-1][1].append(section.html)
        else:
            out.append((section.landscape, [section.html]))
    return [(landscape, "".join(parts)) for landscape, parts in out]


def _band() -> float:
    return BAND_MM / 25.4 * DPI


def _document(writer: QPdfWriter, html: str, style: str, width: float, height: float) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # fonts measured at the writer's resolution
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # at word boundaries only, never inside a word
    document.setDefaultTextOption(option)
    document.setDefaultStyleSheet(style)
    document.setHtml(f"<html><body>{html}</body></html>")
    document.setPageSize(QSizeF(width, height))
    return document


def write_pdf(path: Path, sections: Sequence[Section], frame: PageFrame, *, style: str, title: str) -> int:
    """Print `sections` to a PDF at `path` (replaced whole, never left half-written); return its page count."""
    path = Path(path)
    if not path.parent.is_dir():
        raise OSError(f"no folder {path.parent}")
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("reviewer")
    groups = _groups(sections)
    laid_out = []
    for landscape, html in groups:
        layout = _layout(landscape)
        area = layout.paintRectPixels(DPI)
        body_height = area.height() - 2 * _band()
        laid_out.append((layout, _document(writer, html, style, area.width(), body_height), body_height))
    pages = sum(doc.pageCount() for _, doc, _ in laid_out)
    if laid_out:
        writer.setPageLayout(laid_out[0][0])
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write {path}")
    try:
        number = 0
        for layout, document, body_height in laid_out:
            for page in range(document.pageCount()):
                if number:
                    writer.setPageLayout(layout)
                    writer.newPage()
                number += 1
                area = layout.paintRectPixels(DPI)
                _frame(painter, frame, area.width(), area.height(), page_number(number, pages))
                painter.save()
                painter.translate(0, _band() - page * body_height)
                clip = QRectF(0, page * body_height, area.width(), body_height)
                painter.setClipRect(clip)
                context = QAbstractTextDocumentLayout.PaintContext()
                context.clip = clip
                document.documentLayout().draw(painter, context)
                painter.restore()
    finally:
        painter.end()
    del writer  # finishes the file
    if not partial.exists() or partial.stat().st_size == 0:
        raise OSError(f"could not write {path}")
    os.replace(partial, path)
    return pages


def _frame(painter: QPainter, frame: PageFrame, width: float, height: float, number: str) -> None:
    """The page's header (title left, note right, a rule below) and footer (a rule, the footer left, number right)."""
    band = _band()
    painter.save()
    font = QFont("sans-serif")
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(QColor(90, 90, 90))
    top = QRectF(0, 0, width, band * 0.7)
    painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), frame.title)
    painter.drawText(top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), frame.note)
    bottom = QRectF(0, height - band * 0.7, width, band * 0.7)
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), frame.footer)
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), number)
    painter.setPen(QPen(QColor(160, 160, 160), DPI / 150))
    painter.drawLine(QRectF(top).bottomLeft(), QRectF(top).bottomRight())
    painter.drawLine(bottom.topLeft(), bottom.topRight())
    painter.restore()
