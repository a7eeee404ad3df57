"""PDF -> ExtractionResult. No Qt, no database: pure functions over page text and geometry.

Public entry points: `extract_pdf(source, *, name=None, password=None, progress=None, cancelled=None)`, and
`extract_document(...)`, the same plus every page's text (for the register's search index: one read of the PDF).
"""

from reviewer.extract.errors import (
    DamagedPdfError,
    ExtractionCancelled,
    NotAPdfError,
    PasswordRequiredError,
    PdfReadError,
)
from reviewer.extract.model import ExtractionResult
from reviewer.extract.pipeline import ExtractedDocument, extract_document, extract_pdf

__all__ = [
    "DamagedPdfError",
    "ExtractedDocument",
    "ExtractionCancelled",
    "ExtractionResult",
    "NotAPdfError",
    "PasswordRequiredError",
    "PdfReadError",
    "extract_document",
    "extract_pdf",
]
