"""What the report says about each criterion (SOC 2) or control objective (SOC 1) in scope, for the criteria view.

Each row is one criterion or objective with the findings mapped to it: the exceptions, the controls the auditor
did not test (their circumstances did not occur), the CUECs (and the own controls they are mapped to) and the
CSOCs. A SOC 2 item is mapped by the criteria it names, or else by its control id numbered under a criterion
("CC6.1.2" is a control for CC6.1); a SOC 1 item by its control objective, or else by an id numbered under it
("CO3-02", "3.2"). Items mapped to nothing in scope are gathered in a last row, so nothing is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.extract.model import BBox, Csoc, ExtractionResult, NotTestedControl
from reviewer.extract.vocabulary import CRITERION_ID
from reviewer.register.records import CuecRecord, ExceptionRecord

UNMAPPED = "not mapped"  # the key of the row of items mapped to nothing in scope
_UNDER_CRITERION = re.compile(rf"^({CRITERION_ID})[.\-]\d{{1,3}}\b")
_UNDER_OBJECTIVE = re.compile(r"^(?:CO[\s\-]?)?(\d{1,2})[.\-]\d{1,3}\b", re.I)


@dataclass
class ScopeRow:
    """One criterion or control objective, and what the report maps to it."""

    key: str  # "CC6.1", or the objective's id ("3"); UNMAPPED for the last row
    title: str | None = None  # a SOC 1 objective's title ("Client Setup")
    statement: str | None = None  # a SOC 1 objective's statement ("Controls provide reasonable assurance ...")
    page: int | None = None
    bbox: BBox | None = None
    exceptions: list[ExceptionRecord] = field(default_factory=list)
    not_tested: list[NotTestedControl] = field(default_factory=list)
    cuecs: list[CuecRecord] = field(default_factory=list)
    csocs: list[Csoc] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.exceptions or self.not_tested or self.cuecs or self.csocs)


def by_objective(extraction: ExtractionResult) -> bool:
    """A SOC 1 report (or one that lists control objectives and no criteria) is read by control objective."""
    rep = extraction.report
    return rep.framework == "SOC 1" or (bool(rep.control_objectives) and not rep.criteria)


def scope_rows(extraction: ExtractionResult, exceptions: list[ExceptionRecord],
               cuecs: list[CuecRecord]) -> list[ScopeRow]:
    """Every criterion (or objective) in scope, in the report's order, with its findings; then the unmapped."""
    rep = extraction.report
    soc1 = by_objective(extraction)
    if soc1:
        rows = {o.id: ScopeRow(o.id, o.title, o.text, o.page, o.bbox) for o in rep.control_objectives}
    else:
        rows = {c: ScopeRow(c) for c in rep.criteria}
    unmapped = ScopeRow(UNMAPPED)

    def place(keys: list[str]) -> list[ScopeRow]:
        found = [rows[k] for k in dict.fromkeys(keys) if k in rows]
        return found or [unmapped]

    for record in exceptions:
        f = record.finding
        for row in place(_keys(soc1, f.control_id, f.criteria, f.control_objective)):
            row.exceptions.append(record)
    for skipped in rep.not_tested:
        for row in place(_keys(soc1, skipped.control_id, skipped.criteria, skipped.control_objective)):
            row.not_tested.append(skipped)
    for cuec in cuecs:
        targets = [rows[c] for c in cuec.cuec.criteria if c in rows]
        for row in targets or [unmapped]:
            row.cuecs.append(cuec)
    for csoc in rep.csocs:
        targets = [rows[c] for c in csoc.criteria if c in rows]
        for row in targets or [unmapped]:
            row.csocs.append(csoc)
    return list(rows.values()) + ([] if unmapped.empty else [unmapped])


def _keys(soc1: bool, control_id: str | None, criteria: list[str], objective: str | None) -> list[str]:
    """The criteria (or the objective) an exception or untested control is mapped to."""
    if soc1:
        if objective:
            return [objective]
        m = _UNDER_OBJECTIVE.match(control_id or "")
        return [m.group(1)] if m else []
    if criteria:
        return list(criteria)
    m = _UNDER_CRITERION.match(control_id or "")
    return [m.group(1)] if m else []
