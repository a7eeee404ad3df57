"""Template "vantwell" (Vantwell Kessler LLP): Times, logo cover, dot-leader contents, "Section 1 \u2013 ..." headings,
Section 4 on landscape pages as one long matrix with criterion band rows whose rows split across page breaks,
subservice organizations and CSOCs as tables, CUECs as a criteria | control table, responses in a Section 5
table keyed by control number, footnotes, the recipient's name as a watermark on every page."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

from . import prose
from .engine import Logo, Look, Tracker, build, contents, frame_width
from .matrix import matrix
from .model import EN, Report


def render(r: Report) -> tuple[bytes, dict[str, int], int]:
    kind = f"{r.framework}\u00ae {r.type_word}"
    look = Look(font="Times-Roman", bold="Times-Bold", italic="Times-Italic", size=10.5,
                accent=colors.HexColor("#14345a"), header_left=f"{r.vendor} | {kind} Report",
                header_right=r.auditor, footer="Page {page} of {total}", footer_left="Proprietary and Confidential",
                watermark=r.recipient)
    width, wide = frame_width(look), frame_width(look, landscape_page=True)
    t2 = r.type == "Type 2"
    s4 = ("Section 4 \u2013 Trust Services Criteria, Related Controls, and Tests of Controls" if t2 else
          "Section 4 \u2013 Trust Services Criteria and Related Controls")
    sections = [("1", "Section 1 \u2013 Independent Service Auditor\u2019s Report"),
                ("2", "Section 2 \u2013 Management\u2019s Assertion"),
                ("3", f"Section 3 \u2013 {r.vendor}\u2019s Description of Its {r.system}"), ("4", s4)]
    if any(c.response for c in r.exceptions):
        sections.append(("5", f"Section 5 \u2013 Other Information Provided by {r.vendor}"))
    design = "Design and Operating Effectiveness" if t2 else "Design"
    notes = {"[a]": "1", "[b]": "2"}

    def story(tr: Tracker, printed: dict[str, int]) -> list:
        k = look
        out: list = [Logo(r.brand, k.accent, k.bold), Spacer(1, 1.2 * inch), k.p(f"{kind} Report", "title"),
                     k.p(f"Report on Management\u2019s Description of {r.vendor}\u2019s {r.system} and on the "
                         f"Suitability of the {design} of Its Controls Relevant to "
                         f"{r.scope().title().replace(' And ', ' and ')}",
                         "sub"),
                     k.p(r.period()[0].upper() + r.period()[1:], "sub"), Spacer(1, 1.4 * inch),
                     k.p(f"Prepared for: {r.recipient}", "body"),
                     k.p(f"Independent service auditor: {r.auditor}", "body"), PageBreak()]
        out += contents(k, sections, printed, "Table of Contents") + [PageBreak()]
        for key, title in sections:
            if key == "4":
                out += [NextPageTemplate("landscape"), PageBreak()]
            out += [_anchor(tr, key), k.p(title, "h1")]
            if key == "1":
                out += [k.p(f"To the Management of {r.vendor}:"), k.p("Scope", "h2")]
                out += prose.scope_paragraphs(r, k)
                out += [k.p("Service Organization\u2019s Responsibilities", "h2"),
                        k.p(f"{r.vendor} is responsible for its service commitments and system requirements, for "
                            "providing the accompanying assertion, and for designing, implementing and operating "
                            "effective controls."),
                        k.p("Service Auditor\u2019s Responsibilities", "h2"),
                        k.p("Our responsibility is to express an opinion on the description and on the suitability "
                            f"of the {design.lower()} of the controls, based on our examination, which we conducted "
                            "in accordance with attestation standards established by the AICPA."),
                        k.p("Inherent Limitations", "h2"),
                        k.p("The description is prepared to meet the common needs of a broad range of report users "
                            "and may not include every aspect of the system that individual users consider "
                            "important.")]
                if t2:
                    out += [k.p("Description of Tests of Controls", "h2"),
                            k.p("The specific controls we tested and the nature, timing, and results of those tests "
                                "are listed in Section 4.")]
                out += prose.opinion(r, k)
                out += [k.p("Restricted Use", "h2"),
                        k.p(f"This report is intended solely for the information and use of {r.vendor}, user "
                            "entities of the system, and prospective user entities.")]
                out += prose.signature(r, k)
            elif key == "2":
                out += prose.assertion(r, k, f"Assertion of {r.vendor} Management", "Dana Whitcombe, Chief "
                                       "Operating Officer")[1:]
            elif key == "3":
                out += [k.p("Overview of Operations", "h2"),
                        k.p(f"{r.vendor} provides the {r.system} to mid-sized institutions. The boundaries of the "
                            "system comprise the production application, its supporting services, and the people "
                            "and procedures that operate them.")]
                out += prose.prior_period_note(r, k)
                if r.subservices:
                    out += prose.subservice_table(r, k, width)
                out += prose.csoc_block(r, k, tr, width)
                out += prose.cuec_block(r, k, tr, width, "Complementary User Entity Controls")
            elif key == "4":
                if t2:
                    out += [k.p("Description of Tests of Controls and Results", "h2"),
                            k.p("Tests of operating effectiveness[a] were designed to cover a representative number "
                                "of transactions throughout the period for each control listed below.", notes=notes)]
                    out += prose.test_types(k)
                cols = [("id", "Control Number", 0.11), ("activity", "Description of Controls", 0.36),
                        ("test", "Service Auditor\u2019s Test Procedures", 0.3), ("result", "Test Results", 0.23)]
                out += matrix(r, k, tr, wide, cols, "criteria_bands", split_in_row=True)
                out += [Spacer(1, 6),
                        k.p("1 Sample sizes follow the firm\u2019s sampling guidance for the frequency of each "
                            "control.", "note"),
                        k.p(f"2 Controls that operate {EN} or did not operate {EN} only on an event basis are "
                            "noted in the results.", "note")]
                out += [NextPageTemplate("portrait")]
            else:
                out += prose.responses_table(r, k, width, "Management\u2019s Responses to Exceptions Noted")
            out.append(PageBreak())
        return out[:-1]

    return build(story, look, f"{r.vendor} {kind}", r.auditor)


def _anchor(tr: Tracker, key: str) -> object:
    from .engine import Anchor

    return Anchor(tr, f"sec:{key}")
