"""Wording pools of the holdout corpus, written apart from tests/fixtures so the extractor has not seen them.

Control activities are long on purpose (real Section IV cells run to several sentences); each SOC 2 entry
is (id family, criteria, activity, test procedure, population, what failed). All companies are fictional
except the cloud subservice providers.
"""

from __future__ import annotations

SOC2: list[tuple[str, list[str], str, str, str, str]] = [
    ("GV", ["CC1.1", "CC1.5"],
     "Personnel acknowledge the Standards of Business Conduct when they join and every year after that; the "
     "People Operations team follows up on acknowledgements that are outstanding after fourteen days and "
     "escalates them to the employee's department head.",
     "Selected new joiners and current personnel and inspected the signed acknowledgement and, where late, the "
     "follow-up and escalation record.", "personnel selected",
     "the acknowledgement was signed 41 days after the joiner's start date and no escalation was recorded"),
    ("GV", ["CC1.2"],
     "The Board's Audit and Risk Committee meets at least quarterly and receives a report from the Head of "
     "Trust on the security program, open audit findings and significant risks.",
     "Inspected the committee charter, the meeting calendar and the minutes and Head of Trust reports for the "
     "quarters selected.", "quarterly meetings", "the Head of Trust report was not included in the meeting pack"),
    ("HR", ["CC1.4"],
     "Candidates for roles with access to customer environments pass a criminal record and employment history "
     "check, performed by an accredited screening provider, before system access is granted.",
     "Inspected screening results and the first access grant date for a sample of new hires.", "new hires",
     "system access was granted two days before the screening result was received"),
    ("HR", ["CC1.4", "CC2.2"],
     "Personnel complete security and privacy awareness training within thirty days of hire and annually "
     "thereafter; completion is tracked in the learning management system and reported to managers monthly.",
     "Inspected the learning management system records for a sample of personnel.", "personnel selected",
     "annual security awareness training had not been completed by the due date"),
    ("GV", ["CC2.3"],
     "Customer-facing security commitments, system boundaries and incident contact details are published on "
     "the customer trust portal and reviewed by the Legal team when the master services agreement changes.",
     "Inspected the trust portal and the review evidence for changes to the master services agreement.",
     "agreement changes", "the trust portal was not updated after the agreement change"),
    ("RM", ["CC3.1", "CC3.2", "CC3.4"],
     "An enterprise risk assessment is performed annually and whenever a significant change to the business or "
     "the technology environment occurs. Risks are scored for likelihood and impact, assigned an owner and a "
     "treatment plan, and the register is approved by the Chief Technology Officer.",
     "Inspected the risk register, the scoring methodology and the approval of the annual risk assessment.",
     "risk assessments", "the risk register was approved four months after the assessment was completed"),
    ("RM", ["CC3.3"],
     "Fraud risk, including the risk of management override of controls, is considered as part of the annual "
     "risk assessment.", "Inspected the annual risk assessment for fraud risk considerations.",
     "risk assessments", "fraud risk was not considered"),
    ("MN", ["CC4.1", "CC4.2"],
     "A compliance monitoring platform evaluates the configuration of cloud accounts against the security "
     "baseline every day. Failed checks open a ticket that is assigned to the owning engineering team, and "
     "deficiencies that remain open beyond their target date are reported to the Security Steering Group.",
     "Inspected the monitoring platform configuration and, for a sample of failed checks, the related tickets "
     "and the Security Steering Group reporting.", "failed checks",
     "the ticket was closed without evidence that the configuration had been corrected"),
    ("PL", ["CC5.1", "CC5.3"],
     "Information security policies are owned by the Head of Trust, reviewed at least annually, approved by "
     "the executive team and published on the company intranet.",
     "Inspected the policy set, the version history and evidence of executive approval.", "policies",
     "the Acceptable Use Policy had not been reviewed for nineteen months"),
    ("AC", ["CC6.1"],
     "Access to the production cloud console, bastion hosts and the customer database requires single sign-on "
     "through the corporate identity provider with phishing-resistant multi-factor authentication; local "
     "accounts are disabled except for documented break-glass accounts, whose credentials are held in a vault "
     "and rotated after each use.",
     "Inspected identity provider policies, the list of local accounts, the vault configuration and, for a "
     "sample of break-glass uses, the rotation record.", "break-glass uses",
     "the break-glass credential was not rotated after use"),
    ("AC", ["CC6.1", "CC6.7"],
     "Customer data is encrypted at rest with AES-256 using keys managed in the cloud key management service; "
     "key rotation is enabled and access to key administration is restricted to the platform security team.",
     "Inspected storage encryption settings, key rotation settings and the key administrator list.",
     "data stores", "a storage volume holding log exports was not encrypted"),
    ("AC", ["CC6.2"],
     "Access requests are raised in the service desk, approved by the requester's manager and by the system "
     "owner, and provisioned by the IT team only after both approvals are recorded.",
     "Inspected tickets for a sample of access grants and compared approval and provisioning timestamps.",
     "access grants", "access was provisioned before the system owner's approval was recorded"),
    ("AC", ["CC6.2", "CC6.3"],
     "When the HR system records a leaver, an automated workflow disables the leaver's identity provider account "
     "within four hours; the IT team removes any remaining application accounts within two business days and "
     "closes the offboarding ticket.",
     "Compared the HR leaver report with identity provider logs and offboarding tickets for a sample of leavers.",
     "leavers", "an application account remained active for nine business days after the leaver's last day"),
    ("AC", ["CC6.3"],
     "System owners review user access to in-scope systems every quarter. Inappropriate access identified in a "
     "review is removed within five business days and the review is signed off in the governance tool.",
     "Inspected the quarterly access reviews, the removal tickets and the sign-offs for a sample of quarters.",
     "quarterly reviews", "the review of database access for the second quarter was not signed off"),
    ("AC", ["CC6.4"],
     "Physical access to the office network room is restricted to badge holders approved by the facilities "
     "manager.", "Inspected the badge access list and approvals.", "badge holders",
     "a contractor retained badge access after the engagement ended"),
    ("NW", ["CC6.6"],
     "Network security groups and a web application firewall restrict inbound traffic to the production "
     "environment to approved ports and protocols; rule changes follow the change management process.",
     "Inspected security group rules, firewall policies and the change tickets for a sample of rule changes.",
     "rule changes", "a rule permitting inbound SSH from any address was in place for six days"),
    ("NW", ["CC6.7"],
     "Data transmitted over public networks is protected with TLS 1.2 or higher; certificate expiry is monitored.",
     "Inspected the TLS configuration of external endpoints and the certificate monitoring alerts.",
     "external endpoints", "an endpoint accepted TLS 1.0 connections"),
    ("EP", ["CC6.8"],
     "Endpoint detection and response software is deployed to all workstations and servers and reports to a "
     "central console; devices that stop reporting for more than seven days are investigated.",
     "Inspected the console device inventory and the investigation tickets for a sample of non-reporting devices.",
     "non-reporting devices", "the non-reporting device was not investigated"),
    ("VM", ["CC7.1"],
     "Infrastructure and container images are scanned for vulnerabilities weekly. Critical findings are "
     "remediated within fifteen days and high findings within thirty days, or an exception is approved by the "
     "Head of Trust with a compensating measure and an expiry date.",
     "Inspected scanner configuration and, for a sample of critical and high findings, the remediation or the "
     "approved exception.", "critical and high findings",
     "a critical finding was remediated 38 days after detection without an approved exception"),
    ("OP", ["CC7.2"],
     "Security-relevant logs from the cloud platform, identity provider and endpoints are forwarded to a managed "
     "detection service that monitors alerts around the clock and escalates confirmed events to the on-call "
     "security engineer.",
     "Inspected log forwarding configuration, the service contract and the escalation records for a sample of "
     "alerts.", "alerts", "an escalated alert was not acknowledged by the on-call engineer"),
    ("IR", ["CC7.3", "CC7.4"],
     "Security incidents are recorded, classified by severity and handled according to the incident response "
     "plan; incidents of high severity receive a post-incident review whose actions are tracked to closure.",
     "Inspected the incident register and, for a sample of incidents, the handling record and the post-incident "
     "review.", "incidents", "the post-incident review was not performed"),
    ("IR", ["CC7.5"],
     "The incident response plan is exercised annually through a tabletop exercise and updated for lessons "
     "learned.", "Inspected the exercise report and the plan's revision history.", "exercises",
     "lessons learned were not reflected in the plan"),
    ("CM", ["CC8.1"],
     "Code changes are merged to the main branch only through pull requests that pass automated tests and are "
     "approved by a reviewer other than the author; branch protection settings enforce this and cannot be "
     "bypassed by developers.",
     "Inspected branch protection settings and, for a sample of production deployments, the pull request, test "
     "results and approval.", "production deployments",
     "the pull request was approved by its author using a second account"),
    ("CM", ["CC8.1"],
     "Infrastructure changes are defined as code, peer reviewed and applied through the deployment pipeline.",
     "Inspected pipeline configuration and a sample of infrastructure changes.", "infrastructure changes",
     "the change was applied manually outside the pipeline"),
    ("BC", ["CC9.1", "A1.3"],
     "The business continuity and disaster recovery plan is reviewed annually and the recovery of the production "
     "database in the secondary region is tested twice a year against a four-hour recovery time objective.",
     "Inspected the plan, its review record and the recovery test reports.", "recovery tests",
     "the second recovery test of the year was not performed"),
    ("VR", ["CC9.2"],
     "Vendors that store or process customer data are risk-rated before contracting and reassessed annually; "
     "the assessment includes review of the vendor's SOC 2 report or equivalent.",
     "Inspected vendor assessments for a sample of critical vendors.", "critical vendors",
     "the vendor's annual reassessment was not performed"),
    ("AV", ["A1.1"],
     "Capacity and performance of production services are monitored against thresholds; breaches page the "
     "on-call engineer.", "Inspected monitoring thresholds and paging records.", "threshold breaches",
     "the alert did not page the on-call engineer"),
    ("AV", ["A1.2"],
     "Production databases are backed up continuously with point-in-time recovery, and daily snapshots are "
     "copied to a second region and retained for thirty-five days.",
     "Inspected backup configuration and snapshot copy logs for a sample of days.", "days",
     "the snapshot copy to the second region failed and was not rerun"),
    ("CF", ["C1.1"],
     "Customer confidential information is identified in the data inventory and labelled according to the data "
     "classification standard.", "Inspected the data inventory and classification labels of a sample of data stores.",
     "data stores", "the data store was not recorded in the inventory"),
    ("CF", ["C1.2"],
     "At contract end, customer data is deleted within sixty days and a deletion certificate is issued.",
     "Inspected deletion certificates for a sample of departed customers.", "departed customers",
     "the deletion certificate was issued after ninety-two days"),
    ("PI", ["PI1.1", "PI1.2"],
     "Inbound data files are validated against file specifications and record counts before processing; files "
     "that fail validation are quarantined and the customer is notified.",
     "Inspected validation rules and quarantine notices for a sample of rejected files.", "rejected files",
     "the customer was not notified of the rejected file"),
    ("PI", ["PI1.3", "PI1.4"],
     "Processing jobs reconcile record counts and hash totals between input and output stages and halt on a "
     "mismatch.", "Inspected job configuration and reconciliation logs for a sample of processing runs.",
     "processing runs", "the run continued after a count mismatch"),
    ("PI", ["PI1.5"],
     "Stored processing results are retained and protected from modification for the contractual period.",
     "Inspected storage retention locks.", "storage buckets", "the retention lock was not enabled"),
    ("PR", ["P1.1", "P2.1"],
     "The privacy notice describing the collection, use and retention of personal information is published "
     "and reviewed annually by the Data Protection Officer.", "Inspected the notice and its review record.",
     "notices", "the notice was not reviewed"),
    ("PR", ["P4.2", "P4.3"],
     "Personal information is deleted at the end of its retention period by an automated purge job.",
     "Inspected purge job configuration and run logs for a sample of months.", "months",
     "the purge job did not run"),
    ("PR", ["P6.1", "P6.7"],
     "Disclosures of personal information to third parties are recorded and limited to purposes in the notice.",
     "Inspected the disclosure register for a sample of disclosures.", "disclosures",
     "the purpose of the disclosure was not recorded"),
]

