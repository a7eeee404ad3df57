"""Sentence banks for the variation corpus: fictional vendors, systems and CPA firms, SOC 2 and SOC 1 controls with
their tests, exceptions and responses, CUECs, CSOCs, subservice organizations and the software a vendor runs itself.

Every name here is invented except the cloud providers, which appear only as subservice organizations.
"""

from __future__ import annotations

VENDOR_STEMS = ("Halvorsen", "Quillfeather", "Marrowgate", "Ostwick", "Pelham Ridge", "Caskwell", "Dunmore",
                "Everleigh", "Fairhaven", "Grantley", "Hollowmere", "Ivybridge", "Juniper Lane", "Kessington",
                "Lowther", "Merriden", "Northcote", "Orrin Bay", "Penmarric", "Radleigh", "Saltmarsh", "Tarrow",
                "Umberfield", "Valcourt", "Wexcombe", "Yarrowby", "Ashgrove", "Brackenfold", "Coldharbour",
                "Dovecote")
VENDOR_TRADES = ("Data Systems", "Payments", "Health Technologies", "Logistics Cloud", "Analytics", "Software",
                 "Payroll Services", "Identity", "Records", "Benefits Administration", "Learning", "Insurance Cloud",
                 "Treasury Systems", "Clinical Networks", "Commerce")
VENDOR_SUFFIXES = ("Inc.", "LLC", "Corp.", "Corporation", "Ltd.", "L.P.", "Holdings, Inc.", "Technologies, Inc.")
PRODUCTS = ("Platform", "Cloud", "Exchange", "Portal", "Ledger", "Hub", "Suite", "Connect", "Vault", "Insight",
            "Gateway", "Workspace")

FIRMS = (("Ashby Quill LLP", "Chicago, Illinois"), ("Marlow & Tenney, P.C.", "Denver, Colorado"),
         ("Ridgeway Cole CPAs, LLC", "Atlanta, Georgia"), ("Brannock Hale LLP", "Boston, Massachusetts"),
         ("Sefton, Wray & Associates, LLP", "Dallas, Texas"), ("Cordell Finch PLLC", "Seattle, Washington"),
         ("Hawthorne Lisle LLP", "New York, New York"), ("Pemberton Oakes, P.A.", "Tampa, Florida"),
         ("Whitcombe Arden CPAs, P.C.", "San Jose, California"), ("Thistledown Audit Partners LLP",
                                                                   "Minneapolis, Minnesota"),
         ("Glenholm & Pryce LLP", "Philadelphia, Pennsylvania"), ("Varley Moss Assurance, LLC", "Phoenix, Arizona"))

RECIPIENTS = ("Northwind Mutual Insurance", "Calloway Regional Bank", "Brenton County Health System",
              "Pinecrest Retail Group", "Almsford University")

