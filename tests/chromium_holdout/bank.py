# ruff: noqa: E501  (one line per data sentence or CSS rule reads better than wrapped strings)
"""What the documents are made of: the record each document builder returns, the empty truth, and a bank of
controls, tests and user entity controls that the fictional reports share (real reports reuse them too)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Built:
    """One document before printing: its HTML and its truth (pages of exceptions, CUECs, CSOCs still None)."""

    id: str
    template: str
    kind: str
    document_type: str
    html: str
    report: dict[str, Any]
    printed_dates: dict[str, list[str]] = field(default_factory=dict)


def blank_report(**values: Any) -> dict[str, Any]:
    rep: dict[str, Any] = {k: None for k in (
        "framework", "type", "service_organization", "system", "period_start", "period_end", "as_of",
        "report_date", "bridge_period_end", "service_auditor", "opinion")}
    rep.update({k: [] for k in ("categories", "criteria", "control_objectives", "exceptions", "cuecs",
                                "subservice_organizations", "csocs")})
    rep.update(values)
    return rep


def exception(control_id: str, description: str, response: str | None, criteria: list[str] | None = None,
              objective: str | None = None) -> dict[str, Any]:
    return {"control_id": control_id, "criteria": sorted(criteria or []), "control_objective": objective,
            "description": description, "management_response": response, "page": None}


# (criteria, control activity, test procedure) of a SOC 2 control
CONTROLS: list[tuple[list[str], str, str]] = [
    (["CC1.1"], "A code of conduct is acknowledged by personnel upon hire and annually thereafter.",
     "Inspected the code of conduct and acknowledgements for a sample of new hires and current personnel."),
    (["CC1.4"], "Background checks are completed for new personnel before access is granted.",
     "Inspected background check results for a sample of new hires."),
    (["CC2.1"], "Security events are logged centrally and retained for at least one year.",
     "Inspected the logging configuration and retention settings of the central log platform."),
    (["CC3.1", "CC3.2"], "A risk assessment is performed annually and approved by the security committee.",
     "Inspected the annual risk assessment and the minutes recording its approval."),
    (["CC4.1"], "Internal audit reviews the operation of key security controls each quarter.",
     "Inspected the quarterly internal audit reports for a sample of quarters."),
    (["CC5.2"], "Information security policies are reviewed and approved annually by management.",
     "Inspected the information security policies and evidence of their annual approval."),
    (["CC6.1"], "Access to production systems requires multi-factor authentication through the identity provider.",
     "Inspected the identity provider configuration and observed a login to the production environment."),
    (["CC6.2"], "New user access is approved by the user's manager before it is provisioned.",
     "Inspected access requests and approvals for a sample of new users."),
    (["CC6.2", "CC6.3"], "Access of terminated personnel is revoked within one business day of separation.",
     "Compared the termination dates of a sample of leavers with the dates their access was revoked."),
    (["CC6.3"], "User access to production systems is reviewed quarterly by system owners.",
     "Inspected the quarterly access reviews for a sample of quarters and the follow-up of changes requested."),
    (["CC6.6"], "Firewalls restrict inbound traffic to the production network to approved ports.",
     "Inspected the firewall rule sets and the approvals of rule changes."),
    (["CC6.7"], "Data in transit over public networks is encrypted with TLS 1.2 or higher.",
     "Inspected the TLS configuration of the public endpoints."),
    (["CC6.8"], "Endpoint protection is installed on workstations and servers and reports to a central console.",
     "Inspected the endpoint protection console for a sample of workstations and servers."),
    (["CC7.1"], "Vulnerability scans are run monthly and critical findings are remediated within fifteen days.",
     "Inspected scan reports and remediation tickets for a sample of months."),
    (["CC7.2", "CC7.3"], "Security alerts are triaged by the on-call engineer and tracked to resolution.",
     "Inspected alert tickets for a sample of security alerts."),
    (["CC7.4"], "Security incidents are handled according to the incident response plan, which is tested annually.",
     "Inspected the incident response plan, the annual test and tickets for a sample of incidents."),
    (["CC8.1"], "Changes to production are peer reviewed and approved before deployment.",
     "Inspected the pull requests and approvals for a sample of production changes."),
    (["CC9.2"], "Critical vendors are assessed before onboarding and reviewed annually.",
     "Inspected vendor assessments for a sample of critical vendors."),
    (["A1.2"], "Production databases are backed up daily and replicated to a second region.",
     "Inspected the backup configuration and backup logs for a sample of days."),
    (["A1.3"], "Restoration from backup is tested at least annually.",
     "Inspected the documentation of the annual restoration test."),
    (["C1.1"], "Confidential customer data is classified and stored only in encrypted data stores.",
     "Inspected the data classification policy and the encryption settings of the data stores."),
    (["C1.2"], "Customer data is deleted within thirty days of contract termination.",
     "Inspected deletion tickets for a sample of terminated customers."),
]

CUECS = [
    "User entities are responsible for approving and periodically reviewing the access of their own users to the platform.",
    "User entities are responsible for notifying the service organization of changes to their authorized contacts.",
    "User entities are responsible for configuring multi-factor authentication for their own administrator accounts.",
    "User entities are responsible for reporting suspected security incidents to the service organization promptly.",
    "User entities are responsible for ensuring that data they upload is accurate and complete.",
]

NO_EXCEPTION = "No exceptions noted."
