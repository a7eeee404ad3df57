"""OCR of a page without a text layer into the same words and lines as a born-digital page.

Owns the step from a PDF page to OCR words: the page is rendered to a greyscale image in memory (never to a
file) at twice the resolution it was scanned at (at most ENGINE_DPI), turned level (`scan_prep`), read by the
engine (`ocr_engine`), and its words become `Word`s in points from the page's top-left with the engine's
confidence, grouped into lines by the same `group_lines` as the text layer. Every reader above sees an ordinary page.

Boxes are those of the level page: on a page scanned a degree askew, a word's box is within a few points of
where it is drawn (sin 1 degree is 1.7%), and the rows of a table stay rows.

Also the confidence helpers: `low_confidence_words` / `is_low_confidence` tell whether a span of a page's text,
or the words inside an evidence box, were read by OCR with low confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from PIL import Image, ImageFilter

from reviewer.extract import ocr_engine
from reviewer.extract.columns import read_columns
from reviewer.extract.page import Page, Word
from reviewer.extract.scan_prep import binarise, deskew
from reviewer.extract.words import group_lines

MIN_DPI, MAX_DPI, DEFAULT_DPI = 150, 300, 200  # the resolution a page is taken to be scanned at, within these
UPSCALE = 2.0  # a scan is rendered this much finer than it was scanned (at most ENGINE_DPI): Tesseract reads 10-point
# text at 150 dpi with hyphens and dots lost ("C202" for "C-202"); finer, it keeps them
ENGINE_DPI = 250  # the finest a page is rendered for the engine: as accurate on 150-dpi scans as 300 dpi, and more so
# on 300-dpi scans (the paper noise is smoothed away), in two thirds of the time (docs/ocr.md)
LOW_CONFIDENCE = 0.40  # a word the engine gives less than this is one a reviewer should check (Tesseract gives
# correct words with punctuation, "Ltd.'s", about 0.45; misread ones, "Decernber", mostly less)
_SMUDGE_CONFIDENCE = 0.60
_MIN_INK_PT = 2.0  # boxes smaller than this (in points) are specks the engine read as text
BULLET = "\u2022"
_DASHES = {"\u2013", "\u2014"}
_SPECK_CONFIDENCE = 0.5
_NOISE_CONFIDENCE = 0.3
_NUMERAL_LOOKALIKES = set("IlL1|!][")  # what Tesseract makes of the strokes of a roman numeral ("Type Il")
_NUMBERED = {"type": 2, "section": 5, "part": 5}  # words a roman numeral follows, with its highest value
# a stray mark the engine stuck to the front of a word: an underscore or comma (a table rule, a speck), a stop
# before a capitalised word, a hyphen before a lower-case one ("_No exceptions", ".Effectiveness", "-individuals")
_STRAY_LEAD = re.compile(r"^(?:[_,;:]+(?=\w)|[.\-](?=[A-Z]?[a-z]{2}))")
_SPECK_MARKS = ".,:;'`\"!_~^"
_BULLET_LOOKALIKES = set("e«»¢©®°@•·*o+")  # what Tesseract makes of a list's round bullet
_BULLET_REACH_PT = 22.0  # a bullet sits this close left of its item's first word
_BULLET_MIN_PT, _BULLET_MAX_PT = 1.5, 7.0


def preload() -> None:
    """Import the engine and load its model now (the sandbox child does so before its limits forbid writing
    bytecode and cap the address space); a no-op where OCR is not installed."""
    ocr_engine.unavailable_reason()


def available() -> bool:
    """Whether OCR can run in this process (the engine and its model are installed)."""
    return ocr_engine.unavailable_reason() is None


def scan_dpi(pdf_page: pdfium.PdfPage) -> int:
    """The resolution the page's largest image was scanned at, within MIN_DPI..MAX_DPI (DEFAULT_DPI if none)."""
    best_area, dpi = 0.0, float(DEFAULT_DPI)
    for obj in pdf_page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        try:
            left, bottom, right, top = obj.get_pos()
            px_w, px_h = obj.get_px_size()
        except (pdfium.PdfiumError, AttributeError):
            continue
        width_pt, height_pt = right - left, top - bottom
        area = width_pt * height_pt
        if area > best_area and width_pt > 1 and height_pt > 1:
            best_area = area
            dpi = max(px_w / width_pt, px_h / height_pt) * 72
    return int(round(min(max(dpi, MIN_DPI), MAX_DPI)))


