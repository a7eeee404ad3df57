"""`reg.corrections`: reviewer corrections of any value or item, confirmations, undo and redo, and re-reading.

Every write is one transaction with its audit entries (`correction_store` holds the SQL and materializes the
corrected report, so the other parts read corrected values without knowing about corrections). Targets: a scalar
field name ("period_end") or a list item ("cuecs/<key>", keys from `corrected(report_id).keys`). A sign-off with
low-confidence values left to check goes through `reg.reviews.sign_off(..., accept_unconfirmed=)`, which asks
`to_check` here.
"""

from __future__ import annotations

import json
from typing import Any

from reviewer.extract import PdfReadError
from reviewer.extract.model import ExtractionResult
from reviewer.register import audit
from reviewer.register import correction_store as store
from reviewer.register.corrections import (
    LISTS,
    SCALARS,
    Correction,
    Disagreement,
    Effective,
    ToCheck,
    disagreements,
    invalid_scalar,
    item_json,
    scalar_json,
    to_check,
)
from reviewer.register.errors import RegisterError
from reviewer.register.importer import Extractor
from reviewer.register.isolated_extraction import extract_in_process
from reviewer.register.parts.base import Part


class UnconfirmedValues(RegisterError):
    """A sign-off asked for while low-confidence values are still unconfirmed (`unsure` lists them)."""

    def __init__(self, unsure: list[ToCheck]) -> None:
        super().__init__(f"{len(unsure)} low-confidence value(s) not confirmed yet: "
                         + "; ".join(u.label for u in unsure[:5]))
        self.unsure = unsure


def _human(item: dict[str, Any]) -> dict[str, Any]:
    """An item as a reviewer wrote it: confident."""
    out = {k: v for k, v in item.items() if k != "confidence_reason"}
    out["confidence"] = "high"
    return out


