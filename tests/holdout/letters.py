"""Holdout letters: bridge letters in two new house styles, and two documents that are not SOC reports but
mention them (a HIPAA attestation letter and a PCI DSS Attestation of Compliance cover)."""

from __future__ import annotations

from datetime import timedelta

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Spacer, Table, TableStyle

from .engine import Logo, Look, Tracker, build
from .model import EM, Letter


def render(spec: Letter) -> tuple[bytes, dict[str, int], int]:
    maker = {"bridge-grid": _bridge_grid, "bridge-continuity": _bridge_continuity, "hipaa": _hipaa,
             "pci": _pci}[spec.template]
    look = Look(size=10.5, accent=colors.HexColor("#33415c"), footer="", watermark=spec.recipient)
    return build(lambda tr, printed: maker(spec, look, tr), look, spec.doc_id, spec.vendor)


def _period(spec: Letter) -> str:
    if spec.as_of:
        return f"as of {spec.fmt(spec.as_of)}"
    return f"for the period {spec.fmt(spec.period_start)} through {spec.fmt(spec.period_end)}"


def _bridge_grid(spec: Letter, k: Look, tr: Tracker) -> list:
    """Letterhead with the vendor's logo and a grid of the bridged report's facts."""
    end = spec.period_end or spec.as_of
    report = f"{spec.framework} {spec.type_word}"
    rows = [["Report", f"{report} {EM} {spec.system}"],
            ["Report period", f"{spec.fmt(spec.period_start)} through {spec.fmt(spec.period_end)}"]
            if spec.period_end else ["Report date (as of)", spec.fmt(spec.as_of)],
            ["Service auditor", spec.auditor or "Not applicable"],
            ["Bridge period", f"{spec.fmt(end + timedelta(days=1))} through {spec.fmt(spec.covers_to)}"]]
    t = Table([[k.cell(a, bold=True), k.cell(b)] for a, b in rows], colWidths=[1.6 * inch, 4.6 * inch])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [Logo(spec.brand, k.accent, k.bold), Spacer(1, 0.3 * inch), k.p(spec.fmt(spec.letter_date)),
            k.p("To: Customers and prospective customers"),
            k.p(f"RE: {report} Bridge Letter", "h2"),
            k.p(f"{spec.vendor} provides this letter to cover the period between the end of its most recent "
                f"{report} examination and the date of this letter. The key facts of that report are:"),
            t, Spacer(1, 0.15 * inch),
            k.p(f"As of the date of this letter, management of {spec.vendor} is not aware of any material changes "
                "to the design of the controls described in the report, nor of any significant security incidents, "
                f"during the bridge period ending {spec.fmt(spec.covers_to)}."),
            k.p("The information in this letter has not been examined by an independent service auditor. "
                "The next report is expected to be issued in the first quarter of the following year."),
            k.p("Regards,"), k.p(spec.signer, "sig"), k.p(f"{spec.signer} | {spec.signer_title}"), k.p(spec.vendor)]


def _bridge_continuity(spec: Letter, k: Look, tr: Tracker) -> list:
    """A plain 'letter of continuity' in prose, day-first dates, no logo."""
    end = spec.period_end or spec.as_of
    by = f" by {spec.auditor}" if spec.auditor else ""
    return [k.p(spec.vendor, "h1"), k.p("Letter of Continuity (Bridge Letter)", "h2"),
            k.p(f"Date: {spec.fmt(spec.letter_date)}"),
            k.p("Dear Client,"),
            k.p(f"{spec.vendor} engaged an independent service auditor to report on its {spec.system}. The "
                f"resulting {spec.framework} {spec.type_word} report{by} covered the controls in place "
                f"{_period(spec)}. A copy of the report is available to clients on request."),
            k.p(f"We confirm that between {spec.fmt(end + timedelta(days=1))} and {spec.fmt(spec.covers_to)}:"),
            k.p("there have been no significant changes to the control environment or to the control objectives "
                "and controls described in the report;", "item", bullet="\u2022"),
            k.p("no significant deficiencies or material weaknesses have come to management\u2019s attention.", "item",
                bullet="\u2022"),
            k.p("This letter is provided by management and is not an opinion of the service auditor."),
            k.p("Yours faithfully,"), k.p(spec.signer, "sig"), k.p(spec.signer), k.p(spec.signer_title)]


def _hipaa(spec: Letter, k: Look, tr: Tracker) -> list:
    start = spec.letter_date - timedelta(days=75)
    return [k.p(spec.issuer, "title"), k.p("HIPAA Security Rule Attestation Letter", "h1"),
            k.p(spec.fmt(spec.letter_date)),
            k.p(f"{spec.issuer} performed an assessment of {spec.vendor}\u2019s safeguards for electronic protected "
                f"health information processed by the {spec.system} against the HIPAA Security Rule "
                f"(45 CFR Part 164, Subpart C) between {spec.fmt(start)} and {spec.fmt(start + timedelta(days=30))}."),
            k.p("The assessment considered administrative, physical and technical safeguards. Where relevant, we "
                f"relied on the results of {spec.vendor}\u2019s SOC 2 Type 2 report and its SOC 2\u00ae bridge letter "
                "rather than retesting controls."),
            k.p(f"Based on the procedures performed, {spec.vendor} has implemented safeguards that address the "
                "required and addressable implementation specifications of the Security Rule, with two addressable "
                "specifications documented as alternative measures."),
            k.p("This letter is not a SOC report, does not constitute an examination under AICPA attestation "
                "standards, and expresses no opinion on internal control."),
            k.p(spec.signer, "sig"), k.p(f"{spec.signer}, {spec.signer_title}, {spec.issuer}")]


def _pci(spec: Letter, k: Look, tr: Tracker) -> list:
    rows = [["Service provider", spec.vendor], ["Services assessed", spec.system],
            ["Assessment end date", spec.fmt(spec.letter_date - timedelta(days=20))],
            ["Date of AOC", spec.fmt(spec.letter_date)], ["Qualified Security Assessor company", spec.issuer],
            ["Compliance status", "Compliant"]]
    t = Table([[k.cell(a, bold=True), k.cell(b)] for a, b in rows], colWidths=[2.2 * inch, 4.3 * inch])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
    return [k.p("Payment Card Industry Data Security Standard", "sub"),
            k.p("Attestation of Compliance for Onsite Assessments \u2013 Service Providers", "title"),
            k.p("PCI DSS v4.0.1 \u2013 Cover Sheet", "h2"), t, Spacer(1, 0.2 * inch),
            k.p(f"{spec.vendor} also maintains a SOC 2 Type II report for the {spec.system}; that report is outside "
                "the scope of this Attestation of Compliance and was not relied upon by the assessor."),
            k.p("Part 3. PCI DSS Validation: based on the results noted in the Report on Compliance, the signatories "
                f"identified in Parts 3b\u20133d assert the compliance status above for {spec.vendor}."),
            k.p(spec.signer, "sig"), k.p(f"{spec.signer}, {spec.signer_title}")]
