"""Reportlab machinery of the holdout templates: a firm's look, tracked text, leader-dot contents, two-pass builds.

Truth pages come from the layout: a `Mark` paragraph records the page it is drawn on (it never splits, so an
exception's result text is whole on the page recorded); an `Anchor` records where a section starts so the
table of contents can print it on the second pass. Tables may split a row across a page break
(`split_in_row`): long control text continues on the next page while the result stays whole.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle


class Tracker:
    def __init__(self) -> None:
        self.pages: dict[str, int] = {}


class Mark(Paragraph):
    """A paragraph that records its page under `key` and moves whole to the next page rather than split."""

    def __init__(self, text: str, style: ParagraphStyle, tracker: Tracker, key: str, **kw: object) -> None:
        super().__init__(text, style, **kw)
        self._tracker, self._key = tracker, key

    def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803 (reportlab's names)
        return []

    def draw(self) -> None:
        self._tracker.pages.setdefault(self._key, self.canv.getPageNumber())
        super().draw()


class Anchor(Flowable):
    """Zero-size marker: records the page a section starts on."""

    def __init__(self, tracker: Tracker, key: str) -> None:
        super().__init__()
        self._tracker, self._key = tracker, key

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self._tracker.pages.setdefault(self._key, self.canv.getPageNumber())


class Leader(Flowable):
    """A contents line: title, dot leaders, page number."""

    def __init__(self, title: str, page: int, font: str, size: float, indent: float = 0) -> None:
        super().__init__()
        self.title, self.page, self.font, self.size, self.indent = title, page, font, size, indent

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.size * 1.9

    def draw(self) -> None:
        c, f, s = self.canv, self.font, self.size
        c.setFont(f, s)
        c.drawString(self.indent, 2, self.title)
        num = str(self.page)
        c.drawRightString(self.width, 2, num)
        x0 = self.indent + stringWidth(self.title, f, s) + 4
        x1 = self.width - stringWidth(num, f, s) - 4
        dot = stringWidth(" .", f, s)
        if x1 > x0:
            c.drawString(x0, 2, " ." * int((x1 - x0) / dot))


class Logo(Flowable):
    """The vendor's logo as a cover shows it: a coloured tile with an initial, and the brand in spaced capitals."""

    def __init__(self, brand: str, color: colors.Color, font: str) -> None:
        super().__init__()
        self.brand, self.color, self.font = brand, color, font

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return aw, 0.8 * inch

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(self.color)
        c.roundRect(0, 0, 0.7 * inch, 0.7 * inch, 8, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(self.font, 30)
        c.drawCentredString(0.35 * inch, 0.18 * inch, self.brand[0].upper())
        c.setFillColor(self.color)
        t = c.beginText(0.85 * inch, 0.22 * inch)
        t.setFont(self.font, 22)
        t.setCharSpace(3)
        t.textOut(self.brand.upper())
        c.drawText(t)


@dataclass
class Look:
    """A firm's house style and what it prints around every page."""

    pagesize: tuple[float, float] = letter
    font: str = "Helvetica"
    bold: str = "Helvetica-Bold"
    italic: str = "Helvetica-Oblique"
    size: float = 9.5
    accent: colors.Color = colors.HexColor("#203040")
    header_left: str = ""
    header_right: str = ""
    footer: str = "{page}"  # may use {page} and {total}
    footer_left: str = ""
    watermark: str = ""
    margin: float = 0.85 * inch
    head_rule: bool = True
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)

    def __post_init__(self) -> None:
        s, f, b = self.size, self.font, self.bold
        mk = ParagraphStyle
        self.styles = {
            "body": mk("body", fontName=f, fontSize=s, leading=s * 1.4, spaceAfter=s * 0.7),
            "cell": mk("cell", fontName=f, fontSize=s - 1.5, leading=(s - 1.5) * 1.25),
            "cellb": mk("cellb", fontName=b, fontSize=s - 1.5, leading=(s - 1.5) * 1.25),
            "cellhead": mk("cellhead", fontName=b, fontSize=s - 1.5, leading=(s - 1.5) * 1.25,
                           textColor=colors.white),
            "h1": mk("h1", fontName=b, fontSize=s + 5, leading=(s + 5) * 1.3, spaceAfter=10, textColor=self.accent),
            "h2": mk("h2", fontName=b, fontSize=s + 1.5, leading=(s + 1.5) * 1.3, spaceBefore=8, spaceAfter=5),
            "h3": mk("h3", fontName=b, fontSize=s, leading=s * 1.3, spaceBefore=6, spaceAfter=4),
            "title": mk("title", fontName=b, fontSize=s + 13, leading=(s + 13) * 1.2, spaceAfter=14,
                        textColor=self.accent),
            "ctitle": mk("ctitle", fontName=b, fontSize=s + 11, leading=(s + 11) * 1.25, spaceAfter=14,
                         alignment=TA_CENTER, textColor=self.accent),
            "sub": mk("sub", fontName=f, fontSize=s + 3, leading=(s + 3) * 1.35, spaceAfter=8),
            "csub": mk("csub", fontName=f, fontSize=s + 2, leading=(s + 2) * 1.35, spaceAfter=8, alignment=TA_CENTER),
            "item": mk("item", fontName=f, fontSize=s, leading=s * 1.4, leftIndent=22, bulletIndent=4, spaceAfter=4),
            "sig": mk("sig", fontName=self.italic, fontSize=s + 7, leading=(s + 7) * 1.3, spaceBefore=10),
            "note": mk("note", fontName=f, fontSize=s - 2, leading=(s - 2) * 1.3, spaceAfter=2),
        }

    def p(self, text: str, style: str = "body", tr: Tracker | None = None, key: str | None = None,
          bullet: str | None = None, notes: dict[str, str] | None = None) -> Paragraph:
        """A paragraph; `notes` maps a token in the text (e.g. '[1]') to a superscript footnote marker."""
        markup = escape(text)
        for token, mark in (notes or {}).items():
            markup = markup.replace(escape(token), f"<super>{mark}</super>")
        if tr is not None and key is not None:
            return Mark(markup, self.styles[style], tr, key, bulletText=bullet)
        return Paragraph(markup, self.styles[style], bulletText=bullet)

    def cell(self, text: str, bold: bool = False) -> Paragraph:
        return Paragraph(escape(text), self.styles["cellb" if bold else "cell"])

    def table(self, header: list[str], rows: list[list], widths: list[float], bands: tuple[int, ...] = (),
              split_in_row: bool = False, head_color: colors.Color | None = None, grid: bool = True) -> Table:
        """rows may hold strings, flowables or lists of flowables; `bands` are row indexes (0-based among rows)
        that span every column, like a criterion or objective heading inside the table."""
        data = [[Paragraph(escape(h), self.styles["cellhead"]) for h in header]]
        for row in rows:
            data.append([self.cell(c) if isinstance(c, str) else c for c in row])
        t = Table(data, colWidths=widths, repeatRows=1, splitInRow=1 if split_in_row else 0)
        cmds: list = [("BACKGROUND", (0, 0), (-1, 0), head_color or self.accent), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                      ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
        line = colors.Color(0.55, 0.55, 0.55)
        cmds.append(("GRID", (0, 0), (-1, -1), 0.4, line) if grid else ("LINEBELOW", (0, 0), (-1, -1), 0.4, line))
        for b in bands:
            cmds += [("SPAN", (0, b + 1), (-1, b + 1)),
                     ("BACKGROUND", (0, b + 1), (-1, b + 1), colors.Color(0.9, 0.92, 0.95))]
        t.setStyle(TableStyle(cmds))
        return t

    def decorate(self, canv: Canvas, page: int, total: int | None) -> None:
        width, height = canv._pagesize
        canv.saveState()
        if self.watermark:  # the recipient's name on every page, cover included
            canv.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.18))
            canv.setFont(self.bold, 34)
            canv.translate(width / 2, height / 2)
            canv.rotate(35)
            canv.drawCentredString(0, 0, self.watermark)
            canv.restoreState()
            canv.saveState()
        if page > 1:
            canv.setFillColor(colors.Color(0.3, 0.3, 0.3))
            canv.setFont(self.font, 7.5)
            top = height - 0.5 * inch
            if self.header_left:
                canv.drawString(self.margin, top, self.header_left)
            if self.header_right:
                canv.drawRightString(width - self.margin, top, self.header_right)
            if self.head_rule:
                canv.setStrokeColor(self.accent)
                canv.line(self.margin, top - 4, width - self.margin, top - 4)
            text = self.footer.format(page=page, total=total or 99)
            canv.drawCentredString(width / 2, 0.45 * inch, text)
            if self.footer_left:
                canv.drawString(self.margin, 0.45 * inch, self.footer_left)
        canv.restoreState()