class Corrections(Part):
    # -- reading -------------------------------------------------------------------------------------------
    def all(self, report_id: int, *, include_undone: bool = False) -> list[Correction]:
        """The report's corrections and confirmations in force (with `include_undone`, the undone ones too)."""
        return store.corrections(self._conn, report_id, include_undone=include_undone)

    def of(self, report_ids: list[int]) -> dict[int, list[Correction]]:
        """The corrections in force (not confirmations) of several reports at once (a page of the table)."""
        out: dict[int, list[Correction]] = {}
        rows = self._conn.execute(
            f"SELECT {', '.join(store.COLUMNS)} FROM corrections WHERE active = 1 AND kind != 'confirm' "  # noqa: S608
            "AND report_id IN (SELECT value FROM json_each(?)) ORDER BY id", (json.dumps(list(report_ids)),))
        for row in rows:
            corr = store._correction(row)
            out.setdefault(corr.report_id, []).append(corr)
        return out

    def corrected(self, report_id: int) -> Effective:
        """The report as corrected, with each list item's key."""
        return store.effective(self._conn, report_id)

    def as_read(self, report_id: int) -> ExtractionResult:
        """The extraction as the extractor read it (no corrections)."""
        return store.as_read(self._conn, report_id)

    def to_check(self, report_id: int) -> list[ToCheck]:
        """Low-confidence values and items nobody confirmed or corrected yet."""
        return to_check(store.effective(self._conn, report_id), store.corrections(self._conn, report_id))

    def disagreements(self, report_id: int) -> list[Disagreement]:
        """Corrections whose original the latest reading no longer reads (after a re-read)."""
        return disagreements(store.as_read(self._conn, report_id), store.corrections(self._conn, report_id))

    # -- writing -------------------------------------------------------------------------------------------
    def correct(self, report_id: int, target: str, value: Any, *, who: str, reason: str | None = None,
                evidence: dict[str, Any] | None = None) -> Correction:
        """Correct a scalar (its JSON value, e.g. "2024-12-31") or an item (its dict, page and bbox included).
        `evidence` (scalars): the Evidence JSON picked on the page."""
        with self._register.transaction():
            now = store.effective(self._conn, report_id)
            if "/" in target:
                shown = item_json(now, target)
                if shown is None:
                    raise RegisterError(f"no item {target} in report {report_id}")
                original = item_json(store.apply(store.as_read(self._conn, report_id), []), target) or shown
                value = _human({**shown, **value})
            else:
                if target not in SCALARS:
                    raise RegisterError(f"cannot correct {target!r}")
                problem = invalid_scalar(target, value)
                if problem:
                    raise RegisterError(problem)
                shown = scalar_json(now.result, target)
                original = scalar_json(store.as_read(self._conn, report_id), target)
                if evidence is None and value == shown:
                    raise RegisterError("the corrected value is the same as the current one")
                if evidence is not None:
                    evidence = {**evidence, "confidence": "high"}
            corr = store.insert(self._conn, report_id, target, "set", original=original, value=value, who=who,
                                reason=reason, evidence=evidence, shown_before=shown)
        return corr

    def add_item(self, report_id: int, list_name: str, item: dict[str, Any], *, who: str,
                 reason: str | None = None) -> Correction:
        """Add an item the extractor missed (e.g. {"text": ..., "page": 7, "bbox": [...]} for a CUEC)."""
        if list_name not in LISTS:
            raise RegisterError(f"no list {list_name!r}")
        with self._register.transaction():
            corr = store.insert(self._conn, report_id, f"{list_name}/+", "add", original=None, value=_human(item),
                                who=who, reason=reason)
            self._conn.execute("UPDATE corrections SET target = ? WHERE id = ?", (f"{list_name}/+{corr.id}", corr.id))
            store.materialize(self._conn, report_id, store.as_read(self._conn, report_id))
            corr = store.correction(self._conn, corr.id)
        return corr

    def remove_item(self, report_id: int, target: str, *, who: str, reason: str | None = None) -> Correction:
        """Remove a false item."""
        with self._register.transaction():
            shown = item_json(store.effective(self._conn, report_id), target)
            if shown is None:
                raise RegisterError(f"no item {target} in report {report_id}")
            corr = store.insert(self._conn, report_id, target, "remove", original=shown, value=None, who=who,
                                reason=reason, shown_before=shown)
        return corr

    def confirm(self, report_id: int, target: str, *, who: str) -> Correction:
        """Record that a reviewer checked a value or item and it is right as read."""
        with self._register.transaction():
            now = store.effective(self._conn, report_id)
            shown = item_json(now, target) if "/" in target else scalar_json(now.result, target)
            corr = store.insert(self._conn, report_id, target, "confirm", original=shown, value=shown, who=who,
                                shown_before=shown)
        return corr

    def undo(self, correction_id: int, who: str) -> Correction:
        with self._register.transaction():
            corr = store.set_active(self._conn, correction_id, False, who)
        return corr

    def redo(self, correction_id: int, who: str) -> Correction:
        with self._register.transaction():
            corr = store.set_active(self._conn, correction_id, True, who)
        return corr

    def reread(self, report_id: int, *, who: str, password: str | None = None,
               extractor: Extractor | None = None) -> list[Disagreement]:
        """Read the stored PDF again (this extractor version); keep every correction; return where the new
        reading disagrees with one."""
        row = self._conn.execute("SELECT r.file_name, f.pdf FROM reports r JOIN report_files f ON f.report_id = r.id "
                                 "WHERE r.id = ?", (report_id,)).fetchone()
        if row is None:
            raise RegisterError(f"no report {report_id} in the register")
        reading, texts = (extractor or extract_in_process)(bytes(row[1]), row[0], password, None, None)
        with self._register.transaction():
            store.replace_reading(self._conn, report_id, reading)
            store.replace_page_text(self._conn, report_id, texts)
            self._conn.execute("UPDATE reports SET text_layer = ?, warnings_count = ? WHERE id = ?",
                               (reading.file.text_layer, len(reading.warnings), report_id))
            found = disagreements(reading, store.corrections(self._conn, report_id))
            kept = len(store.corrections(self._conn, report_id))
            audit.record(self._conn, who=who, report_id=report_id, entity="report", entity_id=report_id,
                         field="re-read", old=None,
                         new=f"{kept} correction(s) kept, {len(found)} where the new reading disagrees")
        return found

    def reread_all(self, *, who: str, extractor: Extractor | None = None) -> dict[int, list[Disagreement]]:
        """A new extractor version reading every stored report again (each in its own transaction): every
        correction kept; per report, where the new reading disagrees with one. Reports that cannot be read again
        (a password-protected PDF) keep their reading."""
        found: dict[int, list[Disagreement]] = {}
        for (report_id,) in self._conn.execute("SELECT id FROM reports ORDER BY id").fetchall():
            try:
                found[report_id] = self.reread(report_id, who=who, extractor=extractor)
            except PdfReadError:
                continue
        return found

    def log_unconfirmed_sign_off(self, report_id: int, who: str, unsure: list[ToCheck]) -> None:
        """The audit entry of a sign-off the reviewer made with low-confidence values left unconfirmed."""
        with self._register.transaction() as conn:
            audit.record(conn, who=who, report_id=report_id, entity="review", entity_id=report_id,
                         field="signed off with unconfirmed values", old=None,
                         new=f"{len(unsure)}: " + "; ".join(u.label for u in unsure))
