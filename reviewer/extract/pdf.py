"""The PDF layer: open a PDF from bytes (with a password if needed) and read every page once.

For each page we keep the words with their boxes (top-left origin, in the page's displayed orientation),
grouped into lines; pypdfium2 gives the text and one box per character, read through the raw API because
the helper methods allocate per call and a 250-page report has about a million characters. Nothing
decrypted is ever written to disk: the document is opened from bytes and only text leaves this module.
"""

from __future__ import annotations

import ctypes
import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from reviewer.extract.errors import DamagedPdfError, ExtractionCancelled, NotAPdfError, PasswordRequiredError

_SPACES = frozenset(" \t\r\n\x00\xa0\u2002\u2003\u2009\ufffe")


@dataclass(slots=True)
class Word:
    """A run of non-blank characters and its box: x0, top, x1, bottom in points, top-left origin."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class Line:
    """Words sharing a baseline, left to right, with `text` the words joined by single spaces."""

    words: list[Word]
    page: int
    text: str = ""
    start: int = 0  # offset of this line in its page's `text`
    furniture: bool = False  # a running header/footer repeated on many pages

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True)
class Page:
    """One page: 1-based number, displayed size, lines top to bottom, and whether it lacks a text layer."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    image_only: bool = False
    text: str = ""

    def finish(self) -> None:
        """Compute `text` (lines joined by newlines) and each line's offset in it."""
        parts: list[str] = []
        pos = 0
        for line in self.lines:
            line.text = " ".join(w.text for w in line.words)
            line.start = pos
            parts.append(line.text)
            pos += len(line.text) + 1
        self.text = "\n".join(parts)

    def line_at(self, offset: int) -> int:
        """Index of the line that holds character `offset` of `text`."""
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def bbox_of(self, start: int, end: int) -> tuple[float, float, float, float] | None:
        """The box covering the words of `text[start:end]`."""
        if not self.lines:
            return None
        boxes: list[Word] = []
        for i in range(self.line_at(start), self.line_at(max(start, end - 1)) + 1):
            line = self.lines[i]
            pos = line.start
            for w in line.words:
                w_end = pos + len(w.text)
                if w_end > start and pos < end:
                    boxes.append(w)
                pos = w_end + 1
        if not boxes:
            return None
        return (min(w.x0 for w in boxes), min(w.top for w in boxes), max(w.x1 for w in boxes),
                max(w.bottom for w in boxes))


@dataclass
class PdfContent:
    """What the PDF layer read: the pages, and file-level facts."""

    pages: list[Page]
    sha256: str
    encrypted: bool

    @property
    def text_layer(self) -> str:
        missing = sum(1 for p in self.pages if p.image_only)
        if not self.pages or missing == 0:
            return "full"
        return "none" if missing == len(self.pages) or not any(p.lines for p in self.pages) else "partial"

    @property
    def pages_without_text(self) -> list[int]:
        return [p.number for p in self.pages if p.image_only]


def _open(data: bytes, password: str | None) -> pdfium.PdfDocument:
    """Open from bytes, mapping pdfium's errors to ours."""
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as err:
        code = getattr(err, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            if password:
                raise PasswordRequiredError("the password is wrong for this PDF; give the right one with "
                                            "--password", wrong_password=True) from None
            raise PasswordRequiredError("this PDF is password-protected; give its password with --password") \
                from None
        if not data.lstrip()[:5].startswith(b"%PDF"):
            raise NotAPdfError("not a PDF file (its content is not PDF, whatever its name)") from None
        raise DamagedPdfError("the PDF is damaged or truncated and cannot be read") from None


def read_pdf(
    data: bytes,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PdfContent:
    """Open `data` and read all pages' words and lines. Raises the PdfReadError family."""
    if not data.lstrip()[:1024].__contains__(b"%PDF"):
        raise NotAPdfError("not a PDF file (its content is not PDF, whatever its name)")
    sha = hashlib.sha256(data).hexdigest()
    encrypted = False
    try:
        doc = _open(data, None)
    except PasswordRequiredError:
        if not password:
            raise
        encrypted = True
        doc = _open(data, password)
    try:
        try:
            n = len(doc)
        except Exception:  # pdfium can fail on a broken page tree
            raise DamagedPdfError("the PDF is damaged or truncated and cannot be read") from None
        if n == 0:
            raise DamagedPdfError("the PDF has no pages (damaged or truncated)")
        pages: list[Page] = []
        for i in range(n):
            if cancelled is not None and cancelled():
                raise ExtractionCancelled()
            pages.append(_read_page(doc, i))
            if progress is not None:
                progress(i + 1, n)
        return PdfContent(pages=pages, sha256=sha, encrypted=encrypted)
    finally:
        doc.close()


def _read_page(doc: pdfium.PdfDocument, index: int) -> Page:
    try:
        page = doc[index]
    except pdfium.PdfiumError:
        raise DamagedPdfError(f"page {index + 1} of the PDF is damaged and cannot be read") from None
    try:
        w, h = page.get_size()
        rotation = raw.FPDFPage_GetRotation(page.raw) % 4
        disp_w, disp_h = (h, w) if rotation in (1, 3) else (w, h)
        result = Page(number=index + 1, width=disp_w, height=disp_h)
        textpage = page.get_textpage()
        try:
            words = _words(textpage, w, h, rotation)
        finally:
            textpage.close()
        if not words:
            result.image_only = _has_images(page)
        result.lines = group_lines(words, index + 1)
        result.finish()
        return result
    finally:
        page.close()


def _has_images(page: pdfium.PdfPage) -> bool:
    count = raw.FPDFPage_CountObjects(page.raw)
    for k in range(count):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        if obj and raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_IMAGE:
            return True
    return False


def _words(textpage: pdfium.PdfTextPage, w: float, h: float, rotation: int) -> list[Word]:
    n = raw.FPDFText_CountChars(textpage.raw)
    if n <= 0:
        return []
    buf = (ctypes.c_ushort * (n + 1))()
    got = raw.FPDFText_GetText(textpage.raw, 0, n, buf)
    text = bytes(memoryview(buf)[: max(got - 1, 0)]).decode("utf-16-le", errors="replace") \
        if got > 0 else ""
    if len(text) != n:  # pdfium excluded or inserted chars: fall back to one code point per char
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 32) for i in range(n))
    rect = raw.FS_RECTF()
    get_box = raw.FPDFText_GetLooseCharBox
    tp = textpage.raw
    get_angle = raw.FPDFText_GetCharAngle
    out: list[Word] = []
    angles: list[float] = []
    i = 0
    while i < n:
        if text[i] in _SPACES:
            i += 1
            continue
        j = i
        while j + 1 < n and text[j + 1] not in _SPACES:
            j += 1
        found = _split_word(text, tp, i, j, get_box, rect, w, h, rotation)
        out.extend(found)
        angles.extend([round(get_angle(tp, i), 1)] * len(found))
        i = j + 1
    # watermarks and stamps run at an angle across the text: keep only the page's dominant direction
    dominant = Counter(angles).most_common(1)[0][0] if angles else 0.0
    if any(a != dominant for a in angles):
        out = [wd for wd, a in zip(out, angles, strict=True) if abs(a - dominant) < 0.15]
    return out