# (id prefix, criteria, control, test, exception (k of n filled in), response)
SOC2_CONTROLS = (
    ("GOV", ["CC1.1"], "A code of conduct is acknowledged by employees upon hire and annually thereafter.",
     "Inspected code of conduct acknowledgements for a sample of employees.",
     "For {k} of {n} employees sampled, the annual code of conduct acknowledgement was not completed.",
     "Acknowledgements are now tracked in the HR system and overdue items are escalated to managers."),
    ("GOV", ["CC1.4"], "Background checks are performed for new employees before access is granted.",
     "Inspected background check results for a sample of new hires.",
     "For {k} of {n} new hires sampled, the background check was completed after the employee's start date.",
     "Onboarding now requires a completed background check before the start date is confirmed."),
    ("GOV", ["CC1.4", "CC2.1"], "Security awareness training is completed by personnel upon hire and annually.",
     "Inspected training completion records for a sample of personnel.",
     "For {k} of {n} personnel sampled, annual security awareness training was completed after the due date.",
     "Training reminders now escalate to department heads after fourteen days."),
    ("RSK", ["CC3.1", "CC3.2"], "A risk assessment is performed annually and reviewed by senior management.",
     "Inspected the annual risk assessment and evidence of management review.",
     "The annual risk assessment was approved {k} months after the date required by policy.",
     "The risk committee calendar now schedules the assessment review in the first quarter."),
    ("MON", ["CC4.1"], "Internal control assessments are performed quarterly and findings are tracked to closure.",
     "Inspected quarterly assessments and the related findings log for a sample of quarters.",
     "For {k} of {n} quarters sampled, findings were not recorded in the tracking log.",
     "Findings are now recorded directly in the governance tool during each assessment."),
    ("POL", ["CC5.2"], "Information security policies are reviewed and approved annually by management.",
     "Inspected the information security policies for evidence of annual review and approval.",
     "{k} of {n} policies sampled had not been reviewed within the last twelve months.",
     "A policy owner is assigned to each policy and review dates are monitored monthly."),
    ("ACC", ["CC6.1"], "Multi-factor authentication is required for remote access to the production environment.",
     "Inspected authentication configurations and attempted remote access without a second factor.",
     "For {k} of {n} administrator accounts sampled, multi-factor authentication was not enforced.",
     "Conditional access policies now enforce multi-factor authentication for every administrator account."),
    ("ACC", ["CC6.2"], "New user access is approved by the user's manager before it is provisioned.",
     "Inspected access requests for a sample of new users for evidence of approval before provisioning.",
     "For {k} of {n} new users sampled, access was provisioned before the manager's approval was recorded.",
     "Provisioning tickets can no longer be closed without a recorded approval."),
    ("ACC", ["CC6.2", "CC6.3"], "Access of terminated employees is revoked within one business day of separation.",
     "Inspected termination tickets and system access listings for a sample of terminated employees.",
     "For {k} of {n} terminated employees sampled, access to the production environment was revoked between "
     "three and eleven business days after separation.",
     "Human resources now sends terminations to the identity team through an automated daily feed."),
    ("ACC", ["CC6.3"], "User access to production systems is reviewed quarterly by system owners.",
     "Inspected quarterly access reviews for a sample of quarters.",
     "For {k} of {n} quarters sampled, the access review was completed more than thirty days late.",
     "Access reviews are now scheduled in the ticketing system with automatic escalation."),
    ("NET", ["CC6.6"], "Firewall rules are reviewed semi-annually and unused rules are removed.",
     "Inspected firewall rule reviews for each half of the period.",
     "The firewall rule review for {k} of {n} network segments was not performed in the second half of the period.",
     "The network team now reviews every segment in a single scheduled change window."),
    ("ENC", ["CC6.7"], "Customer data in transit over public networks is encrypted using TLS 1.2 or higher.",
     "Inspected encryption configurations of public endpoints.",
     "{k} of {n} public endpoints sampled accepted connections using TLS 1.0.",
     "Legacy protocol versions were disabled on all endpoints in the following month."),
    ("END", ["CC6.8"], "Anti-malware software is installed on workstations and servers and updated daily.",
     "Inspected the anti-malware console for a sample of workstations and servers.",
     "For {k} of {n} workstations sampled, anti-malware definitions had not been updated for more than seven days.",
     "Devices with stale definitions are now quarantined from the corporate network."),
    ("VUL", ["CC7.1"], "Vulnerability scans are performed monthly and critical findings are remediated within 15 days.",
     "Inspected monthly scan reports and remediation tickets for a sample of months.",
     "For {k} of {n} months sampled, critical vulnerabilities were remediated between eighteen and twenty-six "
     "days after detection.",
     "A remediation tracker with escalation to the engineering director was introduced."),
    ("MON", ["CC7.2"], "Security events are logged centrally and alerts are reviewed by the security team daily.",
     "Inspected alert configurations and evidence of daily review for a sample of days.",
     "For {k} of {n} days sampled, there was no evidence that security alerts were reviewed.",
     "Alert review is now recorded in the on-call rota and checked weekly by the security lead."),
    ("INC", ["CC7.3", "CC7.4"], "Security incidents are logged, tracked and resolved according to the incident "
     "response plan.", "Inspected incident tickets for a sample of security incidents.",
     "For {k} of {n} incidents sampled, the post-incident review was not documented.",
     "Post-incident reviews are now a required step before an incident ticket can be closed."),
    ("INC", ["CC7.4"], "The incident response plan is tested annually through a tabletop exercise.",
     "Inspected the results of the annual tabletop exercise.",
     "The annual tabletop exercise was not performed during the period.",
     "A tabletop exercise was held after the period and is now scheduled each spring."),
    ("CHG", ["CC8.1"], "Changes to production are peer reviewed and approved before deployment.",
     "Inspected change tickets for a sample of production changes.",
     "For {k} of {n} changes sampled, the change was deployed without a documented peer review.",
     "Branch protection rules now block merges that lack an approving review."),
    ("CHG", ["CC8.1"], "Emergency changes are approved retrospectively within two business days.",
     "Inspected a sample of emergency changes for retrospective approval.",
     "For {k} of {n} emergency changes sampled, retrospective approval was obtained after five business days.",
     "Emergency changes now open an approval task for the change advisory board automatically."),
    ("VEN", ["CC9.2"], "Critical vendors are assessed annually, including a review of their SOC reports.",
     "Inspected vendor assessments for a sample of critical vendors.",
     "For {k} of {n} critical vendors sampled, the annual assessment was not performed.",
     "The vendor management procedure now assigns an owner and due date to each critical vendor."),
    ("BCP", ["CC9.1", "A1.3"], "The business continuity and disaster recovery plan is tested annually.",
     "Inspected the results of the annual disaster recovery test.",
     "The disaster recovery test did not include {k} of {n} production databases.",
     "The test plan now lists every production database and is reviewed before each test."),
    ("AVL", ["A1.1"], "System capacity is monitored and alerts are generated when thresholds are exceeded.",
     "Inspected monitoring configurations and a sample of capacity alerts.",
     "For {k} of {n} capacity alerts sampled, no ticket was opened to investigate the alert.",
     "Capacity alerts now open tickets automatically in the operations queue."),
    ("AVL", ["A1.2"], "Backups of production data are performed daily and failures are investigated.",
     "Inspected backup logs for a sample of days and the related failure tickets.",
     "For {k} of {n} days sampled, the nightly backup failed and was not rerun until the following business day.",
     "Backup failures now page the on-call engineer and are rerun the same night."),
    ("CON", ["C1.1"], "Confidential information is classified and labelled according to the data classification "
     "policy.", "Inspected a sample of data stores for classification labels.",
     "{k} of {n} data stores sampled had no classification label.",
     "Data stores without labels are now reported weekly to their owners."),
    ("CON", ["C1.2"], "Customer data is deleted within 30 days of contract termination.",
     "Inspected deletion evidence for a sample of terminated customers.",
     "For {k} of {n} terminated customers sampled, customer data was deleted after ninety days.",
     "Deletion jobs are now triggered automatically by the billing system's termination event."),
    ("PRI", ["PI1.2"], "Input files are validated for completeness and accuracy before processing.",
     "Inspected validation logs for a sample of input files.",
     "For {k} of {n} input files sampled, validation errors were overridden without documented approval.",
     "Overrides now require a second approver in the processing console."),
    ("PRI", ["PI1.4"], "Output reports are reconciled to input totals daily.",
     "Inspected daily reconciliations for a sample of days.",
     "For {k} of {n} days sampled, the reconciliation was not reviewed.",
     "Reconciliation sign-off is now enforced by the reporting workflow."),
    ("PRV", ["P4.2"], "Personal information is retained only for the periods defined in the retention schedule.",
     "Inspected retention settings and a sample of records past their retention date.",
     "{k} of {n} records sampled were retained beyond the retention schedule.",
     "An automated purge job now runs weekly against the retention schedule."),
    ("PRV", ["P6.1"], "Personal information is disclosed to third parties only with a signed data processing "
     "agreement.", "Inspected data processing agreements for a sample of third parties.",
     "For {k} of {n} third parties sampled, the data processing agreement was signed after data was shared.",
     "Legal review of the data processing agreement is now a gate in the vendor onboarding workflow."),
)

