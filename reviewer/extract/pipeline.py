"""`extract_pdf`: read a PDF and every field reader in turn, then collect the warnings a reviewer needs.

Pages without a text layer are read by OCR unless `ocr=False`; the values read from them have evidence with
`source: "ocr"`, `file.ocr_pages` names them, and their words are kept for the viewer's search.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.extract.classify import classify
from reviewer.extract.confidence import assess
from reviewer.extract.errors import NotAPdfError
from reviewer.extract.fields import read_fields
from reviewer.extract.layout import Document
from reviewer.extract.letters import read_letter_dates
from reviewer.extract.model import ExtractionResult, FileInfo, Report
from reviewer.extract.ocr import box_is_low_confidence
from reviewer.extract.parts import Parts
from reviewer.extract.pdf import PdfContent, read_pdf
from reviewer.extract.period import read_dates


@dataclass
class ExtractedDocument:
    """An extraction and the text of every page it read (1-based page i is `page_texts[i - 1]`), for callers
    that index the text too (the register's full-text search), so that the PDF is read once."""

    result: ExtractionResult
    page_texts: list[str]


def extract_pdf(
    source: Path | bytes,
    *,
    name: str | None = None,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    ocr: bool = True,
) -> ExtractionResult:
    """Read one PDF (a path or its bytes) into an `ExtractionResult`.

    Raises NotAPdfError, DamagedPdfError, PasswordRequiredError (wrong_password=True when a password was
    given) or ExtractionCancelled when `cancelled()` returns True. `progress(done, total)` is called per page.
    `ocr=False` leaves pages without a text layer unread.
    """
    return extract_document(source, name=name, password=password, progress=progress, cancelled=cancelled,
                            ocr=ocr).result


def extract_document(
    source: Path | bytes,
    *,
    name: str | None = None,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    ocr: bool = True,
    scanned: Callable[[int], None] | None = None,
) -> ExtractedDocument:
    """`extract_pdf`, plus the text of every page (OCR's text on a scanned page; empty when it was not read).
    `scanned(n)` is called as each page is sent to OCR, with the number sent so far (the sandbox child's time
    budget grows with it)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        file_name = name or "document.pdf"
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except IsADirectoryError:
            raise NotAPdfError("is a folder, not a PDF file") from None
        file_name = name or path.name
    with cyclic_gc_paused():
        return _extract(data, file_name, password, progress, cancelled, ocr, scanned)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a report is read.

    A 250-page report makes a few hundred thousand small objects (words, lines, cells), none in reference
    cycles; the collector's passes over them cost about a fifth of the extraction's time. Reference counting
    still frees everything; the collector resumes (if it was running) as soon as the extraction ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _extract(data: bytes, file_name: str, password: str | None, progress: Callable[[int, int], None] | None,
             cancelled: Callable[[], bool] | None, ocr: bool = True,
             scanned: Callable[[int], None] | None = None) -> ExtractedDocument:
    content = read_pdf(data, password=password, progress=progress, cancelled=cancelled, ocr=ocr, scanned=scanned)
    result = _read_facts(content, file_name)
    _mark_ocr(content, result)
    return ExtractedDocument(result, [page.text for page in content.pages])


OCR_UNSURE = "read by OCR, which was unsure of some of these words: check them against the page"


def _mark_ocr(content: PdfContent, result: ExtractionResult) -> None:
    """OCR'd pages: listed in file.ocr_pages, their evidence marked "ocr" (and low confidence where OCR was unsure
    of the words in its box, as are such list items), their words kept for the viewer."""
    pages = content.ocr_pages
    if not pages:
        return
    result.file.ocr_pages = pages
    on_ocr = set(pages)

    def unsure_box(page: int | None, bbox: tuple[float, float, float, float] | None) -> bool:
        return page in on_ocr and bbox is not None and box_is_low_confidence(content.pages[page - 1], bbox)

    unsure = [key for key, ev in result.evidence.items() if unsure_box(ev.page, ev.bbox)]
    evidence = {}
    for key, ev in result.evidence.items():
        if ev.page in on_ocr:
            ev = dataclasses.replace(ev, source="ocr")
            if key in unsure and ev.confidence == "high":
                ev = dataclasses.replace(ev, confidence="low", confidence_reason=OCR_UNSURE)
        evidence[key] = ev
    result.evidence = evidence
    rep = result.report
    items: list[Any] = [*rep.control_objectives, *rep.exceptions, *rep.cuecs, *rep.subservice_organizations,
                        *rep.csocs]  # each with a page and a box
    for item in items:
        if unsure_box(item.page, item.bbox):
            item.mark_low(OCR_UNSURE)
    for page in content.pages:
        if page.ocr:
            result.ocr_words[page.number] = [(w.text, w.x0, w.top, w.x1, w.bottom)
                                             for line in page.lines for w in line.words]
    if unsure:
        result.warnings.append("OCR was unsure of words in " + ", ".join(k.replace("_", " ") for k in unsure)
                               + ": check them against the page")


def _read_facts(content: PdfContent, file_name: str) -> ExtractionResult:
    doc = Document(content.pages)
    doc.parts = Parts(doc)
    info = FileInfo(name=file_name, sha256=content.sha256, pages=len(content.pages), encrypted=content.encrypted,
                    # the ignore below: text_layer is one of the TextLayer values
                    text_layer=content.text_layer)  # type: ignore[arg-type]
    result = ExtractionResult(file=info, document_type=None, report=Report())
    read = content.ocr_pages
    if read:
        result.warnings.append(f"no text layer on {_page_list(read)} (scanned images): read by OCR; "
                               "check the values read there against the page")
    missing = [p for p in content.pages_without_text if p not in set(read)]
    if missing:
        result.warnings.append(f"no text layer on {_page_list(missing)} (scanned images): "
                               "those pages were not read; run OCR on the PDF to read them")
    cls = classify(doc)
    # the ignore below: the classifier's type is one of the DocumentType values
    result.document_type = cls.document_type  # type: ignore[assignment]
    if cls.document_type is None:
        result.warnings.append("the document has no readable text, so nothing was extracted")
        return result
    if cls.document_type == "other":
        result.warnings.append("this PDF does not look like a SOC report or a bridge letter; no report fields read")
        return result
    rep = result.report
    # the ignore below: the classifier's framework is one of the Framework values
    rep.framework = cls.framework  # type: ignore[assignment]
    rep.type = cls.type  # type: ignore[assignment]  # the classifier's type is one of the ReportType values
    result.evidence.update(cls.evidence or {})
    result.warnings.extend(cls.notes)
    if cls.document_type == "bridge_letter":
        dates = read_letter_dates(doc, cls.type)
    else:
        dates = read_dates(doc, cls.type)
    for key in ("period_start", "period_end", "as_of", "report_date", "bridge_period_end"):
        setattr(rep, key, getattr(dates, key))
    result.evidence.update(dates.evidence)
    read_fields(doc, result)
    assess(doc, result)
    _warnings(result)
    return result


def _page_list(pages: list[int]) -> str:
    if len(pages) == 1:
        return f"page {pages[0]}"
    runs: list[str] = []
    start = prev = pages[0]
    for p in pages[1:] + [None]:  # type: ignore[list-item]  # None ends the last run
        if p is not None and p == prev + 1:
            prev = p
            continue
        runs.append(f"{start}" if start == prev else f"{start}-{prev}")
        if p is not None:
            start = prev = p
    return "pages " + ", ".join(runs)


def _warnings(result: ExtractionResult) -> None:
    rep = result.report
    w = result.warnings
    is_report = result.document_type == "soc_report"
    if rep.period_start and rep.period_end:
        months = (rep.period_end.year - rep.period_start.year) * 12 + rep.period_end.month - rep.period_start.month
        if months > 12 or (months == 12 and rep.period_end.day >= rep.period_start.day):
            w.append(f"the period {rep.period_start} to {rep.period_end} is longer than 12 months")
    if rep.opinion and rep.opinion != "unmodified":
        w.append(f"the opinion is {rep.opinion}, not unmodified: read the basis for it in the auditor's report")
    needed = ["framework", "service_organization"]
    if is_report:
        needed += ["report_date", "service_auditor", "opinion"]
        if rep.framework != "SOC 3":
            needed += ["type", "system"]
        if rep.type == "Type 1":
            needed.append("as_of")
        elif rep.as_of is None:
            needed.append("period_end")
    else:
        needed += ["as_of" if rep.type == "Type 1" else "period_end", "bridge_period_end", "report_date"]
    for key in needed:
        if getattr(rep, key) in (None, ""):
            w.append(f"{key.replace('_', ' ')} not found")
