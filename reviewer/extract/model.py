"""The records an extraction produces: `ExtractionResult` and its parts, with their JSON form.

These dataclasses cross every layer (extract -> register -> gui/cli). `to_json()` gives exactly the
object of `reviewer/schema/extraction.schema.json` (schema "soc-extraction/1"); `from_json()` reads it back,
which is how the register stores and restores an extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from reviewer.extract.fields_table import FIELDS

SCHEMA_ID = "soc-extraction/1"

DocumentType = Literal["soc_report", "bridge_letter", "other"]
Framework = Literal["SOC 1", "SOC 2", "SOC 3"]
ReportType = Literal["Type 1", "Type 2"]
Opinion = Literal["unmodified", "qualified", "adverse", "disclaimer"]
TextLayer = Literal["full", "partial", "none"]
Method = Literal["carve-out", "inclusive"]
Confidence = Literal["high", "low"]
Source = Literal["text", "ocr"]

CATEGORIES: tuple[str, ...] = (
    "Security",
    "Availability",
    "Processing Integrity",
    "Confidentiality",
    "Privacy",
)

BBox = tuple[float, float, float, float]
"""[x0, top, x1, bottom] in PDF points, origin at the page's top-left corner."""

OcrWord = tuple[str, float, float, float, float]
"""A word read by OCR, kept for the viewer's search on pages without a text layer: text, x0, top, x1, bottom."""


@dataclass(frozen=True)
class Evidence:
    """Where a value was read: 1-based page, the source words, and their box on the page; `source` "ocr" when
    the words were read by OCR ("text": the PDF's own text layer)."""

    page: int
    text: str
    bbox: BBox | None = None
    confidence: Confidence = "high"
    confidence_reason: str | None = None
    source: Source = "text"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"page": self.page, "text": self.text}
        if self.bbox is not None:
            out["bbox"] = [round(v, 2) for v in self.bbox]
        out.update(confidence_json(self))
        if self.source != "text":
            out["source"] = self.source
        return out

    def unsure(self, reason: str) -> Evidence:
        """This evidence marked low confidence, for `reason` (the first reason given is kept)."""
        return replace(self, confidence="low", confidence_reason=self.confidence_reason or reason)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Evidence:
        bbox = data.get("bbox")
        return cls(page=int(data["page"]), text=str(data["text"]), bbox=tuple(bbox) if bbox else None,
                   confidence=data.get("confidence", "high"), confidence_reason=data.get("confidence_reason"),
                   source=data.get("source", "text"))


class Unsure:
    """A listed item's confidence: "high", or "low" with a reason a reviewer understands."""

    confidence: Confidence
    confidence_reason: str | None

    def mark_low(self, reason: str) -> None:
        """Lower the item's confidence; the first reason given is the one kept."""
        if self.confidence != "low":
            self.confidence, self.confidence_reason = "low", reason


def confidence_json(item: Evidence | Unsure) -> dict[str, Any]:
    """The optional confidence fields of the schema for one value or item."""
    if item.confidence == "low":
        return {"confidence": "low", "confidence_reason": item.confidence_reason or "the reader was unsure"}
    return {"confidence": "high"}


def _confidence_from(data: dict[str, Any]) -> dict[str, Any]:
    return {"confidence": data.get("confidence", "high"), "confidence_reason": data.get("confidence_reason")}


@dataclass
class ControlObjective(Unsure):
    """A SOC 1 control objective, e.g. id "3", text "Controls provide reasonable assurance that ...", and the
    title printed before it ("Client Setup"), when there is one (kept in storage, not in the schema's form)."""

    id: str
    text: str
    page: int | None = None
    bbox: BBox | None = None
    confidence: Confidence = "high"
    confidence_reason: str | None = None
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, **confidence_json(self)}


@dataclass
class ExceptionFinding(Unsure):
    """One tested control whose result reports an exception or deviation."""

    control_id: str | None
    description: str
    page: int
    criteria: list[str] = field(default_factory=list)
    control_objective: str | None = None
    management_response: str | None = None
    bbox: BBox | None = None
    response_page: int | None = None
    confidence: Confidence = "high"
    confidence_reason: str | None = None
    control_text: str | None = None  # the control's description, when its table prints one (storage only)

    def to_json(self) -> dict[str, Any]:
        return {
            "control_id": self.control_id,
            "criteria": list(self.criteria),
            "control_objective": self.control_objective,
            "description": self.description,
            "management_response": self.management_response,
            "page": self.page,
            **confidence_json(self),
        }


