"""The producer-neutral document model the composer writes and every renderer (reportlab, Word, HTML) draws.

A document is a list of blocks. A block may carry a `tag` ("exc:<id>", "cuec:<n>", "csoc:<n>", "sec:<role>"):
the reportlab renderer records the page on which a tagged block begins, which is where the truth's `page` comes
from; other producers find the page from the PDF text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Heading:
    text: str
    level: int = 1  # 0 title, 1 section, 2 subsection, 3 minor
    tag: str | None = None


@dataclass
class Para:
    text: str
    style: str = "body"  # body, small, center, title, subtitle, signature, label
    label: str | None = None  # printed bold before the text ("Control Number:")
    tag: str | None = None


@dataclass
class ListBlock:
    items: list[str]
    numbered: bool = False
    number_style: str = "1."  # "1.", "(a)", "a.", "i."
    tags: list[str | None] = field(default_factory=list)
    break_after: int | None = None  # a page break after this many items (a list split across pages)


@dataclass
class Cell:
    """A table cell: paragraphs ("p"), bold paragraphs ("b") and bullet items ("li")."""

    parts: list[tuple[str, str]]

    @staticmethod
    def of(text: str) -> Cell:
        return Cell([("p", text)])

    def plain(self) -> str:
        return " ".join(t for _, t in self.parts)


@dataclass
class Row:
    cells: list[Cell]
    tag: str | None = None
    kind: str = "data"  # data, header, group (one cell spanning the row), note (one cell spanning the row)


@dataclass
class Table:
    widths: list[float]  # fractions of the frame width
    rows: list[Row]
    drawing: str = "grid"  # grid, hrules, zebra, borderless
    title: str | None = None


@dataclass
class PageBreak:
    orientation: str | None = None  # next pages: None (unchanged), portrait, landscape, rotated


@dataclass
class Spacer:
    height: float = 8.0


@dataclass
class Toc:
    """A table of contents: (title, tag of the section) pairs; page numbers come from a first rendering."""

    entries: list[tuple[str, str]]


Block = Heading | Para | ListBlock | Table | PageBreak | Spacer | Toc


@dataclass
class Furniture:
    header: str | None = None
    footer: str | None = None
    page_x_of_y: bool = False
    page_number: bool = False
    watermark: str | None = None


@dataclass
class Composed:
    blocks: list[Block]
    furniture: Furniture
    font: str
    bullet_glyph: str
    title: str