CATEGORY_PREFIX = {"A1": "Availability", "C1": "Confidentiality", "PI1": "Processing Integrity", "P": "Privacy"}

SOC1: list[tuple[str, list[tuple[str, str, str, str]]]] = [
    ("Controls provide reasonable assurance that plan sponsor instructions for contributions are authorized and "
     "recorded completely and accurately.", [
        ("Contribution files received through the secure portal are matched to the sponsor's remittance advice and "
         "variances above one hundred dollars are resolved with the sponsor before posting.",
         "Inspected the matching report and variance resolution for a sample of contribution files.",
         "contribution files", "a variance of $2,410 was posted before resolution with the sponsor"),
        ("Changes to sponsor bank instructions require a call-back to a pre-registered contact, performed by a "
         "team member independent of the requester.", "Inspected call-back evidence for a sample of changes.",
         "bank instruction changes", "the call-back was made to the number on the request form"),
    ]),
    ("Controls provide reasonable assurance that participant distributions are authorized, processed accurately "
     "and disbursed timely.", [
        ("Distribution requests above the plan's threshold are approved by the plan administrator in the "
         "workflow tool before payment.", "Inspected approvals for a sample of distributions above the threshold.",
         "distributions", "approval was given after the payment was released"),
        ("The daily disbursement file is reconciled to the distributions approved in the record-keeping system "
         "and the reconciliation is reviewed by a supervisor.",
         "Inspected reconciliations and supervisor review for a sample of days.", "days",
         "the reconciliation was not reviewed by a supervisor"),
        ("Tax withholding rates are updated annually from published tables and the update is independently "
         "checked.", "Inspected the annual rate update and the independent check.", "rate updates",
         "the independent check was not documented"),
    ]),
    ("Controls provide reasonable assurance that investment trades are executed as instructed and recorded "
     "accurately in participant accounts.", [
        ("Trade orders generated by the record-keeping system are compared to fund company confirmations each day "
         "and breaks are researched and cleared within three business days.",
         "Inspected trade reconciliations and break aging for a sample of days.", "days",
         "a break remained open for eleven business days"),
        ("Unit prices loaded from the pricing vendor are compared with a second source and differences above "
         "tolerance are investigated before the nightly valuation.",
         "Inspected price comparison reports for a sample of days.", "days",
         "a price difference above tolerance was not investigated"),
    ]),
    ("Controls provide reasonable assurance that participant statements and reports to plan sponsors are "
     "complete and accurate.", [
        ("Quarterly statements are generated from the record-keeping system and a sample of statements is "
         "checked against account balances before mailing.",
         "Inspected the pre-mailing check for a sample of quarters.", "quarters",
         "the pre-mailing check was not retained"),
        ("Sponsor reports are reviewed by the relationship manager before release.",
         "Inspected review evidence for a sample of sponsor reports.", "sponsor reports",
         "the report was released before review"),
    ]),
    ("Controls provide reasonable assurance that logical access to programs and data is limited to properly "
     "authorized individuals.", [
        ("Access to the record-keeping application is requested through a ticket, approved by the employee's "
         "manager and provisioned by the security administration team, which has no operational duties.",
         "Inspected tickets for a sample of new and changed access grants.", "access grants",
         "access was granted without manager approval"),
        ("User access to the record-keeping application and its database is recertified by department managers "
         "every six months.", "Inspected the recertifications for both half-years.", "recertifications",
         "two departments did not complete the recertification"),
        ("Terminated employees' access is removed on their last working day.",
         "Compared termination dates with access removal dates for a sample of terminated employees.",
         "terminated employees", "access was removed six days after the last working day"),
    ]),
    ("Controls provide reasonable assurance that changes to application programs are authorized, tested, "
     "documented and approved before implementation.", [
        ("Application changes are tested by the quality assurance team and approved by the business owner before "
         "the release manager deploys them to production.",
         "Inspected test evidence and approvals for a sample of releases.", "releases",
         "business owner approval was not documented"),
        ("Developers do not have access to deploy to production; the deployment tool restricts releases to the "
         "release manager role.", "Inspected the deployment tool's role assignments.", "role assignments",
         "a developer held the release manager role"),
    ]),
    ("Controls provide reasonable assurance that batch processing is scheduled and monitored and that errors are "
     "identified and resolved.", [
        ("The job scheduler runs nightly processing; failed jobs raise an alert to operations, which records "
         "the resolution in the operations log.", "Inspected job failure alerts and the operations log.",
         "job failures", "the resolution of a failed job was not recorded"),
        ("Backups of the record-keeping database are performed nightly and restores are tested quarterly.",
         "Inspected backup logs and restore tests for a sample of quarters.", "quarters",
         "the quarterly restore test was not performed"),
    ]),
]

