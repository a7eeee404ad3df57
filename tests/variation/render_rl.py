"""The reportlab renderer: blocks to PDF bytes with the drawn font, bullet glyph, table drawing, page furniture
and orientation (landscape pages, or portrait pages stored with /Rotate 90), recording the page on which every
tagged block begins. Output is byte-for-byte deterministic (reportlab's invariant mode).
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak

from . import blocks as B

TTF_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"))
TTF = {"dejavu_sans": ("DejaVuSans", "DejaVuSans-Bold"), "dejavu_serif": ("DejaVuSerif", "DejaVuSerif-Bold"),
       "liberation_sans": ("LiberationSans-Regular", "LiberationSans-Bold"),
       "liberation_serif": ("LiberationSerif-Regular", "LiberationSerif-Bold")}
STANDARD = {"helvetica": ("Helvetica", "Helvetica-Bold"), "times": ("Times-Roman", "Times-Bold"),
            "courier": ("Courier", "Courier-Bold")}
GLYPHS = {"bullet": "\u2022", "symbol_f0b7": "\uf0b7", "wingdings_f0a7": "\uf0a7", "en_dash": "\u2013",
          "drawn_shape": ""}


def ttf_path(name: str) -> Path | None:
    for d in TTF_DIRS:
        if (d / f"{name}.ttf").exists():
            return d / f"{name}.ttf"
    return None


def fonts(key: str) -> tuple[str, str]:
    """(regular, bold) font names for a font axis value, registering TrueType fonts when installed."""
    if key in STANDARD:
        return STANDARD[key]
    names = TTF[key]
    paths = [ttf_path(n) for n in names]
    if not all(paths):
        return STANDARD["helvetica"]
    for n, p in zip(names, paths, strict=True):
        if n not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(n, str(p)))
    pdfmetrics.registerFontFamily(names[0], normal=names[0], bold=names[1], italic=names[0], boldItalic=names[1])
    return names


def bullet_font(glyph: str, regular: str) -> str:
    if glyph in ("symbol_f0b7", "wingdings_f0a7") and ttf_path("DejaVuSans"):
        return fonts("dejavu_sans")[0]
    return regular


class Tagged(Flowable):
    """Draws `inner` and records the page on which it begins."""

    def __init__(self, inner: Flowable, tag: str, sink: dict[str, int]) -> None:
        super().__init__()
        self.inner, self.tag, self.sink = inner, tag, sink
        self.hAlign = getattr(inner, "hAlign", "LEFT")
        self.keepWithNext = getattr(inner, "keepWithNext", 0) or getattr(getattr(inner, "style", None),
                                                                          "keepWithNext", 0)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(aw, ah)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        parts = self.inner.split(aw, ah)
        return [Tagged(parts[0], self.tag, self.sink), *parts[1:]] if parts else []

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.inner.getSpaceAfter()

    def draw(self) -> None:
        self.sink.setdefault(self.tag, self.canv.getPageNumber())
        self.inner.drawOn(self.canv, 0, 0)


class ShapeItem(Flowable):
    """A list item whose bullet is a drawn shape, not a glyph (no marker in the text layer)."""

    def __init__(self, para: Paragraph, indent: float, square: bool) -> None:
        super().__init__()
        self.para, self.indent, self.square = para, indent, square

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        w, h = self.para.wrap(aw - self.indent, ah)
        self.width, self.height = w + self.indent, h
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return []

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.para.getSpaceAfter()

    def draw(self) -> None:
        lead = self.para.style.leading
        y = self.height - lead * 0.65
        self.canv.setFillColor(colors.black)
        if self.square:
            self.canv.rect(self.indent * 0.35, y - 1.8, 3.6, 3.6, stroke=0, fill=1)
        else:
            self.canv.circle(self.indent * 0.45, y, 1.9, stroke=0, fill=1)
        self.para.drawOn(self.canv, self.indent, 0)


class Renderer:
    def __init__(self, composed: B.Composed, paper: str, total_pages: int | None, toc_pages: dict[str, int]) -> None:
        self.c = composed
        self.regular, self.bold = fonts(composed.font)
        self.glyph = composed.bullet_glyph
        self.bfont = bullet_font(self.glyph, self.regular)
        self.pagesize = A4 if paper == "a4" else letter
        self.total = total_pages
        self.toc_pages = toc_pages
        self.pages: dict[str, int] = {}
        size = 8.6 if self.regular.startswith("Courier") else 9.6
        base = ParagraphStyle("body", fontName=self.regular, fontSize=size, leading=size * 1.32, spaceAfter=5)
        self.st = {
            "body": base,
            "small": ParagraphStyle("small", base, fontSize=size - 2, leading=(size - 2) * 1.3),
            "center": ParagraphStyle("center", base, alignment=TA_CENTER, spaceAfter=10),
            "title": ParagraphStyle("title", base, fontName=self.bold, fontSize=19, leading=24, alignment=TA_CENTER,
                                    spaceBefore=120, spaceAfter=18),
            "subtitle": ParagraphStyle("subtitle", base, fontName=self.bold, fontSize=12, leading=16,
                                       alignment=TA_CENTER, spaceAfter=10),
            "signature": ParagraphStyle("signature", base, fontName=self.bold, fontSize=size + 3, spaceBefore=14),
            "label": ParagraphStyle("label", base, fontName=self.bold),
            "h0": ParagraphStyle("h0", base, fontName=self.bold, fontSize=17, leading=22, spaceAfter=12),
            "h1": ParagraphStyle("h1", base, fontName=self.bold, fontSize=14, leading=18, spaceBefore=4, spaceAfter=9,
                                 keepWithNext=1),
            "h2": ParagraphStyle("h2", base, fontName=self.bold, fontSize=11.5, leading=15, spaceBefore=8,
                                 spaceAfter=5, keepWithNext=1),
            "h3": ParagraphStyle("h3", base, fontName=self.bold, fontSize=10, leading=13, spaceBefore=5,
                                 spaceAfter=4, keepWithNext=1),
            "cell": ParagraphStyle("cell", base, fontSize=size - 1.6, leading=(size - 1.6) * 1.28, spaceAfter=2),
            "cellb": ParagraphStyle("cellb", base, fontName=self.bold, fontSize=size - 1.6,
                                    leading=(size - 1.6) * 1.28, spaceAfter=2),
        }

    # -- pages -----------------------------------------------------------------------------------------------
    def templates(self) -> list[PageTemplate]:
        pw, ph = self.pagesize
        lw, lh = landscape(self.pagesize)
        m = 54
        rotated = PageTemplate("rotated", [Frame(m, m, lw - 2 * m, lh - 2 * m, id="r")], onPage=self.rotated,
                               pagesize=(lw, lh))
        rotated.rotation = 90  # reportlab then writes a portrait MediaBox with /Rotate 90
        return [PageTemplate("portrait", [Frame(m, m, pw - 2 * m, ph - 2 * m, id="p")], onPage=self.furniture,
                             pagesize=self.pagesize),
                PageTemplate("landscape", [Frame(m, m, lw - 2 * m, lh - 2 * m, id="l")], onPage=self.furniture,
                             pagesize=(lw, lh)), rotated]

    def rotated(self, canv, doc) -> None:
        """A landscape page stored as a portrait page with /Rotate 90, its content drawn turned."""
        lw, lh = canv._pagesize
        canv.transform(0, 1, -1, 0, lh, 0)
        self.furniture(canv, doc)

    def furniture(self, canv, doc) -> None:
        f = self.c.furniture
        w, h = doc.pageTemplate.pagesize
        n = canv.getPageNumber()
        canv.saveState()
        if f.watermark:
            canv.setFillColor(colors.Color(0.82, 0.82, 0.82))
            canv.setFont(self.regular, 30)
            canv.translate(w / 2, h / 2)
            canv.rotate(38)
            canv.drawCentredString(0, 0, f.watermark)
            canv.rotate(-38)
            canv.translate(-w / 2, -h / 2)
        canv.setFillColor(colors.Color(0.35, 0.35, 0.35))
        canv.setFont(self.regular, 7.5)
        if f.header and n > 1:
            canv.drawString(54, h - 34, f.header)
        if f.footer and n > 1:
            canv.drawString(54, 30, f.footer)
        if f.page_x_of_y and n > 1:
            canv.drawRightString(w - 54, 30, f"Page {n} of {self.total or 0}")
        elif f.page_number and n > 1:
            canv.drawRightString(w - 54, 30, str(n))
        canv.restoreState()

    # -- blocks ----------------------------------------------------------------------------------------------
    def text(self, s: str) -> str:
        return escape(s)

    def para(self, text: str, style: str = "body", label: str | None = None) -> Paragraph:
        body = self.text(text)
        if label:
            body = f'<font name="{self.bold}">{self.text(label)}</font> {body}'
        return Paragraph(body, self.st[style])

    def tagged(self, f: Flowable, tag: str | None) -> Flowable:
        return Tagged(f, tag, self.pages) if tag else f

    def list_items(self, block: B.ListBlock, style: str = "body") -> list[Flowable]:
        out: list[Flowable] = []
        indent = 16
        st = ParagraphStyle(f"li-{style}", self.st[style], leftIndent=indent, bulletIndent=3,
                            bulletFontName=self.bfont, spaceAfter=3)
        for i, item in enumerate(block.items):
            tag = block.tags[i] if i < len(block.tags) else None
            if block.numbered:
                marker = marker_text(block.number_style, i)
                f: Flowable = Paragraph(self.text(item), ParagraphStyle("n", st, bulletFontName=self.regular),
                                        bulletText=marker)
            elif self.glyph == "drawn_shape":
                f = ShapeItem(Paragraph(self.text(item), ParagraphStyle("s", st, leftIndent=0)), indent,
                              square=len(item) % 2 == 0)
            else:
                f = Paragraph(self.text(item), st, bulletText=GLYPHS[self.glyph])
            out.append(self.tagged(f, tag))
        return out

    def cell(self, cell: B.Cell, header: bool) -> list[Flowable]:
        out: list[Flowable] = []
        for kind, text in cell.parts:
            if kind == "li":
                out += self.list_items(B.ListBlock([text]), "cell")
            else:
                out.append(self.para(text, "cellb" if header or kind == "b" else "cell"))
        return out

    def table(self, t: B.Table, width: float) -> list[Flowable]:
        out: list[Flowable] = []
        widths = [w * width for w in t.widths]
        data_index = 0
        for row in t.rows:
            if row.kind == "break":
                out.append(RLPageBreak())
                continue
            if row.kind in ("group", "note"):
                cells = [self.cell(row.cells[0], header=row.kind == "group")]
                tbl = Table([cells], colWidths=[width])
            else:
                tbl = Table([[self.cell(c, header=row.kind == "header") for c in row.cells]], colWidths=widths)
            cmds: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 3),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
            if t.drawing == "grid":
                cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            elif t.drawing == "hrules":
                cmds.append(("LINEBELOW", (0, 0), (-1, -1), 0.5 if row.kind != "header" else 1.2, colors.black))
            if row.kind == "header" and t.drawing in ("zebra", "grid"):
                cmds.append(("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.8, 0.85, 0.92)))
            if row.kind == "group" and t.drawing != "borderless":
                cmds.append(("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.9, 0.9, 0.9)))
            if t.drawing == "zebra" and row.kind == "data":
                data_index += 1
                if data_index % 2 == 0:
                    cmds.append(("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.93, 0.95, 0.98)))
            tbl.setStyle(TableStyle(cmds))
            out.append(self.tagged(tbl, row.tag))
        out.append(Spacer(1, 8))
        return out

    def toc(self, toc: B.Toc, width: float) -> list[Flowable]:
        rows = [[self.para(title, "body"), self.para(str(self.toc_pages.get(tag, 0)), "body")]
                for title, tag in toc.entries]
        tbl = Table(rows, colWidths=[width * 0.88, width * 0.12])
        tbl.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [tbl]

    def flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        portrait_w = self.pagesize[0] - 108
        width = portrait_w
        for b in self.c.blocks:
            if isinstance(b, B.Heading):
                out.append(self.tagged(self.para(b.text, f"h{b.level}"), b.tag))
            elif isinstance(b, B.Para):
                out.append(self.tagged(self.para(b.text, b.style, b.label), b.tag))
            elif isinstance(b, B.ListBlock):
                out += self.list_items(b)
            elif isinstance(b, B.Table):
                out += self.table(b, width)
            elif isinstance(b, B.PageBreak):
                if b.orientation:
                    out.append(NextPageTemplate(b.orientation))
                    width = portrait_w if b.orientation == "portrait" else landscape(self.pagesize)[0] - 108
                out.append(RLPageBreak())
            elif isinstance(b, B.Spacer):
                out.append(Spacer(1, b.height))
            elif isinstance(b, B.Toc):
                out += self.toc(b, width)
        return out

    def build(self) -> tuple[bytes, int]:
        buf = io.BytesIO()
        doc = BaseDocTemplate(buf, pagesize=self.pagesize, invariant=1, title=self.c.title,
                              author="", creator="variation corpus", subject="", keywords="")
        doc.addPageTemplates(self.templates())
        doc.build(self.flowables())
        return buf.getvalue(), doc.page


def marker_text(style: str, i: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    romans = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
    return {"1.": f"{i + 1}.", "(a)": f"({letters[i]})", "a.": f"{letters[i]}.", "i.": f"{romans[i]}."}[style]


def render(composed: B.Composed, paper: str = "letter") -> tuple[bytes, dict[str, int], int]:
    """(pdf bytes, page of each tag, page count); two passes when the page count or TOC pages are printed."""
    needs_total = composed.furniture.page_x_of_y or any(isinstance(b, B.Toc) for b in composed.blocks)
    r = Renderer(composed, paper, None, {})
    data, pages = r.build()
    if needs_total:
        r = Renderer(composed, paper, pages, {k: v for k, v in r.pages.items() if k.startswith("sec:")})
        data, pages = r.build()
    return data, r.pages, pages
