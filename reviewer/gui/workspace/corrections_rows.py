"""The rows of the Check tab: every value and item of a report as corrected, with its status (to check, confirmed,
corrected, added, removed), read from the register. No widgets here: `check_rows(register, report_id)`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer.gui.workspace.corrections_marks import CORRECTED, UNSURE, correction_tooltip
from reviewer.register.corrections import LISTS, SCALARS, scalar_json, show, target_label

if TYPE_CHECKING:
    from reviewer.register import Register

SHORT_LABELS = {"exceptions": "Exception", "cuecs": "CUEC", "subservice_organizations": "Subservice org.",
                "csocs": "CSOC", "control_objectives": "Objective"}
DOCUMENT_TYPES = {"soc_report": "SOC report", "bridge_letter": "Bridge letter", "other": "Other document"}


@dataclass
class CheckRow:
    target: str
    what: str
    value: str
    status: str
    tooltip: str
    page: int | None
    bbox: Any
    to_check: bool
    corrected: bool
    current: Any  # the JSON value or item dict, for the correction dialog
    removed: bool = False


def _row(target: str, what: str, value: str, page: int | None, bbox: Any, current: Any, corr: Any,
         unsure: Any) -> CheckRow:
    status, tip = "", ""
    if corr is not None and corr.kind in ("set", "add"):
        status = f"{CORRECTED} corrected" if corr.kind == "set" else f"{CORRECTED} added by reviewer"
        tip = correction_tooltip(corr)
    elif corr is not None and corr.kind == "confirm":
        status, tip = "\u2713 confirmed", correction_tooltip(corr)
    elif unsure is not None:
        status, tip = f"{UNSURE} to check: {unsure.reason}", f"Low confidence: {unsure.reason}"
    return CheckRow(target, what, value, status, tip, page, bbox, unsure is not None and corr is None,
                    corr is not None and corr.kind in ("set", "add"), current)


def check_rows(register: Register, report_id: int) -> list[CheckRow]:
    """Scalars first (those with a value, a correction or a doubt), then each list's items, then removed items
    (listed so that a removal can be taken back in a later session)."""
    eff = register.corrections.corrected(report_id)
    corrections = register.corrections.all(report_id)
    unsure = {u.target: u for u in register.corrections.to_check(report_id)}
    latest = {c.target: c for c in corrections}
    rows: list[CheckRow] = []
    result = eff.result
    for name in SCALARS:
        value = scalar_json(result, name)
        ev = result.evidence.get(name)
        shown = DOCUMENT_TYPES.get(value, value) if name == "document_type" else value
        if value in (None, []) and name not in latest and name not in unsure:
            continue
        rows.append(_row(name, target_label(name), show(shown), ev.page if ev else None, ev.bbox if ev else None,
                         value, latest.get(name), unsure.get(name)))
    stored = result.to_storage()["report"]
    for name in LISTS:
        for number, (obj, key) in enumerate(zip(stored[name], eff.keys[name], strict=True), start=1):
            target = f"{name}/{key}"
            what = f"{SHORT_LABELS[name]} {obj.get('control_id') or obj.get('id') or number}"
            rows.append(_row(target, what, show(obj, target), obj.get("page"), obj.get("bbox"), obj,
                             latest.get(target), unsure.get(target)))
    for corr in corrections:
        if corr.kind == "remove" and latest.get(corr.target) is corr and isinstance(corr.original, dict):
            name = corr.list_name or ""
            rows.append(CheckRow(corr.target, f"{SHORT_LABELS.get(name, name)} (removed)",
                                 show(corr.original, corr.target), f"\u2715 removed by {corr.who}",
                                 correction_tooltip(corr), corr.original.get("page"), corr.original.get("bbox"),
                                 False, True, corr.original, removed=True))
    return rows
