"""Reviewer corrections, the pure part: what a correction is, and how corrections lay over an extraction.

A correction targets one scalar field ("period_end") or one list item ("cuecs/<key>"). An item's key comes from
what identifies it (a CUEC's text, an exception's control and result, a subservice organization's name), so the
same item keeps its key when the report is read again. `apply_corrections(reading, corrections)` gives the
extraction as the reviewer has corrected it (corrections win); `disagreements` says where a (new) reading no
longer reads what a correction's original was; `to_check` lists the low-confidence values nobody checked yet.
Nothing here touches the database (`correction_store` does).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from rapidfuzz import fuzz

from reviewer.extract.fields_table import FIELDS
from reviewer.extract.model import Evidence, ExtractionResult

CorrectionKind = Literal["set", "add", "remove", "confirm"]

# the report's scalar fields a reviewer can correct: the document type and every field of the one table of fields
# (`extract/fields_table.py`, lists of strings included), in its reading order
SCALARS: tuple[str, ...] = ("document_type", *(f.key for f in FIELDS))
DATE_FIELDS = frozenset(f.key for f in FIELDS if f.kind == "date")
LIST_FIELDS = frozenset(f.key for f in FIELDS if f.kind == "list")
LISTS: tuple[str, ...] = ("exceptions", "cuecs", "subservice_organizations", "csocs", "control_objectives")
LIST_LABELS = {"exceptions": "Exception", "cuecs": "CUEC", "subservice_organizations": "Subservice organization",
               "csocs": "CSOC", "control_objectives": "Control objective"}
# a correction names one field: the table's label, except where the panel shows two fields under one label
FIELD_LABELS = {"document_type": "Document type", **{f.key: f.label for f in FIELDS},
                "framework": "Framework", "type": "Report type", "period_start": "Period start"}
# what identifies an item of each list (its key), and the text a reviewer reads it by
IDENTITY = {"exceptions": ("control_id", "description"), "cuecs": ("text",), "subservice_organizations": ("name",),
            "csocs": ("text",), "control_objectives": ("id", "text")}
MAIN_TEXT = {"exceptions": "description", "cuecs": "text", "subservice_organizations": "name", "csocs": "text",
             "control_objectives": "text"}
FUZZY_MATCH = 85  # rapidfuzz ratio from which a re-read item is the same item read a little differently


@dataclass
class Correction:
    """One reviewer correction. `original` and `value` are JSON values: a scalar's JSON form, or an item's dict
    (with its page and box). `evidence` is the Evidence JSON a reviewer picked for a scalar, if any."""

    id: int
    report_id: int
    target: str
    kind: CorrectionKind
    original: Any
    value: Any
    who: str
    at: str
    reason: str | None = None
    evidence: dict[str, Any] | None = None
    active: bool = True

    @property
    def list_name(self) -> str | None:
        return self.target.split("/", 1)[0] if "/" in self.target else None

    @property
    def label(self) -> str:
        return target_label(self.target, self.value if self.kind in ("set", "add") else self.original)


@dataclass
class Disagreement:
    """Where the report's current reading differs from what a correction corrected."""

    correction: Correction
    reading: Any  # what the reading now says (None: the item is no longer read)

    @property
    def text(self) -> str:
        corr = self.correction
        now = "no longer reads it" if self.reading is None else f"now reads {show(self.reading, corr.target)!r}"
        return (f"{corr.label}: the new reading {now}; your correction "
                f"{show(corr.value, corr.target)!r} is kept (read before as {show(corr.original, corr.target)!r})")


@dataclass
class ToCheck:
    """A low-confidence value or item that no reviewer has confirmed or corrected yet."""

    target: str
    label: str
    reason: str


@dataclass
class Effective:
    """An extraction with the corrections laid over it, plus each list item's key (same order as the lists)."""

    result: ExtractionResult
    keys: dict[str, list[str]] = field(default_factory=dict)


def target_label(target: str, item: Any = None) -> str:
    if "/" not in target:
        return FIELD_LABELS.get(target, target)
    list_name = target.split("/", 1)[0]
    label = LIST_LABELS.get(list_name, list_name)
    if isinstance(item, dict):
        head = item.get("control_id") or item.get("id") or item.get(MAIN_TEXT[list_name]) or ""
        return f"{label} {str(head)[:40]}".strip()
    return label


