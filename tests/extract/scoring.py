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
# sets of ids and names: the order a report lists them in carries no meaning (the truth may keep the report's)
UNORDERED_FIELDS = ("categories", "criteria")


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
        got = rep.get(key)
        expected = want[key]
        if key in LIST_FIELDS and isinstance(got, list):
            got = [without_confidence(item) if isinstance(item, dict) else item for item in got]
        if key in LIST_FIELDS and isinstance(expected, list):
            expected = [without_confidence(item) if isinstance(item, dict) else item for item in expected]
        if key in UNORDERED_FIELDS and isinstance(got, list) and isinstance(expected, list):
            got, expected = sorted(got), sorted(expected)
        pairs[key] = (got, expected)
    return pairs


def without_confidence(item: dict[str, Any]) -> dict[str, Any]:
    """A listed item without its optional confidence fields, which the truth does not hold, and without an empty
    optional list (the schema's `criteria` of a CUEC may be left out when there are none: [] and absent are one)."""
    return {k: v for k, v in item.items() if k not in ("confidence", "confidence_reason") and v != []}


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


HARD_FIELDS = ("opinion", "period_start", "period_end", "as_of", "report_date", "bridge_period_end",
               "exception ids", "responses", "cuec count", "subservice names")


def hard_values(result: dict[str, Any], truth: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """{hard field: (got, want)}: the values a reviewer relies on most (opinion, dates, exception ids and their
    responses, how many CUECs, which subservice organizations), each compared on its own."""
    rep, want = result["report"], truth["report"]
    pairs: dict[str, tuple[Any, Any]] = {}
    for key in ("opinion", "period_start", "period_end", "as_of", "report_date", "bridge_period_end"):
        if key in want:
            pairs[key] = (rep.get(key), want[key])
    if "exceptions" in want:
        pairs["exception ids"] = ([e.get("control_id") for e in rep.get("exceptions", [])],
                                  [e.get("control_id") for e in want["exceptions"]])
        pairs["responses"] = ([(e.get("control_id"), e.get("management_response")) for e in rep.get("exceptions", [])],
                              [(e.get("control_id"), e.get("management_response")) for e in want["exceptions"]])
    if "cuecs" in want:
        pairs["cuec count"] = (len(rep.get("cuecs", [])), len(want["cuecs"]))
    if "subservice_organizations" in want:
        pairs["subservice names"] = ([s.get("name") for s in rep.get("subservice_organizations", [])],
                                     [s.get("name") for s in want["subservice_organizations"]])
    return pairs


FLAGGED_LISTS = ("exceptions", "cuecs", "subservice_organizations", "csocs", "control_objectives")


def flag_outcomes(result: dict[str, Any], truth: dict[str, Any]) -> list[tuple[bool, bool]]:
    """(right, flagged low) for every value the extraction gave: each list item (right when the truth holds an
    equal item, confidence fields aside) and each scalar field with evidence (flagged by its evidence)."""
    out: list[tuple[bool, bool]] = []
    rep, want = result["report"], truth["report"]

    def bare(item: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in item.items() if k not in ("confidence", "confidence_reason")}

    for key in FLAGGED_LISTS:
        if key not in want:
            continue
        truths = [bare(t) for t in want[key]]
        for item in rep.get(key, []):
            got = bare(item)
            right = any(all(got.get(k) == t.get(k) for k in t) for t in truths)
            out.append((right, item.get("confidence") == "low"))
    evidence = result.get("evidence", {})
    for key in SCALAR_FIELDS:
        if key not in want or rep.get(key) is None:
            continue
        ev = evidence.get(key, {})
        out.append((rep.get(key) == want[key], ev.get("confidence") == "low"))
    return out
