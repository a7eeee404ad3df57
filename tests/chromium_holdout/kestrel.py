# ruff: noqa: E501  (one line per data sentence or CSS rule reads better than wrapped strings)
"""Kestrel Marsh LLP's reports: a SOC 2 Type 2 whose 4-column results table holds the exception and, in the same
cell, management's response under a bold label; and a SOC 2 Type 1 as of a date."""

from __future__ import annotations

from .bank import CONTROLS, CUECS, NO_EXCEPTION, Built, blank_report, exception
from .styles import bullets, e, page, paras, table

FIRM = "Kestrel Marsh LLP"
AWS_SERVICES = "infrastructure hosting of the production environment"
ALL_FIVE = ("2017 Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, "
            "and Privacy")
CSOCS = [
    "Amazon Web Services is responsible for restricting physical access to the data centers that house the production environment.",
    "Amazon Web Services is responsible for maintaining environmental protections and redundant power in its data centers.",
    "Amazon Web Services is responsible for securely decommissioning storage media that held customer data.",
]


def _signature(city: str, date: str) -> str:
    return f"<div class='sig'>Kestrel Marsh LLP</div><p>{e(FIRM)}<br>{e(city)}<br>{e(date)}</p>"


def _toc(rows: list[tuple[str, int]]) -> str:
    items = "".join(f"<tr><td>{e(t)}</td><td style='text-align:right'>{n}</td></tr>" for t, n in rows)
    return f"<div class='card'><h3>Table of Contents</h3><table>{items}</table></div>"


def soc2_type2() -> Built:
    vendor, system = "Brightwater Analytics, Inc.", "Brightwater Insight Platform"
    period = "January 1, 2024 to December 31, 2024"
    cats = "security, availability, and confidentiality"
    bad = {
        9: ("Exception noted. For 3 of 40 terminated employees sampled, access to the production environment was "
            "revoked between three and eleven business days after separation.",
            "Human resources now sends terminations to the identity team through an automated daily feed, and "
            "revocations are monitored weekly by the security lead."),
        14: ("Exception noted. For 2 of 12 months sampled, critical vulnerabilities were remediated between "
             "eighteen and twenty-six days after detection.",
             "A remediation tracker with escalation to the engineering director was introduced in October 2024."),
    }
    not_occurred = ("The circumstances that warrant the operation of the control did not occur during the period; "
                    "therefore, no testing was performed.")
    picked = [c for c in CONTROLS if c[0][0][0:2] in ("CC", "A1", "C1")]
    rows, exceptions, criteria = [], [], set()
    for n, (crit, activity, test) in enumerate(picked, start=1):
        cid = f"BW-{n:02d}"
        criteria.update(crit)
        if n in bad:
            desc, resp = bad[n]
            result = f"<p>{e(desc)}</p><p><b>Management's Response:</b> {e(resp)}</p>"
            exceptions.append(exception(cid, desc, resp, crit))
        elif "incident response plan" in activity:
            result = e(not_occurred)
        else:
            result = e(NO_EXCEPTION)
        rows.append([f"<span class='ref'>{cid}<span class='crit'>{', '.join(crit)}</span></span>", e(activity),
                     e(test), result])
    opinion = paras(
        f"We have examined {e(vendor)}'s accompanying description of its {e(system)} (the description) for the "
        f"period {period}, and the suitability of the design and operating effectiveness of controls stated in "
        f"the description to provide reasonable assurance that the service commitments and system requirements "
        f"were achieved based on the trust services criteria relevant to {cats} (applicable trust services "
        f"criteria) set forth in TSP section 100, {ALL_FIVE}.",
        f"{e(vendor)} uses Amazon Web Services (AWS) for {AWS_SERVICES}. The description includes only the "
        "controls of the service organization and excludes controls of AWS; we have applied the carve-out method "
        "for AWS.",
        "<b>Opinion.</b> In our opinion, in all material respects, the description presents the system that was "
        f"designed and implemented throughout the period {period}, and the controls stated in the description "
        "were suitably designed and operated effectively to provide reasonable assurance that the service "
        "commitments and system requirements were achieved based on the applicable trust services criteria.")
    body = (
        f"<h1>System and Organization Controls (SOC) 2 Type 2 Report</h1><div class='card'><p><b>{e(vendor)}</b></p>"
        f"<p>Report on Management's Description of {e(vendor)}'s {e(system)} and on the Suitability of the Design "
        f"and Operating Effectiveness of Its Controls Relevant to Security, Availability, and Confidentiality</p>"
        f"<p>For the period {period}</p><p>Prepared for customers of {e(vendor)} under NDA</p></div>"
        + _toc([("Section 1 · Independent Service Auditor's Report", 2), ("Section 2 · Management's Assertion", 3),
                ("Section 3 · Description of the System", 3), ("Section 4 · Tests of Controls and Results", 5)])
        + "<h2 class='brk'>Section 1 · Independent Service Auditor's Report</h2>"
        + f"<p>To the Management of {e(vendor)}:</p>" + opinion + _signature("Denver, Colorado", "February 14, 2025")
        + "<h2>Section 2 · Management's Assertion</h2>"
        + paras(f"We have prepared the accompanying description of {e(vendor)}'s {e(system)} for the period "
                f"{period}. We confirm, to the best of our knowledge and belief, that the controls stated in the "
                "description were suitably designed and operated effectively throughout the period.")
        + "<h2>Section 3 · Description of the System</h2>"
        + paras(f"The {e(system)} lets retailers analyse sales and inventory data uploaded from their stores.")
        + "<h3>Subservice Organizations</h3>"
        + paras(f"Amazon Web Services (AWS) provides {AWS_SERVICES}. The carve-out method has been used.")
        + "<h3>Complementary Controls</h3>"
        + paras("The following controls are expected to be in place at AWS, together with the controls of "
                f"{e(vendor)}, to meet the applicable trust services criteria.")
        + table(["Subservice Organization", "Expected Control"], [["AWS", e(t)] for t in CSOCS])
        + "<h3>Complementary User Entity Controls</h3>"
        + paras(f"{e(vendor)}'s controls were designed with the assumption that user entities operate the "
                "following controls.") + bullets(CUECS[:4])
        + "<h2 class='brk'>Section 4 · Tests of Controls and Results</h2>"
        + table(["Ref.", "Control Activity", "Tests Performed by Kestrel Marsh", "Test Results"], rows))
    report = blank_report(
        framework="SOC 2", type="Type 2", service_organization=vendor, system=system, period_start="2024-01-01",
        period_end="2024-12-31", report_date="2025-02-14", service_auditor=FIRM, opinion="unmodified",
        categories=["Security", "Availability", "Confidentiality"], criteria=sorted(criteria), exceptions=exceptions,
        cuecs=[{"text": t, "criteria": [], "page": None} for t in CUECS[:4]],
        subservice_organizations=[{"name": "Amazon Web Services", "services": AWS_SERVICES, "method": "carve-out"}],
        csocs=[{"text": t, "subservice_organization": "AWS", "page": None} for t in CSOCS])
    html = page("kestrel", "SOC 2 Type 2", f"{vendor} · SOC 2 Type 2 · Proprietary and Confidential", body)
    return Built("kestrel-soc2-t2-responses", "kestrel", "soc2-type2", "soc_report", html, report,
                 {"period_start": ["January 1, 2024"], "period_end": ["December 31, 2024"],
                  "report_date": ["February 14, 2025"]})


