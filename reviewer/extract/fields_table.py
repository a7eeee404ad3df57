"""The one table of a report's fields: what each is called, its type, how it is shown, where its evidence is, and
where it is kept and exported. No Qt, no database: the readers of this table are elsewhere.

Read by `Report.to_json`/`from_json` (serialisation), `register/reports.py` (the `reports` row), the exports
(`register/exports.py`), `reviewer extract`'s summary (`cli/extract_cmd.py`), the workspace's facts panel and the
workpaper (`gui/workspace/fields.py`). Adding a fact of the report is a row here, its reader and its tests; give it
a `column` only with a migration that adds that column (without one it lives in the stored extraction).

The list fields (control objectives, exceptions, CUECs, subservice organizations, CSOCs) are records of their
own, each with its page and box, and are not in this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

# The model imports this table (its JSON form reads it), so this module does not import the model: a `Report`,
# an `ExtractionResult` and an `Evidence` are typed `Any` here.
Report = Any
ExtractionResult = Any
Kind = Literal["text", "date", "list"]
Shown = Callable[[Report], "str | None"]
ShownWhen = Callable[[ExtractionResult], bool]


@dataclass(frozen=True)
class Field:
    """One fact of a `Report` (its attribute and JSON key is `key`)."""

    key: str
    label: str  # its name for a reader: the workspace's facts panel and the workpaper
    kind: Kind
    summary: str | None  # its label in `reviewer extract`'s summary (None: not there)
    column: str | None  # its column in the register's `reports` table (None: kept in the stored extraction only)
    export: str | None  # its header in the CSV/XLSX exports (None: not exported)
    evidence: tuple[str, ...] = ()  # the evidence keys that locate it, first found wins (empty: its own key)
    show: Shown | None = None  # how it reads as text (None: by kind, see `shown`)
    fact: str | None = None  # the panel's key for it (None: its own key); fields shown together share one
    shown_when: ShownWhen | None = None  # whether the panel shows it (None: always; False-y `show` hides it)
    summary_show: Shown | None = None  # the summary's text for it, when that differs from `show`

    @property
    def evidence_keys(self) -> tuple[str, ...]:
        return self.evidence or (self.key,)

    @property
    def fact_key(self) -> str:
        return self.fact or self.key

    # -- the value in each of its forms ----------------------------------------------------------------------
    def value(self, report: Report) -> Any:
        return getattr(report, self.key)

    def to_json(self, value: Any) -> Any:
        if self.kind == "date":
            return value.isoformat() if value else None
        if self.kind == "list":
            return list(value)
        return value

    def from_json(self, data: dict[str, Any]) -> Any:
        raw = data.get(self.key)
        if self.kind == "date":
            return date.fromisoformat(raw) if raw else None
        if self.kind == "list":
            return list(raw or [])
        return raw

    def to_column(self, value: Any) -> Any:
        """The value as the register's column keeps it (ISO dates; a list as one comma-separated text)."""
        if self.kind == "list":
            return ", ".join(value)
        return self.to_json(value)

    def shown(self, report: Report) -> str | None:
        """The value as a reader sees it; None when unknown."""
        if self.show is not None:
            return self.show(report)
        value = self.value(report)
        if self.kind == "date":
            return value.isoformat() if value else None
        if self.kind == "list":
            return ", ".join(value) or None
        return value


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def kind_of_report(report: Report) -> str | None:
    """"SOC 2 Type 2": the framework and type, as far as read."""
    return " ".join(v for v in (report.framework, report.type) if v) or None


def period_text(report: Report) -> str | None:
    """"2024-01-01 to 2024-12-31" ("?" for an unread end); None when neither end was read."""
    if not (report.period_start or report.period_end):
        return None
    return f"{_iso(report.period_start) or '?'} to {_iso(report.period_end) or '?'}"


def short_list(items: list[str], shown: int = 8) -> str | None:
    """The first `shown` items, and how many more there are."""
    if not items:
        return None
    more = f" (+{len(items) - shown} more)" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


def _has_period(result: ExtractionResult) -> bool:
    return bool(result.report.period_start or result.report.period_end)


def _is_letter_or_bridged(result: ExtractionResult) -> bool:
    return result.document_type == "bridge_letter" or result.report.bridge_period_end is not None


def _never(_result: ExtractionResult) -> bool:
    return False


# In reading order: the facts panel, the workpaper and the summary list them in this order, and so does the JSON.
FIELDS: tuple[Field, ...] = (
    Field("service_organization", "Service organization", "text", "service organization", "service_organization",
          None),
    Field("system", "System", "text", "system", "system", "system"),
    Field("framework", "Framework / type", "text", "report", "framework", "framework", evidence=("framework", "type"),
          show=kind_of_report),
    Field("type", "Type", "text", None, "type", "type", shown_when=_never),
    Field("period_start", "Period", "date", "period", "period_start", "period_start",
          evidence=("period_end", "period_start"), show=period_text, fact="period", shown_when=_has_period),
    Field("period_end", "Period end", "date", None, "period_end", "period_end", shown_when=_never),
    Field("as_of", "As of", "date", "as of", "as_of", "as_of", fact="period",
          shown_when=lambda result: not _has_period(result)),
    Field("report_date", "Report date", "date", "report date", "report_date", "report_date"),
    Field("service_auditor", "Service auditor", "text", "service auditor", "service_auditor", "service_auditor"),
    Field("opinion", "Opinion", "text", "opinion", "opinion", "opinion"),
    Field("categories", "Categories", "list", "categories", "categories", "categories"),
    Field("criteria", "Criteria", "list", "criteria", None, None, show=lambda r: short_list(r.criteria),
          summary_show=lambda r: f"{len(r.criteria)} mapped" if r.criteria else None),
    Field("bridge_period_end", "Bridge letter to", "date", "bridge period end", "bridge_period_end",
          "bridge_period_end", shown_when=_is_letter_or_bridged),
)
BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}
STORED: tuple[Field, ...] = tuple(f for f in FIELDS if f.column)
EXPORTED: tuple[Field, ...] = tuple(f for f in FIELDS if f.export)


@dataclass(frozen=True)
class Fact:
    """One row of the facts panel: its key, label, text (None: not found) and where it was read."""

    key: str
    label: str
    text: str | None
    evidence: Any  # model.Evidence | None


def facts(result: ExtractionResult) -> list[Fact]:
    """The report's facts as a reader sees them, in reading order (the workspace and the workpaper)."""
    out = []
    for f in FIELDS:
        if f.shown_when is not None and not f.shown_when(result):
            continue
        evidence = next((result.evidence[k] for k in f.evidence_keys if k in result.evidence), None)
        out.append(Fact(f.fact_key, f.label, f.shown(result.report), evidence))
    return out


def summary_lines(report: Report) -> list[tuple[str, object]]:
    """(label, text) of each field `reviewer extract`'s summary prints, in reading order (unknown ones too)."""
    out: list[tuple[str, object]] = []
    for f in FIELDS:
        if f.summary is None:
            continue
        out.append((f.summary, f.summary_show(report) if f.summary_show else f.shown(report)))
    return out
