"""The PDF page viewer: pages rendered with pypdfium2 from bytes in memory, zoom, search, evidence highlight."""

from reviewer.gui.viewer.render import PdfOpenError, PdfPages
from reviewer.gui.viewer.widget import PdfPageViewer

__all__ = ["PdfOpenError", "PdfPages", "PdfPageViewer"]