def soc2_type1() -> Built:
    vendor, system = "Quenby Logistics Cloud, Inc.", "Quenby Route Planner"
    gcp = "managed database and compute services"
    picked = [c for c in CONTROLS if c[0][0].startswith("CC")][:12]
    rows = [[f"<span class='ref'>QL-{n}</span>", e(", ".join(c)), e(a)] for n, (c, a, _) in enumerate(picked, 1)]
    criteria = sorted({x for c, _, _ in picked for x in c})
    resp = [CUECS[0], CUECS[2], CUECS[4]]
    body = (
        f"<h1>SOC 2® Type 1 Report</h1><div class='card'><p><b>{e(vendor)}</b> · {e(system)}</p>"
        "<p>Report on the Suitability of the Design of Controls Relevant to Security as of March 31, 2024</p></div>"
        "<h2 class='brk'>Independent Service Auditor's Report</h2>"
        + paras(f"We have examined {e(vendor)}'s description of its {e(system)} as of March 31, 2024 and the "
                "suitability of the design of controls stated in the description based on the trust services "
                "criteria relevant to security.",
                f"{e(vendor)} uses Google Cloud Platform (GCP) for {gcp}. The carve-out method was used; the "
                "description excludes the controls of GCP.",
                "<b>Opinion.</b> In our opinion, in all material respects, the description presents the system that "
                "was designed and implemented as of March 31, 2024, and the controls stated in the description were "
                "suitably designed to provide reasonable assurance that the service commitments and system "
                "requirements would be achieved based on the applicable trust services criteria.")
        + _signature("Boise, Idaho", "May 3, 2024")
        + "<h2>Description of the System</h2>"
        + paras(f"The {e(system)} plans delivery routes for regional carriers.")
        + "<h3>User Entity Responsibilities</h3>" + bullets(resp)
        + "<h2>Controls Placed in Operation</h2>" + table(["Ref.", "Criteria", "Control Activity"], rows))
    report = blank_report(
        framework="SOC 2", type="Type 1", service_organization=vendor, system=system, as_of="2024-03-31",
        report_date="2024-05-03", service_auditor=FIRM, opinion="unmodified", categories=["Security"],
        criteria=criteria, cuecs=[{"text": t, "criteria": [], "page": None} for t in resp],
        subservice_organizations=[{"name": "Google Cloud Platform", "services": gcp, "method": "carve-out"}])
    html = page("kestrel", "SOC 2 Type 1", f"{vendor} · SOC 2 Type 1 · Proprietary and Confidential", body)
    return Built("kestrel-soc2-t1", "kestrel", "soc2-type1", "soc_report", html, report,
                 {"as_of": ["March 31, 2024"], "report_date": ["May 3, 2024"]})
