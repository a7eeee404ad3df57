"""Template "bellmoor" (Bellmoor & Tate LLP): a SOC 3 for general use. Cover with logo, the auditor's report first
(opinion on management's assertion: "is fairly stated, in all material respects"), the assertion, then
Attachment A (the system's boundaries, subservice organizations with the "did not extend to" wording, CUECs) and
Attachment B (principal service commitments). No tests, no type."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Spacer

from . import prose
from .engine import Anchor, Logo, Look, Tracker, build, frame_width
from .model import Report


def render(r: Report) -> tuple[bytes, dict[str, int], int]:
    look = Look(size=10, accent=colors.HexColor("#0d5c63"), header_left=f"{r.vendor} \u2013 SOC 3 Report",
                header_right="", footer="Page {page}", watermark="", margin=1.0 * inch)
    width = frame_width(look)
    scope = r.scope()
    period = r.period()

    def story(tr: Tracker, printed: dict[str, int]) -> list:
        k = look
        out: list = [Logo(r.brand, k.accent, k.bold), Spacer(1, 1.2 * inch), k.p("SOC 3\u00ae Report", "title"),
                     k.p(f"Report on {r.vendor}\u2019s {r.system} Relevant to "
                         f"{scope.title().replace(' And ', ' and ')} {period[0].upper() + period[1:]}", "sub"),
                     Spacer(1, 2.5 * inch),
                     k.p(f"With the Independent Service Auditor\u2019s Report of {r.auditor}", "body"), PageBreak()]
        out += [Anchor(tr, "sec:1"), k.p("Independent Service Auditor\u2019s Report", "h1"),
                k.p(f"To the Management of {r.vendor}:"), k.p("Scope", "h2"),
                k.p(f"We have examined {r.vendor}\u2019s accompanying assertion titled \u201cAssertion of {r.vendor} "
                    f"Management\u201d (assertion) that the controls within the {r.system} (system) were effective "
                    f"{period}, to provide reasonable assurance that {r.vendor}\u2019s service commitments and system "
                    f"requirements were achieved based on the trust services criteria relevant to {scope} "
                    f"(applicable trust services criteria) set forth in {prose.TSC_2017}.")]
        silent = [s.short for s in r.subservices if s.phrasing == "silent"]
        if silent:
            for s in (s for s in r.subservices if s.phrasing == "silent"):
                out.append(k.p(f"{r.vendor} uses {s.name} ({s.short}) for {s.services}."))
            out.append(k.p("Our examination did not extend to the policies, procedures, and controls of "
                           f"{' and '.join(silent)}."))
        out += [k.p("Inherent Limitations", "h2"),
                k.p("There are inherent limitations in the effectiveness of any system of internal control, "
                    "including the possibility of human error and the circumvention of controls."),
                k.p("Opinion", "h2"),
                k.p(f"In our opinion, management\u2019s assertion that the controls within {r.vendor}\u2019s "
                    f"{r.system} were effective {period}, to provide reasonable assurance that its service "
                    "commitments and system requirements were achieved based on the applicable trust services "
                    "criteria is fairly stated, in all material respects.")]
        out += prose.signature(r, k) + [PageBreak()]
        out += [Anchor(tr, "sec:2"), k.p(f"Assertion of {r.vendor} Management", "h1"),
                k.p(f"We are responsible for designing, implementing, operating, and maintaining effective controls "
                    f"within the {r.system} (system) {period} to provide reasonable assurance that our service "
                    f"commitments and system requirements relevant to {scope} were achieved."),
                k.p(f"We assert that the controls within the system were effective {period}, to provide reasonable "
                    "assurance that the service commitments and system requirements were achieved based on the "
                    "applicable trust services criteria."),
                k.p("Ingrid Salazar-Penn", "sig"), k.p(f"Ingrid Salazar-Penn, Chief Executive Officer, {r.vendor}"),
                PageBreak()]
        out += [Anchor(tr, "sec:3"), k.p(f"Attachment A \u2013 {r.vendor}\u2019s Description of the Boundaries of Its "
                                         f"{r.system}", "h1"),
                k.p("Services Provided", "h2"),
                k.p(f"{r.vendor} provides the {r.system} as a hosted service to customers in North America.")]
        if r.subservices:
            out += prose.subservice_prose(r, k)
        out += prose.cuec_block(r, k, tr, width, "Complementary User Entity Controls")
        out += [PageBreak(), Anchor(tr, "sec:4"), k.p("Attachment B \u2013 Principal Service Commitments and System "
                                                      "Requirements", "h1"),
                k.p(f"{r.vendor} designs its processes and procedures to meet its objectives for the {r.system}. "
                    "Commitments are documented in customer agreements and in the description of the service on "
                    "the company\u2019s website.")]
        return out

    return build(story, look, f"{r.vendor} SOC 3", r.auditor)
