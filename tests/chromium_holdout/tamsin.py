# ruff: noqa: E501  (one line per data sentence or CSS rule reads better than wrapped strings)
"""Tamsin Vale & Co. LLP's reports: a SOC 1 Type 2 with "Control Objective 5 \u2014 Change Management" bars,
the objective sentence, then a table; and a SOC 2 Type 2 with a qualified opinion."""

from __future__ import annotations

from .bank import CONTROLS, CUECS, NO_EXCEPTION, Built, blank_report, exception
from .styles import bullets, e, page, paras, table

FIRM = "Tamsin Vale & Co. LLP"
OBJECTIVES = [
    ("Client Setup", "Controls provide reasonable assurance that new client accounts and changes to client master "
                     "data are authorized and recorded completely and accurately."),
    ("Payroll Input", "Controls provide reasonable assurance that payroll input received from clients is processed "
                      "completely, accurately and timely."),
    ("Tax Filing", "Controls provide reasonable assurance that payroll tax filings are prepared and submitted "
                   "accurately and timely."),
    ("Logical Access", "Controls provide reasonable assurance that logical access to payroll applications and data "
                       "is restricted to authorized personnel."),
    ("Change Management", "Controls provide reasonable assurance that changes to payroll applications are "
                          "authorized, tested, approved and implemented appropriately."),
]
ACTIVITIES = [
    ("New client setups are approved by a client services manager.", "Inspected approvals for a sample of setups."),
    ("Payroll input totals are reconciled to client control totals.", "Inspected reconciliations for a sample of runs."),
    ("Tax filings are reviewed by a second tax specialist before submission.", "Inspected reviews for a sample of filings."),
    ("Access to the payroll application is reviewed quarterly.", "Inspected the quarterly access reviews."),
    ("Application changes are tested and approved before release.", "Inspected tests and approvals for a sample of changes."),
]
GCP = "hosting of the payroll processing environment"


def soc1_type2() -> Built:
    vendor, system = "Pellmore Payroll Services, Inc.", "Pellmore PayRun Payroll Processing System"
    desc = ("Deviation noted: for 2 of 25 changes sampled, the change was released to production before user "
            "acceptance testing was signed off.")
    resp = "Release tooling now blocks deployment until the user acceptance sign-off is attached to the change."
    blocks, exceptions = [], []
    for n, ((title, text), (act, test)) in enumerate(zip(OBJECTIVES, ACTIVITIES, strict=True), start=1):
        rows = []
        for k in (1, 2):
            cid = f"CO{n}-{k:02d}"
            result = NO_EXCEPTION.replace("exceptions", "deviations")
            if n == 5 and k == 2:
                result = desc
                exceptions.append(exception(cid, desc, resp, objective=str(n)))
            rows.append([f"<span>{cid}</span>", e(act if k == 1 else act.replace(" are ", " are logged and ")),
                         e(test), e(result)])
        blocks.append(f"<div class='keep'><h3 class='objective'>Control Objective {n} \u2014 {e(title)}</h3>"
                      f"<p class='objective'>{e(text)}</p></div>"
                      + table(["Control No.", "Control Activity", "Tests of Operating Effectiveness", "Results"],
                              rows).replace("<td><span>", "<td class='id'><span>"))
    user_controls = [CUECS[0], "User entities are responsible for submitting complete and accurate payroll input "
                     "before the processing deadline."]
    body = (
        "<h1>SOC 1\u00ae Type 2 Report</h1>"
        + paras(f"<b>{e(vendor)}</b>", f"Report on {e(vendor)}'s Description of Its {e(system)} and on the "
                "Suitability of the Design and Operating Effectiveness of Its Controls",
                "for the Period August 1, 2023, to July 31, 2024")
        + "<h2 class='brk'>Independent Service Auditor's Report</h2>"
        + paras(f"We have examined {e(vendor)}'s description of its {e(system)} for processing user entities' "
                "transactions for the Period August 1, 2023, to July 31, 2024, and the suitability of the design "
                "and operating effectiveness of controls to achieve the related control objectives.",
                f"{e(vendor)} uses Google Cloud Platform for {GCP}. Our examination did not extend to the policies, "
                "procedures, and controls of Google Cloud Platform.",
                "In our opinion, in all material respects, the description fairly presents the system, and the "
                "controls were suitably designed and operated effectively to achieve the control objectives.")
        + "<p><b>Tamsin Vale &amp; Co. LLP</b><br>Richmond, Virginia<br>September 13, 2024</p>"
        + "<h2>Description of the System</h2>" + "<h3>User Control Considerations</h3>" + bullets(user_controls)
        + "<h2 class='brk'>Control Objectives, Controls and Tests of Operating Effectiveness</h2>" + "".join(blocks)
        + "<h2>Other Information Provided by Management</h2>"
        + f"<p>Management's response to the deviation in CO5-02: {e(resp)}</p>")
    report = blank_report(
        framework="SOC 1", type="Type 2", service_organization=vendor, system=system, period_start="2023-08-01",
        period_end="2024-07-31", report_date="2024-09-13", service_auditor=FIRM, opinion="unmodified",
        control_objectives=[{"id": str(n), "text": t} for n, (_, t) in enumerate(OBJECTIVES, 1)],
        exceptions=exceptions, cuecs=[{"text": t, "criteria": [], "page": None} for t in user_controls],
        subservice_organizations=[{"name": "Google Cloud Platform", "services": GCP, "method": "carve-out"}])
    html = page("tamsin", "SOC 1 Type 2", f"{vendor} | SOC 1 Type 2 | Proprietary and Confidential", body)
    return Built("tamsin-soc1-t2-objectives", "tamsin", "soc1-type2", "soc_report", html, report,
                 {"period_start": ["August 1, 2023"], "period_end": ["July 31, 2024"],
                  "report_date": ["September 13, 2024"]})