CUECS: list[tuple[str, list[str]]] = [
    ("User entities are responsible for provisioning, reviewing and removing the access of their own users to "
     "the application, including administrators they appoint.", ["CC6.2", "CC6.3"]),
    ("User entities are responsible for enabling multi-factor authentication for their users through their "
     "identity provider when single sign-on is used.", ["CC6.1"]),
    ("User entities are responsible for notifying the service organization of security incidents they suspect "
     "involve the service, within the time set in their agreement.", ["CC7.3"]),
    ("User entities are responsible for the accuracy and completeness of the data they submit to the service.",
     ["PI1.2"]),
    ("User entities are responsible for securing the devices and networks from which their users access the "
     "service.", ["CC6.6", "CC6.8"]),
    ("User entities are responsible for reviewing the reports the service makes available and for reporting "
     "discrepancies promptly.", ["CC2.3"]),
    ("User entities are responsible for defining the retention settings for their data in the administration "
     "console.", ["C1.2"]),
    ("User entities are responsible for keeping the list of authorized contacts who may request changes to "
     "their account current.", ["CC2.3"]),
]

SOC1_CUECS: list[tuple[str, str]] = [  # (objective id it supports, control expected at the user entity)
    ("1", "Plan sponsors are responsible for submitting complete and accurate contribution data and remittance "
          "advices."),
    ("1", "Plan sponsors are responsible for notifying the service organization of changes to authorized "
          "contacts and bank instructions in writing."),
    ("2", "Plan sponsors are responsible for approving hardship and loan distribution requests that require "
          "sponsor approval under the plan document."),
    ("4", "Plan sponsors are responsible for reviewing the reports provided and reporting errors within thirty "
          "days."),
    ("5", "Plan sponsors are responsible for reviewing the access of their own personnel to the sponsor web "
          "portal."),
]

