"""Page text for the register's full-text index, read with pypdfium2 from the PDF's bytes (never from disk).

The extraction result carries facts, not page text, so the importer reads each page's plain text here for
FTS5 (pypdfium2 reads a 118-page report in about 0.16 s, small beside extraction).
"""

from __future__ import annotations

import pypdfium2 as pdfium

from reviewer.extract.errors import DamagedPdfError


def page_texts(pdf: bytes, password: str | None = None) -> list[str]:
    """The text of every page, in order (empty string for a page without a text layer)."""
    try:
        doc = pdfium.PdfDocument(pdf, password=password)
    except pdfium.PdfiumError:
        raise DamagedPdfError("the PDF's pages cannot be read for the text index") from None
    try:
        out: list[str] = []
        for index in range(len(doc)):
            page = doc[index]
            try:
                textpage = page.get_textpage()
                try:
                    out.append(textpage.get_text_range().replace("\r\n", "\n").replace("\x00", ""))
                finally:
                    textpage.close()
            finally:
                page.close()
        return out
    finally:
        doc.close()
