"""Flat ODT (.fodt) writing for the office holdout: a house style plus a list of blocks becomes one XML document
that LibreOffice lays out and exports to PDF (real fonts, ligatures, justified text, bordered tables with repeated
heading rows, running headers and footers with page fields, bullet lists, a recipient stamp in the footer).

Blocks are tuples: ("title", [lines]), ("h1", text), ("h2", text), ("p", text), ("small", text),
("bullets", [texts]), ("table", [widths in inches], [header cells], [rows of cells]), ("toc", [(title, page)]),
("sig", text), ("break",). Text may carry **bold** and _italic_ runs; a cell is a text or a list of paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


@dataclass(frozen=True)
class HouseStyle:
    """How one fictional CPA firm dresses its reports."""

    font: str
    size: float  # body points
    heading_color: str
    header_left: str  # running header, left (tab) right
    header_right: str
    footer_left: str
    page_label: str  # "Page {n} of {N}" | "{n}" | "- {n} -"
    table_fill: str
    border: str  # e.g. "0.5pt solid #000000"
    justify: bool = True
    bullet: str = "\u2022"
    watermark: str = ""  # recipient stamp printed on every page
    script_font: str = "DejaVu Serif"


def runs(text: str) -> str:
    """XML for text with **bold** and _italic_ marks (each run a separate span, as office files have)."""
    out = []
    for part in re.split(r"(\*\*.+?\*\*|(?<!\w)_.+?_(?!\w))", text):
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            out.append(f'<text:span text:style-name="B">{escape(part[2:-2])}</text:span>')
        elif part.startswith("_") and part.endswith("_") and len(part) > 2:
            out.append(f'<text:span text:style-name="I">{escape(part[1:-1])}</text:span>')
        else:
            out.append(escape(part))
    return "".join(out)


def plain(text: str) -> str:
    """The words a block prints, without the run marks."""
    return re.sub(r"\*\*(.+?)\*\*", r"\1", re.sub(r"(?<!\w)_(.+?)_(?!\w)", r"\1", text))


def _page_field(label: str) -> str:
    cur = '<text:page-number text:select-page="current">1</text:page-number>'
    return escape(label).replace("{n}", cur).replace("{N}", "<text:page-count>1</text:page-count>")


def _styles(hs: HouseStyle) -> str:
    align = "justify" if hs.justify else "start"
    body = (f'<style:paragraph-properties fo:text-align="{align}" fo:margin-bottom="0.08in" '
            'fo:orphans="2" fo:widows="2"/>')
    heading = f'fo:color="{hs.heading_color}" fo:font-weight="bold"'
    return f"""<office:font-face-decls>
<style:font-face style:name="{hs.font}" svg:font-family="'{hs.font}'"/>
<style:font-face style:name="{hs.script_font}" svg:font-family="'{hs.script_font}'"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
<style:text-properties style:font-name="{hs.font}" fo:font-size="{hs.size}pt" fo:language="en" fo:country="US"
 fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph">{body}</style:style>
<style:style style:name="Small" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.05in"/>
<style:text-properties fo:font-size="{hs.size - 1.5}pt"/></style:style>
<style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.1in"
 fo:margin-bottom="0.12in" fo:keep-with-next="always"/><style:text-properties fo:font-size="{hs.size + 5}pt"
 {heading}/></style:style>
<style:style style:name="H1B" style:family="paragraph" style:parent-style-name="H1">
<style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.1in"
 fo:margin-bottom="0.06in" fo:keep-with-next="always"/><style:text-properties fo:font-size="{hs.size + 1.5}pt"
 {heading}/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center"
 fo:margin-bottom="0.18in"/><style:text-properties fo:font-size="{hs.size + 7}pt" {heading}/></style:style>
<style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:text-align="start"
 fo:margin-bottom="0.04in"/><style:text-properties fo:font-size="{hs.size - 1}pt"/></style:style>
<style:style style:name="CellHead" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
<style:text-properties fo:font-size="{hs.size - 1}pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Toc" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.06in">
<style:tab-stops><style:tab-stop style:position="6.4in" style:type="right" style:leader-style="dotted"
 style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Sig" style:family="paragraph"><style:text-properties style:font-name="{hs.script_font}"
 fo:font-size="{hs.size + 5}pt" fo:font-style="italic" fo:color="#1f3a68"/></style:style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties>
<style:tab-stops><style:tab-stop style:position="6.5in" style:type="right"/></style:tab-stops>
</style:paragraph-properties><style:text-properties fo:font-size="{hs.size - 2}pt" fo:color="#555555"/></style:style>
<style:style style:name="WM" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
<style:text-properties fo:font-size="7pt" fo:color="#888888"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="{hs.bullet}">
<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.3in"
 fo:text-indent="-0.2in" fo:margin-left="0.3in"/></style:list-level-properties></text:list-level-style-bullet>
</text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in"
 fo:margin-top="0.5in" fo:margin-bottom="0.5in" fo:margin-left="1in" fo:margin-right="1in"/>
