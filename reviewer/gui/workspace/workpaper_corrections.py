"""The workpaper's "Reviewer corrections" section: every correction in force, who made it, when, the value as
read and the corrected one, and the reason; plus the low-confidence values left unconfirmed and any place where
the latest reading disagrees with a correction. HTML for `workpaper.workpaper_html` (every value escaped)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewer.gui.dates import human_time
from reviewer.register.corrections import show

if TYPE_CHECKING:
    from reviewer.register import Register

KIND_LABELS = {"set": "corrected", "add": "added", "remove": "removed", "confirm": "confirmed as read"}


def _e(value: object) -> str:
    return "\u2014" if value is None or value == "" else html.escape(str(value))


def fact_notes(register: Register, report_id: int) -> dict[str, str]:
    """Per row of the facts table (`fields.field_values` key): an escaped note on its corrections, if any."""
    from reviewer.gui.workspace.corrections_marks import PANEL_KEYS

    notes: dict[str, list[str]] = {}
    for c in register.corrections.all(report_id):
        if c.list_name is None and c.kind == "set":
            notes.setdefault(PANEL_KEYS.get(c.target, c.target), []).append(
                f"corrected by {_e(c.who)}; read as {_e(show(c.original, c.target))}")
    return {key: ' <span class="flag">(' + "; ".join(parts) + ")</span>" for key, parts in notes.items()}


def corrections_html(register: Register, report_id: int, table: Callable[[list[str], list[list[str]]], str]) -> str:
    """The section, built with the workpaper's own `table(headers, rows)` helper."""
    corrections = register.corrections.all(report_id)
    changes = [c for c in corrections if c.kind != "confirm"]
    confirmed = [c for c in corrections if c.kind == "confirm"]
    parts = [f"<h2>Reviewer corrections ({len(changes)})</h2>"]
    if changes:
        rows = [[_e(c.label), _e(KIND_LABELS[c.kind]), _e(show(c.original, c.target) if c.kind != "add" else None),
                 _e(show(c.value, c.target) if c.kind != "remove" else None), _e(c.who), _e(human_time(c.at)),
                 _e(c.reason)]
                for c in changes]
        parts.append(table(["Value", "Change", "As read", "Corrected to", "Who", "When", "Reason"], rows))
    else:
        parts.append("<p>The extracted values were not corrected.</p>")
    if confirmed:
        parts.append("<p><b>Confirmed as read:</b> " + "; ".join(
            f"{_e(c.label)} ({_e(c.who)}, {_e(human_time(c.at))})" for c in confirmed) + "</p>")
    unsure = register.corrections.to_check(report_id)
    if unsure:
        parts.append(f'<p class="flag">{len(unsure)} low-confidence value(s) not confirmed:</p><ul>'
                     + "".join(f"<li>{_e(u.label)}: {_e(u.reason)}</li>" for u in unsure) + "</ul>")
    found = register.corrections.disagreements(report_id)
    if found:
        parts.append("<p><b>Where the latest reading disagrees with a correction</b> (the correction is kept):</p>"
                     "<ul>" + "".join(f"<li>{_e(d.text)}</li>" for d in found) + "</ul>")
    return "".join(parts)
