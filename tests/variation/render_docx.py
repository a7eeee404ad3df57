"""The Word renderer for the committed LibreOffice documents: blocks to a .docx with python-docx (Word's own
"List Bullet" style, whose Symbol-font bullet exports as U+F0B7; tables with repeated header rows, shading and
borders; landscape sections; headers and footers with PAGE / NUMPAGES fields). Used only by make_committed.py;
`applied` says which axis values it honoured where it could not draw the one asked for.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from . import blocks as B
from .render_rl import GLYPHS, marker_text

FONTS = {"helvetica": "Liberation Sans", "times": "Times New Roman", "courier": "Liberation Mono",
         "dejavu_sans": "DejaVu Sans", "dejavu_serif": "DejaVu Serif", "liberation_sans": "Liberation Sans",
         "liberation_serif": "Liberation Serif"}
SHADE = {"header": "CDD8E8", "group": "E6E6E6", "zebra": "EDF2F9"}


def shade(cell, fill: str) -> None:
    pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    pr.append(shd)


def bottom_rule(cell, size: int) -> None:
    pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "0"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    pr.append(borders)


def field(paragraph, code: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


class DocxRenderer:
    def __init__(self, composed: B.Composed, paper: str, toc_pages: dict[str, int]) -> None:
        self.c = composed
        self.toc_pages = toc_pages
        self.applied: dict[str, str] = {}
        self.d = Document()
        self.size = (Inches(8.27), Inches(11.69)) if paper == "a4" else (Inches(8.5), Inches(11))
        normal = self.d.styles["Normal"]
        normal.font.name = FONTS[composed.font]
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONTS[composed.font])
        normal.font.size = Pt(9.5)
        normal.paragraph_format.space_after = Pt(5)
        for level in (1, 2, 3):
            st = self.d.styles[f"Heading {level}"]
            st.font.name = FONTS[composed.font]
            st.font.color.rgb = RGBColor(0, 0, 0)
            st.font.size = Pt({1: 14, 2: 11.5, 3: 10}[level])
        self.section(self.d.sections[0], landscape=False)
        self.furniture(self.d.sections[0])

    def section(self, s, landscape: bool) -> None:
        w, h = self.size
        s.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        s.page_width, s.page_height = (h, w) if landscape else (w, h)
        s.left_margin = s.right_margin = s.top_margin = s.bottom_margin = Inches(0.75)

    def furniture(self, s) -> None:
        f = self.c.furniture
        wanted = self.c.furniture
        if wanted.watermark:  # no watermark in the Word documents: record what was drawn
            self.applied["furniture"] = "running_page_x_of_y" if f.header else "none"
        s.different_first_page_header_footer = True
        if f.header:
            s.header.paragraphs[0].text = f.header
        if f.footer or f.page_x_of_y or f.page_number:
            p = s.footer.paragraphs[0]
            p.text = (f.footer or "") + "\t\t"
            if f.page_x_of_y:
                p.add_run("Page ")
                field(p, "PAGE")
                p.add_run(" of ")
                field(p, "NUMPAGES")
            elif f.page_number:
                field(p, "PAGE")

    def para(self, b: B.Para) -> None:
        style = {"title": "Title"}.get(b.style, "Normal")
        p = self.d.add_paragraph(style=style)
        if b.label:
            p.add_run(b.label + " ").bold = True
        run = p.add_run(b.text)
        if b.style in ("subtitle", "label", "signature"):
            run.bold = True
        if b.style == "signature":
            run.italic = True
        if b.style in ("center", "subtitle", "title"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if b.style == "title":
            p.paragraph_format.space_before = Pt(120)
        if b.style == "small":
            run.font.size = Pt(7.5)

    def items(self, b: B.ListBlock, container=None) -> None:
        target = container or self.d
        glyph = self.c.bullet_glyph
        for i, text in enumerate(b.items):
            if not b.numbered and glyph in ("symbol_f0b7", "drawn_shape"):
                target.add_paragraph(text, style="List Bullet")
                if glyph == "drawn_shape":
                    self.applied["bullet_glyph"] = "symbol_f0b7"
                continue
            marker = marker_text(b.number_style, i) if b.numbered else GLYPHS[glyph]
            p = target.add_paragraph(f"{marker}\t{text}")
            p.paragraph_format.left_indent = Inches(0.3)
            p.paragraph_format.first_line_indent = Inches(-0.22)
            p.paragraph_format.tab_stops.add_tab_stop(Inches(0.3))

    def cell(self, cell, content: B.Cell, header: bool) -> None:
        first = True
        for kind, text in content.parts:
            if kind == "li":
                self.items(B.ListBlock([text]), cell)
                continue
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            run = p.add_run(text)
            run.font.size = Pt(8)
            run.bold = header or kind == "b"

    def table(self, t: B.Table, width) -> None:
        n = len(t.widths)
        tbl = self.d.add_table(rows=0, cols=n)
        if t.drawing == "grid":
            tbl.style = "Table Grid"
        zebra = 0
        for r in t.rows:
            if r.kind == "break":  # Word breaks rows itself: the continuation row follows on the same page
                continue
            row = tbl.add_row()
            cells = row.cells
            for i, c in enumerate(cells):
                c.width = int(width * t.widths[i])
            if r.kind in ("group", "note"):
                merged = cells[0].merge(cells[-1])
                self.cell(merged, r.cells[0], header=r.kind == "group")
                if r.kind == "group" and t.drawing != "borderless":
                    shade(merged, SHADE["group"])
                cells = [merged]
            else:
                for c, content in zip(cells, r.cells, strict=True):
                    self.cell(c, content, header=r.kind == "header")
            if r.kind == "header":
                trpr = row._tr.get_or_add_trPr()
                flag = OxmlElement("w:tblHeader")
                trpr.append(flag)
                if t.drawing in ("grid", "zebra"):
                    for c in cells:
                        shade(c, SHADE["header"])
            if t.drawing == "zebra" and r.kind == "data":
                zebra += 1
                if zebra % 2 == 0:
                    for c in cells:
                        shade(c, SHADE["zebra"])
            if t.drawing == "hrules":
                for c in cells:
                    bottom_rule(c, 12 if r.kind == "header" else 4)
        self.d.add_paragraph()

    def docx(self) -> bytes:
        landscape = False
        for b in self.c.blocks:
            width = (self.size[1] if landscape else self.size[0]) - Inches(1.5)
            if isinstance(b, B.Heading):
                self.d.add_heading(b.text, max(1, b.level))
            elif isinstance(b, B.Para):
                self.para(b)
            elif isinstance(b, B.ListBlock):
                self.items(b)
            elif isinstance(b, B.Table):
                self.table(b, width)
            elif isinstance(b, B.Toc):
                self.table(B.Table([0.88, 0.12], [B.Row([B.Cell.of(t), B.Cell.of(str(self.toc_pages.get(tag, "")))])
                                                  for t, tag in b.entries], drawing="borderless"), width)
            elif isinstance(b, B.PageBreak):
                if b.orientation and (b.orientation != "portrait") != landscape:
                    landscape = b.orientation != "portrait"
                    if b.orientation == "rotated":
                        self.applied["results_orientation"] = "landscape"
                    self.section(self.d.add_section(WD_SECTION.NEW_PAGE), landscape)
                else:
                    self.d.add_page_break()
        buf = io.BytesIO()
        self.d.save(buf)
        return buf.getvalue()