<style:header-style><style:header-footer-properties fo:min-height="0.3in" fo:margin-bottom="0.2in"/>
</style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.3in"
 fo:margin-top="0.2in"/></style:footer-style></style:page-layout>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="6.5in"
 table:align="margins" fo:margin-bottom="0.12in"/></style:style>
<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/>
</style:style>
<style:style style:name="Cl" style:family="table-cell"><style:table-cell-properties fo:padding="0.05in"
 fo:border="{hs.border}"/></style:style>
<style:style style:name="ClH" style:family="table-cell"><style:table-cell-properties fo:padding="0.05in"
 fo:border="{hs.border}" fo:background-color="{hs.table_fill}"/></style:style>
</office:automatic-styles>"""


def _master(hs: HouseStyle) -> str:
    # the recipient's stamp, as document portals print it: one grey line under the running footer
    watermark = f'<text:p text:style-name="WM">{escape(hs.watermark)}</text:p>' if hs.watermark else ""
    return (f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
            f'<style:header><text:p text:style-name="Header">{runs(hs.header_left)}<text:tab/>'
            f'{runs(hs.header_right)}</text:p></style:header>'
            f'<style:footer><text:p text:style-name="Header">{runs(hs.footer_left)}<text:tab/>'
            f'{_page_field(hs.page_label)}</text:p>{watermark}</style:footer></style:master-page></office:master-styles>')


def _cell(content: str | list[str], head: bool) -> str:
    paras = [content] if isinstance(content, str) else content
    style = "CellHead" if head else "Cell"
    inner = "".join(f'<text:p text:style-name="{style}">{runs(p)}</text:p>' for p in paras)
    return f'<table:table-cell table:style-name="{"ClH" if head else "Cl"}" office:value-type="string">{inner}' \
           "</table:table-cell>"


def _table(n: int, widths: list[float], header: list[str], rows: list[list]) -> tuple[str, str]:
    cols = "".join(f'<style:style style:name="T{n}.{i}" style:family="table-column">'
                   f'<style:table-column-properties style:column-width="{w}in"/></style:style>'
                   for i, w in enumerate(widths))
    body = [f'<table:table table:name="Table{n}" table:style-name="Tbl">']
    body += [f'<table:table-column table:style-name="T{n}.{i}"/>' for i in range(len(widths))]
    body.append("<table:table-header-rows><table:table-row>" + "".join(_cell(h, True) for h in header)
                + "</table:table-row></table:table-header-rows>")
    for row in rows:
        body.append('<table:table-row table:style-name="Row">' + "".join(_cell(c, False) for c in row)
                    + "</table:table-row>")
    body.append("</table:table>")
    return cols, "".join(body)


def document(hs: HouseStyle, blocks: list[tuple]) -> str:
    """The whole .fodt text for these blocks in this house style."""
    col_styles: list[str] = []
    out: list[str] = []
    pending_break = False
    for n, block in enumerate(blocks):
        kind = block[0]
        if kind == "break":
            pending_break = True
            continue
        if kind in ("table", "bullets", "toc", "h2", "sig") and pending_break:
            out.append('<text:p text:style-name="PB"/>')
            pending_break = False
        if kind == "title":
            for i, t in enumerate(block[1]):
                style = "TitleB" if i == 0 and pending_break else "Title"
                out.append(f'<text:p text:style-name="{style}">{runs(t)}</text:p>')
        elif kind == "h1":
            out.append(f'<text:h text:style-name="{"H1B" if pending_break else "H1"}" text:outline-level="1">'
                       f"{runs(block[1])}</text:h>")
        elif kind == "h2":
            out.append(f'<text:h text:style-name="H2" text:outline-level="2">{runs(block[1])}</text:h>')
        elif kind in ("p", "small", "sig"):
            style = {"p": "Standard", "small": "Small", "sig": "Sig"}[kind]
            out.append(f'<text:p text:style-name="{"PB" if pending_break else style}">{runs(block[1])}</text:p>')
        elif kind == "bullets":
            items = "".join(f'<text:list-item><text:p text:style-name="Standard">{runs(t)}</text:p></text:list-item>'
                            for t in block[1])
            out.append(f'<text:list text:style-name="L1">{items}</text:list>')
        elif kind == "toc":
            out += [f'<text:p text:style-name="Toc">{runs(t)}<text:tab/>{p}</text:p>' for t, p in block[1]]
        elif kind == "table":
            cols, xml = _table(n, *block[1:])
            col_styles.append(cols)
            out.append(xml)
        else:
            raise ValueError(kind)
        pending_break = False
    styles = _styles(hs)
    extra = ('<style:style style:name="TitleB" style:family="paragraph" style:parent-style-name="Title">'
             '<style:paragraph-properties fo:break-before="page"/></style:style>'
             '<style:style style:name="PB" style:family="paragraph" style:parent-style-name="Standard">'
             '<style:paragraph-properties fo:break-before="page"/></style:style>')
    styles = styles.replace("</office:automatic-styles>", extra + "".join(col_styles) + "</office:automatic-styles>")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">{styles}{_master(hs)}'
            f'<office:body><office:text>{"".join(out)}</office:text></office:body></office:document>')
