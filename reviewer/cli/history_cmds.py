"""`reviewer history VENDOR`, `reviewer signals` and `reviewer firms` (docs/cli.md).

`history` prints a vendor's SOC reports oldest first and what changed between each consecutive pair of the same
framework; `signals` prints the trust signals across the register; `firms` shows or changes the accepted audit
firms that `signals` checks auditors against (the desktop app's Settings edit the same list).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from reviewer.cli import EXIT_OK
from reviewer.cli.register_cmds import CommandError, _demo, _open, format_table
from reviewer.cli.register_cmds import run as run_register_command


def run(args: argparse.Namespace) -> int:
    handler = {"history": _history, "signals": _signals, "firms": _firms,
               "demo": lambda a: _demo(a, after=print_demo_insights)}[args.command]
    # the same error handling as the other register commands (one line on stderr, the exit statuses)
    return run_register_command(args, handler)


def _period(report: dict[str, Any]) -> str:
    if report["period_end"]:
        return f"{report['period_start'] or '-'} to {report['period_end']}"
    return f"as of {report['as_of']}" if report["as_of"] else "-"


def _names(values: list[str]) -> str:
    return ", ".join(values) if values else "none"


def history_text(data: dict[str, Any]) -> str:
    lines = [f"{data['vendor']}: {len(data['reports'])} SOC report(s), oldest first", ""]
    lines.append(format_table(
        ("ID", "FILE", "FRAMEWORK", "TYPE", "PERIOD", "REPORT DATE", "AUDITOR", "OPINION", "EXC", "CUECS"),
        [(r["id"], r["file_name"], r["framework"], r["type"], _period(r), r["report_date"], r["auditor"],
          r["opinion"], r["exceptions"], r["cuecs"]) for r in data["reports"]]))
    for pair in data["pairs"]:
        gap = pair["period_gap_days"]
        gap_text = "unknown" if gap is None else ("continuous" if gap == 0 else
                                                  f"a gap of {gap} days" if gap > 0 else f"{-gap} days overlap")
        lines += ["", f"{pair['from']} -> {pair['to']} ({pair['framework'] or 'framework unknown'})",
                  f"  period: {gap_text}"]
        if pair["auditor_changed"]:
            lines.append(f"  auditor changed: {pair['auditor'][0]} -> {pair['auditor'][1]}")
        if pair["opinion"][0] != pair["opinion"][1]:
            lines.append(f"  opinion: {pair['opinion'][0]} -> {pair['opinion'][1]}")
        if pair["system_renamed"]:
            lines.append(f"  system renamed: {pair['system_renamed'][0]} -> {pair['system_renamed'][1]}")
        for key, label in (("categories", "categories"), ("criteria", "criteria"), ("subservice", "subservice")):
            if pair[f"{key}_added"] or pair[f"{key}_removed"]:
                lines.append(f"  {label}: added {_names(pair[f'{key}_added'])}; "
                             f"removed {_names(pair[f'{key}_removed'])}")
        for change in pair["subservice_method_changed"]:
            lines.append(f"  {change['name']}: {change['from']} -> {change['to']}")
        lines.append(f"  exceptions: new {_names(pair['exceptions_new'])}; repeated "
                     f"{_names(pair['exceptions_repeated'])}; resolved {_names(pair['exceptions_resolved'])}")
        for match in pair["exceptions_repeated_matches"]:
            if match["by"] != "control id":
                lines.append(f"    {match['to']} repeats {match['from']} (matched by wording, {match['score']:.0f})")
        lines.append(f"  CUECs: {pair['cuecs_added']} added, {pair['cuecs_removed']} removed; "
                     f"{len(pair['cuecs_unmapped'])} new not mapped to an own control yet")
        lines += [f"    not mapped: {text}" for text in pair["cuecs_unmapped"]]
    if not data["pairs"]:
        lines += ["", "No two reports of the same framework to compare yet."]
    return "\n".join(lines)


def _history(args: argparse.Namespace) -> int:
    with _open(args, create=False) as reg:
        found = reg.insights.find_vendors(args.vendor)
        if not found:
            raise CommandError(f"no vendor {args.vendor!r} in the register; see 'reviewer currency' for the vendors")
        if len(found) > 1:
            names = "; ".join(f"{vid}: {name}" for vid, name in found[:8])
            raise CommandError(f"{args.vendor!r} names {len(found)} vendors ({names}); give the full name or the id")
        data = reg.insights.vendor_history(found[0][0]).to_json()
    print(json.dumps(data, ensure_ascii=False, indent=1) if args.json else history_text(data))
    return EXIT_OK


def signals_text(signals: list[dict[str, Any]], firms: list[str]) -> str:
    if not signals:
        text = "No trust signals: no near copies, no implausible timelines"
        return text + (", no auditors off your list." if firms else
                       ". (No accepted audit firms kept: add them with 'reviewer firms add NAME' to check auditors.)")
    rows: list[Sequence[Any]] = [(s["severity"], s["kind"], " | ".join(s["file_names"]),
             "-" if s["score"] is None else f"{s['score']:.2f}", s["detail"]) for s in signals]
    out = format_table(("SEVERITY", "KIND", "FILES", "SCORE", "DETAIL"), rows, max_width=200)
    if not firms:
        out += "\n(No accepted audit firms kept: add them with 'reviewer firms add NAME' to check auditors.)"
    return out


def _signals(args: argparse.Namespace) -> int:
    with _open(args, create=False) as reg:
        signals = [s.to_json() for s in reg.insights.signals()]
        firms = reg.insights.accepted_firms()
    print(json.dumps(signals, ensure_ascii=False, indent=1) if args.json else signals_text(signals, firms))
    return EXIT_OK


def _firms(args: argparse.Namespace) -> int:
    from reviewer.register.firms import firm_key

    with _open(args, create=args.action != "list") as reg:
        firms = reg.insights.accepted_firms()
        if args.action in ("add", "remove"):
            if not args.names:
                raise CommandError(f"give the firm name(s) to {args.action}")
            keys = {firm_key(n) for n in args.names}
            firms = reg.insights.set_accepted_firms(
                firms + args.names if args.action == "add" else [f for f in firms if firm_key(f) not in keys],
                who=args.who)
        if args.json:
            print(json.dumps(firms, ensure_ascii=False))
        else:
            print("\n".join(firms) if firms else "No accepted audit firms kept yet.", file=sys.stdout)
    return EXIT_OK


def print_demo_insights(reg: Any, manifest: dict[str, Any]) -> None:
    """The demo's last part: the accepted firms the samples name, each vendor's history with two or more reports
    of a framework, and the trust signals."""
    accepted = [str(f) for f in manifest.get("accepted_firms") or []]
    if accepted:
        reg.insights.set_accepted_firms(accepted, who="demo")
    for vendor in reg.vendors.all():
        data = reg.insights.vendor_history(vendor.id).to_json()
        if data["pairs"]:
            print()
            print("History of " + history_text(data))
    print()
    print("Trust signals" + (f" (accepted audit firms: {'; '.join(accepted)})" if accepted else ""))
    print(signals_text([s.to_json() for s in reg.insights.signals()], reg.insights.accepted_firms()))
