"""What the workspace shows of corrections outside the Check tab, and how a correction joins the undo stack.

`CorrectionCommand`: a correction already written, on the workspace's QUndoStack: undo sets it inactive through
the register (logged), redo sets it active again. `mark_fields` marks the facts panel: a corrected value with a
pencil and its original on hover, an unconfirmed low-confidence one with a warning sign and its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLabel, QWidget

from reviewer.extract.fields_table import FIELDS
from reviewer.gui.text import mnemonic_safe, tooltip_text
from reviewer.gui.workspace.links import LinkButton
from reviewer.gui.workspace.undo import EditSession
from reviewer.register.corrections import Correction, ToCheck, show

if TYPE_CHECKING:
    from reviewer.register import Register

CORRECTED = "\u270e"  # a pencil: a reviewer corrected this value
UNSURE = "\u26a0"  # a warning sign: read with low confidence, not yet checked
# each field's row of the facts panel (its `fields.field_values` key): its fact key in the table of fields, or the
# row whose evidence it is when it has no row of its own (the period's end, the report's type)
PANEL_KEYS: dict[str, str] = {
    **{f.key: f.fact_key for f in FIELDS},
    **{k: f.fact_key for f in FIELDS for k in f.evidence_keys if k != f.key},
}


def correction_tooltip(corr: Correction) -> str:
    what = {"set": "Corrected", "add": "Added", "remove": "Removed", "confirm": "Confirmed"}[corr.kind]
    text = f"{corr.label}: {what.lower()}" if corr.list_name else what
    text += f" by {corr.who} at {corr.at}"
    if corr.kind in ("set", "remove"):
        text += f"\nRead as: {show(corr.original, corr.target)}"
    if corr.reason:
        text += f"\nReason: {corr.reason}"
    return text


class CorrectionCommand(QUndoCommand):
    """One correction on the undo stack (written before it is pushed)."""

    def __init__(self, session: EditSession, register: Register, correction: Correction, who: Callable[[], str],
                 *, taking_back: bool = False) -> None:
        super().__init__(f"{'take back ' if taking_back else ''}{correction.kind} {correction.label}")
        self._session = session
        self._register = register
        self._id = correction.id
        self._who = who
        self._taking_back = taking_back  # the command sets the correction inactive (redo) and back (undo)
        self._already_written = True

    def _set(self, active: bool) -> None:
        set_active = self._register.corrections.redo if active else self._register.corrections.undo
        self._session.write(lambda _v: set_active(self._id, self._who()), None)

    def redo(self) -> None:
        if self._already_written:  # push() calls redo(); the correction was saved just before
            self._already_written = False
            return
        self._set(not self._taking_back)

    def undo(self) -> None:
        self._set(self._taking_back)


def revert_correction(session: EditSession, register: Register, who: Callable[[], str], corr: Correction) -> bool:
    """Take back a correction (possibly from an earlier session), undoably."""
    if not session.write(lambda _v: register.corrections.undo(corr.id, who()), None):
        return False
    session.stack.push(CorrectionCommand(session, register, corr, who, taking_back=True))
    return True


def write_correction(session: EditSession, register: Register, who: Callable[[], str],
                     make: Callable[[], Correction]) -> Correction | None:
    """Write a correction through the register and push it on the undo stack; None when the register refused."""
    made: list[Correction] = []
    if not session.write(lambda _v: made.append(make()), None):
        return None
    session.stack.push(CorrectionCommand(session, register, made[0], who))
    return made[0]


def mark_fields(links: Mapping[str, LinkButton], values: Mapping[str, QLabel], corrections: list[Correction],
                unsure: list[ToCheck]) -> None:
    """Mark the facts panel's rows: corrected (pencil, original on hover) or still to check (warning, reason)."""
    marks: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for corr in corrections:
        if corr.list_name is None and corr.kind == "set":
            key = PANEL_KEYS.get(corr.target, corr.target)
            marks.setdefault(key, []).append(correction_tooltip(corr))
            kinds[key] = CORRECTED
    for u in unsure:
        if "/" not in u.target:
            key = PANEL_KEYS.get(u.target, u.target)
            if key not in kinds:
                marks.setdefault(key, []).append(f"Low confidence, not checked yet: {u.reason} (F8 goes there)")
                kinds[key] = UNSURE
    for key, tips in marks.items():
        widget: QWidget
        if (link := links.get(key)) is not None:
            link.setText(mnemonic_safe(f"{link.value} {kinds[key]}"))
            widget = link
        elif (label := values.get(key)) is not None:
            label.setText(f"{label.text()} {kinds[key]}")
            widget = label
        else:
            continue
        widget.setEnabled(True)
        widget.setToolTip(tooltip_text("\n\n".join(tips)))
        widget.setAccessibleDescription("corrected" if kinds[key] == CORRECTED else "to check")