StoryMaker = Callable[[Tracker, dict[str, int]], list]


def build(make_story: StoryMaker, look: Look, title: str, author: str) -> tuple[bytes, dict[str, int], int]:
    """Lay out twice (contents and 'of N' need the first pass's pages); returns (pdf, tracked pages, page count)."""
    printed: dict[str, int] = {}
    total: int | None = None
    first: tuple[dict[str, int], int] | None = None
    for _ in range(2):
        tr = Tracker()
        buf = io.BytesIO()
        doc = _doc(buf, look, title, author, total)
        doc.build(make_story(tr, printed))
        if first is not None and first != (tr.pages, doc.page):
            raise RuntimeError("layout changed between passes; printed page numbers would be wrong")
        first = (dict(tr.pages), doc.page)
        printed, total = dict(tr.pages), doc.page
    return buf.getvalue(), printed, total


def _doc(buf: io.BytesIO, look: Look, title: str, author: str, total: int | None) -> BaseDocTemplate:
    doc = BaseDocTemplate(buf, pagesize=look.pagesize, invariant=1, title=title, author=author, subject="",
                          creator="holdout builder", leftMargin=look.margin, rightMargin=look.margin,
                          topMargin=0.85 * inch, bottomMargin=0.8 * inch)

    def on_page(canv: Canvas, d: BaseDocTemplate) -> None:
        look.decorate(canv, d.page, total)

    pw, ph = look.pagesize
    lw, lh = landscape(look.pagesize)
    m = look.margin
    doc.addPageTemplates([
        PageTemplate("portrait", [Frame(m, 0.75 * inch, pw - 2 * m, ph - 1.6 * inch, id="p")], onPage=on_page,
                     pagesize=look.pagesize),
        PageTemplate("landscape", [Frame(0.6 * inch, 0.75 * inch, lw - 1.2 * inch, lh - 1.6 * inch, id="l")],
                     onPage=on_page, pagesize=landscape(look.pagesize)),
    ])
    return doc


def frame_width(look: Look, landscape_page: bool = False) -> float:
    if landscape_page:
        return landscape(look.pagesize)[0] - 1.2 * inch
    return look.pagesize[0] - 2 * look.margin


def contents(look: Look, sections: list[tuple[str, str]], printed: dict[str, int], heading: str) -> list:
    """A table of contents with dot leaders, from the pages the first pass recorded."""
    out: list = [look.p(heading, "h1")]
    for key, title in sections:
        out.append(Leader(title, printed.get(f"sec:{key}", 0), look.font, look.size + 0.5))
    return out
