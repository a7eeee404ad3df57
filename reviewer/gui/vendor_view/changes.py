"""The rows of the vendor view's changes tree: one consecutive pair of reports as (aspect, change, flag) lines.

Pure functions over `ReportChange` (register/history.py), so that the wording is tested without a display.
"""

from __future__ import annotations

from typing import Any


def _names(values: list[str]) -> str:
    return ", ".join(values) if values else "none"


def gap_text(days: int | None) -> str:
    if days is None:
        return "unknown (a period date was not read)"
    if days == 0:
        return "continuous: the new period starts the day after the last one ended"
    if days > 0:
        return f"a gap of {days} day{'s' if days != 1 else ''} not covered by either report"
    return f"the periods overlap by {-days} day{'s' if days != -1 else ''}"


def pair_title(change: Any) -> str:
    return f"{change.old.file_name}  \u2192  {change.new.file_name}  ({change.new.framework or 'framework unknown'})"


def change_rows(change: Any) -> list[tuple[str, str, bool]]:
    """(aspect, what changed, worth a look) for one pair, in reading order."""
    rows: list[tuple[str, str, bool]] = []
    gap = change.period_gap_days
    rows.append(("Period", gap_text(gap), gap is not None and gap > 0))
    if change.auditor_changed:
        rows.append(("Auditor", f"changed: {change.old.auditor} \u2192 {change.new.auditor}", True))
    else:
        rows.append(("Auditor", f"unchanged ({change.new.auditor or 'not read'})", False))
    old_op, new_op = change.opinion
    rows.append(("Opinion", f"{old_op or 'not read'} \u2192 {new_op or 'not read'}" if old_op != new_op
                 else f"unchanged ({new_op or 'not read'})", old_op != new_op))
    if change.system_renamed:
        rows.append(("System", f"renamed: {change.system_renamed[0]} \u2192 {change.system_renamed[1]}", True))
    for label, added, removed in (("Categories", change.categories_added, change.categories_removed),
                                  ("Criteria", change.criteria_added, change.criteria_removed),
                                  ("Subservice organizations", change.subservice_added, change.subservice_removed)):
        if added or removed:
            rows.append((label, f"added {_names(added)}; removed {_names(removed)}", bool(removed)))
    for name, old, new in change.subservice_method_changed:
        rows.append(("Subservice method", f"{name}: {old or 'not stated'} \u2192 {new or 'not stated'}", True))
    repeated = [m.new.label + (f" (was {m.old.label}, matched by wording)" if m.by == "wording" else "")
                for m in change.exceptions_repeated]
    rows.append(("Exceptions new", _names([e.label for e in change.exceptions_new]), bool(change.exceptions_new)))
    rows.append(("Exceptions repeated", _names(repeated), bool(repeated)))
    rows.append(("Exceptions resolved", _names([e.label for e in change.exceptions_resolved]), False))
    unmapped = change.cuecs_unmapped
    rows.append(("CUECs", f"{len(change.cuecs_added)} added, {len(change.cuecs_removed)} removed, "
                          f"{len(change.cuecs_kept)} kept", False))
    for cuec in unmapped:
        rows.append(("New CUEC not mapped", cuec.text, True))
    return rows
