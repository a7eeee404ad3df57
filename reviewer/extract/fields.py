"""Runs the field readers over a classified document and stores their values and evidence in the result."""

from __future__ import annotations

from reviewer.extract.layout import Document
from reviewer.extract.model import ExtractionResult
from reviewer.extract.opinion import read_opinion
from reviewer.extract.parties import read_parties


def read_fields(doc: Document, result: ExtractionResult) -> None:
    rep = result.report
    for key, (value, ev) in read_parties(doc).items():
        setattr(rep, key, value)
        result.evidence[key] = ev
    if result.document_type == "soc_report":
        opinion, ev = read_opinion(doc)
        if opinion and ev:
            rep.opinion = opinion  # type: ignore[assignment]
            result.evidence["opinion"] = ev
