"""Reviews carried forward: what last year's review of a vendor's report says about this year's.

For a report with a previous report of the same vendor and framework (history.py): last year's verdict and its
conditions (the rationale), the exceptions that repeat with last year's triage of them (a repeat finding), and
last year's CUEC mappings for the CUECs that recur, which `reuse_mappings` applies to this year's unmapped ones
(each logged in the audit log, with a note naming the report it came from).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reviewer.register import history, mapping, reviews
from reviewer.register.records import OwnControl, Review, Triage


@dataclass
class RepeatFinding:
    exception_id: int | None  # this year's exception
    control_id: str | None
    previous_exception_id: int | None
    previous_control_id: str | None
    matched_by: str  # "control id" | "wording"
    previous_triage: Triage | None


@dataclass
class ReusedMapping:
    cuec_id: int | None  # this year's CUEC
    text: str
    own_control: OwnControl
    previous_cuec_id: int | None
    applied: bool  # this year's CUEC is already mapped to the same control


@dataclass
class CarriedForward:
    previous_report_id: int
    previous_file_name: str
    previous_review: Review
    repeats: list[RepeatFinding] = field(default_factory=list)
    mappings: list[ReusedMapping] = field(default_factory=list)
    new_cuecs_unmapped: int = 0

    @property
    def conditions(self) -> str | None:
        return self.previous_review.rationale

    def repeat_of(self, exception_id: int) -> RepeatFinding | None:
        return next((r for r in self.repeats if r.exception_id == exception_id), None)


def _triage(conn: Any, exception_id: int | None) -> Triage | None:
    if exception_id is None:
        return None
    row = conn.execute("SELECT relevance, nature, compensating_control, follow_up FROM exceptions WHERE id = ?",
                       (exception_id,)).fetchone()
    return Triage(*row) if row else None


def carried_forward(conn: Any, report_id: int) -> CarriedForward | None:
    found = history.previous_report(conn, report_id)
    if found is None:
        return None
    old, new = found
    change = history.compare_reports(old, new)
    controls = {c.id: c for c in mapping.own_controls(conn)}
    out = CarriedForward(old.id, old.file_name, reviews.get_review(conn, old.id))
    for m in change.exceptions_repeated:
        out.repeats.append(RepeatFinding(m.new.exception_id, m.new.control_id, m.old.exception_id, m.old.control_id,
                                         m.by, _triage(conn, m.old.exception_id)))
    for prev, cur in change.cuecs_kept:
        control = controls.get(prev.own_control_id) if prev.own_control_id is not None else None
        if control is not None:
            out.mappings.append(ReusedMapping(cur.cuec_id, cur.text, control, prev.cuec_id,
                                              cur.own_control_id == control.id))
    out.new_cuecs_unmapped = len(change.cuecs_unmapped)
    return out


def repeat_exception_ids(conn: Any, report_id: int) -> dict[int, RepeatFinding]:
    """This report's exceptions that repeat last year's, by exception id."""
    carried = carried_forward(conn, report_id)
    if carried is None:
        return {}
    return {r.exception_id: r for r in carried.repeats if r.exception_id is not None}


def reuse_mappings(conn: Any, report_id: int, who: str) -> int:
    """Map this report's recurring, still unmapped CUECs as last year's were; returns how many were mapped."""
    carried = carried_forward(conn, report_id)
    if carried is None:
        return 0
    done = 0
    for m in carried.mappings:
        if m.applied or m.cuec_id is None:
            continue
        row = conn.execute("SELECT own_control_id FROM cuecs WHERE id = ?", (m.cuec_id,)).fetchone()
        if row is None or row[0] is not None:
            continue  # mapped by hand meanwhile: the reviewer's choice stands
        mapping.map_cuec(conn, m.cuec_id, m.own_control.id, who, note=f"as in {carried.previous_file_name}")
        done += 1
    return done
