"""The dataclasses the register hands to the GUI and the CLI (rows, outcomes, review records).

Dates are `datetime.date`; timestamps are ISO 8601 strings in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from reviewer.extract.model import Cuec, ExceptionFinding, ExtractionResult

ImportStatus = Literal["imported", "duplicate", "copy", "failed", "password_needed", "cancelled"]
ReviewStatus = Literal["new", "in_review", "accepted", "accepted_with_conditions", "rejected"]
REVIEW_STATUSES: tuple[str, ...] = ("new", "in_review", "accepted", "accepted_with_conditions", "rejected")
DECIDED_STATUSES: tuple[str, ...] = ("accepted", "accepted_with_conditions", "rejected")
NATURES: tuple[str, ...] = ("isolated", "systemic")


@dataclass
class VendorMatch:
    """How an imported report's service organization was matched to a vendor.

    `certain` is False when the GUI should ask the user (a close but not exact name, or no name at all);
    `candidates` are the nearest existing vendors, best first: (vendor_id, name, score 0..100).
    """

    vendor_id: int | None
    vendor_name: str | None
    score: float
    certain: bool
    candidates: list[tuple[int, str, float]] = field(default_factory=list)


@dataclass(frozen=True)
class CopyOf:
    """The report in the register a file is a copy of (`copies.find_copy`), and how alike their texts are (0..1)."""

    report_id: int
    file_name: str
    vendor: str | None
    similarity: float


@dataclass
class ImportOutcome:
    """One file's import. "copy": the file is a copy of a report in the register (`copy_of`, whose id is
    `report_id`) and was not stored; the caller skips it (`reg.reports.skip_copy`) or imports it again with
    `keep_copies=True`."""

    path_or_name: str
    status: ImportStatus
    report_id: int | None
    message: str
    vendor_match: VendorMatch | None = None
    copy_of: CopyOf | None = None
    sha256: str | None = None


@dataclass
class ReportFilter:
    """Filters for `reg.reports.rows` and `count`; all given ones must hold."""

    text: str | None = None  # substring of vendor, framework, file name
    framework: str | None = None
    review_status: str | None = None
    currency_status: str | None = None
    fulltext: str | None = None  # FTS5 query over page text
    document_type: str | None = None
    vendor_id: int | None = None
    review_due_by: date | None = None  # reports whose next review falls on or before this day (review_dates.py)


@dataclass
class ReportRow:
    id: int
    vendor_id: int | None
    vendor: str | None
    document_type: str | None
    framework: str | None
    type: str | None
    period_start: date | None
    period_end: date | None
    as_of: date | None
    report_date: date | None
    opinion: str | None
    exceptions_count: int
    currency_status: str | None
    review_status: str
    next_review_date: date | None
    file_name: str
    imported_at: str
    currency_label: str | None = None  # the status as the user reads it, with its date ("Bridged to 1 Jan 2026")


@dataclass
class SearchHit:
    """One page matching a search: `snippet` is the text around the hits, `highlights` the (start, end) offsets
    of each matched word in it."""

    report_id: int
    vendor: str | None
    page: int
    snippet: str
    file_name: str = ""
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass
class StoredReport:
    id: int
    vendor_id: int | None
    vendor: str | None
    extraction: ExtractionResult
    file_name: str
    sha256: str
    imported_at: str
    bridges_report_id: int | None


@dataclass
class Triage:
    relevance: str | None = None
    nature: str | None = None  # "isolated" | "systemic" | None
    compensating_control: str | None = None
    follow_up: str | None = None


@dataclass
class ExceptionRecord:
    id: int
    index: int
    finding: ExceptionFinding
    triage: Triage


@dataclass
class OwnControl:
    id: int
    ref: str
    title: str
    owner: str | None


@dataclass
class CuecMapping:
    own_control: OwnControl
    note: str | None
    mapped_by: str | None
    mapped_at: str | None


@dataclass
class MappingSuggestion:
    """An own control suggested for a CUEC because a similar CUEC was mapped to it before."""

    own_control: OwnControl
    score: float
    similar_cuec_text: str
    similar_cuec_id: int


@dataclass
class CuecRecord:
    id: int
    index: int
    cuec: Cuec
    mapping: CuecMapping | None
    suggestions: list[MappingSuggestion]


@dataclass
class SubserviceRecord:
    id: int
    name: str
    services: str | None
    method: str | None
    linked_vendor_id: int | None
    has_report_on_file: bool


@dataclass
class VendorRecord:
    id: int
    name: str
    reports_count: int
    latest_period_end: date | None


@dataclass
class FourthPartyGap:
    """A carved-out subservice organization for which the register holds no SOC report."""

    name: str
    linked_vendor_id: int | None
    used_by: list[str]  # vendors whose reports carve it out
    report_ids: list[int]


@dataclass
class Review:
    report_id: int
    status: str
    reviewer: str | None
    rationale: str | None
    next_review_date: date | None
    signed_off_by: str | None
    signed_off_at: str | None


@dataclass
class AuditEntry:
    at: str
    who: str
    report_id: int | None
    entity: str
    field: str
    old: str | None
    new: str | None
    entity_id: int | None = None