def render_grey(pdf_page: pdfium.PdfPage, dpi: int) -> Any:
    """The page as drawn (its /Rotate applied) as a greyscale PIL image at `dpi`, in memory."""
    bitmap = pdf_page.render(scale=dpi / 72, grayscale=True)
    try:
        return bitmap.to_pil().convert("L")
    finally:
        bitmap.close()


def ocr_page(pdf_page: pdfium.PdfPage, page: Page, dpi: int | None = None) -> None:
    """Fill `page` (read from `pdf_page`, with no text layer) with the words OCR reads on it."""
    recognise(page, *render_for_ocr(pdf_page, dpi))


def render_for_ocr(pdf_page: pdfium.PdfPage, dpi: int | None = None) -> tuple[Any, int]:
    """The page's image for OCR and its resolution: the PDFium half of `ocr_page`, for the thread that owns the
    document (PDFium is not thread-safe)."""
    dpi = dpi or min(ENGINE_DPI, int(scan_dpi(pdf_page) * UPSCALE))
    return render_grey(pdf_page, dpi), dpi


def recognise(page: Page, image: Any, dpi: int) -> None:
    """The rest of `ocr_page`, on a rendered image: safe to run in a worker thread (the engine releases the GIL
    while it reads, and each thread has its own)."""
    straight = deskew(image).image
    words = read_words(straight, dpi, page.width, page.height)
    lines = group_lines(words, page.number)
    if lines:
        lines = group_lines(_with_bullets(lines, straight, dpi), page.number)
    page.lines = read_columns(lines, page.width, page.height, page.number)  # a scan set in two columns too
    page.ocr = True
    page.finish()


def _with_bullets(lines: list[Any], image: Any, dpi: int) -> list[Word]:
    """The lines' words, with list bullets as "•": the engine reads a round bullet as "e", "«" or "©", or drops
    it; a dropped one is found as a small blob of ink just left of a line's first word."""
    ink: Any = None
    scale = dpi / 72.0
    out: list[Word] = []
    for line in lines:
        first = line.words[0]
        height = line.bottom - line.top
        if (first.text in _BULLET_LOOKALIKES and len(line.words) > 1 and first.x1 - first.x0 <= 0.8 * height
                and line.words[1].x0 - first.x1 > 0.3 * height):
            line.words[0] = Word(BULLET, first.x0, first.top, first.x1, first.bottom)
        elif first.text != BULLET and first.x0 > _BULLET_REACH_PT:
            if ink is None:
                ink = binarise(image).point(lambda v: 255 - v)
            box = (int((first.x0 - _BULLET_REACH_PT) * scale), int(line.top * scale), int((first.x0 - 1) * scale),
                   int(line.bottom * scale) + 1)
            for found in _row_blobs(ink.crop(box).filter(ImageFilter.MedianFilter(5))):  # paper specks gone
                x0, x1 = box[0] / scale + found[0] / scale, box[0] / scale + found[2] / scale
                top, bottom = box[1] / scale + found[1] / scale, box[1] / scale + found[3] / scale
                w, h, mid = x1 - x0, bottom - top, (top + bottom) / 2
                if (_BULLET_MIN_PT <= w <= _BULLET_MAX_PT and _BULLET_MIN_PT <= h <= _BULLET_MAX_PT
                        and 0.5 <= w / h <= 2.0 and first.top <= mid <= first.bottom):
                    out.append(Word(BULLET, x0, top, x1, bottom, conf=None))
                    break
        # a lookalike further along the line is a speck, not a bullet ("accounts. e")
        out.extend(w for k, w in enumerate(line.words) if k == 0 or not (
            w.text in _BULLET_LOOKALIKES and w.conf is not None and w.conf < _SPECK_CONFIDENCE))
    return out


