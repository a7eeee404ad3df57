"""The office holdout's documents: nine reports from four fictional CPA firms, two bridge letters and one
vendor whitepaper. Each entry is the single source of what is printed and of the truth."""

from __future__ import annotations

from datetime import date as d

from .controls import PAYROLL_OBJECTIVES, soc1_controls, soc2_controls
from .model import Report

SEC_AV_CONF = ["Security", "Availability", "Confidentiality"]
ALL5 = ["Security", "Availability", "Processing Integrity", "Confidentiality", "Privacy"]
AWS_HOSTING = "infrastructure hosting of the production environment"
AWS_CSOCS = [("Physical access to data center facilities is restricted to authorized personnel.",
              "Amazon Web Services"),
             ("Environmental safeguards, including fire suppression and redundant power, are maintained.",
              "Amazon Web Services")]
SAAS_CUECS = [
    ("User entities are responsible for approving and periodically reviewing the access of their own users to "
     "the application.", ["CC6.2", "CC6.3"]),
    ("User entities are responsible for notifying the service organization of suspected security incidents "
     "involving the service.", ["CC7.3"]),
    ("User entities are responsible for securing the workstations and networks from which their users reach "
     "the service.", ["CC6.6"]),
]


def ashcombe_id(i: int, crit: list[str]) -> str:
    return f"{crit[0]}.{i % 3 + 1}"


def quill_id(i: int, crit: list[str]) -> str:
    return f"SEC-{i + 3:02d}"


def redgrave_id(i: int, crit: list[str]) -> str:
    return f"C-{101 + i}"