CSOCS: dict[str, list[tuple[str, list[str]]]] = {
    "AWS": [
        ("Physical access to data center facilities is restricted to authorized personnel.", ["CC6.4"]),
        ("Environmental protections, including fire suppression and redundant power, are maintained.", ["A1.2"]),
        ("Storage media are securely decommissioned before disposal.", ["CC6.5"]),
    ],
    "Azure": [
        ("Physical and environmental security of the hosting regions is managed and monitored.", ["CC6.4"]),
        ("Hypervisor and host infrastructure are patched and monitored for security events.", ["CC7.1"]),
    ],
    "GCP": [
        ("Google Cloud Platform is responsible for restricting physical access to its data centers to "
         "authorized personnel.", ["CC6.4"]),
        ("Google Cloud Platform is responsible for the availability and redundancy of the underlying compute and "
         "storage infrastructure.", ["A1.2"]),
        ("Google Cloud Platform is responsible for encrypting data at rest on its storage infrastructure by "
         "default.", ["CC6.1"]),
    ],
}

RESPONSES = [
    "Management agrees with the finding. The access was removed on the date it was identified and the "
    "offboarding workflow now blocks ticket closure until every application account is disabled.",
    "Management has updated the procedure and assigned a second reviewer to confirm completion each quarter. "
    "The missed item was completed in the following month.",
    "The configuration was corrected immediately. A daily automated check now alerts the platform security "
    "team to any unencrypted volume.",
    "Management investigated the matter and found no evidence of unauthorized activity. Additional training was "
    "delivered to the team in the following quarter.",
    "The exception resulted from a tool migration during the period. Monitoring has been restored and "
    "management reviewed all items from the affected weeks.",
    "Management accepts the finding and has added the task to the compliance calendar with automated reminders.",
]

PASS = ["No exceptions noted.", "No deviations noted.", "No relevant exceptions noted."]
NOT_OCCURRED = ("The circumstances that warrant the operation of the control did not occur during the period; "
                "therefore, no testing was performed.")
NOT_OCCURRED_ALT = ("No security incidents of high severity occurred during the review period; therefore, no "
                    "testing of operating effectiveness was performed.")
