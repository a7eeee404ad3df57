"""Documents that are not reports: a bridge letter, a gap letter (both on the vendor's letterhead, in the
vendor's own style) and a vendor's security whitepaper that mentions its SOC 2 report (truth: other)."""

from __future__ import annotations

from datetime import date as d

from .model import Report
from .odt import HouseStyle
from .render import long_date

LETTERHEAD = HouseStyle("Liberation Sans", 10.5, "#0b5563", "", "", "", "Page {n} of {N}", "#eeeeee",
                        "0.5pt solid #000000", justify=False)


def letters() -> list[Report]:
    bridge = Report(
        "bridge-halvard", "bridge", "letter", "Halvard Ledger Systems, Inc.", "Halvard Treasury Cloud", "SOC 2",
        "Type 2", None, d(2024, 7, 8), period_start=d(2023, 4, 1), period_end=d(2024, 3, 31),
        bridge_period_end=d(2024, 6, 30), auditor="Ashcombe Pryor LLP",
        printed_dates={"period_start": ["April 1, 2023"], "period_end": ["March 31, 2024"],
                       "report_date": ["July 8, 2024"], "bridge_period_end": ["June 30, 2024"]})
    gap = Report(
        "gap-letter-sorrel", "bridge", "letter", "Sorrel Health Exchange, LLC", "Sorrel Care Coordination Platform",
        "SOC 2", "Type 2", None, d(2024, 10, 4), period_start=d(2023, 7, 1), period_end=d(2024, 6, 30),
        bridge_period_end=d(2024, 9, 30), auditor="Quillfeather Assurance LLP",
        printed_dates={"period_end": ["June 30, 2024"], "report_date": ["October 4, 2024"],
                       "bridge_period_end": ["September 30, 2024"]})
    paper = Report("other-whitepaper-orrin", "other", "letter", "", "", None, None, None, None)
    return [bridge, gap, paper]


def letter_blocks(r: Report) -> list[tuple]:
    if r.id == "bridge-halvard":
        return [
            ("title", ["HALVARD LEDGER SYSTEMS, INC."]), ("small", "400 Bridgeport Way, Suite 12, Stamford, CT 06901"),
            ("p", long_date(r.report_date)), ("p", "To: Customers of the Halvard Treasury Cloud"),
            ("h2", "Bridge Letter"),
            ("p", f"{r.vendor} engaged {r.auditor} to examine the controls of its {r.system}. The most recent "
             "report, a SOC 2\u00ae Type 2 report, covers the period April 1, 2023 through March 31, 2024 "
             "(the report period)."),
            ("p", "We confirm that, to the best of our knowledge, there have been no material changes to the "
             "system's internal controls, and no significant security incidents, between April 1, 2024 and "
             f"{long_date(r.bridge_period_end)}. Nothing has come to management's attention that would change the "
             "conclusions of the report."),
            ("p", "The next report is expected to cover the period April 1, 2024 through March 31, 2025 and to be "
             "issued in May 2025."),
            ("p", "This letter is provided by management; it is not an auditor's report and carries no opinion."),
            ("sig", "Eleanor Whitcombe"), ("p", "Eleanor Whitcombe, Chief Information Security Officer"),
            ("p", r.vendor)]
    if r.id == "gap-letter-sorrel":
        return [
            ("title", ["Sorrel Health Exchange"]), ("p", long_date(r.report_date)),
            ("h2", "Gap Letter"),
            ("p", f"Re: SOC 2\u00ae Type 2 report on the {r.system} for the twelve months ended June 30, 2024, "
             f"issued by {r.auditor}"),
            ("p", "This letter covers the gap between the end of the period covered by the report above and the "
             f"date of this letter. For the period July 1, 2024 through {long_date(r.bridge_period_end)}, "
             f"management of {r.vendor} confirms that:"),
            ("bullets", ["there have been no significant changes to the design of the controls described in the "
                         "report;", "we are not aware of any material control failures or security breaches;",
                         "the subservice organizations named in the report have not changed."]),
            ("p", "Our next examination is in progress and its report is expected in August 2025."),
            ("sig", "Priya Anand"), ("p", f"Priya Anand, Chief Compliance Officer, {r.vendor}")]
    return [
        ("title", ["Security and Compliance at Orrin Vault", "A whitepaper for customers and prospects"]),
        ("p", "Orrin Vault Technologies, Inc. builds encrypted document storage for law firms. This paper "
         "describes how we protect your data and which independent assessments we undergo."),
        ("h2", "Independent assurance"),
        ("bullets", ["SOC 2\u00ae Type 2: our most recent report, issued by an independent CPA firm, covers the "
                     "period January 1, 2024 to December 31, 2024 and the security and confidentiality "
                     "categories. Customers may request it under a non-disclosure agreement.",
                     "ISO/IEC 27001:2022 certification of our information security management system, valid until "
                     "2026.", "Annual penetration tests by an external firm; summaries on request."]),
        ("h2", "Encryption"),
        ("p", "All files are encrypted with AES-256 at rest and TLS 1.3 in transit. Keys are held in a hardware "
         "security module and rotated every ninety days."),
        ("h2", "Access control"),
        ("p", "Staff access to production requires multi-factor authentication and is reviewed quarterly. "
         "Customers configure single sign-on and define their own retention rules."),
        ("small", "\u00a9 2025 Orrin Vault Technologies, Inc. This document is for information only and is not a "
         "SOC report.")]


def letter_style(r: Report) -> HouseStyle:
    name = r.vendor or "Orrin Vault Technologies, Inc."
    return HouseStyle(LETTERHEAD.font, LETTERHEAD.size, LETTERHEAD.heading_color, name, "Confidential", name,
                      LETTERHEAD.page_label, LETTERHEAD.table_fill, LETTERHEAD.border, False)
