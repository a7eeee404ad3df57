"""The variation corpus: SOC-like PDFs whose every axis of variation (producer, table drawing, result wording,
response placement, CUEC and CSOC presentation, traps, headings, part order, furniture, rotation, fonts, bullet
glyphs, date forms, report kind, opinion...) is drawn independently per document from a seed, with truth computed
from the same data and checked against the PDF's text (see README.md).
"""

from .axes import AXES
from .build import axes_of, variation_documents
from .check import check
from .committed import committed_variation_documents

__all__ = ["AXES", "axes_of", "check", "committed_variation_documents", "variation_documents"]
