"""The history and signals sheets of the XLSX export: one row per consecutive pair of a vendor's reports, and one
row per trust signal (the same facts `reviewer history --json` and `reviewer signals --json` give)."""

from __future__ import annotations

from typing import Any

from reviewer.register.export_tables import Table, table
from reviewer.register.history import vendor_history
from reviewer.register.signals import Signal, all_signals, ensure_fingerprints

# (column, human header)
HISTORY_HEADERS: tuple[tuple[str, str], ...] = (
    ("vendor", "Vendor"), ("framework", "Framework"), ("from_file", "From report"), ("to_file", "To report"),
    ("period_gap_days", "Days between periods"), ("auditor_from", "Auditor before"), ("auditor_to", "Auditor after"),
    ("auditor_changed", "Auditor changed"), ("opinion_from", "Opinion before"), ("opinion_to", "Opinion after"),
    ("categories_added", "Categories added"), ("categories_removed", "Categories removed"),
    ("criteria_added", "Criteria added"), ("criteria_removed", "Criteria removed"),
    ("system_renamed_from", "System renamed from"), ("system_renamed_to", "System renamed to"),
    ("subservice_added", "Subservice organizations added"), ("subservice_removed", "Subservice organizations removed"),
    ("subservice_method_changes", "Subservice method changes"), ("exceptions_new", "New exceptions"),
    ("exceptions_repeated", "Repeated exceptions"), ("exceptions_resolved", "Resolved exceptions"),
    ("cuecs_added", "CUECs added"), ("cuecs_removed", "CUECs removed"),
    ("new_cuecs_not_mapped", "New CUECs not mapped"),
)
SIGNAL_HEADERS: tuple[tuple[str, str], ...] = (
    ("severity", "Severity"), ("kind", "Kind"), ("files", "Files"), ("vendors", "Vendors"), ("score", "Score"),
    ("detail", "Detail"),
)
HISTORY_COLUMNS: tuple[str, ...] = tuple(c for c, _ in HISTORY_HEADERS)
SIGNAL_COLUMNS: tuple[str, ...] = tuple(c for c, _ in SIGNAL_HEADERS)


def _join(values: list[Any]) -> str:
    return "; ".join(str(v) for v in values)


def history_rows(conn: Any) -> list[list[Any]]:
    rows = []
    for (vendor_id,) in conn.execute("SELECT id FROM vendors ORDER BY name COLLATE NOCASE"):
        history = vendor_history(conn, vendor_id)
        if history is None:
            continue
        for pair in history.pairs:
            p = pair.to_json()
            renamed = p["system_renamed"] or [None, None]
            rows.append([
                history.vendor, p["framework"], p["from"], p["to"], p["period_gap_days"], p["auditor"][0],
                p["auditor"][1], "yes" if p["auditor_changed"] else "no", p["opinion"][0], p["opinion"][1],
                _join(p["categories_added"]), _join(p["categories_removed"]), _join(p["criteria_added"]),
                _join(p["criteria_removed"]), renamed[0], renamed[1], _join(p["subservice_added"]),
                _join(p["subservice_removed"]),
                _join([f"{m['name']}: {m['from']} -> {m['to']}" for m in p["subservice_method_changed"]]),
                _join(p["exceptions_new"]), _join(p["exceptions_repeated"]), _join(p["exceptions_resolved"]),
                p["cuecs_added"], p["cuecs_removed"], len(p["cuecs_unmapped"]),
            ])
    return rows


def signal_rows(signals: list[Signal]) -> list[list[Any]]:
    return [[s.severity, s.kind, _join(s.file_names), _join([v or "vendor unknown" for v in s.vendors]),
             s.score, s.detail] for s in signals]


def sheets(conn: Any) -> list[Table]:
    """The XLSX export's "History" and "Signals" sheets."""
    ensure_fingerprints(conn)
    return [table("History", "history", HISTORY_HEADERS, history_rows(conn)),
            table("Signals", "signals", SIGNAL_HEADERS, signal_rows(all_signals(conn)))]