def soc2_qualified() -> Built:
    vendor, system = "Marrowdale Records Corp.", "Marrowdale Records Vault"
    aws = "storage and compute infrastructure for the records vault"
    bad = {
        9: "Exception noted. For 7 of 25 terminated users sampled, access was not removed for more than thirty days.",
        20: "Exception noted. For 3 of 10 terminated customers sampled, customer data was deleted after ninety days.",
    }
    picked = [c for c in CONTROLS if not c[0][0].startswith("A1")]
    rows, exceptions = [], []
    for n, (crit, act, test) in enumerate(picked, start=1):
        cid = f"MR-{n:03d}"
        result = bad.get(n, NO_EXCEPTION)
        if n in bad:
            exceptions.append(exception(cid, result, None, crit))
        rows.append([f"<span>{cid}</span>", ", ".join(crit), e(act), e(test), e(result)])
    body = (
        "<h1>SOC 2 Type 2</h1>"
        + paras(f"<b>{e(vendor)}</b> \u2014 {e(system)}", "Controls Relevant to Security and Confidentiality",
                "for the period from 1 April 2023 through 31 March 2024")
        + "<h2 class='brk'>Independent Service Auditor's Report</h2>"
        + paras(f"We have examined {e(vendor)}'s description of its {e(system)} for the period from 1 April 2023 "
                "through 31 March 2024 based on the trust services criteria relevant to security and "
                "confidentiality.",
                f"{e(vendor)} uses Amazon Web Services (AWS) for {aws}, under the carve-out method.",
                "<b>Basis for Qualified Opinion</b>",
                "Controls MR-009 and MR-020 did not operate effectively throughout the period, as described in the "
                "tests of controls. As a result, the criteria CC6.2, CC6.3 and C1.2 were not achieved.",
                "<b>Qualified Opinion</b>",
                "In our opinion, except for the matters described in the Basis for Qualified Opinion paragraph, in "
                "all material respects, the controls were suitably designed and operated effectively.")
        + "<p><b>Tamsin Vale &amp; Co. LLP</b><br>Richmond, Virginia<br>May 24, 2024</p>"
        + "<h2>Complementary User Entity Controls</h2>" + bullets(CUECS[1:4])
        + "<h2 class='brk'>Tests of Controls</h2>"
        + table(["Control No.", "Criteria", "Control", "Test Performed", "Result"], rows)
        .replace("<td><span>", "<td class='id'><span>"))
    report = blank_report(
        framework="SOC 2", type="Type 2", service_organization=vendor, system=system, period_start="2023-04-01",
        period_end="2024-03-31", report_date="2024-05-24", service_auditor=FIRM, opinion="qualified",
        categories=["Security", "Confidentiality"], criteria=sorted({x for c, _, _ in picked for x in c}),
        exceptions=exceptions, cuecs=[{"text": t, "criteria": [], "page": None} for t in CUECS[1:4]],
        subservice_organizations=[{"name": "Amazon Web Services", "services": aws, "method": "carve-out"}])
    html = page("tamsin", "SOC 2 Type 2", f"{vendor} | SOC 2 Type 2 | Proprietary and Confidential", body)
    return Built("tamsin-soc2-t2-qualified", "tamsin", "soc2-type2", "soc_report", html, report,
                 {"period_start": ["1 April 2023"], "period_end": ["31 March 2024"], "report_date": ["May 24, 2024"]})