# SOC 1: (objective title, objective text, [(control, test, deviation, response), ...])
SOC1_OBJECTIVES = (
    ("Client Setup and Maintenance", "new client accounts and changes to client master data are authorized and "
     "recorded completely and accurately.",
     [("New client accounts are set up from a signed client agreement and reviewed by a supervisor.",
       "Inspected a sample of new client accounts for the signed agreement and supervisory review.",
       "For {k} of {n} new client accounts sampled, the supervisory review was not evidenced.",
       "Supervisory review is now a required step in the client setup workflow."),
      ("Changes to client master data are requested in writing and verified by callback.",
       "Inspected a sample of master data changes for the written request and callback.",
       "For {k} of {n} master data changes sampled, the callback was not documented.",
       "Callbacks are now recorded in the client record before the change can be saved.")]),
    ("Transaction Processing", "input received from clients is processed completely, accurately and timely.",
     [("Input files are balanced to control totals before processing.",
       "Inspected balancing reports for a sample of processing cycles.",
       "For {k} of {n} processing cycles sampled, the balancing report was not retained.",
       "Balancing reports are now archived automatically with each processing cycle."),
      ("Processing exceptions are logged and resolved before the cycle is closed.",
       "Inspected exception logs for a sample of processing cycles.",
       "For {k} of {n} processing cycles sampled, the cycle was closed with unresolved exceptions.",
       "The cycle close step now checks the exception log and blocks closure.")]),
    ("Tax Filings", "tax filings are prepared and submitted accurately and timely.",
     [("Tax filings are reviewed by a second preparer before submission.",
       "Inspected a sample of tax filings for evidence of second review.",
       "For {k} of {n} filings sampled, the second review was performed after submission.",
       "Filings can no longer be submitted until the second review is recorded.")]),
    ("Logical Access", "logical access to applications and data is restricted to authorized personnel.",
     [("Access requests are approved by the data owner before access is granted.",
       "Inspected a sample of access requests for approval before access was granted.",
       "For {k} of {n} access requests sampled, approval was recorded after access was granted.",
       "The identity system now withholds provisioning until approval is recorded."),
      ("Terminated users' access is removed within two business days.",
       "Inspected a sample of terminated users for timely removal of access.",
       "For {k} of {n} terminated users sampled, access was removed more than two business days after termination.",
       "Terminations are now fed automatically from the HR system to the identity team.")]),
    ("Change Management", "changes to applications are authorized, tested, approved and implemented "
     "appropriately.",
     [("Application changes are tested and approved by the business before release.",
       "Inspected a sample of application changes for testing and approval evidence.",
       "For {k} of {n} changes sampled, the change was released to production before user acceptance testing was "
       "signed off.", "Release tooling now blocks deployment until the user acceptance sign-off is attached."),
      ("Developers do not have access to migrate changes to production.",
       "Inspected the list of users with production migration rights.",
       "{k} of {n} developers sampled had access to migrate changes to production.",
       "The developers' migration rights were removed and the access list is reviewed monthly.")]),
    ("Computer Operations", "processing is scheduled and monitored and backups are performed so that data can be "
     "recovered.",
     [("Batch job failures are investigated and resolved by operations staff.",
       "Inspected the job scheduler log and failure tickets for a sample of days.",
       "For {k} of {n} job failures sampled, no ticket was raised.",
       "The scheduler now opens a ticket for every failed job."),
      ("Backups are performed daily and restores are tested quarterly.",
       "Inspected backup logs and quarterly restore tests.",
       "The restore test was not performed for {k} of {n} quarters.",
       "Restore tests are now scheduled in the operations calendar with a named owner.")]),
)

