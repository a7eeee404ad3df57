"""The HTML renderer for the committed Chromium documents: blocks to one HTML page with print CSS (fonts, table
drawings, list markers, @page margin boxes for running headers and "Page x of y", a fixed watermark, named
landscape pages). Used only by make_committed.py; the returned dict says which axis values it could honour.
"""

from __future__ import annotations

from html import escape

from . import blocks as B
from .render_rl import marker_text

FONTS = {"helvetica": "'Liberation Sans', Arial, sans-serif", "times": "'Liberation Serif', 'Times New Roman', serif",
         "courier": "'Liberation Mono', 'Courier New', monospace", "dejavu_sans": "'DejaVu Sans', sans-serif",
         "dejavu_serif": "'DejaVu Serif', serif", "liberation_sans": "'Liberation Sans', sans-serif",
         "liberation_serif": "'Liberation Serif', serif"}
MARKERS = {"bullet": "\\2022", "symbol_f0b7": "\\f0b7", "wingdings_f0a7": "\\f0a7", "en_dash": "\\2013"}
DRAWINGS = """
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 8pt; }
td, th { vertical-align: top; text-align: left; padding: 3pt 4pt; }
td p, th p { margin: 0 0 2pt; }
tr { break-inside: avoid; }
table.grid td, table.grid th { border: 0.6pt solid #000; }
table.grid th, table.zebra th { background: #cdd8e8; }
table.hrules tr { border-bottom: 0.6pt solid #000; }
table.hrules tr.header { border-bottom: 1.4pt solid #000; }
table.zebra tr.data:nth-child(even) { background: #edf2f9; }
tr.group td { background: #e6e6e6; font-weight: bold; }
table.borderless tr.group td { background: none; }
"""


