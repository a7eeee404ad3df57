"""The fictional controls the office holdout's reports test: SOC 2 controls by criterion, SOC 1 control objectives
with their controls. Each report picks the ones its categories cover and numbers them in its firm's own way."""

from __future__ import annotations

from collections.abc import Callable

from .model import Control

# (criteria, control activity, test procedure)
SOC2_BASE: list[tuple[list[str], str, str]] = [
    (["CC1.1"], "The Code of Conduct is acknowledged by employees upon hire and annually thereafter.",
     "Inspected signed acknowledgements for a sample of new hires and current employees."),
    (["CC1.4", "CC2.2"], "New employees complete security awareness training within thirty days of hire and "
     "annually thereafter.", "Inspected training completion records for a sample of employees."),
    (["CC2.1"], "Information security policies are reviewed and approved by the Chief Information Security "
     "Officer at least annually.", "Inspected the policies and evidence of their annual review and approval."),
    (["CC3.1", "CC3.2"], "A formal risk assessment is performed annually; identified risks are assigned owners "
     "and documented treatment plans.", "Inspected the most recent risk assessment and the risk register."),
    (["CC4.1"], "Internal audit performs quarterly reviews of key controls and reports findings to the Audit "
     "Committee.", "Inspected the quarterly reports and Audit Committee minutes for a sample of quarters."),
    (["CC5.2"], "Configuration baselines for servers are defined and enforced through automated configuration "
     "management tooling.", "Inspected the baseline definitions and the tooling's compliance reports."),
    (["CC6.1"], "Access to production systems requires multi-factor authentication through the corporate "
     "identity provider.", "Observed a login attempt and inspected the identity provider's configuration."),
    (["CC6.2"], "New user access is provisioned only after a documented request is approved by the user's "
     "manager.", "Inspected access requests and approvals for a sample of new users."),
    (["CC6.2", "CC6.3"], "Access of terminated employees is revoked within one business day of separation.",
     "Compared the termination list with the identity provider's deactivation log for a sample of leavers."),
    (["CC6.3"], "User access to production systems is reviewed quarterly by system owners, and inappropriate "
     "access is removed.", "Inspected the access reviews for a sample of quarters and the resulting tickets."),
    (["CC6.6"], "Firewalls restrict inbound traffic to the production network to approved ports and protocols.",
     "Inspected firewall rule sets and the approval of a sample of rule changes."),
    (["CC6.7"], "Customer data is encrypted in transit using TLS 1.2 or higher.",
     "Inspected the load balancer configuration and observed a connection's negotiated protocol."),
    (["CC6.8"], "Endpoint protection software is installed on workstations and servers and its definitions "
     "are updated daily.", "Inspected the endpoint console for a sample of workstations and servers."),
    (["CC7.1"], "Vulnerability scans of the production environment are performed monthly, and critical findings "
     "are remediated within fifteen days.", "Inspected scan reports and remediation tickets for a sample of months."),
    (["CC7.2"], "Security events are logged to a central system and alerts are reviewed by the security "
     "operations team.", "Inspected the logging configuration and alert reviews for a sample of days."),
    (["CC7.3", "CC7.4"], "Major security incidents are reported to affected customers within seventy-two hours "
     "of confirmation.", "Inquired of management and inspected the incident register."),
    (["CC8.1"], "Changes to production are peer reviewed and approved by a second engineer before deployment.",
     "Inspected approvals in the change system for a sample of production changes."),
    (["CC9.2"], "Critical vendors are assessed for security risk before onboarding and annually thereafter.",
     "Inspected vendor assessments for a sample of critical vendors."),
    (["A1.2"], "Production databases are backed up daily and backups are replicated to a second region.",
     "Inspected the backup schedule and replication status for a sample of days."),
    (["A1.3"], "Restoration from backup is tested at least annually and the results are documented.",
     "Inspected the most recent restoration test and its results."),
    (["C1.1"], "Confidential customer data is classified and labeled in accordance with the data classification "
     "policy.", "Inspected the data inventory and the classification of a sample of data stores."),
    (["C1.2"], "Customer data is deleted within thirty days of contract termination upon the customer's request.",
     "Inspected deletion tickets for a sample of terminated customers."),
    (["PI1.2"], "Input files received from customers are validated for completeness and format before "
     "processing.", "Inspected validation reports for a sample of input files."),
    (["PI1.4"], "Processing output is reconciled to input control totals daily, and differences are "
     "investigated.", "Inspected reconciliations for a sample of days."),
    (["P4.2"], "Personal information is retained only for the periods defined in the retention schedule.",
     "Inspected the retention schedule and the purge job's logs for a sample of months."),
    (["P6.1"], "Personal information is disclosed to third parties only for the purposes identified in the "
     "privacy notice.", "Inspected disclosure logs for a sample of third-party requests."),
]

