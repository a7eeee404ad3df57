"""The history and signals sheets of the XLSX export: one row per consecutive pair of a vendor's reports, and one
row per trust signal (the same facts `reviewer history --json` and `reviewer signals --json` give)."""

from __future__ import annotations

from typing import Any

from reviewer.register.history import vendor_history
from reviewer.register.signals import Signal, all_signals, ensure_fingerprints

HISTORY_COLUMNS: tuple[str, ...] = (
    "vendor", "framework", "from_file", "to_file", "period_gap_days", "auditor_from", "auditor_to",
    "auditor_changed", "opinion_from", "opinion_to", "categories_added", "categories_removed", "criteria_added",
    "criteria_removed", "system_renamed_from", "system_renamed_to", "subservice_added", "subservice_removed",
    "subservice_method_changes", "exceptions_new", "exceptions_repeated", "exceptions_resolved", "cuecs_added",
    "cuecs_removed", "new_cuecs_not_mapped",
)
SIGNAL_COLUMNS: tuple[str, ...] = ("severity", "kind", "files", "vendors", "score", "detail")


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


def sheets(conn: Any) -> list[tuple[str, tuple[str, ...], list[list[Any]]]]:
    """The XLSX export's "History" and "Signals" sheets: (title, header, rows)."""
    ensure_fingerprints(conn)
    return [("History", HISTORY_COLUMNS, history_rows(conn)),
            ("Signals", SIGNAL_COLUMNS, signal_rows(all_signals(conn)))]