CUECS = (
    ("User entities are responsible for approving and periodically reviewing the access of their own users to the "
     "{system}.", ["CC6.2", "CC6.3"]),
    ("User entities are responsible for notifying {vendor} of changes to their authorized contacts.", ["CC2.3"]),
    ("User entities are responsible for configuring multi-factor authentication for their own administrator "
     "accounts.", ["CC6.1"]),
    ("User entities are responsible for reporting suspected security incidents to {vendor} promptly.", ["CC7.3"]),
    ("User entities are responsible for ensuring that data they upload is accurate and complete.", ["PI1.2"]),
    ("User entities are responsible for encrypting files before uploading them.", ["CC6.7"]),
    ("User entities are responsible for removing the access of their terminated employees in a timely manner.",
     ["CC6.2"]),
    ("User entities are responsible for securing the workstations and networks from which they access the "
     "{system}.", ["CC6.6", "CC6.8"]),
    ("User entities are responsible for reviewing the reports provided by {vendor} and reporting discrepancies.",
     ["CC2.3", "PI1.4"]),
    ("User entities are responsible for maintaining their own backups of data exported from the {system}.",
     ["A1.2"]),
    ("Clients are responsible for protecting the credentials issued to their users.", ["CC6.1"]),
    ("Customers should establish controls over the transmission of data to {vendor}.", ["CC6.7"]),
    ("User organizations should ensure that only authorized personnel submit change requests.", ["CC8.1"]),
    ("User entities are responsible for determining the retention period for their data.", ["C1.2"]),
    ("User entities are responsible for obtaining consent from data subjects where required.", ["P3.1"]),
)
SOC1_CUECS = (
    "User entities are responsible for submitting complete and accurate input before the processing deadline.",
    "User entities are responsible for reviewing output reports for completeness and accuracy.",
    "User entities are responsible for approving changes to their master data before submission.",
    "User entities are responsible for restricting access to the {system} to authorized employees.",
    "User entities are responsible for reconciling amounts reported by {vendor} to their general ledger.",
    "User entities are responsible for notifying {vendor} of terminated users with access to the {system}.",
)