def _row_blobs(ink: Any) -> list[tuple[int, int, int, int]]:
    """Boxes of the ink in a small crop (ink bright), one per run of rows that hold ink."""
    rows = ink.resize((1, ink.height), Image.Resampling.BOX).tobytes()
    out: list[tuple[int, int, int, int]] = []
    start = None
    for y, value in enumerate([*rows, 0]):
        if value and start is None:
            start = y
        elif not value and start is not None:
            found = ink.crop((0, start, ink.width, y)).getbbox()
            if found is not None:
                out.append((found[0], start + found[1], found[2], start + found[3]))
            start = None
    return out


def read_words(image: Any, dpi: int, width: float, height: float) -> list[Word]:
    """The words in a level page image at `dpi` as `Word`s in points (a page `width` x `height`)."""
    scale = 72.0 / dpi
    out: list[Word] = []
    for w in ocr_engine.read_image(image, dpi):
        text = _STRAY_LEAD.sub("", w.text.strip("|").rstrip("_"))  # "|": a table's vertical rule beside a word
        if not text:
            continue
        x0, top = max(0.0, w.x0 * scale), max(0.0, w.top * scale)
        x1, bottom = min(width, w.x1 * scale), min(height, w.bottom * scale)
        if x1 - x0 < _MIN_INK_PT and bottom - top < _MIN_INK_PT:
            continue
        if w.conf < _SMUDGE_CONFIDENCE and not any(ch.isalnum() for ch in text):
            continue  # a smudge read as punctuation
        if text not in _BULLET_LOOKALIKES and (len(text) == 1 and w.conf < _SPECK_CONFIDENCE
                                                or len(text) <= 3 and w.conf < _NOISE_CONFIDENCE):
            continue  # a speck of dust read as a letter ("Considerations j", "system. Nes")
        if not text.strip(_SPECK_MARKS):
            continue  # a speck read as a stop or a colon standing alone
        if text in _DASHES:  # Tesseract reads every dash as an em dash: an en dash is half as wide
            text = "\u2013" if x1 - x0 < 0.6 * (bottom - top) else "\u2014"
        if out:
            text = roman_numeral(text, out[-1].text)
        out.append(Word(text, x0, top, x1, bottom, conf=round(w.conf, 3)))
    return out


def roman_numeral(text: str, previous: str) -> str:
    """`text` with a roman numeral's strokes read as other glyphs put right where `previous` is a word a numeral
    follows ("Type Il" -> "Type II", "Section ll," -> "Section II,"): a report's type decides which of its dates
    are read. Arabic numbers stay ("Type 2", "Section 3"); "11" after "Type" is a misread "II" (no Type 11)."""
    highest = _NUMBERED.get(previous.lower())
    core = text.rstrip(".,:;")
    if highest is None or not core or any(ch not in _NUMERAL_LOOKALIKES for ch in core) or set(core) == {"I"}:
        return text
    if core.isdigit() and not (highest == 2 and core == "11"):
        return text
    return "I" * min(len(core), highest) + text[len(core):]


# -- confidence ---------------------------------------------------------------------------------------------------
def low_confidence_words(page: Page, start: int, end: int, threshold: float = LOW_CONFIDENCE) -> list[Word]:
    """The words of `page.text[start:end]` that OCR read with a confidence below `threshold`."""
    if not page.ocr:
        return []
    return [w for w in page.words_in(start, end) if w.conf is not None and w.conf < threshold]


def is_low_confidence(page: Page, start: int, end: int, threshold: float = LOW_CONFIDENCE) -> bool:
    """Whether any word of `page.text[start:end]` was read by OCR with low confidence."""
    return bool(low_confidence_words(page, start, end, threshold))


def words_in_box(page: Page, bbox: Iterable[float]) -> list[Word]:
    """The words of `page` whose centre lies inside `bbox` (x0, top, x1, bottom), e.g. an evidence box."""
    x0, top, x1, bottom = bbox
    return [w for line in page.lines for w in line.words
            if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]


def box_is_low_confidence(page: Page, bbox: Iterable[float], threshold: float = LOW_CONFIDENCE) -> bool:
    """Whether an OCR'd word inside `bbox` on `page` was read with low confidence (False on text-layer pages)."""
    return page.ocr and any(w.conf is not None and w.conf < threshold for w in words_in_box(page, bbox))
