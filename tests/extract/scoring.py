"""Per-field comparison of an extraction with the corpus ground truth, shared by the field and accuracy tests.

Every field is compared with the truth as it is: the truth gives a CUEC's criteria only where the report prints
them, so they are compared like every other value.
"""

from __future__ import annotations

from typing import Any

SCALAR_FIELDS = ("framework", "type", "service_organization", "system", "period_start", "period_end", "as_of",
                 "report_date", "bridge_period_end", "service_auditor", "opinion")
LIST_FIELDS = ("categories", "criteria", "control_objectives", "exceptions", "cuecs", "subservice_organizations",
               "csocs")
FILE_FIELDS = ("pages", "encrypted", "text_layer")


def field_values(result: dict[str, Any], truth: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """{field: (got, want)} over every compared field."""
    pairs: dict[str, tuple[Any, Any]] = {"document_type": (result["document_type"], truth["document_type"])}
    for key in FILE_FIELDS:
        if key in truth.get("file", {}):
            pairs[f"file.{key}"] = (result["file"][key], truth["file"][key])
    rep, want = result["report"], truth["report"]
    for key in SCALAR_FIELDS + LIST_FIELDS:
        if key not in want:
            continue
        pairs[key] = (_without_confidence(rep.get(key)), want[key])
    return pairs


def _without_confidence(value: Any) -> Any:
    """List items as compared with the truth: their confidence is the reader's, not a fact of the report."""
    if isinstance(value, list):
        return [{k: v for k, v in item.items() if k not in ("confidence", "confidence_reason")}
                if isinstance(item, dict) else item for item in value]
    return value


def accuracy_table(rows: dict[str, dict[str, bool]]) -> tuple[str, float]:
    """A printed per-field table from {doc id: {field: correct}} and the overall accuracy."""
    fields: dict[str, list[bool]] = {}
    for per_doc in rows.values():
        for key, ok in per_doc.items():
            fields.setdefault(key, []).append(ok)
    lines = [f"{'field':<26}{'correct':>9}{'total':>7}{'accuracy':>10}"]
    total = good = 0
    for key, oks in fields.items():
        n, g = len(oks), sum(oks)
        total += n
        good += g
        lines.append(f"{key:<26}{g:>9}{n:>7}{100 * g / n:>9.1f}%")
    overall = good / total if total else 0.0
    lines.append(f"{'OVERALL':<26}{good:>9}{total:>7}{100 * overall:>9.1f}%")
    return "\n".join(lines), overall
