"""Trust signals across the register: what no single report shows. Near copies of different vendors' reports,
implausible timelines, and auditors not on the user's accepted list.

- `near_duplicate`: two SOC reports of different vendors whose description and tests sections are near copies
  (fingerprints.py). Reports are bucketed by bands of their sketches (locality-sensitive hashing: a band is two
  description bins and two tests bins, so a shared template description alone does not make a candidate), and
  only candidates are compared, so the work grows with the number of reports, not with its square. A pair is
  flagged when every part both reports have scores at least PART_MATCH and their weighted mean at least
  PAIR_MATCH (ONE_PART_MATCH when they share one part only).
- `timeline`: a report dated before its period (or as-of date) ends; a Type 2 dated within two weeks of its
  period's end; a Type 2 period shorter than six months (a notice), or three months or less (a warning).
- `auditor`: a report signed by a firm not on the accepted list (firms.py; nothing is flagged while the list is
  empty: the user has not said which firms they accept).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from reviewer.extract.pipeline import cyclic_gc_paused
from reviewer.register import firms
from reviewer.register.connection import transaction
from reviewer.register.fingerprints import (
    MIN_SHINGLES,
    PARTS,
    VERSION,
    Fingerprint,
    load_fingerprints,
    raw,
    similarity,
    store_fingerprint,
)
from reviewer.register.vendors import normalize_name

PART_MATCH = 0.8
PAIR_MATCH = 0.85
ONE_PART_MATCH = 0.9
BANDS = 16
EMPTY_RAW = b"\xff" * 8  # an empty bin (all ones, in any byte order)
ISSUED_TOO_SOON_DAYS = 14


@dataclass
class Signal:
    kind: str  # "near_duplicate" | "timeline" | "auditor"
    severity: str  # "warning" | "notice"
    report_ids: list[int]
    file_names: list[str]
    vendors: list[str | None]
    detail: str
    score: float | None = None
    parts: dict[str, float] = field(default_factory=dict)  # near duplicates: each part's similarity

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "file_names": self.file_names, "vendors": self.vendors, "detail": self.detail,
                "score": self.score, "severity": self.severity, "report_ids": self.report_ids, "parts": self.parts}


@dataclass
class ReportMeta:
    id: int
    file_name: str
    vendor_id: int | None
    vendor: str | None
    framework: str | None
    type: str | None
    period_start: date | None
    period_end: date | None
    as_of: date | None
    report_date: date | None
    auditor: str | None
    organization: str | None = None  # the service organization's name as the report gives it


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def report_metas(conn: Any) -> dict[int, ReportMeta]:
    rows = conn.execute(
        "SELECT r.id, r.file_name, r.vendor_id, v.name, r.framework, r.type, r.period_start, r.period_end, r.as_of, "
        "r.report_date, r.service_auditor, r.service_organization FROM reports r "
        "LEFT JOIN vendors v ON v.id = r.vendor_id "
        "WHERE r.document_type = 'soc_report' ORDER BY r.id")
    return {r[0]: ReportMeta(r[0], r[1], r[2], r[3], r[4], r[5], _day(r[6]), _day(r[7]), _day(r[8]), _day(r[9]),
                             r[10], r[11]) for r in rows}


# -- near duplicates -------------------------------------------------------------------------------------------
def _usable(fp: Fingerprint) -> tuple[str, ...]:
    return tuple(p for p in PARTS if fp.part(p)[1] >= MIN_SHINGLES)


def _band_keys(fp: Fingerprint, parts: tuple[str, ...]) -> list[bytes | None]:
    """The fingerprint's BANDS bands as bytes (None for a band with an empty bin). Read from the sketches' bytes:
    no int objects for the 128 hashes of each of 10,000 reports."""
    if len(parts) == 2:
        d, t = raw(fp.description), raw(fp.tests)
        careful = EMPTY_RAW in d or EMPTY_RAW in t  # rare for a part of MIN_SHINGLES or more
        keys: list[bytes | None] = []
        for i in range(0, 16 * BANDS, 16):
            dc, tc = d[i:i + 16], t[i:i + 16]
            keys.append(None if careful and EMPTY_RAW in (dc[:8], dc[8:], tc[:8], tc[8:]) else dc + tc)
        return keys
    sig = raw(fp.part(parts[0])[0])
    careful = EMPTY_RAW in sig
    return [None if careful and EMPTY_RAW in (c[:8], c[8:16], c[16:24], c[24:]) else c
            for c in (sig[i:i + 32] for i in range(0, 32 * BANDS, 32))]


def candidate_pairs(fps: list[Fingerprint]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of fingerprints sharing at least one band, among those with the same usable parts."""
    combos = {PARTS: 0, (PARTS[0],): 1, (PARTS[1],): 2}
    # per band: the first fingerprint in each bucket (most buckets hold one: no list for them), and the others
    first: list[dict[bytes, int]] = [{} for _ in range(3 * BANDS)]
    more: list[dict[bytes, list[int]]] = [{} for _ in range(3 * BANDS)]
    # bucketing makes many small objects and no cycles; a collection would walk every fingerprint again
    # (10,000 reports: bucketing took 0.94 s with the collector running)
    with cyclic_gc_paused():
        for i, fp in enumerate(fps):
            parts = _usable(fp)
            if not parts:
                continue
            base = combos[parts] * BANDS
            for band, key in enumerate(_band_keys(fp, parts), start=base):
                if key is not None and first[band].setdefault(key, i) != i:
                    more[band].setdefault(key, []).append(i)
        pairs: set[tuple[int, int]] = set()
        for band, buckets in enumerate(more):
            for key, rest in buckets.items():
                members = [first[band][key], *rest]
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        pairs.add((members[x], members[y]))
    return pairs


