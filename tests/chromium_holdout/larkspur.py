"""Larkspur Penn LLP's reports: a SOC 2 Type 2 whose tests sit under criterion headings ("CC6.1 The entity ...")
in 3-column tables (Control | Test Procedures | Results, the control cell opening with its id in bold), with
management's responses in Section V; and a SOC 3 whose categories are a bullet list."""

from __future__ import annotations

from .bank import CONTROLS, NO_EXCEPTION, Built, blank_report, exception
from .styles import bullets, e, page, paras, table

FIRM = "Larkspur Penn LLP"
CRITERION_TEXT = {
    "CC1.1": "The entity demonstrates a commitment to integrity and ethical values.",
    "CC1.4": "The entity demonstrates a commitment to attract, develop, and retain competent individuals.",
    "CC2.1": "The entity obtains or generates and uses relevant, quality information to support internal control.",
    "CC4.1": "The entity selects, develops, and performs ongoing and/or separate evaluations.",
    "CC5.2": "The entity selects and develops general control activities over technology.",
    "CC6.1": "The entity implements logical access security software, infrastructure, and architectures over "
             "protected information assets to protect them from security events to meet the entity's objectives.",
    "CC6.2": "Prior to issuing system credentials and granting system access, the entity registers and authorizes "
             "new internal and external users.",
    "CC6.3": "The entity authorizes, modifies, or removes access to data, software, functions, and other protected "
             "information assets based on roles and responsibilities.",
    "CC6.6": "The entity implements logical access security measures to protect against threats from sources "
             "outside its system boundaries.",
    "CC6.7": "The entity restricts the transmission, movement, and removal of information.",
    "CC6.8": "The entity implements controls to prevent or detect and act upon the introduction of unauthorized "
             "or malicious software.",
    "CC7.1": "To meet its objectives, the entity uses detection and monitoring procedures to identify changes "
             "to configurations and newly discovered vulnerabilities.",
    "CC8.1": "The entity authorizes, designs, develops or acquires, configures, documents, tests, approves, and "
             "implements changes to infrastructure, data, software, and procedures.",
    "CC9.2": "The entity assesses and manages risks associated with vendors and business partners.",
    "A1.2": "The entity authorizes, designs, develops or acquires, implements, operates, approves, maintains, and "
            "monitors environmental protections, software, data backup processes, and recovery infrastructure.",
    "A1.3": "The entity tests recovery plan procedures supporting system recovery to meet its objectives.",
}
AZURE = "hosting of the claims processing environment"