# (name, short, services)
CLOUDS = (
    ("Amazon Web Services", "AWS", "infrastructure hosting of the production environment"),
    ("Microsoft Azure", "Azure", "hosting of the application and database servers"),
    ("Google Cloud Platform", "GCP", "managed database and compute services"),
    ("Equinix", "Equinix", "colocation data center services"),
    ("Rackspace Technology", "Rackspace", "managed hosting of the disaster recovery site"),
    ("Snowflake", "Snowflake", "data warehousing of reporting data"),
)
CSOCS = (
    "{org} is responsible for restricting physical access to the data centers that house the production "
    "environment.",
    "{org} is responsible for maintaining environmental protections and redundant power in its data centers.",
    "{org} is responsible for securely decommissioning storage media that held customer data.",
    "{org} is responsible for monitoring the physical security of its facilities, including visitor logs.",
    "{org} is responsible for the availability of the underlying network and hypervisor infrastructure.",
    "{org} is responsible for patching the managed services on which the {system} runs.",
)

# software the vendor runs itself: named in the description, never subservice organizations
OWN_SOFTWARE = (
    ("Lessonry", "a security-awareness training platform"), ("Fenwatch", "an endpoint detection agent"),
    ("PeopleLedger", "the human resources information system"), ("Scanwell", "a vulnerability scanner"),
    ("Tracklight", "a ticketing system for changes and incidents"), ("Logmere", "a log aggregation tool"),
    ("Keyward", "a password manager for administrators"),
)

SERVICES = ("provides a cloud-based {product} that its customers use to manage {what}.",
            "offers the {system}, a hosted service through which customers process {what}.",
            "develops and operates the {system}, which supports {what} for mid-sized organizations.")
WHAT = ("payroll and benefits", "insurance claims", "patient scheduling", "freight routing", "customer identities",
        "accounts payable", "learning records", "retail orders", "treasury payments", "clinical referrals")