@dataclass
class Cuec(Unsure):
    """A complementary user entity control (or user entity responsibility, user control consideration)."""

    text: str
    page: int
    criteria: list[str] = field(default_factory=list)
    bbox: BBox | None = None
    confidence: Confidence = "high"
    confidence_reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "criteria": list(self.criteria), "page": self.page, **confidence_json(self)}


@dataclass
class SubserviceOrganization(Unsure):
    """A subservice organization (fourth party) and how the report treats it."""

    name: str
    services: str | None = None
    method: Method | None = None
    page: int | None = None
    bbox: BBox | None = None
    confidence: Confidence = "high"
    confidence_reason: str | None = None
    abbreviation: str | None = None  # the short name the report defines ("AWS"); not part of the JSON form

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "services": self.services, "method": self.method, **confidence_json(self)}


@dataclass
class Csoc(Unsure):
    """A complementary subservice organization control."""

    text: str
    page: int
    subservice_organization: str | None = None
    bbox: BBox | None = None
    confidence: Confidence = "high"
    confidence_reason: str | None = None
    criteria: list[str] = field(default_factory=list)  # the related criteria it prints (storage only)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "subservice_organization": self.subservice_organization, "page": self.page,
                **confidence_json(self)}


@dataclass
class NotTestedControl:
    """A control the auditor did not test because its circumstances did not occur ("no testing was performed"):
    no exception, but a reviewer wants to see it. Kept in storage only (the schema's form has no place for it)."""

    control_id: str | None
    result: str
    page: int
    criteria: list[str] = field(default_factory=list)
    control_objective: str | None = None
    bbox: BBox | None = None
    control_text: str | None = None

    def to_storage(self) -> dict[str, Any]:
        return {"control_id": self.control_id, "result": self.result, "page": self.page,
                "criteria": list(self.criteria), "control_objective": self.control_objective,
                "bbox": list(self.bbox) if self.bbox else None, "control_text": self.control_text}

    @classmethod
    def from_storage(cls, data: dict[str, Any]) -> NotTestedControl:
        bbox = data.get("bbox")
        return cls(data.get("control_id"), str(data["result"]), int(data["page"]), list(data.get("criteria", [])),
                   data.get("control_objective"), (bbox[0], bbox[1], bbox[2], bbox[3]) if bbox else None,
                   data.get("control_text"))


@dataclass
class FileInfo:
    """Facts about the PDF file itself."""

    name: str
    sha256: str
    pages: int
    encrypted: bool
    text_layer: TextLayer  # the PDF's own text layer, before any OCR
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (no text layer)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "sha256": self.sha256,
            "pages": self.pages,
            "encrypted": self.encrypted,
            "text_layer": self.text_layer,
        }
        if self.ocr_pages:
            out["ocr_pages"] = list(self.ocr_pages)
        return out


@dataclass
class Report:
    """The report's facts. Unknown values are None (or empty lists), never guessed."""

    framework: Framework | None = None
    type: ReportType | None = None
    service_organization: str | None = None
    system: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    as_of: date | None = None
    report_date: date | None = None
    bridge_period_end: date | None = None
    service_auditor: str | None = None
    opinion: Opinion | None = None
    categories: list[str] = field(default_factory=list)
    criteria: list[str] = field(default_factory=list)
    control_objectives: list[ControlObjective] = field(default_factory=list)
    exceptions: list[ExceptionFinding] = field(default_factory=list)
    cuecs: list[Cuec] = field(default_factory=list)
    subservice_organizations: list[SubserviceOrganization] = field(default_factory=list)
    csocs: list[Csoc] = field(default_factory=list)
    not_tested: list[NotTestedControl] = field(default_factory=list)  # not in the schema's form (storage only)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.key: f.to_json(f.value(self)) for f in FIELDS}
        out.update({
            "control_objectives": [c.to_json() for c in self.control_objectives],
            "exceptions": [e.to_json() for e in self.exceptions],
            "cuecs": [c.to_json() for c in self.cuecs],
            "subservice_organizations": [s.to_json() for s in self.subservice_organizations],
            "csocs": [c.to_json() for c in self.csocs],
        })
        return out