class HtmlRenderer:
    def __init__(self, composed: B.Composed, paper: str, toc_pages: dict[str, int]) -> None:
        self.c = composed
        self.paper = "A4" if paper == "a4" else "letter"
        self.toc_pages = toc_pages
        self.applied: dict[str, str] = {}

    def css(self) -> str:
        f = self.c.furniture
        boxes = []
        if f.header:
            boxes.append(f'@top-left {{ content: "{css_text(f.header)}"; font-size: 7.5pt; color: #555; }}')
        if f.footer:
            boxes.append(f'@bottom-left {{ content: "{css_text(f.footer)}"; font-size: 7.5pt; color: #555; }}')
        if f.page_x_of_y:
            boxes.append('@bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 7.5pt; }')
        elif f.page_number:
            boxes.append("@bottom-right { content: counter(page); font-size: 7.5pt; }")
        margin_boxes = " ".join(boxes)
        glyph = self.c.bullet_glyph
        if glyph in ("symbol_f0b7", "wingdings_f0a7"):  # no installed font has these glyphs: Chromium drops them
            glyph = self.applied["bullet_glyph"] = "drawn_shape"
        if glyph == "drawn_shape":  # Chromium paints disc markers as shapes, outside the text layer
            marker = "ul.items { list-style: disc; }"
        else:
            marker = (f'ul.items {{ list-style: none; }} ul.items li::before {{ content: "{MARKERS[glyph]}"; '
                      'position: absolute; margin-left: -13pt; }')
        return f"""
@page {{ size: {self.paper}; margin: 0.75in; {margin_boxes} }}
@page :first {{ @top-left {{ content: none; }} @bottom-left {{ content: none; }} @bottom-right {{ content: none; }} }}
@page wide {{ size: {self.paper} landscape; margin: 0.75in; {margin_boxes} }}
.wide {{ page: wide; }}
body {{ font-family: {FONTS[self.c.font]}; font-size: 9.5pt; line-height: 1.32; }}
h1 {{ font-size: 14pt; margin: 4pt 0 9pt; }} h2 {{ font-size: 11.5pt; margin: 8pt 0 5pt; }}
h3 {{ font-size: 10pt; margin: 5pt 0 4pt; }}
p {{ margin: 0 0 5pt; }}
.title {{ font-size: 19pt; font-weight: bold; text-align: center; margin-top: 120pt; }}
.subtitle, .label, .signature {{ font-weight: bold; }} .subtitle {{ text-align: center; font-size: 12pt; }}
.center {{ text-align: center; }} .signature {{ font-size: 12pt; margin-top: 14pt; font-style: italic; }}
.small {{ font-size: 7.5pt; }}
ul.items, ol {{ padding-left: 18pt; margin: 0 0 6pt; }} li {{ margin-bottom: 3pt; }}
{marker}
.break {{ break-after: page; }}
.watermark {{ position: fixed; top: 45%; left: -5%; width: 110%; text-align: center; font-size: 30pt;
  color: #d0d0d0; transform: rotate(-38deg); z-index: -1; }}
{DRAWINGS}"""

    def block(self, b: B.Block) -> str:
        if isinstance(b, B.Heading):
            level = max(1, b.level)
            return f"<h{level}>{escape(b.text)}</h{level}>"
        if isinstance(b, B.Para):
            label = f"<b>{escape(b.label)}</b> " if b.label else ""
            return f'<p class="{b.style}">{label}{escape(b.text)}</p>'
        if isinstance(b, B.ListBlock):
            return self.items(b)
        if isinstance(b, B.Table):
            return self.table(b)
        if isinstance(b, B.Toc):
            rows = "".join(f"<tr><td>{escape(t)}</td><td>{self.toc_pages.get(tag, '')}</td></tr>"
                           for t, tag in b.entries)
            return f'<table class="borderless">{rows}</table>'
        if isinstance(b, B.Spacer):
            return '<div style="height: 8pt"></div>'
        return ""

    def items(self, b: B.ListBlock) -> str:
        if b.numbered:
            lis = "".join(f'<li style="list-style: none"><span style="position: absolute; margin-left: -16pt">'
                          f"{marker_text(b.number_style, i)}</span>{escape(t)}</li>" for i, t in enumerate(b.items))
            return f"<ol>{lis}</ol>"
        return '<ul class="items">' + "".join(f"<li>{escape(t)}</li>" for t in b.items) + "</ul>"

    def cell(self, c: B.Cell, tag: str) -> str:
        parts = []
        bullets: list[str] = []
        for kind, text in c.parts:
            if kind == "li":
                bullets.append(text)
                continue
            if bullets:
                parts.append(self.items(B.ListBlock(bullets)))
                bullets = []
            parts.append(f"<p><b>{escape(text)}</b></p>" if kind == "b" else f"<p>{escape(text)}</p>")
        if bullets:
            parts.append(self.items(B.ListBlock(bullets)))
        return f"<{tag}>{''.join(parts)}</{tag}>"

    def table(self, t: B.Table) -> str:
        n = len(t.widths)
        cols = "".join(f'<col style="width: {w * 100:.1f}%">' for w in t.widths)
        rows = []
        brk = False
        for r in t.rows:
            if r.kind == "break":
                brk = True
                continue
            if brk:
                rows.append(f'<tr class="{r.kind}" style="break-before: page">' +
                            "".join(self.cell(c, "td") for c in r.cells) + "</tr>")
                brk = False
            elif r.kind in ("group", "note"):
                rows.append(f'<tr class="{r.kind}"><td colspan="{n}">{escape(r.cells[0].plain())}</td></tr>')
            else:
                tag = "th" if r.kind == "header" else "td"
                rows.append(f'<tr class="{r.kind}">' + "".join(self.cell(c, tag) for c in r.cells) + "</tr>")
        return f'<table class="{t.drawing}"><colgroup>{cols}</colgroup>{"".join(rows)}</table>'

    def html(self) -> str:
        out: list[str] = []
        wide = False
        chunk: list[str] = []

        def flush(page_break: bool) -> None:
            cls = ("wide " if wide else "") + ("break" if page_break else "")
            out.append(f'<div class="{cls.strip()}">' + "".join(chunk) + "</div>")
            chunk.clear()

        for b in self.c.blocks:
            if isinstance(b, B.PageBreak):
                flush(True)
                if b.orientation:
                    wide = b.orientation != "portrait"
                    if b.orientation == "rotated":
                        self.applied["results_orientation"] = "landscape"
                continue
            chunk.append(self.block(b))
        flush(False)
        mark = f'<div class="watermark">{escape(self.c.furniture.watermark)}</div>' if self.c.furniture.watermark \
            else ""
        return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(self.c.title)}</title>'
                f"<style>{self.css()}</style></head><body>{mark}{''.join(out)}</body></html>")


def css_text(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')