def reports() -> list[Report]:
    halvard = Report(
        "ashcombe-soc2-t2-inline", "soc2-type2", "ashcombe", "Halvard Ledger Systems, Inc.",
        "Halvard Treasury Cloud", "SOC 2", "Type 2", "unmodified", d(2024, 5, 17),
        "for the period from 1 April 2023 through 31 March 2024", d(2023, 4, 1), d(2024, 3, 31),
        categories=SEC_AV_CONF, recipient="Northwind Mutual Insurance Company",
        controls=soc2_controls(SEC_AV_CONF, ashcombe_id, {
            1: ("Exception noted. For 2 of 25 employees sampled, annual security awareness training was completed "
                "after the due date.", "Management has configured automated reminders and escalation to "
                "department heads for overdue training."),
            9: ("Exception noted. For 1 of 4 quarters sampled, the review of access to the treasury database was "
                "not completed.", "The missed review was performed in the following quarter and no inappropriate "
                "access was found. A second reviewer now confirms completion."),
            20: ("Exception noted. For 3 of 25 data stores sampled, the classification label was missing from the "
                 "data inventory.", None)}, not_tested=(15,)),
        cuecs=SAAS_CUECS, subservices=[("Amazon Web Services", AWS_HOSTING, "carve-out")], csocs=AWS_CSOCS,
        printed_dates={"period_start": ["1 April 2023"], "period_end": ["31 March 2024"],
                       "report_date": ["May 17, 2024"]})
    brindle = Report(
        "ashcombe-soc2-t1", "soc2-type1", "ashcombe", "Brindle Analytics Ltd.", "Brindle Insight Platform",
        "SOC 2", "Type 1", "unmodified", d(2024, 4, 26), as_of=d(2024, 3, 31), categories=["Security"],
        controls=soc2_controls(["Security"], ashcombe_id, {}),
        cuec_heading="User Entity Responsibilities", cuecs=SAAS_CUECS[:2],
        subservices=[("Google Cloud Platform", "hosting of the analytics clusters and object storage", "inclusive")],
        printed_dates={"as_of": ["March 31, 2024"], "report_date": ["April 26, 2024"]})
    sorrel = Report(
        "quillfeather-soc2-t2-all5", "soc2-type2", "quillfeather", "Sorrel Health Exchange, LLC",
        "Sorrel Care Coordination Platform", "SOC 2", "Type 2", "unmodified", d(2024, 8, 9),
        "for the twelve months ended June 30, 2024", d(2023, 7, 1), d(2024, 6, 30), categories=ALL5,
        recipient="Bexley Regional Health Partners",
        controls=soc2_controls(ALL5, quill_id, {
            7: ("Exception noted. For 2 of 25 new users sampled, access was provisioned before the manager's "
                "approval was recorded.", "Management has added a mandatory approval step to the provisioning "
                "workflow; tickets cannot be fulfilled without it."),
            16: ("Exceptions noted \u2013 see management response. For 3 of 40 production changes sampled, no "
                 "evidence of peer review was retained.", "Peer review is now enforced by branch protection "
                 "rules in the source repository."),
            22: ("Exception noted. For 1 of 30 input files sampled, the validation report was not retained.",
                 "Validation reports are now written to immutable storage."),
            25: ("Exception noted. For 1 of 10 disclosure requests sampled, the purpose was not recorded in the "
                 "disclosure log.", "The privacy office reviews the disclosure log monthly since March 2024.")},
            not_tested=(15,)),
        cuec_heading="User Control Considerations", cuecs=[(t, []) for t, _c in SAAS_CUECS],
        subservices=[("Microsoft Azure", "cloud hosting of the production databases and application services",
                      None)],
        csocs=[("Logical and physical access to the hosting infrastructure is restricted to authorized staff.",
                "Microsoft Azure"),
               ("Hardware is maintained and replaced before the end of its supported life.", "Microsoft Azure")],
        printed_dates={"period_end": ["June 30, 2024"], "report_date": ["August 9, 2024"]})
    marlin = Report(
        "quillfeather-soc2-t2-qualified", "soc2-type2", "quillfeather", "Marlin Freight Data Corp.",
        "Marlin Dispatch Portal", "SOC 2", "Type 2", "qualified", d(2024, 8, 30),
        "for the review period 01/01/2024 - 06/30/2024", d(2024, 1, 1), d(2024, 6, 30),
        categories=["Security", "Availability"],
        controls=soc2_controls(["Security", "Availability"], quill_id, {
            8: ("Exception noted. For 6 of 25 terminated employees sampled, access was revoked between four and "
                "nineteen business days after separation.", "Human resources now sends terminations to IT "
                "through an automated feed."),
            13: ("Exception noted. For 2 of 6 months sampled, critical vulnerabilities were remediated after "
                 "fifteen days.", None),
            18: ("Exception noted. For 4 of 25 days sampled, backup replication to the second region failed "
                 "without an alert.", "Replication monitoring alerts were added in May 2024.")}),
        subservices=[("Amazon Web Services", AWS_HOSTING, "carve-out")],
        cuecs=[(t, []) for t, _c in SAAS_CUECS[:2]], cuec_heading="Complementary User Entity Controls",
        printed_dates={"period_start": ["01/01/2024"], "period_end": ["06/30/2024"],
                       "report_date": ["August 30, 2024"]})
    pellucid = Report(
        "thistledown-soc1-t2-dev", "soc1-type2", "thistledown", "Pellucid Payroll Services, Inc.",
        "Pellucid Payroll Processing System", "SOC 1", "Type 2", "unmodified", d(2025, 1, 15),
        "throughout the period December 1, 2023 to November 30, 2024", d(2023, 12, 1), d(2024, 11, 30),
        objectives=PAYROLL_OBJECTIVES, recipient="Harbor Point Manufacturing Co.",
        controls=soc1_controls(PAYROLL_OBJECTIVES, {
            "CO2-02": ("Deviation noted: for 1 of 25 off-cycle payments sampled, the supervisor's approval was "
                       "recorded after the payment was released.", "Approval is now required by the payment "
                       "system before release."),
            "CO4-02": ("Deviation noted: the privileged access review for the second quarter was not performed.",
                       None),
            "CO4-03": ("Deviation noted: for 2 of 25 terminated employees sampled, access was removed five "
                       "business days after separation.", "Management has automated account removal from the "
                       "human resources system.")}),
        cuecs=[("User entities are responsible for submitting complete and accurate payroll input before the "
                "processing deadline.", []),
               ("User entities are responsible for reviewing payroll registers and reporting errors within two "
                "business days.", []),
               ("User entities are responsible for restricting access to the client portal to authorized "
                "employees.", [])],
        subservices=[("Kettering Print Solutions, LLC", "printing and mailing of pay statements", "inclusive"),
                     ("Amazon Web Services", AWS_HOSTING, "carve-out")],
        printed_dates={"period_start": ["December 1, 2023"], "period_end": ["November 30, 2024"],
                       "report_date": ["January 15, 2025"]})
    corriedale = Report(
        "thistledown-soc1-t1", "soc1-type1", "thistledown", "Corriedale Fund Administrators LLC",
        "Corriedale Investor Accounting System", "SOC 1", "Type 1", "unmodified", d(2024, 8, 2),
        as_of=d(2024, 6, 30), objectives=PAYROLL_OBJECTIVES[3:],
        controls=soc1_controls(PAYROLL_OBJECTIVES[3:], {}),
        cuec_heading="Complementary User Entity Controls",
        cuecs=[("User entities are responsible for reviewing investor statements and reporting discrepancies.", [])],
        subservices=[("Microsoft Azure", "hosting of the investor accounting database", "carve-out")],
        printed_dates={"as_of": ["June 30, 2024"], "report_date": ["August 2, 2024"]})
    tamarisk = Report(
        "redgrave-soc2-t2-adverse", "soc2-type2", "redgrave", "Tamarisk Cloud Telephony, Inc.",
        "Tamarisk Voice Platform", "SOC 2", "Type 2", "adverse", d(2025, 3, 14),
        "for the period January 1, 2024 to December 31, 2024", d(2024, 1, 1), d(2024, 12, 31),
        categories=["Security", "Availability"],
        controls=soc2_controls(["Security", "Availability"], redgrave_id, {
            6: ("Exceptions noted \u2013 see management response. Multi-factor authentication was not enforced "
                "for 14 of 40 administrator accounts sampled.", "Multi-factor authentication was enforced for all "
                "administrators in January 2025."),
            7: ("Exception noted. For 9 of 25 new users sampled, no access request was recorded.", None),
            9: ("Exception noted. User access reviews were not performed during the period.",
                "Quarterly reviews resumed in February 2025 with a new owner."),
            16: ("Exception noted. For 11 of 40 production changes sampled, the change was deployed without a "
                 "second engineer's approval.", None),
            19: ("Exception noted. No restoration test was performed during the period.",
                 "A restoration test is scheduled for the second quarter of 2025.")}),
        cuec_heading="User Entity Responsibilities", cuecs=[(t, []) for t, _c in SAAS_CUECS],
        subservices=[("Microsoft Azure", "hosting of the voice platform's media servers", "carve-out")],
        printed_dates={"period_start": ["January 1, 2024"], "period_end": ["December 31, 2024"],
                       "report_date": ["March 14, 2025"]})
    quenby_cats = ["Security", "Processing Integrity", "Confidentiality"]
    quenby = Report(
        "redgrave-soc2-t2-clean", "soc2-type2", "redgrave", "Quenby Document Services, Inc.",
        "Quenby eSignature Service", "SOC 2", "Type 2", "unmodified", d(2024, 9, 20),
        "for the Period August 1, 2023, to July 31, 2024", d(2023, 8, 1), d(2024, 7, 31), categories=quenby_cats,
        controls=soc2_controls(quenby_cats, redgrave_id, {}, passing="No relevant exceptions noted."),
        cuec_heading="User Entity Responsibilities", cuecs=[(t, []) for t, _c in SAAS_CUECS[:2]],
        subservices=[("Amazon Web Services", AWS_HOSTING, "carve-out"),
                     ("Google Cloud Platform", "document rendering services", "carve-out")],
        printed_dates={"period_start": ["August 1, 2023"], "period_end": ["July 31, 2024"],
                       "report_date": ["September 20, 2024"]})
    wexcombe = Report(
        "redgrave-soc3", "soc3", "redgrave", "Wexcombe Identity, Inc.", "Wexcombe Single Sign-On Service",
        "SOC 3", None, "unmodified", d(2024, 11, 22),
        "throughout the period October 1, 2023 to September 30, 2024", d(2023, 10, 1), d(2024, 9, 30),
        categories=["Security", "Availability"],
        subservices=[("Amazon Web Services", AWS_HOSTING, "carve-out")],
        printed_dates={"period_start": ["October 1, 2023"], "period_end": ["September 30, 2024"],
                       "report_date": ["November 22, 2024"]})
    return [halvard, brindle, sorrel, marlin, pellucid, corriedale, tamarisk, quenby, wexcombe]
