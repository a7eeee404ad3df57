"""Read-side queries across vendors: currency per vendor, SOC 1 coverage, vendors, subservice (fourth parties).

The rules themselves are pure (`currency.py`, `coverage.py`); this module only fetches their inputs.
Which report counts for a vendor's currency: its SOC report (any framework) with the latest period end
(a Type 1's as-of date); the bridge letter is the linked letter reaching furthest.
"""

from __future__ import annotations

from datetime import date

from reviewer.register.coverage import Soc1Coverage, fiscal_coverage
from reviewer.register.currency import SEVERITY, CurrencyThresholds, VendorCurrency, judge_currency
from reviewer.register.dbapi import Connection
from reviewer.register.records import FourthPartyGap, SubserviceRecord, VendorRecord
from reviewer.register.reports import day
from reviewer.register.vendors import normalize_name


def _latest_letters(conn: Connection) -> dict[int, tuple[int, str | None, str | None]]:
    """bridged report id -> (letter id, letter's bridge_period_end, letter's stated period end)."""
    rows = conn.execute(
        "SELECT bridges_report_id, id, max(bridge_period_end), period_end FROM reports "
        "WHERE document_type = 'bridge_letter' AND bridges_report_id IS NOT NULL GROUP BY bridges_report_id"
    )
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def currency_rows(conn: Connection, as_of: date, thresholds: CurrencyThresholds) -> list[VendorCurrency]:
    """One row per vendor, by vendor name. A vendor whose SOC reports have no period end (or who has none) gets
    status None and a reason."""
    # SQLite: with max(), the bare columns come from the row holding the maximum
    latest = {
        r[0]: r for r in conn.execute(
            "SELECT vendor_id, id, framework, type, max(effective_period_end) FROM reports "
            "WHERE document_type = 'soc_report' AND vendor_id IS NOT NULL AND effective_period_end IS NOT NULL "
            "GROUP BY vendor_id"
        )
    }
    letters = _latest_letters(conn)
    out = []
    for vendor_id, name in conn.execute("SELECT id, name FROM vendors ORDER BY name COLLATE NOCASE, id"):
        row = latest.get(vendor_id)
        if row is None:
            any_report = conn.execute(
                "SELECT id, framework, type FROM reports WHERE vendor_id = ? AND document_type = 'soc_report' "
                "ORDER BY id DESC LIMIT 1", (vendor_id,),
            ).fetchone()
            if any_report is None and not conn.execute(
                    "SELECT 1 FROM reports WHERE vendor_id = ?", (vendor_id,)).fetchone():
                continue  # a vendor without any document (left over): nothing to judge
            out.append(VendorCurrency(
                vendor_id, name, any_report[0] if any_report else None, any_report[1] if any_report else None,
                any_report[2] if any_report else None, None, None, None, None, None,
                "the period end of its SOC report could not be read" if any_report else "no SOC report on file",
            ))
            continue
        _, report_id, framework, rtype, pe_text = row
        period_end = day(pe_text)
        assert period_end is not None  # the query keeps only reports with a period end
        letter = letters.get(report_id)
        letter_id, bridge_end, bridge_start = (letter[0], day(letter[1]), day(letter[2])) if letter else (
            None, None, None)
        judgement = judge_currency(period_end, as_of, bridge_period_end=bridge_end, bridge_starts=bridge_start,
                                   thresholds=thresholds)
        out.append(VendorCurrency(
            vendor_id=vendor_id, vendor=name, latest_report_id=report_id, framework=framework, type=rtype,
            period_end=period_end, bridge_letter_id=letter_id, bridge_period_end=bridge_end,
            status=judgement.status, next_report_expected=judgement.next_report_expected, reason=judgement.reason,
            status_label=judgement.label(period_end, bridge_end), severity=SEVERITY[judgement.status],
            lapsed_on=judgement.lapsed_on,
        ))
    return out


def soc1_coverage(conn: Connection, fiscal_year_end: date) -> list[Soc1Coverage]:
    """Per vendor with SOC 1 reports: the report covering most of the fiscal year (ties: the later one)."""
    letters = _latest_letters(conn)
    best: dict[int, Soc1Coverage] = {}
    for rid, vendor_id, vendor, start, end, as_of in conn.execute(
        "SELECT r.id, r.vendor_id, v.name, r.period_start, r.period_end, r.as_of FROM reports r "
        "LEFT JOIN vendors v ON v.id = r.vendor_id WHERE r.document_type = 'soc_report' AND r.framework = 'SOC 1' "
        "ORDER BY r.effective_period_end, r.id"
    ):
        period_end = day(end) or day(as_of)
        point_in_time = day(as_of) if as_of and not end else None  # a Type 1: its as-of date, no period
        period_start = day(start) or point_in_time
        if period_end is None or period_start is None:
            continue
        letter = letters.get(rid)
        cover = fiscal_coverage(period_start, period_end, fiscal_year_end,
                                bridge_period_end=day(letter[1]) if letter else None, report_id=rid, vendor=vendor,
                                as_of=point_in_time)
        key = vendor_id if vendor_id is not None else -rid
        if key not in best or cover.overlap_days >= best[key].overlap_days:
            best[key] = cover
    return sorted(best.values(), key=lambda c: ((c.vendor or "").lower(), c.report_id or 0))


def vendor_list(conn: Connection) -> list[VendorRecord]:
    rows = conn.execute(
        "SELECT v.id, v.name, count(r.id), max(CASE WHEN r.document_type = 'soc_report' "
        "THEN r.effective_period_end END) FROM vendors v LEFT JOIN reports r ON r.vendor_id = v.id "
        "GROUP BY v.id ORDER BY v.name COLLATE NOCASE"
    )
    return [VendorRecord(r[0], r[1], r[2], day(r[3])) for r in rows]


def _vendors_with_reports(conn: Connection) -> set[int]:
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT vendor_id FROM reports WHERE document_type = 'soc_report' AND vendor_id IS NOT NULL")}


def subservice(conn: Connection, report_id: int) -> list[SubserviceRecord]:
    with_reports = _vendors_with_reports(conn)
    return [
        SubserviceRecord(r[0], r[1], r[2], r[3], r[4], r[4] in with_reports)
        for r in conn.execute(
            "SELECT id, name, services, method, linked_vendor_id FROM subservice WHERE report_id = ? ORDER BY idx",
            (report_id,),
        )
    ]


def fourth_parties_missing(conn: Connection) -> list[FourthPartyGap]:
    """Carved-out subservice organizations (method carve-out, or not stated) with no SOC report on file."""
    with_reports = _vendors_with_reports(conn)
    gaps: dict[str, FourthPartyGap] = {}
    for name, linked, report_id, vendor in conn.execute(
        "SELECT s.name, s.linked_vendor_id, s.report_id, v.name FROM subservice s JOIN reports r ON r.id = s.report_id "
        "LEFT JOIN vendors v ON v.id = r.vendor_id WHERE s.method IS NULL OR s.method = 'carve-out' "
        "ORDER BY s.name COLLATE NOCASE"
    ):
        if linked is not None and linked in with_reports:
            continue
        gap = gaps.setdefault(normalize_name(name) or name, FourthPartyGap(name, linked, [], []))
        if vendor and vendor not in gap.used_by:
            gap.used_by.append(vendor)
        if report_id not in gap.report_ids:
            gap.report_ids.append(report_id)
    return list(gaps.values())