def compare(a: Fingerprint, b: Fingerprint) -> tuple[float, dict[str, float]] | None:
    """(score, part -> similarity) when the two reports are near copies, else None."""
    shared = [p for p in PARTS if a.part(p)[1] >= MIN_SHINGLES and b.part(p)[1] >= MIN_SHINGLES]
    if not shared:
        return None
    scores = {p: similarity(a.part(p)[0], b.part(p)[0]) for p in shared}
    weights = {p: min(a.part(p)[1], b.part(p)[1]) for p in shared}
    score = sum(scores[p] * weights[p] for p in shared) / sum(weights.values())
    needed = ONE_PART_MATCH if len(shared) == 1 else PAIR_MATCH
    if score < needed or min(scores.values()) < PART_MATCH:
        return None
    return score, scores


def near_duplicates(fps: list[Fingerprint], metas: dict[int, ReportMeta]) -> list[Signal]:
    fps = [fp for fp in fps if fp.report_id in metas]
    out = []
    for i, j in sorted(candidate_pairs(fps)):
        a, b = metas[fps[i].report_id], metas[fps[j].report_id]
        if a.vendor_id == b.vendor_id and a.vendor_id is not None and \
                normalize_name(a.organization or "") == normalize_name(b.organization or ""):
            continue  # the same vendor's reports resemble each other year after year
        found = compare(fps[i], fps[j])
        if found is None:
            continue
        score, parts = found
        matching = [f"{p} {s:.0%}" for p, s in parts.items()]
        out.append(Signal(
            "near_duplicate", "warning", [a.id, b.id], [a.file_name, b.file_name], [a.vendor, b.vendor],
            f"{a.vendor or 'vendor unknown'} and {b.vendor or 'vendor unknown'}: reports of different vendors are "
            f"near copies ({', '.join(matching)} the same wording, names aside)", round(score, 3),
            {p: round(s, 3) for p, s in parts.items()}))
    out.sort(key=lambda s: -(s.score or 0))
    return out


# -- timelines -------------------------------------------------------------------------------------------------
def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def timeline_signals(meta: ReportMeta) -> list[Signal]:
    out: list[Signal] = []

    def flag(severity: str, detail: str) -> None:
        out.append(Signal("timeline", severity, [meta.id], [meta.file_name], [meta.vendor], detail))

    end = meta.period_end or meta.as_of
    if meta.report_date and end and meta.report_date < end:
        flag("warning", f"report dated {meta.report_date.isoformat()}, before its period "
                        f"{'ends' if meta.period_end else 'date'} {end.isoformat()}: the auditor signed before "
                        "there was anything to test")
    period_end, start, issued = meta.period_end, meta.period_start, meta.report_date
    if meta.type != "Type 2" or period_end is None:
        return out
    if issued and period_end <= issued <= period_end + timedelta(days=ISSUED_TOO_SOON_DAYS):
        days = (issued - period_end).days
        flag("warning", f"Type 2 report issued {days} day{'s' if days != 1 else ''} after its period ended "
                        f"({period_end.isoformat()}): testing a period's controls takes longer")
    if start and start <= period_end:
        days = (period_end - start).days + 1
        if period_end < add_months(start, 3):
            flag("warning", f"Type 2 period of {days} days ({start.isoformat()} to {period_end.isoformat()}): "
                            "three months or less of operating effectiveness")
        elif period_end < add_months(start, 6) - timedelta(days=1):
            flag("notice", f"Type 2 period of {days} days ({start.isoformat()} to {period_end.isoformat()}): "
                           "shorter than six months")
    return out


# -- auditors --------------------------------------------------------------------------------------------------
def auditor_signals(metas: dict[int, ReportMeta], accepted: set[str]) -> list[Signal]:
    if not accepted:
        return []
    out = []
    for meta in metas.values():
        key = firms.firm_key(meta.auditor)
        if key and key not in accepted:
            out.append(Signal("auditor", "notice", [meta.id], [meta.file_name], [meta.vendor],
                              f"signed by {meta.auditor}, a firm not on your accepted list"))
    return out


def ensure_fingerprints(conn: Any) -> int:
    """Fingerprint the SOC reports that have none (or an older recipe's); returns how many were computed."""
    missing = conn.execute(
        "SELECT r.id, r.service_organization, r.system, r.service_auditor, v.name FROM reports r "
        "LEFT JOIN vendors v ON v.id = r.vendor_id LEFT JOIN report_fingerprints f ON f.report_id = r.id "
        "WHERE r.document_type = 'soc_report' AND (f.report_id IS NULL OR f.version != ?)", (VERSION,),
    ).fetchall()
    if not missing:
        return 0
    with transaction(conn):
        for report_id, org, system, auditor, vendor in missing:
            texts = [t for (t,) in conn.execute(
                "SELECT p.text FROM page_keys k JOIN page_text p ON p.rowid = k.id WHERE k.report_id = ? "
                "ORDER BY k.page", (report_id,))]
            store_fingerprint(conn, report_id, texts, [org, system, auditor, vendor])
    return len(missing)


def all_signals(conn: Any) -> list[Signal]:
    """Every signal, near duplicates first (best score first), then timelines and auditors by file name."""
    with cyclic_gc_paused():
        metas = report_metas(conn)
        signals = near_duplicates(load_fingerprints(conn), metas)
        others: list[Signal] = []
        for meta in metas.values():
            others.extend(timeline_signals(meta))
        others.extend(auditor_signals(metas, firms.accepted_keys(conn)))
    others.sort(key=lambda s: (s.kind != "timeline", s.severity != "warning", s.file_names[0].lower()))
    return signals + others
