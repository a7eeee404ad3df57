"""Documents that are not reports: a bridge letter written as an HTML letter with a signature block, and a data
processing agreement that mentions the vendor's SOC 2 Type 2 report and its period (document type "other")."""

from __future__ import annotations

from .bank import Built, blank_report
from .styles import page, paras

LETTERHEAD = ("<div style='border-bottom:3px solid #0b7a75;padding-bottom:2mm;margin-bottom:8mm'>"
              "<b style='font-size:15pt;color:#0b7a75'>Brightwater Analytics, Inc.</b><br>"
              "<span style='font-size:8pt'>410 Alder Street, Suite 300 \u00b7 Tacoma, WA 98402</span></div>")


def bridge() -> Built:
    vendor, system = "Brightwater Analytics, Inc.", "Brightwater Insight Platform"
    body = (
        LETTERHEAD + paras("April 4, 2025", "To our customers and their auditors", "<b>Re: Bridge Letter</b>",
                           "Dear Customer,",
                           f"{vendor} engaged Kestrel Marsh LLP to examine the controls of the {system}. Their "
                           "System and Organization Controls (SOC) 2 Type 2 report covered the period January 1, 2024 "
                           "to December 31, 2024 (the report period).",
                           "We are not aware of any material changes to the system or its controls, nor of any "
                           "material control failures, in the period from January 1, 2025 through March 31, 2025. "
                           "We expect our next SOC 2 Type 2 report for calendar year 2025 in February 2026.",
                           "This letter is provided by management and has not been examined by a service auditor.")
        + "<p style='margin-top:8mm'>Sincerely,</p><div class='sig'>Ines Harrow</div>"
          "<p>Ines Harrow<br>Chief Information Security Officer<br>Brightwater Analytics, Inc.</p>")
    report = blank_report(framework="SOC 2", type="Type 2", service_organization=vendor, system=system,
                          period_start="2024-01-01", period_end="2024-12-31", report_date="2025-04-04",
                          bridge_period_end="2025-03-31", service_auditor="Kestrel Marsh LLP")
    html = page("kestrel", "Bridge Letter", "Brightwater Analytics, Inc.", body)
    return Built("brightwater-bridge-letter", "vendor-letter", "bridge", "bridge_letter", html, report,
                 {"period_start": ["January 1, 2024"], "period_end": ["December 31, 2024"],
                  "report_date": ["April 4, 2025"], "bridge_period_end": ["March 31, 2025"]})


def dpa() -> Built:
    clauses = [
        ("Subject matter", "Brightwater Analytics, Inc. (the Processor) processes sales data on behalf of Hollin "
         "Retail Group Ltd. (the Controller) to provide the Brightwater Insight Platform."),
        ("Security measures", "The Processor maintains the technical and organisational measures in Annex II. The "
         "Processor holds a SOC 2 Type 2 report for the period January 1, 2024 to December 31, 2024, issued by an "
         "independent service auditor, and will provide each later report on request."),
        ("Sub-processors", "The Processor uses Amazon Web Services for hosting. The Controller authorises this "
         "sub-processor and will be told of any new sub-processor thirty days in advance."),
        ("Audits", "The Controller may rely on the Processor's SOC 2 report instead of an on-site audit, unless a "
         "supervisory authority requires otherwise."),
        ("Term", "This agreement takes effect on May 1, 2025 and ends with the master services agreement."),
    ]
    body = ("<h1 style='margin-top:5mm'>Data Processing Agreement</h1>"
            + paras("between Hollin Retail Group Ltd. and Brightwater Analytics, Inc.")
            + "".join(f"<h3>{n}. {t}</h3><p>{c}</p>" for n, (t, c) in enumerate(clauses, 1))
            + "<p style='margin-top:10mm'>Signed for the Controller: ____________ "
              "Signed for the Processor: ____________</p>")
    html = page("larkspur", "Data Processing Agreement", "Hollin Retail Group \u2014 Data Processing Agreement", body)
    return Built("hollin-dpa-other", "vendor-agreement", "other", "other", html, blank_report())
