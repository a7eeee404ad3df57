"""A vendor's history: its SOC reports oldest first, and what changed between each consecutive pair of the same
framework (period gap, auditor, opinion, scope, system name, subservice organizations, exceptions, CUECs).

`compare_reports` is a pure function of two `HistoryReport`s; `vendor_history` reads them from the register.
Exceptions are matched first by control id, then by wording (rapidfuzz, numbers and stock phrases left out, and
criteria that must not contradict), so a control renumbered from one year to the next still matches; CUECs and
subservice organizations are matched by their normalised text and name. The values compared are the stored
extraction's (`_report_facts` is the one place that reads them, where reviewer corrections would apply).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from reviewer.extract.model import ExtractionResult
from reviewer.register import firms
from reviewer.register.vendors import normalize_name

EXCEPTION_WORDING_MATCH = 85.0
CUEC_MATCH = 90.0
_NUMBERS = re.compile(r"\d+")
_STOCK = re.compile(r"\b(?:exceptions?|deviations?)\s+noted\b|\bthe\s+service\s+auditor\s+noted\s+that\b|"
                    r"\bselected\s+for\s+testing\b|\bsampled\b|\bfor\s+of\b|\bno\s+exceptions?\b", re.I)
_NON_WORD = re.compile(r"[^\w]+")


@dataclass
class HistoryException:
    exception_id: int | None
    index: int
    control_id: str | None
    description: str
    criteria: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.control_id or f"#{self.index + 1} ({self.description[:50]})"


@dataclass
class HistoryCuec:
    cuec_id: int | None
    text: str
    own_control_id: int | None = None


@dataclass
class HistoryReport:
    id: int
    file_name: str
    framework: str | None
    type: str | None
    period_start: date | None
    period_end: date | None
    as_of: date | None
    report_date: date | None
    auditor: str | None
    opinion: str | None
    system: str | None
    categories: list[str] = field(default_factory=list)
    criteria: list[str] = field(default_factory=list)
    subservice: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # key -> (name, method)
    exceptions: list[HistoryException] = field(default_factory=list)
    cuecs: list[HistoryCuec] = field(default_factory=list)

    @property
    def start(self) -> date | None:
        return self.period_start or self.as_of

    @property
    def end(self) -> date | None:
        return self.period_end or self.as_of

    def to_json(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {"id": self.id, "file_name": self.file_name, "framework": self.framework, "type": self.type,
                "period_start": iso(self.period_start), "period_end": iso(self.period_end), "as_of": iso(self.as_of),
                "report_date": iso(self.report_date), "auditor": self.auditor, "opinion": self.opinion,
                "system": self.system, "categories": self.categories, "exceptions": len(self.exceptions),
                "cuecs": len(self.cuecs)}


@dataclass
class ExceptionMatch:
    old: HistoryException
    new: HistoryException
    by: str  # "control id" | "wording"
    score: float


@dataclass
class ReportChange:
    """What changed from `old` to `new` (consecutive reports of one vendor and framework)."""

    old: HistoryReport
    new: HistoryReport
    period_gap_days: int | None
    auditor_changed: bool
    opinion: tuple[str | None, str | None]
    categories_added: list[str]
    categories_removed: list[str]
    criteria_added: list[str]
    criteria_removed: list[str]
    system_renamed: tuple[str, str] | None
    subservice_added: list[str]
    subservice_removed: list[str]
    subservice_method_changed: list[tuple[str, str | None, str | None]]
    exceptions_new: list[HistoryException]
    exceptions_repeated: list[ExceptionMatch]
    exceptions_resolved: list[HistoryException]
    cuecs_added: list[HistoryCuec]
    cuecs_removed: list[HistoryCuec]
    cuecs_kept: list[tuple[HistoryCuec, HistoryCuec]]  # (old, new)

    @property
    def cuecs_unmapped(self) -> list[HistoryCuec]:
        """New CUECs not mapped to an own control yet."""
        return [c for c in self.cuecs_added if c.own_control_id is None]

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.old.file_name, "to": self.new.file_name, "from_id": self.old.id, "to_id": self.new.id,
            "framework": self.new.framework, "period_gap_days": self.period_gap_days,
            "auditor_changed": self.auditor_changed, "auditor": [self.old.auditor, self.new.auditor],
            "opinion": list(self.opinion), "categories_added": self.categories_added,
            "categories_removed": self.categories_removed, "criteria_added": self.criteria_added,
            "criteria_removed": self.criteria_removed,
            "system_renamed": list(self.system_renamed) if self.system_renamed else None,
            "subservice_added": self.subservice_added, "subservice_removed": self.subservice_removed,
            "subservice_method_changed": [{"name": n, "from": a, "to": b} for n, a, b in
                                          self.subservice_method_changed],
            "exceptions_new": [e.label for e in self.exceptions_new],
            "exceptions_repeated": [m.new.label for m in self.exceptions_repeated],
            "exceptions_resolved": [e.label for e in self.exceptions_resolved],
            "exceptions_repeated_matches": [{"from": m.old.label, "to": m.new.label, "by": m.by,
                                             "score": round(m.score, 1)} for m in self.exceptions_repeated],
            "cuecs_added": len(self.cuecs_added), "cuecs_removed": len(self.cuecs_removed),
            "cuecs_unmapped": [c.text for c in self.cuecs_unmapped],
        }


@dataclass
class VendorHistory:
    vendor_id: int
    vendor: str
    reports: list[HistoryReport]
    pairs: list[ReportChange]

    def to_json(self) -> dict[str, Any]:
        return {"vendor": self.vendor, "vendor_id": self.vendor_id, "reports": [r.to_json() for r in self.reports],
                "pairs": [p.to_json() for p in self.pairs]}


# -- comparing -------------------------------------------------------------------------------------------------
def gap_days(old_end: date | None, new_start: date | None) -> int | None:
    """Days strictly between one period's end and the next one's start (0: continuous; negative: overlap)."""
    if old_end is None or new_start is None:
        return None
    return (new_start - old_end).days - 1


def _wording(text: str) -> str:
    text = _STOCK.sub(" ", _NUMBERS.sub(" ", text.lower()))
    return " ".join(_NON_WORD.sub(" ", text).split())


def _control_key(control_id: str | None) -> str:
    return _NON_WORD.sub("", control_id or "").upper()


def match_exceptions(old: list[HistoryException], new: list[HistoryException]) -> list[ExceptionMatch]:
    """One-to-one matches: equal control ids first, then the closest wordings above EXCEPTION_WORDING_MATCH."""
    matches: list[ExceptionMatch] = []
    free_old, free_new = list(old), list(new)
    for n in list(free_new):
        key = _control_key(n.control_id)
        hit = next((o for o in free_old if key and _control_key(o.control_id) == key), None)
        if hit is not None:
            matches.append(ExceptionMatch(hit, n, "control id", 100.0))
            free_old.remove(hit)
            free_new.remove(n)
    scored = []
    for o in free_old:
        for n in free_new:
            if o.criteria and n.criteria and not set(o.criteria) & set(n.criteria):
                continue
            score = fuzz.token_set_ratio(_wording(o.description), _wording(n.description))
            if score >= EXCEPTION_WORDING_MATCH:
                scored.append((score, o.index, n.index, o, n))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, oi, ni, o, n in scored:
        if oi in used_old or ni in used_new:
            continue
        used_old.add(oi)
        used_new.add(ni)
        matches.append(ExceptionMatch(o, n, "wording", float(score)))
    matches.sort(key=lambda m: m.new.index)
    return matches


def match_cuecs(old: list[HistoryCuec], new: list[HistoryCuec]) -> list[tuple[HistoryCuec, HistoryCuec]]:
    pairs = []
    free = list(old)
    for n in new:
        best, best_score = None, CUEC_MATCH
        for o in free:
            score = fuzz.token_sort_ratio(_wording(o.text), _wording(n.text))
            if score >= best_score:
                best, best_score = o, score
        if best is not None:
            pairs.append((best, n))
            free.remove(best)
    return pairs


def compare_reports(old: HistoryReport, new: HistoryReport) -> ReportChange:
    repeated = match_exceptions(old.exceptions, new.exceptions)
    kept = match_cuecs(old.cuecs, new.cuecs)
    kept_old = {id(o) for o, _ in kept}
    kept_new = {id(n) for _, n in kept}
    subs_added = [new.subservice[k][0] for k in new.subservice if k not in old.subservice]
    subs_removed = [old.subservice[k][0] for k in old.subservice if k not in new.subservice]
    methods = [(new.subservice[k][0], old.subservice[k][1], new.subservice[k][1]) for k in new.subservice
               if k in old.subservice and old.subservice[k][1] != new.subservice[k][1]]
    renamed = None
    if old.system and new.system and normalize_name(old.system) != normalize_name(new.system):
        renamed = (old.system, new.system)
    return ReportChange(
        old=old, new=new, period_gap_days=gap_days(old.end, new.start),
        auditor_changed=bool(old.auditor and new.auditor and not firms.same_firm(old.auditor, new.auditor)),
        opinion=(old.opinion, new.opinion),
        categories_added=[c for c in new.categories if c not in old.categories],
        categories_removed=[c for c in old.categories if c not in new.categories],
        criteria_added=[c for c in new.criteria if c not in old.criteria],
        criteria_removed=[c for c in old.criteria if c not in new.criteria],
        system_renamed=renamed, subservice_added=subs_added, subservice_removed=subs_removed,
        subservice_method_changed=methods,
        exceptions_new=[e for e in new.exceptions if all(m.new is not e for m in repeated)],
        exceptions_repeated=repeated,
        exceptions_resolved=[e for e in old.exceptions if all(m.old is not e for m in repeated)],
        cuecs_added=[c for c in new.cuecs if id(c) not in kept_new],
        cuecs_removed=[c for c in old.cuecs if id(c) not in kept_old],
        cuecs_kept=kept,
    )


def order_key(report: HistoryReport) -> tuple[date, date, int]:
    return (report.end or date.min, report.report_date or date.min, report.id)


def history_pairs(reports: list[HistoryReport]) -> list[ReportChange]:
    """Each report against the previous one of its framework (reports oldest first)."""
    last: dict[str | None, HistoryReport] = {}
    pairs = []
    for report in sorted(reports, key=order_key):
        previous = last.get(report.framework)
        if previous is not None:
            pairs.append(compare_reports(previous, report))
        last[report.framework] = report
    return pairs


# -- reading the register --------------------------------------------------------------------------------------
def report_facts(conn: Any, report_id: int) -> HistoryReport | None:
    """One stored SOC report as history compares it (None: no such report)."""
    row = conn.execute("SELECT r.file_name, e.json FROM reports r JOIN extractions e ON e.report_id = r.id "
                       "WHERE r.id = ?", (report_id,)).fetchone()
    if row is None:
        return None
    rep = ExtractionResult.from_json(json.loads(row[1])).report
    ids = dict(conn.execute("SELECT idx, id FROM exceptions WHERE report_id = ?", (report_id,)).fetchall())
    cuec_rows = {idx: (cid, own) for idx, cid, own in conn.execute(
        "SELECT idx, id, own_control_id FROM cuecs WHERE report_id = ?", (report_id,))}
    subservice: dict[str, tuple[str, str | None]] = {}
    for s in rep.subservice_organizations:
        subservice.setdefault(normalize_name(s.name) or s.name.lower(), (s.name, s.method))
    return HistoryReport(
        id=report_id, file_name=row[0], framework=rep.framework, type=rep.type, period_start=rep.period_start,
        period_end=rep.period_end, as_of=rep.as_of, report_date=rep.report_date, auditor=rep.service_auditor,
        opinion=rep.opinion, system=rep.system, categories=list(rep.categories), criteria=list(rep.criteria),
        subservice=subservice,
        exceptions=[HistoryException(ids.get(i), i, e.control_id, e.description, list(e.criteria))
                    for i, e in enumerate(rep.exceptions)],
        cuecs=[HistoryCuec(cuec_rows.get(i, (None, None))[0], c.text, cuec_rows.get(i, (None, None))[1])
               for i, c in enumerate(rep.cuecs)],
    )


def vendor_history(conn: Any, vendor_id: int) -> VendorHistory | None:
    row = conn.execute("SELECT name FROM vendors WHERE id = ?", (vendor_id,)).fetchone()
    if row is None:
        return None
    ids = [rid for (rid,) in conn.execute(
        "SELECT id FROM reports WHERE vendor_id = ? AND document_type = 'soc_report'", (vendor_id,))]
    reports = sorted((r for r in (report_facts(conn, rid) for rid in ids) if r is not None), key=order_key)
    return VendorHistory(vendor_id, row[0], reports, history_pairs(reports))


def previous_report(conn: Any, report_id: int) -> tuple[HistoryReport, HistoryReport] | None:
    """(the vendor's previous report of the same framework, this report), or None when there is none."""
    row = conn.execute("SELECT vendor_id FROM reports WHERE id = ? AND document_type = 'soc_report'",
                       (report_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    history = vendor_history(conn, row[0])
    if history is None:
        return None
    for pair in history.pairs:
        if pair.new.id == report_id:
            return pair.old, pair.new
    return None


def find_vendor(conn: Any, text: str) -> list[tuple[int, str]]:
    """Vendors that `text` names: an id, the exact or normalised name, else the names containing it."""
    vendors = conn.execute("SELECT id, name, normalized_name FROM vendors ORDER BY name").fetchall()
    text = text.strip()
    if text.isdigit():
        hit = [(vid, name) for vid, name, _ in vendors if vid == int(text)]
        if hit:
            return hit
    exact = [(vid, name) for vid, name, _ in vendors if name.lower() == text.lower()]
    if exact:
        return exact
    key = normalize_name(text)
    same = [(vid, name) for vid, name, norm in vendors if key and norm == key]
    if same:
        return same
    return [(vid, name) for vid, name, norm in vendors if key and (key in norm or text.lower() in name.lower())]
