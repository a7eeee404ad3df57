"""Template "praxis" (Praxis Lind CPAs, LLC): the compact style of firms that audit start-ups. Logo cover with
"System and Organization Controls (SOC) 2 Type II Report" and "Review Period: 01/01/2024 - 06/30/2024" (also in
every page header), management's assertion BEFORE the auditor's report, one flat "Testing Matrices" table
(Control # | Control Description | TSC Reference | Test Performed | Test Result) with family ids (AC-04), a
"Complementary Controls" table of controls expected at Google Cloud Platform (CSOCs, not CUECs), a numbered
"User Entity Responsibilities" list, and a Section 5 table repeating each exception beside its response."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Spacer

from tests.fixtures.spec import fmt_date

from . import prose
from .engine import Anchor, Logo, Look, Tracker, build, contents, frame_width
from .matrix import matrix
from .model import CATEGORY_ORDER, Report


def review_period(r: Report) -> str:
    if r.as_of:
        return f"As of {r.fmt(r.as_of)}"
    return f"Review Period: {fmt_date(r.period_start, 'numeric')} - {fmt_date(r.period_end, 'numeric')}"


def render(r: Report) -> tuple[bytes, dict[str, int], int]:
    title = f"System and Organization Controls (SOC) 2 {r.type_word} Report"
    look = Look(size=9.5, accent=colors.HexColor("#4b2a7b"), header_left=f"{r.brand} | {review_period(r)}",
                header_right="CONFIDENTIAL", footer="{page} / {total}", watermark=r.recipient)
    width = frame_width(look)
    t2 = r.type == "Type 2"
    sections = [("1", "Section 1: Management\u2019s Assertion"),
                ("2", "Section 2: Independent Service Auditor\u2019s Report"),
                ("3", "Section 3: System Description"), ("4", "Section 4: Testing Matrices")]
    if any(c.response for c in r.exceptions):
        sections.append(("5", "Section 5: Other Information Provided by Management"))
    cats = ", ".join(c for c in CATEGORY_ORDER if c in r.categories)

    def story(tr: Tracker, printed: dict[str, int]) -> list:
        k = look
        out: list = [Logo(r.brand, k.accent, k.bold), Spacer(1, 1.0 * inch), k.p(title, "title"),
                     k.p(r.vendor, "sub"), k.p(review_period(r), "sub"),
                     k.p(f"Trust Services Categories: {cats}", "sub"), Spacer(1, 2.0 * inch),
                     k.p(f"Report prepared by {r.auditor}", "body"),
                     k.p(f"Distributed under NDA to {r.recipient}", "body"), PageBreak()]
        out += contents(k, sections, printed, "Table of Contents") + [PageBreak()]
        for key, title_ in sections:
            out += [Anchor(tr, f"sec:{key}"), k.p(title_, "h1")]
            if key == "1":
                out += prose.assertion(r, k, "", "Marcus Oyelaran, Co-Founder and CTO")[1:]
            elif key == "2":
                out += [k.p(f"To: {r.vendor}"), k.p("Scope", "h2")]
                out += prose.scope_paragraphs(r, k)
                out += [k.p("Service Organization\u2019s Responsibilities", "h2"),
                        k.p(f"{r.vendor} is responsible for its service commitments and system requirements and for "
                            "designing, implementing, and operating effective controls within the system."),
                        k.p("Service Auditor\u2019s Responsibilities", "h2"),
                        k.p("Our examination was conducted in accordance with attestation standards established by "
                            "the American Institute of Certified Public Accountants and included procedures we "
                            "considered necessary in the circumstances.")]
                out += prose.opinion(r, k)
                out += [k.p("Restricted Use", "h2"),
                        k.p("This report is intended solely for the information and use of the service "
                            "organization, user entities, and prospective user entities.")]
                out += prose.signature(r, k)
            elif key == "3":
                out += [k.p("Company Overview", "h2"),
                        k.p(f"{r.vendor} was founded to make the {r.system} available to small and mid-sized "
                            "businesses. The platform is delivered as a multi-tenant web application."),
                        k.p("Principal Service Commitments", "h2"),
                        k.p("Commitments include encryption of customer data, availability targets published in "
                            "the service level agreement, and notification of security incidents.")]
                out += prose.prior_period_note(r, k)
                if r.subservices:
                    out += prose.subservice_prose(r, k)
                out += prose.csoc_block(r, k, tr, width)
                out += prose.cuec_block(r, k, tr, width, "User Entity Responsibilities")
            elif key == "4":
                out += [k.p("The testing matrices below present the controls, the criteria they address, the "
                            "tests performed and the results." if t2 else
                            "The matrices below present the controls and the criteria they address.")]
                cols = [("id", "Control #", 0.08), ("activity", "Control Description", 0.31),
                        ("criteria", "TSC Reference", 0.1), ("test", "Test Performed", 0.26),
                        ("result", "Test Result", 0.25)]
                out += matrix(r, k, tr, width, cols, "flat")
            else:
                rows = [[c.id, k.cell(c.result), k.cell(c.response)] for c in r.exceptions if c.response]
                out += [k.p("Management\u2019s Responses to Testing Exceptions", "h2"),
                        k.p("This section is provided by management and was not subject to examination."),
                        k.table(["Control #", "Exception", "Management Response"], rows,
                                [width * 0.1, width * 0.45, width * 0.45])]
            out.append(PageBreak())
        return out[:-1]

    return build(story, look, f"{r.vendor} {title}", r.auditor)
