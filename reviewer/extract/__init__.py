"""PDF -> ExtractionResult. No Qt, no database: pure functions over page text and geometry.

Public entry point: `extract_pdf(source, *, name=None, password=None, progress=None, cancelled=None)`.
"""

from reviewer.extract.errors import (
    DamagedPdfError,
    ExtractionCancelled,
    NotAPdfError,
    PasswordRequiredError,
    PdfReadError,
)
from reviewer.extract.model import ExtractionResult
from reviewer.extract.pipeline import extract_pdf

__all__ = [
    "DamagedPdfError",
    "ExtractionCancelled",
    "ExtractionResult",
    "NotAPdfError",
    "PasswordRequiredError",
    "PdfReadError",
    "extract_pdf",
]
