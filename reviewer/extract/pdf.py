"""The PDF layer: open a PDF from bytes (with a password if needed) and read every page once.

For each page we keep the words with their boxes (top-left origin, in the page's displayed orientation),
grouped into lines (`words.py` reads them; `page.py` holds the records), and, on pages that may hold a table,
the ruled lines drawn there (`grid.py`). A page without a text layer (a scan) is read by OCR (`ocr.py`) into
the same words and lines, unless the caller says `ocr=False`: rendered here (PDFium is not thread-safe) and
recognised two pages at a time in worker threads. Nothing decrypted is ever written
to disk: the document is opened from bytes and only text leaves this module.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from reviewer.extract.columns import read_columns
from reviewer.extract.errors import DamagedPdfError, ExtractionCancelled, NotAPdfError, PasswordRequiredError
from reviewer.extract.grid import may_hold_table, read_rules
from reviewer.extract.ocr import available as ocr_available
from reviewer.extract.ocr import recognise, render_for_ocr
from reviewer.extract.ocr_margins import harmonise_margins
from reviewer.extract.page import Line, Page, Word
from reviewer.extract.passwords import password_candidates
from reviewer.extract.words import group_lines, read_words

__all__ = ["Line", "Page", "PdfContent", "Word", "group_lines", "read_pdf"]

OCR_THREADS = 2  # scanned pages are read two at a time (the engine releases the GIL): the laptop's two cores
_POLL_S = 0.05


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

    @property
    def ocr_pages(self) -> list[int]:
        """The pages whose words were read by OCR."""
        return [p.number for p in self.pages if p.ocr]


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


def _open_with(data: bytes, password: str) -> pdfium.PdfDocument:
    """The password as typed, then as PDF 2.0 prepares it (SASLprep, for AES-256 revision 6)."""
    *first, last = password_candidates(password)
    for candidate in first:
        try:
            return _open(data, candidate)
        except PasswordRequiredError:
            continue
    return _open(data, last)


def read_pdf(
    data: bytes,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    ocr: bool = True,
    scanned: Callable[[int], None] | None = None,
) -> PdfContent:
    """Open `data` and read all pages' words and lines, by OCR on pages without a text layer (unless `ocr` is
    False, or no engine is installed); `scanned(n)` is told as each such page is sent to OCR, with the number
    sent so far. Raises the PdfReadError family."""
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
        doc = _open_with(data, password)
    try:
        try:
            n = len(doc)
        except Exception:  # pdfium can fail on a broken page tree
            raise DamagedPdfError("the PDF is damaged or truncated and cannot be read") from None
        if n == 0:
            raise DamagedPdfError("the PDF has no pages (damaged or truncated)")
        pages = _read_pages(doc, n, ocr, progress, cancelled, scanned)
        harmonise_margins(pages)  # OCR reads a running footer differently on each page
        return PdfContent(pages=pages, sha256=sha, encrypted=encrypted)
    finally:
        doc.close()


def _read_pages(doc: pdfium.PdfDocument, n: int, ocr: bool, progress: Callable[[int, int], None] | None,
                cancelled: Callable[[], bool] | None, scanned: Callable[[int], None] | None = None) -> list[Page]:
    """Every page in order; scanned pages are rendered here and read by OCR in worker threads, progress told
    page by page as each is done, in order."""
    pages: list[Page] = []
    pending: deque[Future[None] | None] = deque()
    pool: ThreadPoolExecutor | None = None
    done = sent = 0

    def settle(limit: int) -> None:
        nonlocal done
        while len(pending) > limit:
            job = pending[0]
            while job is not None and not wait([job], timeout=_POLL_S).done:
                if cancelled is not None and cancelled():
                    raise ExtractionCancelled()
            pending.popleft()
            if job is not None:
                job.result()
            done += 1
            if progress is not None:
                progress(done, n)

    try:
        for i in range(n):
            if cancelled is not None and cancelled():
                raise ExtractionCancelled()
            page, image = _read_page(doc, i, ocr)
            pages.append(page)
            if image is None:
                pending.append(None)
            else:
                pool = pool or ThreadPoolExecutor(OCR_THREADS, thread_name_prefix="reviewer-ocr")
                pending.append(pool.submit(recognise, page, *image))
                sent += 1
                if scanned is not None:
                    scanned(sent)
            settle(OCR_THREADS)  # at most this many rendered pages wait in memory
        settle(0)
    finally:
        if pool is not None:  # on a cancel, a page being read finishes in the background, unwaited for
            pool.shutdown(wait=False, cancel_futures=True)
    return pages


def _read_page(doc: pdfium.PdfDocument, index: int, ocr: bool = False) -> tuple[Page, Any]:
    """The page's words and lines; for a scan to be read by OCR, its rendered image and resolution too."""
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
            words = read_words(textpage.raw, w, h, rotation)
        finally:
            textpage.close()
        if not words:
            result.image_only = _has_images(page)
        if result.image_only and ocr and ocr_available():
            return result, render_for_ocr(page)  # a scan has no vector rules to read
        result.lines = read_columns(group_lines(words, index + 1), disp_w, disp_h, index + 1)
        result.finish()
        if may_hold_table(result.text):
            result.rules = read_rules(page.raw, w, h, rotation)
        return result, None
    finally:
        page.close()


def _has_images(page: pdfium.PdfPage) -> bool:
    count = raw.FPDFPage_CountObjects(page.raw)
    for k in range(count):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        if obj and raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_IMAGE:
            return True
    return False
