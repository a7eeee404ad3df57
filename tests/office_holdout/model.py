"""The records the office holdout is written from: one `Report` (or letter) holds every fact that the generator
prints and that the ground truth states, so that the two cannot disagree. `truth_report` turns it into the
`report` dict of notes/CORPUS_CONTRACT.md, with pages left for the generator to find in the converted PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

CATEGORIES = ("Security", "Availability", "Processing Integrity", "Confidentiality", "Privacy")
PASSING = "No exceptions noted."


@dataclass
class Control:
    id: str
    criteria: list[str]
    activity: str
    test: str
    result: str = PASSING
    response: str | None = None  # the management response, wherever the house style prints it
    objective: str | None = None  # SOC 1: the control objective's id
    exception: bool = False


@dataclass
class Report:
    id: str
    kind: str  # soc2-type2, soc2-type1, soc1-type2, soc1-type1, soc3, bridge, other
    firm: str  # house style key
    vendor: str
    system: str
    framework: str | None
    type: str | None
    opinion: str | None
    report_date: date | None
    period_phrase: str = ""  # as the report prints it, e.g. "for the period from 1 April 2023 through 31 March 2024"
    period_start: date | None = None
    period_end: date | None = None
    as_of: date | None = None
    bridge_period_end: date | None = None
    categories: list[str] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    objectives: list[tuple[str, str, str]] = field(default_factory=list)  # (id, title, statement)
    cuec_heading: str = "Complementary User Entity Controls"
    cuecs: list[tuple[str, list[str]]] = field(default_factory=list)  # (text, criteria printed beside it)
    subservices: list[tuple[str, str, str | None]] = field(default_factory=list)  # (name, services, method word)
    csocs: list[tuple[str, str]] = field(default_factory=list)  # (text, subservice organization)
    recipient: str = ""
    printed_dates: dict[str, list[str]] = field(default_factory=dict)
    auditor: str | None = None  # the signing firm (a letter names the bridged report's firm)

    @property
    def exceptions(self) -> list[Control]:
        return [c for c in self.controls if c.exception]


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def truth_report(r: Report, pages: dict[str, int]) -> dict[str, Any]:
    """The `report` truth; `pages` maps 'exception:ID', 'cuec:TEXT' and 'csoc:TEXT' to the page found."""
    soc2 = r.framework == "SOC 2" and r.kind not in ("bridge", "other")
    criteria = sorted({c for ctl in r.controls for c in ctl.criteria}) if soc2 else []
    return {
        "framework": r.framework, "type": r.type, "service_organization": r.vendor or None,
        "system": r.system or None, "period_start": iso(r.period_start), "period_end": iso(r.period_end),
        "as_of": iso(r.as_of), "report_date": iso(r.report_date), "bridge_period_end": iso(r.bridge_period_end),
        "service_auditor": r.auditor, "opinion": r.opinion,
        "categories": [c for c in CATEGORIES if c in r.categories],
        "criteria": criteria,
        "control_objectives": [{"id": i, "text": text} for i, _title, text in r.objectives],
        "exceptions": [{"control_id": c.id, "criteria": list(c.criteria) if soc2 else [],
                        "control_objective": c.objective, "description": c.result,
                        "management_response": c.response, "page": pages[f"exception:{c.id}"]}
                       for c in r.exceptions],
        "cuecs": [{"text": t, "criteria": list(crit), "page": pages[f"cuec:{t}"]} for t, crit in r.cuecs],
        # printed with no method word ("did not extend to the ... controls of X") is a carve-out (PRIMER)
        "subservice_organizations": [{"name": n, "services": s, "method": m or "carve-out"}
                                     for n, s, m in r.subservices],
        "csocs": [{"text": t, "subservice_organization": o, "page": pages[f"csoc:{t}"]} for t, o in r.csocs],
    }
