"""Template "oakhurst" (Oakhurst Bramley LLP): A4, day-first dates ("1 July 2023 to 30 June 2024"), "Type II",
upper-case roman section titles, a centred cover without a logo, SOC 1 tests in one table per control objective
("Control Objective 3" above its words), columns "Ref. | Controls specified by ... | Testing performed by ... |
Results of testing", deviations with the management response under the result, CUECs as a control objective |
user entity control table (SOC 1) or a numbered "User Entity Responsibilities" list (SOC 2), subservice
organizations in prose (inclusive method, and a "did not extend to" carve-out)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Spacer

from . import prose
from .engine import Anchor, Look, Tracker, build, contents, frame_width
from .matrix import matrix
from .model import Report


def render(r: Report) -> tuple[bytes, dict[str, int], int]:
    soc1 = r.framework == "SOC 1"
    look = Look(pagesize=A4, size=9, accent=colors.HexColor("#1e5b3a"),
                header_left=f"{r.brand} \u2013 {r.framework} {r.type_word} report",
                header_right="Strictly private and confidential", footer="{page}", watermark=r.recipient,
                margin=0.95 * inch, head_rule=False)
    width = frame_width(look)
    t2 = r.type == "Type 2"
    iv = ("IV. CONTROL OBJECTIVES, CONTROLS, TESTS AND RESULTS OF TESTS" if soc1 else
          "IV. TRUST SERVICES CRITERIA, CONTROLS, TESTS AND RESULTS OF TESTS")
    if not t2:
        iv = iv.replace(", TESTS AND RESULTS OF TESTS", " AND CONTROLS").replace("CONTROLS AND CONTROLS", "CONTROLS")
    sections = [("1", "I. INDEPENDENT SERVICE AUDITOR\u2019S REPORT"),
                ("2", f"II. STATEMENT BY THE MANAGEMENT OF {r.brand.upper()}"),
                ("3", f"III. DESCRIPTION OF THE {r.system.upper()}"), ("4", iv)]
    firm_short = r.auditor.removesuffix(" LLP")

    def story(tr: Tracker, printed: dict[str, int]) -> list:
        k = look
        out: list = [Spacer(1, 1.6 * inch), k.p(r.vendor, "csub"),
                     k.p(f"{r.framework}\u00ae {r.type_word}", "ctitle"),
                     k.p(f"Independent Service Auditor\u2019s Report on the Description of the {r.system} and the "
                         "Suitability of the Design" + (" and Operating Effectiveness" if t2 else "") + " of Controls",
                         "csub"),
                     k.p(r.period()[0].upper() + r.period()[1:], "csub"), Spacer(1, 2.2 * inch),
                     k.p(r.auditor, "csub"), k.p(f"Copy issued to {r.recipient}", "csub"), PageBreak()]
        out += contents(k, sections, printed, "Contents") + [PageBreak()]
        for key, title in sections:
            out += [Anchor(tr, f"sec:{key}"), k.p(title, "h1")]
            if key == "1":
                out += [k.p(f"To the Board of Directors of {r.vendor}"), k.p("Scope", "h2")]
                out += prose.scope_paragraphs(r, k)
                out += [k.p("Responsibilities of the service organisation", "h2"),
                        k.p(f"In Section II, {r.vendor} has provided a statement about the fairness of the "
                            "presentation of the description and the suitability of the design"
                            + (" and operating effectiveness" if t2 else "") + " of the controls."),
                        k.p("Our independence and quality management", "h2"),
                        k.p("We have complied with the independence and other ethical requirements of the AICPA "
                            "Code of Professional Conduct."),
                        k.p("Limitations of controls at a service organisation", "h2"),
                        k.p("Because of their nature, controls at a service organisation may not prevent, or detect "
                            "and correct, all errors or omissions in processing or reporting transactions.")]
                out += prose.opinion(r, k, heading="Opinion")
                out += [k.p("Intended users and purpose", "h2"),
                        k.p(f"This report is intended only for {r.vendor}, its user entities and their auditors."),
                        k.p(r.auditor, "sig"), k.p(f"{r.auditor}, Certified Public Accountants"),
                        k.p(r.auditor_city), k.p(r.fmt(r.report_date))]
            elif key == "2":
                out += prose.assertion(r, k, "", "Priya Ramaswamy, Chief Executive Officer")[1:]
            elif key == "3":
                out += [k.p("Nature of operations", "h2"),
                        k.p(f"{r.vendor} administers the {r.system} on behalf of its clients. The description "
                            "covers the processes, people and technology used to deliver the service.")]
                out += prose.prior_period_note(r, k)
                if soc1:
                    out += [k.p("Control objectives", "h2"),
                            k.p("The control objectives and the related controls are presented in Section IV, "
                                "where they form part of this description.")]
                if r.subservices:
                    out += prose.subservice_prose(r, k)
                    silent = [s.short for s in r.subservices if s.phrasing == "silent"]
                    if silent:
                        out.append(k.p("The examination by the service auditor did not extend to the policies, "
                                       f"procedures, and controls of {' and '.join(silent)}."))
                out += prose.csoc_block(r, k, tr, width)
                heading = "Complementary User Entity Controls" if soc1 else "User Entity Responsibilities"
                out += prose.cuec_block(r, k, tr, width, heading)
            else:
                if t2:
                    out += [k.p("Tests of operating effectiveness", "h2"),
                            k.p(f"{firm_short} tested the controls listed below. Where a deviation was noted, the "
                                "response of management follows the result; it has not been audited.")]
                brand = r.brand
                cols = [("id", "Ref.", 0.07), ("activity", f"Controls specified by {brand}", 0.36),
                        ("test", f"Testing performed by {firm_short}", 0.3), ("result", "Results of testing", 0.27)]
                if soc1:
                    out += matrix(r, k, tr, width, cols, "objective_tables", split_in_row=True,
                                  response_label="Management\u2019s response:", band_form="twoline")
                else:
                    cols[0] = ("id", "Ref.", 0.1)  # "SEC-07" must not wrap at its hyphen
                    cols.insert(1, ("criteria", "Criteria", 0.1))
                    out += matrix(r, k, tr, width, cols, "flat", split_in_row=True,
                                  response_label="Management\u2019s response:")
            out.append(PageBreak())
        return out[:-1]

    return build(story, look, f"{r.vendor} {r.framework} {r.type_word}", r.auditor)
