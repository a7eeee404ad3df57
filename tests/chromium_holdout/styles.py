# ruff: noqa: E501  (one line per data sentence or CSS rule reads better than wrapped strings)
"""The three fictional CPA firms' web house styles (CSS) and the HTML building blocks every document uses.

Kestrel Marsh: a sans-serif "dashboard" look, teal cards, a position:fixed running header, page numbers in an
@page margin box. Larkspur Penn: a serif editorial look, criterion headings with a coloured rule, small caps,
fixed header and footer. Tamsin Vale: a grid look with dark objective bars and monospace control ids.
"""

from __future__ import annotations

from html import escape

BASE = """
thead { display: table-header-group; }
tr, .keep { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; }
p { margin: 0 0 2.2mm 0; }
"""

STYLES = {
    "kestrel": BASE + """
@page { size: Letter; margin: 24mm 16mm 20mm 16mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt 'Liberation Sans'; color: #557; }
  @bottom-left { content: "Proprietary and Confidential"; font: 8pt 'Liberation Sans'; color: #557; } }
body { font: 9.5pt/1.45 'Liberation Sans', sans-serif; color: #1d2433; }
.run { position: fixed; top: -16mm; left: 0; right: 0; font-size: 7.5pt; color: #0b7a75;
  border-bottom: 1px solid #0b7a75; padding-bottom: 1mm; }
h1 { font-size: 20pt; color: #0b7a75; margin: 30mm 0 4mm; letter-spacing: -0.5px; }
h2 { font-size: 12.5pt; background: #0b7a75; color: white; padding: 2mm 3mm; border-radius: 2mm; margin: 6mm 0 3mm; }
h3 { font-size: 10.5pt; color: #0b7a75; margin: 4mm 0 2mm; }
.card { border: 1px solid #b9dedb; border-radius: 3mm; padding: 3mm 4mm; margin: 3mm 0; background: #f3fbfa; }
th { background: #e1f2f0; color: #0b4f4c; text-align: left; font-size: 8pt; padding: 1.5mm; border-bottom: 2px solid #0b7a75; }
td { vertical-align: top; padding: 1.5mm; border-bottom: 1px solid #d5e6e4; font-size: 8.5pt; }
tbody tr:nth-child(even) td { background: #f7fbfb; }
.ref { font-weight: bold; white-space: nowrap; color: #0b4f4c; }
.crit { display: block; font-weight: normal; color: #6a7a86; font-size: 7.5pt; }
.sig { font: italic 17pt 'DejaVu Serif', serif; color: #20306a; margin-top: 6mm; }
.brk { break-before: page; }
""",
    "larkspur": BASE + """
@page { size: A4; margin: 26mm 22mm 24mm 22mm; }
body { font: 10pt/1.5 'DejaVu Serif', serif; color: #222; }
.run { position: fixed; top: -18mm; left: 0; right: 0; font-variant: small-caps; font-size: 8pt; color: #7a3b5a;
  text-align: right; }
.foot { position: fixed; bottom: -16mm; left: 0; right: 0; font-size: 7.5pt; color: #888; text-align: center; }
h1 { font-variant: small-caps; font-size: 19pt; color: #7a3b5a; margin: 25mm 0 6mm; border-bottom: 3px double #7a3b5a; }
h2 { font-variant: small-caps; font-size: 13pt; color: #7a3b5a; margin: 7mm 0 3mm; }
h3.criterion { font-size: 9.5pt; font-weight: normal; border-left: 4px solid #7a3b5a; background: #f7eef2;
  padding: 1.5mm 3mm; margin: 5mm 0 2mm; }
h3.criterion b { color: #7a3b5a; margin-right: 2mm; }
th { font-variant: small-caps; text-align: left; border-top: 1.5px solid #333; border-bottom: 1px solid #333;
  padding: 1.2mm; font-size: 8.5pt; }
td { vertical-align: top; padding: 1.2mm; border-bottom: 0.5px dotted #999; font-size: 8.5pt; }
ul.cats li { margin: 1mm 0; }
.brk { break-before: page; }
""",
    "tamsin": BASE + """
@page { size: Letter; margin: 20mm 20mm 22mm 20mm;
  @top-left { content: "Tamsin Vale & Co. LLP"; font: 8pt 'DejaVu Sans'; color: #333; }
  @bottom-center { content: counter(page); font: 8pt 'DejaVu Sans'; } }
body { font: 9.5pt/1.4 'DejaVu Sans', sans-serif; color: #111; }
.run { position: fixed; bottom: -14mm; left: 0; font-size: 7pt; color: #666; }
h1 { font-size: 17pt; text-transform: uppercase; letter-spacing: 2px; margin: 28mm 0 5mm; }
h2 { font-size: 11.5pt; text-transform: uppercase; letter-spacing: 1px; border-bottom: 2px solid #111;
  margin: 6mm 0 3mm; }
h3.objective { background: #222; color: #fff; font-size: 10pt; padding: 2mm 3mm; margin: 6mm 0 0; }
p.objective { border: 1px solid #222; border-top: none; padding: 2mm 3mm; font-style: italic; }
th { background: #ddd; border: 1px solid #555; font-size: 8pt; padding: 1.3mm; text-align: left; }
td { border: 1px solid #999; vertical-align: top; padding: 1.3mm; font-size: 8.3pt; }
td.id { font-family: 'Liberation Mono', monospace; white-space: nowrap; }
.brk { break-before: page; }
""",
}


def e(text: str) -> str:
    return escape(text, quote=False)


def page(style: str, title: str, running: str, body: str, foot: str = "") -> str:
    """A whole HTML document in a firm's style, with its running header (and footer) on every page."""
    foot_html = f'<div class="foot">{e(foot)}</div>' if foot else ""
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{e(title)}</title>"
            f"<style>{STYLES[style]}</style></head><body><div class='run'>{e(running)}</div>{foot_html}"
            f"{body}</body></html>")


def paras(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def table(head: list[str], rows: list[list[str]], cls: str = "") -> str:
    """A table whose heading row repeats on every page it runs onto; cells are raw HTML."""
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table class='{cls}'><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def bullets(items: list[str], cls: str = "") -> str:
    return f"<ul class='{cls}'>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>"
