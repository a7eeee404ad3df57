"""Copies of a report already in the register: the same report in other bytes, recognised by its content.

Trust portals hand out a report re-saved, re-encrypted or watermarked for each download, so its sha256 differs
every time and the sha256 check (`importer`) lets it in as a new report. A copy is a report of the same kind
(document type), vendor (the service organization's normalised name), framework, type, period, as-of date, report
date and auditor (the firm's key) whose page text is near identical: the share of word 5-shingles the two have in
common (Jaccard) at least COPY_TEXT_MATCH, so a watermark line per page leaves a copy a copy while a reissued
report that changed its wording is not one. Only the few reports with the same facts are compared, so this costs
little at any register size.

Unlike `signals.near_duplicate` (different vendors' reports that share a template's wording, names aside), this
finds the same vendor's same report; the import asks what to do (`importer`: skip it, or keep both).
"""

from __future__ import annotations

import re
from typing import Any

from reviewer.extract.fields_table import STORED
from reviewer.extract.model import ExtractionResult
from reviewer.register import firms
from reviewer.register.dbapi import Connection
from reviewer.register.records import CopyOf
from reviewer.register.vendors import normalize_name

COPY_TEXT_MATCH = 0.9
SHINGLE_WORDS = 5
MIN_SHINGLES = 20  # a report with less text than this says too little to be called a copy of another

# the columns a copy shares with its original exactly (as `store_report` writes them)
SAME_COLUMNS = ("framework", "type", "period_start", "period_end", "as_of", "report_date")
_WORD = re.compile(r"\w+", re.UNICODE)


def text_shingles(page_texts: list[str]) -> set[str]:
    """Every page's overlapping word 5-shingles, lower case (a page break does not join two pages' words)."""
    out: set[str] = set()
    for text in page_texts:
        words = _WORD.findall(text.lower())
        out.update(" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(0, len(words) - SHINGLE_WORDS + 1)))
    return out


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def stored_page_texts(conn: Connection, report_id: int) -> list[str]:
    return [t for (t,) in conn.execute(
        "SELECT p.text FROM page_keys k JOIN page_text p ON p.rowid = k.id WHERE k.report_id = ? ORDER BY k.page",
        (report_id,))]


def find_copy(conn: Connection, extraction: ExtractionResult, page_texts: list[str]) -> CopyOf | None:
    """The stored report `extraction` (with its `page_texts`) is a copy of, the most alike first; None if none."""
    shingles = text_shingles(page_texts)
    if len(shingles) < MIN_SHINGLES:
        return None
    rep = extraction.report
    values: dict[str, Any] = {f.column: f.to_column(f.value(rep)) for f in STORED if f.column in SAME_COLUMNS}
    where = " AND ".join(f"r.{column} IS ?" for column in SAME_COLUMNS)
    rows = conn.execute(
        f"SELECT r.id, r.file_name, v.name, r.service_organization, r.service_auditor FROM reports r "  # noqa: S608
        f"LEFT JOIN vendors v ON v.id = r.vendor_id WHERE r.document_type = ? AND {where} ORDER BY r.id",
        (extraction.document_type, *(values.get(column) for column in SAME_COLUMNS)),
    ).fetchall()
    vendor, auditor = normalize_name(rep.service_organization or ""), firms.firm_key(rep.service_auditor)
    best: CopyOf | None = None
    for report_id, file_name, vendor_name, organization, their_auditor in rows:
        if normalize_name(organization or "") != vendor or firms.firm_key(their_auditor) != auditor:
            continue
        alike = jaccard(shingles, text_shingles(stored_page_texts(conn, report_id)))
        if alike >= COPY_TEXT_MATCH and (best is None or alike > best.similarity):
            best = CopyOf(int(report_id), file_name, vendor_name, round(alike, 3))
    return best