NOT_TESTED = ("The circumstances that warrant the operation of the control did not occur during the period; "
              "therefore, no testing was performed.")
def category_of(criterion: str) -> str:
    for prefix, category in (("CC", "Security"), ("PI", "Processing Integrity"), ("A", "Availability"),
                             ("C", "Confidentiality"), ("P", "Privacy")):
        if criterion.startswith(prefix):
            return category
    raise ValueError(criterion)


def soc2_controls(categories: list[str], number: Callable[[int, list[str]], str],
                  results: dict[int, tuple[str, str | None]], not_tested: tuple[int, ...] = (),
                  passing: str = "No exceptions noted.") -> list[Control]:
    """The base controls in scope for these categories, numbered by `number(index, criteria)`; `results` gives
    the exception results (by base index) with their responses."""
    out = []
    for i, (crit, activity, test) in enumerate(SOC2_BASE):
        if not all(category_of(c) in categories for c in crit):
            continue
        ctl = Control(number(i, crit), crit, activity, test, passing)
        if i in results:
            ctl.result, ctl.response = results[i]
            ctl.exception = True
        elif i in not_tested:
            ctl.result = NOT_TESTED
        out.append(ctl)
    return out


PAYROLL_OBJECTIVES = [
    ("1", "Client Setup", "Controls provide reasonable assurance that new client accounts and changes to client "
     "master data are authorized and recorded completely and accurately."),
    ("2", "Payroll Processing", "Controls provide reasonable assurance that payroll input received from clients "
     "is processed completely, accurately and timely."),
    ("3", "Tax Filing", "Controls provide reasonable assurance that payroll tax deposits and filings are "
     "calculated accurately and remitted timely."),
    ("4", "Logical Access", "Controls provide reasonable assurance that logical access to programs, data and "
     "operating system resources is restricted to authorized individuals."),
    ("5", "Change Management", "Controls provide reasonable assurance that changes to application programs are "
     "authorized, tested, approved and implemented appropriately."),
    ("6", "Computer Operations", "Controls provide reasonable assurance that scheduled processing is monitored "
     "and that processing failures are identified and resolved."),
]

# objective id -> [(activity, test)]
PAYROLL_CONTROLS: dict[str, list[tuple[str, str]]] = {
    "1": [("New client setup forms are approved by an implementation manager before the client is activated.",
           "Inspected setup forms and approvals for a sample of new clients."),
          ("Changes to client bank account details are verified by a call-back to the client's authorized contact.",
           "Inspected call-back evidence for a sample of bank detail changes.")],
    "2": [("Payroll registers are compared with client-approved input totals before funds are released.",
           "Inspected the comparison and its sign-off for a sample of payroll runs."),
          ("Off-cycle payments require the approval of a payroll supervisor.",
           "Inspected approvals for a sample of off-cycle payments.")],
    "3": [("Tax deposits are reconciled to the tax liability report each week by the tax team.",
           "Inspected reconciliations for a sample of weeks."),
          ("Quarterly filings are reviewed by a second tax specialist before submission.",
           "Inspected review evidence for a sample of quarterly filings.")],
    "4": [("Access to the payroll application is granted on an approved request.",
           "Inspected requests and approvals for a sample of new users."),
          ("Privileged access to the production database is reviewed quarterly by the Director of IT.",
           "Inspected the quarterly privileged access reviews."),
          ("Access of terminated employees is removed within two business days.",
           "Compared the termination list with account removal dates for a sample of leavers.")],
    "5": [("Application changes are tested by quality assurance and approved by the change advisory board.",
           "Inspected test evidence and approvals for a sample of changes."),
          ("Developers cannot deploy changes to the production environment.",
           "Inspected the deployment pipeline's permissions.")],
    "6": [("Batch job failures generate alerts that operations staff resolve and record in a ticket.",
           "Inspected tickets for a sample of job failure alerts."),
          ("Daily backups of the payroll database are monitored for successful completion.",
           "Inspected backup logs for a sample of days.")],
}


def soc1_controls(objectives: list[tuple[str, str, str]], results: dict[str, tuple[str, str | None]],
                  passing: str = "No deviations noted.") -> list[Control]:
    """Controls for these objectives, numbered CO<objective>-<nn>; `results` keys are control ids."""
    out = []
    for oid, _title, _text in objectives:
        for n, (activity, test) in enumerate(PAYROLL_CONTROLS[oid], 1):
            cid = f"CO{oid}-{n:02d}"
            ctl = Control(cid, [], activity, test, passing, objective=oid)
            if cid in results:
                ctl.result, ctl.response = results[cid]
                ctl.exception = True
            out.append(ctl)
    return out