@dataclass
class ExtractionResult:
    """What the extractor read from one PDF: file facts, document type, report facts, warnings, evidence.

    `evidence` maps a top-level report field name (e.g. "period_end", "opinion") to where it was read.
    List items (exceptions, CUECs, ...) carry their own page and box. `ocr_words` keeps, per OCR'd page, the
    words and boxes OCR read, so the viewer can find text on pages that have no text layer (storage only).
    """

    file: FileInfo
    document_type: DocumentType | None
    report: Report = field(default_factory=Report)
    warnings: list[str] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    ocr_words: dict[int, list[OcrWord]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "file": self.file.to_json(),
            "document_type": self.document_type,
            "report": self.report.to_json(),
            "warnings": list(self.warnings),
            "evidence": {k: v.to_json() for k, v in self.evidence.items()},
        }

    def to_storage(self) -> dict[str, Any]:
        """The JSON form plus the boxes and pages of list items, for the register to keep."""
        data = self.to_json()
        rep = self.report
        lists: dict[str, list[Any]] = {
            "control_objectives": rep.control_objectives,
            "exceptions": rep.exceptions,
            "cuecs": rep.cuecs,
            "subservice_organizations": rep.subservice_organizations,
            "csocs": rep.csocs,
        }
        for csoc, obj in zip(rep.csocs, data["report"]["csocs"], strict=True):
            if csoc.criteria:
                obj["criteria"] = list(csoc.criteria)
        for key, items in lists.items():
            for obj, item in zip(data["report"][key], items, strict=True):
                for extra in ("page", "bbox", "response_page", "title", "control_text"):
                    value = getattr(item, extra, None)
                    if value is not None:
                        obj[extra] = list(value) if extra == "bbox" else value
        if rep.not_tested:
            data["not_tested"] = [n.to_storage() for n in rep.not_tested]
        if self.ocr_words:
            data["ocr_words"] = {str(page): [[t, round(a, 1), round(b, 1), round(c, 1), round(d, 1)]
                                             for t, a, b, c, d in words] for page, words in self.ocr_words.items()}
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExtractionResult:
        """Read back `to_json()` or `to_storage()` output."""

        def box(v: list[float] | None) -> BBox | None:
            return (v[0], v[1], v[2], v[3]) if v else None

        r = data["report"]
        report = Report(
            **{f.key: f.from_json(r) for f in FIELDS},
            control_objectives=[
                ControlObjective(c["id"], c["text"], c.get("page"), box(c.get("bbox")), **_confidence_from(c),
                                 title=c.get("title"))
                for c in r.get("control_objectives", [])
            ],
            exceptions=[
                ExceptionFinding(
                    control_id=e.get("control_id"),
                    description=e["description"],
                    page=e["page"],
                    criteria=list(e.get("criteria", [])),
                    control_objective=e.get("control_objective"),
                    management_response=e.get("management_response"),
                    bbox=box(e.get("bbox")),
                    response_page=e.get("response_page"),
                    **_confidence_from(e),
                    control_text=e.get("control_text"),
                )
                for e in r.get("exceptions", [])
            ],
            cuecs=[
                Cuec(c["text"], c["page"], list(c.get("criteria", [])), box(c.get("bbox")), **_confidence_from(c))
                for c in r.get("cuecs", [])
            ],
            subservice_organizations=[
                SubserviceOrganization(s["name"], s.get("services"), s.get("method"), s.get("page"),
                                       box(s.get("bbox")), **_confidence_from(s))
                for s in r.get("subservice_organizations", [])
            ],
            csocs=[
                Csoc(c["text"], c["page"], c.get("subservice_organization"), box(c.get("bbox")), **_confidence_from(c),
                     criteria=list(c.get("criteria", [])))
                for c in r.get("csocs", [])
            ],
            not_tested=[NotTestedControl.from_storage(n) for n in data.get("not_tested", [])],
        )
        f = data["file"]
        return cls(
            file=FileInfo(f["name"], f["sha256"], f["pages"], f["encrypted"], f["text_layer"],
                          [int(p) for p in f.get("ocr_pages", [])]),
            document_type=data.get("document_type"),
            report=report,
            warnings=list(data.get("warnings", [])),
            evidence={k: Evidence.from_json(v) for k, v in data.get("evidence", {}).items()},
            ocr_words={int(p): [(str(w[0]), float(w[1]), float(w[2]), float(w[3]), float(w[4])) for w in ws]
                       for p, ws in data.get("ocr_words", {}).items()},
        )
