"""Template "greystoke" (Greystoke Ainsley CPAs, PLLC): the older AICPA-guide arrangement. Section IV is
"Information Provided by the Independent Service Auditor" (with "Description of Tests of Controls and Results"
and the test types), its table leads with the criteria (Criteria | Control Ref | Control Activity Specified by
the Service Organization | Tests of Controls | Results of Tests) or, for SOC 1, has objective band rows; results
such as "Exceptions noted \u2013 see management response" are answered under per-control headings in Section V;
"User Control Considerations" are lettered; subservice organizations are described in prose."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Spacer

from . import prose
from .engine import Anchor, Look, Tracker, build, contents, frame_width
from .matrix import matrix
from .model import Report


def render(r: Report) -> tuple[bytes, dict[str, int], int]:
    soc1 = r.framework == "SOC 1"
    t2 = r.type == "Type 2"
    look = Look(size=9, accent=colors.HexColor("#6b3a1e"), header_left=r.vendor,
                header_right=f"{r.framework} {r.type_word} \u2013 {r.system}", footer="\u2013 {page} \u2013",
                footer_left="For the sole use of user entities and their auditors", watermark=r.recipient,
                margin=0.75 * inch)
    width = frame_width(look)
    sections = [("1", "I. Independent Service Auditor\u2019s Report"),
                ("2", f"II. Management of {r.vendor}\u2019s Assertion"),
                ("3", f"III. Description of {r.vendor}\u2019s {r.system}"),
                ("4", "IV. Information Provided by the Independent Service Auditor")]
    if any(c.response for c in r.exceptions):
        sections.append(("5", f"V. Other Information Provided by {r.vendor}"))
    what = "Controls Relevant to User Entities\u2019 Internal Control over Financial Reporting" if soc1 else \
        f"Controls Relevant to {r.scope().title().replace(' And ', ' and ')}"

    def story(tr: Tracker, printed: dict[str, int]) -> list:
        k = look
        out: list = [Spacer(1, 0.8 * inch), k.p(f"{r.framework}\u00ae {r.type_word} Report", "ctitle"),
                     k.p(f"Report on {r.vendor}\u2019s Description of Its {r.system} and on the Suitability of the "
                         "Design" + (" and Operating Effectiveness" if t2 else "") + f" of Its {what}", "csub"),
                     k.p(r.period()[0].upper() + r.period()[1:], "csub"), Spacer(1, 2.4 * inch),
                     k.p(f"{r.auditor} | {r.auditor_city}", "csub"), PageBreak()]
        out += contents(k, sections, printed, "Table of Contents") + [PageBreak()]
        for key, title in sections:
            out += [Anchor(tr, f"sec:{key}"), k.p(title, "h1")]
            if key == "1":
                out += [k.p(f"Board of Directors and Management of {r.vendor}:"), k.p("Scope", "h2")]
                out += prose.scope_paragraphs(r, k)
                out += [k.p("Service Auditor\u2019s Responsibilities", "h2"),
                        k.p("Our responsibility is to express an opinion on the fairness of the presentation of the "
                            "description and on the suitability of the design" + (" and operating effectiveness"
                                                                                  if t2 else "")
                            + " of the controls based on our examination."),
                        k.p("Other Information", "h2"),
                        k.p(f"The information in Section V is presented by management of {r.vendor} to provide "
                            "additional information and is not a part of the description. It has not been subjected "
                            "to the procedures applied in the examination.")]
                out += prose.opinion(r, k)
                out += prose.signature(r, k)
            elif key == "2":
                out += prose.assertion(r, k, "", "Theodora Quist, President")[1:]
            elif key == "3":
                out += [k.p("Background", "h2"),
                        k.p(f"{r.vendor} operates the {r.system} from its headquarters and two regional offices.")]
                out += prose.prior_period_note(r, k)
                if r.subservices:
                    out += prose.subservice_prose(r, k)
                out += prose.csoc_block(r, k, tr, width)
                out += prose.cuec_block(r, k, tr, width, "User Control Considerations")
            elif key == "4":
                out += [k.p("Purpose and Objectives of the Examination", "h2"),
                        k.p("This section presents the controls specified by the service organization and, for a "
                            "Type 2 examination, the tests performed by the service auditor and their results.")]
                if t2:
                    out += [k.p("Description of Tests of Controls and Results", "h2")] + prose.test_types(k)
                cols = [("id", "Control Ref", 0.09), ("activity", "Control Activity Specified by the Service "
                                                                  "Organization", 0.34),
                        ("test", "Tests of Controls", 0.27), ("result", "Results of Tests", 0.22)]
                if soc1:
                    out += matrix(r, k, tr, width, cols, "objective_bands", split_in_row=True)
                else:
                    cols.insert(0, ("criteria", "Criteria", 0.08))
                    out += matrix(r, k, tr, width, cols, "flat", split_in_row=True)
            else:
                out += [k.p("Management\u2019s Response to Exceptions", "h2")]
                for c in r.exceptions:
                    if c.response:
                        out += [k.p(f"Control {c.id}", "h3"), k.p(f"Management\u2019s Response: {c.response}")]
            out.append(PageBreak())
        return out[:-1]

    return build(story, look, f"{r.vendor} {r.framework} {r.type_word}", r.auditor)
