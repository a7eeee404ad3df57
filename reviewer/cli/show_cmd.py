"""`reviewer show REPORT [--json]`: one report as the register holds it now (see shared/spec/cli.md).

Every value with its evidence and confidence, and any reviewer correction on top (the corrected value, who, when,
the original as read). REPORT is a report id, or a file name (or its start) when only one report matches.
JSON: one object with the report's identity, `fields` (each scalar: value, evidence, confidence, correction),
`report` (the corrected report: list items with key, page, box, confidence and correction), `evidence`,
`warnings`, `corrections` (all active ones), `to_check` and `disagreements`. Exit 2 if no such report.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from reviewer.cli import EXIT_OK, register_cmds
from reviewer.cli.register_cmds import CommandError, _open
from reviewer.register import Register
from reviewer.register.corrections import LISTS, SCALARS, Correction, scalar_json, show, target_label


def run(args: argparse.Namespace) -> int:
    return register_cmds.run(args, _show)


def _show(args: argparse.Namespace) -> int:
    with _open(args, create=False) as reg:
        report_id = find_report(reg, args.report)
        data = show_json(reg, report_id)
        print(json.dumps(data, ensure_ascii=False, indent=1) if args.json else readable(data))
    return EXIT_OK


def find_report(reg: Register, given: str) -> int:
    """The id of the report `given` names: its id, its file name, or the start of one file name."""
    reports = reg.reports.rows(order_by="id", limit=None)
    if given.isdigit() and any(r.id == int(given) for r in reports):
        return int(given)
    exact = [r.id for r in reports if r.file_name == given]
    rows = exact or [r.id for r in reports if r.file_name.lower().startswith(given.lower())]
    if len(rows) == 1:
        return int(rows[0])
    if not rows:
        raise CommandError(f"no report {given!r} in the register; 'reviewer list' shows their ids")
    raise CommandError(f"{len(rows)} reports match {given!r}; give its id ('reviewer list' shows them)")


def _correction_json(corr: Correction) -> dict[str, Any]:
    return {"id": corr.id, "target": corr.target, "kind": corr.kind, "label": corr.label, "value": corr.value,
            "original": corr.original, "who": corr.who, "at": corr.at, "reason": corr.reason}


def show_json(reg: Register, report_id: int) -> dict[str, Any]:
    stored = reg.reports.get(report_id)
    eff = reg.corrections.corrected(report_id)
    result = eff.result
    corrections = reg.corrections.all(report_id)
    latest = {c.target: c for c in corrections if c.kind in ("set", "add", "remove")}
    confirmed = {c.target for c in corrections if c.kind == "confirm"}
    data = result.to_storage()
    fields = {}
    for name in SCALARS:
        ev = result.evidence.get(name)
        entry: dict[str, Any] = {"value": scalar_json(result, name), "evidence": ev.to_json() if ev else None,
                                 "confidence": ev.confidence if ev else "high"}
        if ev is not None and ev.confidence == "low" and ev.confidence_reason:
            entry["confidence_reason"] = ev.confidence_reason
        if name in latest:
            entry["correction"] = _correction_json(latest[name])
        entry["confirmed"] = name in confirmed or name in latest
        fields[name] = entry
    for name in LISTS:
        for item, key in zip(data["report"][name], eff.keys[name], strict=True):
            target = f"{name}/{key}"
            item["key"] = key
            item.setdefault("confidence", "high")
            if target in latest:
                item["correction"] = _correction_json(latest[target])
            item["confirmed"] = target in confirmed or target in latest
    review = reg.reviews.get(report_id)
    return {
        "id": stored.id, "file_name": stored.file_name, "vendor": stored.vendor, "sha256": stored.sha256,
        "imported_at": stored.imported_at, "document_type": result.document_type, "file": data["file"],
        "fields": fields, "report": data["report"], "evidence": data["evidence"], "warnings": data["warnings"],
        "corrections": [_correction_json(c) for c in corrections],
        "removed": [_correction_json(c) for c in corrections if c.kind == "remove"],
        "to_check": [{"target": u.target, "label": u.label, "reason": u.reason}
                     for u in reg.corrections.to_check(report_id)],
        "disagreements": [{"target": d.correction.target, "reading": d.reading, "text": d.text}
                          for d in reg.corrections.disagreements(report_id)],
        "review": {"status": review.status, "reviewer": review.reviewer, "signed_off_by": review.signed_off_by,
                   "signed_off_at": review.signed_off_at},
    }


def _marks(entry: dict[str, Any]) -> str:
    out = []
    corr = entry.get("correction")
    if corr:
        out.append(f"[corrected by {corr['who']} at {corr['at']}; read as {show(corr['original'], corr['target'])}]")
    elif entry.get("confidence") == "low":
        out.append(f"[low confidence: {entry.get('confidence_reason') or 'the reader was unsure'}"
                   + ("; confirmed]" if entry.get("confirmed") else "]"))
    return (" " + " ".join(out)) if out else ""


def readable(data: dict[str, Any]) -> str:
    lines = [f"Report {data['id']}: {data['file_name']} ({data['vendor'] or 'vendor unknown'})"]
    for name, entry in data["fields"].items():
        if entry["value"] in (None, []) and "correction" not in entry:
            continue
        ev = entry["evidence"]
        where = f" (p. {ev['page']})" if ev else ""
        lines.append(f"  {target_label(name)}: {show(entry['value'])}{where}{_marks(entry)}")
    for name in LISTS:
        items = data["report"][name]
        if not items:
            continue
        lines.append(f"{target_label(name + '/')}s ({len(items)}):")
        for item in items:
            page = f" (p. {item['page']})" if item.get("page") else ""
            lines.append(f"  - {show(item, name + '/')[:100]}{page}{_marks(item)}")
    for removed in data["removed"]:
        lines.append(f"Removed by {removed['who']} at {removed['at']}: {removed['label']}")
    if data["to_check"]:
        lines.append(f"{len(data['to_check'])} low-confidence value(s) left to check:")
        lines += [f"  - {u['label']}: {u['reason']}" for u in data["to_check"]]
    lines += [f"Disagreement: {d['text']}" for d in data["disagreements"]]
    return "\n".join(lines)
