"""What the procurement timeline shows, computed from the register: one lane per vendor.

A lane holds the vendor's report periods, its bridge letters' spans, and the gaps: days between one covered
span and the next, and from the last covered day to today. Kept apart from the painting so it can be read and
tested as data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

SegmentKind = Literal["report", "bridge", "gap"]


if TYPE_CHECKING:
    from reviewer.register import Register
    from reviewer.register.currency import CurrencyThresholds


@dataclass(frozen=True)
class Segment:
    start: date
    end: date
    kind: SegmentKind
    label: str = ""


@dataclass
class Lane:
    vendor_id: int
    vendor: str
    status: str | None
    next_report_expected: date | None
    reason: str
    latest: str
    segments: list[Segment] = field(default_factory=list)
    status_label: str = "Unknown"  # the status named for what to do, with its date (register/currency.py)


def _covered_spans(segments: list[Segment]) -> list[tuple[date, date]]:
    spans: list[tuple[date, date]] = []
    for seg in sorted((s for s in segments if s.kind != "gap"), key=lambda s: s.start):
        if spans and seg.start <= spans[-1][1] + timedelta(days=1):
            spans[-1] = (spans[-1][0], max(spans[-1][1], seg.end))
        else:
            spans.append((seg.start, seg.end))
    return spans


def with_gaps(segments: list[Segment], today: date) -> list[Segment]:
    """The segments plus a gap for every uncovered stretch between them and up to `today`."""
    spans = _covered_spans(segments)
    gaps = [Segment(a_end + timedelta(days=1), b_start - timedelta(days=1), "gap")
            for (_a, a_end), (b_start, _b) in zip(spans, spans[1:], strict=False)]
    if spans and spans[-1][1] < today:
        gaps.append(Segment(spans[-1][1] + timedelta(days=1), today, "gap"))
    return sorted(segments + gaps, key=lambda s: (s.start, s.kind))


def _bridged_end(register: Register, letter_id: int) -> date | None:
    """The period end (or as-of date) of the report a letter is linked to."""
    bridged = register.reports.get(letter_id).bridges_report_id
    if bridged is None:
        return None
    report = register.reports.get(bridged).extraction.report
    return report.period_end or report.as_of


def build_lanes(register: Register, today: date, thresholds: CurrencyThresholds) -> list[Lane]:
    """One lane per vendor with at least one dated report, ordered by vendor name."""
    from reviewer.register import ReportFilter

    currency = {c.vendor_id: c for c in register.currency.by_vendor(today, thresholds)}
    rows = register.reports.rows(ReportFilter(), order_by="vendor", limit=None, thresholds=thresholds)
    lanes: dict[int, Lane] = {}
    for row in rows:
        if row.vendor_id is None:
            continue
        lane = lanes.get(row.vendor_id)
        if lane is None:
            cur = currency.get(row.vendor_id)
            latest = ""
            if cur is not None:
                latest = " ".join(p for p in (cur.framework, cur.type) if p)
                if cur.period_end:
                    latest += f" to {cur.period_end.isoformat()}"
            lane = lanes[row.vendor_id] = Lane(
                row.vendor_id, row.vendor or "", cur.status if cur else None,
                cur.next_report_expected if cur else None, cur.reason if cur else "no dated report", latest,
                status_label=(cur.status_label if cur else None) or "Unknown",
            )
        if row.document_type == "bridge_letter":
            # the letter speaks from the day after the report it bridges: a Type 2's period end, or a Type 1's
            # as-of date (a letter bridging a Type 1 states no period end, only that date)
            start = row.period_end or row.as_of or _bridged_end(register, row.id)
            end = register.reports.get(row.id).extraction.report.bridge_period_end
            if start and end and end > start:
                lane.segments.append(Segment(start + timedelta(days=1), end, "bridge", "bridge letter"))
        elif row.document_type == "soc_report":
            end = row.period_end or row.as_of
            start = row.period_start or end
            if start and end:
                label = " ".join(p for p in (row.framework, row.type) if p)
                lane.segments.append(Segment(start, end, "report", label))
    for lane in lanes.values():
        lane.segments = with_gaps(lane.segments, today)
    return sorted((lane for lane in lanes.values() if lane.segments), key=lambda lane: lane.vendor.lower())