def show(value: Any, target: str = "") -> str:
    """A correction's value as one line of text (an item by its main text)."""
    if value is None:
        return "\u2014"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        list_name = target.split("/", 1)[0]
        return str(value.get(MAIN_TEXT.get(list_name, "text")) or value)
    return str(value)


def _norm(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().lower()


def identity(list_name: str, item: dict[str, Any]) -> str:
    return "|".join(_norm(item.get(k)) for k in IDENTITY[list_name])


def item_keys(list_name: str, items: list[dict[str, Any]]) -> list[str]:
    """Each item's key: a hash of what identifies it, numbered when the same item is read twice."""
    seen: dict[str, int] = {}
    keys = []
    for item in items:
        digest = hashlib.sha1(identity(list_name, item).encode()).hexdigest()[:12]  # noqa: S324 - a name
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        keys.append(digest if n == 0 else f"{digest}-{n}")
    return keys


def scalar_json(result: ExtractionResult, name: str) -> Any:
    if name == "document_type":
        return result.document_type
    return result.report.to_json()[name]


def _scalar_value(name: str, value: Any) -> Any:
    if name in DATE_FIELDS:
        return date.fromisoformat(value) if value else None
    if name in LIST_FIELDS:
        return list(value or [])
    return value if value not in ("",) else None


def _find(list_name: str, items: list[dict[str, Any]], keys: list[str], key: str, original: Any) -> int | None:
    """Where the item a correction targets is in this reading: its key, else the nearest item read alike."""
    if key in keys:
        return keys.index(key)
    if not isinstance(original, dict):
        return None
    want = identity(list_name, original)
    scored = [(fuzz.ratio(want, identity(list_name, it)), i) for i, it in enumerate(items)]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= FUZZY_MATCH else None


def apply(reading: ExtractionResult, corrections: list[Correction]) -> Effective:
    """The reading with every active correction applied, in the order they were made (the reviewer wins)."""
    data = reading.to_storage()
    rep = data["report"]
    lists = {name: list(rep[name]) for name in LISTS}
    keys = {name: item_keys(name, lists[name]) for name in LISTS}
    evidence = dict(data.get("evidence", {}))
    for corr in sorted((c for c in corrections if c.active), key=lambda c: c.id):
        if corr.kind == "confirm":
            continue
        name = corr.list_name
        if name is None:
            if corr.kind == "set":
                if corr.target == "document_type":
                    data["document_type"] = corr.value
                else:
                    rep[corr.target] = corr.value
                if corr.evidence:
                    evidence[corr.target] = corr.evidence
            continue
        items, item_keys_ = lists[name], keys[name]
        if corr.kind == "add":
            if any(identity(name, it) == identity(name, corr.value) for it in items):
                continue  # the reading now finds the item itself
            items.append(dict(corr.value))
            item_keys_.append(f"+{corr.id}")
            continue
        at = _find(name, items, item_keys_, corr.target.split("/", 1)[1], corr.original)
        if corr.kind == "remove":
            if at is not None:
                del items[at]
                del item_keys_[at]
        elif corr.kind == "set":
            if at is None:
                items.append(dict(corr.value))
                item_keys_.append(corr.target.split("/", 1)[1])
            else:
                items[at] = dict(corr.value)
                item_keys_[at] = corr.target.split("/", 1)[1]  # found read a little differently: same item
    for name in LISTS:
        rep[name] = lists[name]
    data["evidence"] = evidence
    return Effective(ExtractionResult.from_json(data), keys)


def apply_corrections(result: ExtractionResult, corrections: list[Correction]) -> ExtractionResult:
    """The extraction as corrected: `result` (as read) with `corrections` on top."""
    return apply(result, corrections).result


def disagreements(reading: ExtractionResult, corrections: list[Correction]) -> list[Disagreement]:
    """Active corrections whose original the reading no longer reads (after a re-read), with what it reads now."""
    data = reading.to_storage()
    out = []
    for corr in sorted((c for c in corrections if c.active and c.kind in ("set", "remove")), key=lambda c: c.id):
        name = corr.list_name
        if name is None:
            now = data["document_type"] if corr.target == "document_type" else data["report"].get(corr.target)
            if now != corr.original and now != corr.value:
                out.append(Disagreement(corr, now))
            continue
        if corr.target.split("/", 1)[1].startswith("+"):
            continue  # a correction of an item the reviewer added: no reading to disagree with
        items = data["report"][name]
        at = _find(name, items, item_keys(name, items), corr.target.split("/", 1)[1], corr.original)
        now = items[at] if at is not None else None
        if corr.kind == "remove" and now is None:
            continue  # the new reading agrees: the item is gone
        if now is None or (_comparable(now) != _comparable(corr.original)
                           and _comparable(now) != _comparable(corr.value)):
            out.append(Disagreement(corr, now))
    return out


def _comparable(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    return {k: v for k, v in item.items() if k not in ("bbox", "confidence", "confidence_reason")}


def low_confidence(effective: Effective) -> list[ToCheck]:
    """Every value or item the extractor was unsure of (confidence "low"), with its reason."""
    result = effective.result
    out = []
    for name in SCALARS:
        ev: Evidence | None = result.evidence.get(name)
        if ev is not None and ev.confidence == "low":
            out.append(ToCheck(name, FIELD_LABELS[name], ev.confidence_reason or "the reader was unsure"))
    data = result.to_storage()["report"]
    for name in LISTS:
        for item, key, obj in zip(getattr(result.report, name), effective.keys[name], data[name], strict=True):
            if item.confidence == "low":
                out.append(ToCheck(f"{name}/{key}", target_label(f"{name}/{key}", obj),
                                  item.confidence_reason or "the reader was unsure"))
    return out


def to_check(effective: Effective, corrections: list[Correction]) -> list[ToCheck]:
    """Low-confidence values and items not yet confirmed or corrected by a reviewer, in the workspace's order."""
    checked = {c.target for c in corrections if c.active and c.kind in ("set", "confirm", "remove")}
    return [u for u in low_confidence(effective) if u.target not in checked]


def item_json(effective: Effective, target: str) -> dict[str, Any] | None:
    """The current (corrected) JSON of the item at `target`, with page and box; None if no such item."""
    name, key = target.split("/", 1)
    keys = effective.keys[name]
    if key not in keys:
        return None
    return effective.result.to_storage()["report"][name][keys.index(key)]


CHOICES: dict[str, tuple[str, ...]] = {
    "document_type": ("soc_report", "bridge_letter", "other"), "framework": ("SOC 1", "SOC 2", "SOC 3"),
    "type": ("Type 1", "Type 2"), "opinion": ("unmodified", "qualified", "adverse", "disclaimer"),
}
CRITERION = re.compile(r"^(CC[1-9]\.[0-9]+|A1\.[0-9]+|C1\.[0-9]+|PI1\.[0-9]+|P[1-8]\.[0-9]+)$")


def invalid_scalar(name: str, value: Any) -> str | None:
    """Why `value` (JSON) cannot be the value of scalar `name`, or None when it can."""
    from reviewer.extract.model import CATEGORIES

    if value is None:
        return None
    if name in DATE_FIELDS:
        try:
            date.fromisoformat(str(value))
        except ValueError:
            return f"{FIELD_LABELS[name]} must be a date as YYYY-MM-DD"
        return None
    if name in CHOICES and value not in CHOICES[name]:
        return f"{FIELD_LABELS[name]} must be one of {', '.join(CHOICES[name])}"
    if name == "categories" and (not isinstance(value, list) or set(value) - set(CATEGORIES)):
        return f"categories must be among {', '.join(CATEGORIES)}"
    if name == "criteria" and (not isinstance(value, list) or not all(CRITERION.match(str(v)) for v in value)):
        return "criteria are ids such as CC6.1, A1.2, C1.1, PI1.3, P4.2"
    if name not in LIST_FIELDS and not isinstance(value, str):
        return f"{FIELD_LABELS[name]} must be text"
    return None


def scalar_from_json(name: str, value: Any) -> Any:
    """A scalar's JSON value as the record's Python value (dates as `date`)."""
    return _scalar_value(name, value)