def _split_word(text: str, tp: object, i: int, j: int, get_box: Callable, rect: raw.FS_RECTF,
                w: float, h: float, rotation: int) -> list[Word]:
    """One word from chars i..j, split where pdfium put no space but the glyphs are far apart."""
    boxes = []
    for k in (i, j):
        get_box(tp, k, rect)
        boxes.append(_to_display(rect.left, rect.bottom, rect.right, rect.top, w, h, rotation))
    first, last = boxes
    x0, top, x1, bottom = first[0], min(first[1], last[1]), last[2], max(first[3], last[3])
    height = bottom - top
    # a "word" much wider than its characters suggest spans a column gap (no space glyph in between)
    if j > i and (x1 - x0) > (j - i + 1) * max(height, 1.0) * 1.2 or x1 < x0 or abs(last[1] - first[1]) > height:
        words = []
        start = i
        prev = None
        for k in range(i, j + 1):
            get_box(tp, k, rect)
            b = _to_display(rect.left, rect.bottom, rect.right, rect.top, w, h, rotation)
            if prev is not None and (b[0] - prev[2] > max(prev[3] - prev[1], 1.0) * 0.8
                                     or abs(b[1] - prev[1]) > (prev[3] - prev[1]) * 0.6 or b[0] < prev[0]):
                words.append(_word_from(text, tp, start, k - 1, get_box, rect, w, h, rotation))
                start = k
            prev = b
        words.append(_word_from(text, tp, start, j, get_box, rect, w, h, rotation))
        return words
    return [Word(text[i:j + 1], x0, top, x1, bottom)]


def _word_from(text: str, tp: object, i: int, j: int, get_box: Callable, rect: raw.FS_RECTF,
               w: float, h: float, rotation: int) -> Word:
    get_box(tp, i, rect)
    a = _to_display(rect.left, rect.bottom, rect.right, rect.top, w, h, rotation)
    get_box(tp, j, rect)
    b = _to_display(rect.left, rect.bottom, rect.right, rect.top, w, h, rotation)
    return Word(text[i:j + 1], min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _to_display(left: float, bottom: float, right: float, top: float, w: float, h: float,
                rotation: int) -> tuple[float, float, float, float]:
    """PDF user space (bottom-left origin) -> displayed page, top-left origin, after /Rotate."""
    if rotation == 0:
        return (left, h - top, right, h - bottom)
    if rotation == 1:  # 90 degrees clockwise
        return (bottom, left, top, right)
    if rotation == 2:
        return (w - right, bottom, w - left, top)
    return (h - top, w - right, h - bottom, w - left)


def group_lines(words: list[Word], page: int) -> list[Line]:
    """Cluster words into lines by vertical overlap, then order each line left to right."""
    if not words:
        return []
    words = sorted(words, key=lambda wd: ((wd.top + wd.bottom) / 2, wd.x0))
    lines: list[list[Word]] = []
    centre = 0.0
    half = 0.0
    for wd in words:
        c = (wd.top + wd.bottom) / 2
        if lines and abs(c - centre) <= max(half, (wd.bottom - wd.top) / 2) * 0.6:
            lines[-1].append(wd)
        else:
            lines.append([wd])
            centre, half = c, (wd.bottom - wd.top) / 2
    return [Line(words=sorted(ws, key=lambda wd: wd.x0), page=page) for ws in lines]
