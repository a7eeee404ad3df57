"""The ground truth of a variation document, computed from its plan (the same data the composer printed) and the
pages on which the renderer drew each tagged item, in the reference truth shape and conventions
(tests/chromium_holdout/documents/*.truth.json).
"""

from __future__ import annotations

from typing import Any

from .compose_lists import cuec_truth_criteria
from .plan import CATEGORY_ORDER, Plan


def one_line(text: str) -> str:
    return " ".join(text.split())


def criteria_of(plan: Plan) -> list[str]:
    if plan.framework != "SOC 2":
        return []
    return sorted({c for control in plan.controls for c in control.criteria})


def truth(plan: Plan, pages: dict[str, int], page_count: int) -> dict[str, Any]:
    """The truth dict; `pages` maps "exc:<id>", "cuec:<n>", "csoc:<n>" to 1-based pages."""
    report: dict[str, Any] = {
        "framework": plan.framework, "type": plan.type if plan.framework != "SOC 3" else None,
        "service_organization": plan.vendor, "system": plan.system,
        "period_start": iso(plan.period_start), "period_end": iso(plan.period_end), "as_of": iso(plan.as_of),
        "report_date": iso(plan.report_date), "bridge_period_end": iso(plan.bridge_end),
        "service_auditor": plan.firm, "opinion": plan.opinion,
        "categories": [c for c in CATEGORY_ORDER if c in plan.categories] if plan.kind != "bridge" else [],
        "criteria": criteria_of(plan) if plan.kind != "bridge" else [],
        "control_objectives": [{"id": oid, "text": one_line(text)} for oid, _title, text in plan.objectives],
        "exceptions": [], "cuecs": [], "subservice_organizations": [], "csocs": [],
    }
    if plan.tested:
        for c in plan.exceptions():
            report["exceptions"].append({
                "control_id": c.id, "criteria": sorted(c.criteria), "control_objective": c.objective,
                "description": one_line(c.description()),
                "management_response": one_line(c.response) if c.response else None,
                "page": pages[f"exc:{c.id}"]})
    with_criteria = cuec_truth_criteria(plan)
    for i, cu in enumerate(plan.cuecs):
        report["cuecs"].append({"text": one_line(cu.text), "criteria": sorted(cu.criteria) if with_criteria else [],
                                "page": pages[f"cuec:{i}"]})
    if plan.kind != "bridge":
        report["subservice_organizations"] = [{"name": o.name, "services": o.services, "method": plan.method}
                                              for o in plan.subservice]
    layout = plan.axes.applied.get("csoc_layout")
    for i, cs in enumerate(plan.csocs):
        label = cs.org.name if layout == "titled_list" else cs.org.short
        report["csocs"].append({"text": one_line(cs.text), "subservice_organization": label,
                                "page": pages[f"csoc:{i}"]})
    return {"document_type": "bridge_letter" if plan.kind == "bridge" else "soc_report",
            "file": {"pages": page_count, "encrypted": False, "text_layer": "full"}, "report": report}


def iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None