def soc2_grouped() -> Built:
    vendor, system = "Corvane Health Systems, LLC", "Corvane Claims Exchange"
    bad = {
        "CC6.2": ("Exceptions noted \u2013 see management response. For 3 of 25 new users sampled, access was "
                  "provisioned before the manager's approval was recorded.",
                  "Provisioning tickets can no longer be closed without a recorded approval; the three users' access "
                  "was reviewed and found appropriate."),
        "A1.2": ("Exception noted. For 2 of 25 days sampled, the nightly replication job failed and was not rerun "
                 "until the following business day.", None),
    }
    picked = [c for c in CONTROLS if len(c[0]) == 1 and c[0][0] in CRITERION_TEXT]
    sections, exceptions, responses = [], [], []
    for n, (crit, activity, test) in enumerate(picked, start=1):
        cid, key = f"CV-{n:02d}", crit[0]
        result = NO_EXCEPTION
        if key in bad:
            result, resp = bad[key]
            exceptions.append(exception(cid, result, resp, crit))
            if resp:
                responses.append((cid, resp))
        sections.append(f"<h3 class='criterion keep'><b>{key}</b>{e(CRITERION_TEXT[key])}</h3>"
                        + table(["Control", "Test Procedures", "Results"],
                                [[f"<b>{cid}</b> {e(activity)}", e(test), e(result)]]))
    cuec_rows = [("User entities are responsible for approving the access of their own staff to the claims portal.",
                  ["CC6.2", "CC6.3"]),
                 ("User entities are responsible for encrypting claim files before uploading them.", ["CC6.7"]),
                 ("User entities are responsible for reviewing the daily claims reconciliation report.", ["A1.2"])]
    body = (
        "<h1>Report on Controls Relevant to Security and Availability</h1>"
        + paras(f"<b>{e(vendor)}</b>", f"Report on {e(vendor)}'s Description of Its {e(system)} and the "
                "Suitability of the Design and Operating Effectiveness of Its Controls",
                "SOC 2 Type II", "throughout the period December 1, 2023 to November 30, 2024")
        + "<h2 class='brk'>Section I \u2014 Independent Service Auditor's Report</h2>"
        + paras(f"We have examined the description of {e(system)} of {e(vendor)} throughout the period December 1, "
                "2023 to November 30, 2024, based on the trust services criteria relevant to security and "
                "availability.",
                f"{e(vendor)} uses Microsoft Azure for {AZURE}. The description includes the relevant controls of "
                "Microsoft Azure, and our examination included them; the inclusive method was used.",
                "In our opinion, in all material respects, the description presents the system that was designed "
                "and implemented throughout the period, and the controls stated in the description were suitably "
                "designed and operated effectively.")
        + "<p style='font: italic 16pt DejaVu Serif'>Larkspur Penn LLP</p><p>Hartford, Connecticut<br>"
          "January 24, 2025</p>"
        + "<h2>Section III \u2014 Description of the System</h2>"
        + paras(f"The {e(system)} routes medical claims between clinics and payers.")
        + "<h3>Complementary User Entity Controls</h3>"
        + table(["User Entity Controls", "Related Criteria"], [[e(t), ", ".join(c)] for t, c in cuec_rows])
        + "<h2 class='brk'>Section IV \u2014 Trust Services Criteria, Controls, Tests and Results</h2>"
        + "".join(sections)
        + "<h2>Section V \u2014 Other Information Provided by Management</h2>"
        + "".join(f"<p><b>{cid} \u2014 Management's response.</b> {e(r)}</p>" for cid, r in responses))
    report = blank_report(
        framework="SOC 2", type="Type 2", service_organization=vendor, system=system, period_start="2023-12-01",
        period_end="2024-11-30", report_date="2025-01-24", service_auditor=FIRM, opinion="unmodified",
        categories=["Security", "Availability"], criteria=sorted({c[0][0] for c in picked}), exceptions=exceptions,
        cuecs=[{"text": t, "criteria": c, "page": None} for t, c in cuec_rows],
        subservice_organizations=[{"name": "Microsoft Azure", "services": AZURE, "method": "inclusive"}])
    html = page("larkspur", "SOC 2 Type II", f"{vendor} \u2014 SOC 2 Type II", body,
                foot="Prepared for Halden Mutual Insurance \u2014 Proprietary and Confidential")
    return Built("larkspur-soc2-t2-grouped", "larkspur", "soc2-type2", "soc_report", html, report,
                 {"period_start": ["December 1, 2023"], "period_end": ["November 30, 2024"],
                  "report_date": ["January 24, 2025"]})


def soc3() -> Built:
    vendor, system = "Thornquist Identity, Inc.", "Thornquist Sign-In Service"
    aws = "cloud hosting of the sign-in service"
    body = (
        "<h1>SOC 3\u00ae Report</h1>"
        + paras(f"<b>{e(vendor)}</b> \u2014 {e(system)}", "for the twelve months ended June 30, 2024")
        + "<h2>Independent Service Auditor's Report</h2>"
        + paras(f"We have examined {e(vendor)}'s accompanying assertion titled \u201cAssertion of {e(vendor)} "
                f"Management\u201d that the controls within the {e(system)} were effective for the twelve months "
                "ended June 30, 2024, to provide reasonable assurance that its service commitments and system "
                "requirements were achieved based on the trust services criteria relevant to the following "
                "categories:")
        + bullets(["Security", "Availability", "Confidentiality"], "cats")
        + paras(f"{e(vendor)} uses Amazon Web Services for {aws}; the carve-out method was used.",
                f"In our opinion, management's assertion that the controls within the {e(system)} were effective "
                "for the twelve months ended June 30, 2024 is fairly stated, in all material respects.")
        + "<p style='font: italic 16pt DejaVu Serif'>Larkspur Penn LLP</p><p>Hartford, Connecticut<br>"
          "August 16, 2024</p>")
    report = blank_report(
        framework="SOC 3", service_organization=vendor, system=system, period_start="2023-07-01",
        period_end="2024-06-30", report_date="2024-08-16", service_auditor=FIRM, opinion="unmodified",
        categories=["Security", "Availability", "Confidentiality"],
        subservice_organizations=[{"name": "Amazon Web Services", "services": aws, "method": "carve-out"}])
    html = page("larkspur", "SOC 3", f"{vendor} \u2014 SOC 3 \u2014 General Use", body)
    return Built("larkspur-soc3", "larkspur", "soc3", "soc_report", html, report,
                 {"period_end": ["June 30, 2024"], "report_date": ["August 16, 2024"]})
