"""A SOC report's blocks (see odt.py) in the house style of one of four fictional CPA firms: cover, table of
contents, auditor's report with its opinion, management's assertion, system description (subservice
organizations, CSOCs, CUECs), tests of controls and Section V. Every printed fact comes from the `Report`."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Report
from .odt import HouseStyle


@dataclass(frozen=True)
class Firm:
    name: str
    city: str
    style: HouseStyle
    numbering: str  # "roman" (Section I) or "arabic" (Section 1)
    results: str  # "inline": response under the result; "section5": responses in Section V
    tsc_column: bool  # a criteria column in the tests table (5 columns)
    cuec_table: bool  # CUECs in a table with their criteria, else bullets


def _style(font: str, size: float, color: str, left: str, footer: str, label: str, fill: str, border: str,
           bullet: str = "\u2022", justify: bool = True) -> HouseStyle:
    return HouseStyle(font, size, color, left, "Proprietary and Confidential", footer, label, fill, border,
                      justify, bullet)


FIRMS = {
    "ashcombe": Firm("Ashcombe Pryor LLP", "Hartford, Connecticut",
                     _style("Carlito", 10.5, "#1f3a68", "Ashcombe Pryor LLP", "", "Page {n} of {N}", "#dde6f0",
                            "0.5pt solid #1f3a68"), "roman", "inline", False, True),
    "quillfeather": Firm("Quillfeather Assurance LLP", "Portland, Oregon",
                         _style("DejaVu Sans", 9, "#5b2a86", "", "Quillfeather Assurance LLP", "{n}", "#ece4f3",
                                "0.6pt solid #000000", "\u25aa", False), "arabic", "section5", True, False),
    "thistledown": Firm("Thistledown & Marsh CPAs, P.C.", "Columbus, Ohio",
                        _style("Liberation Serif", 11, "#000000", "", "Confidential", "- {n} -", "#e6e6e6",
                               "0.5pt solid #000000"), "roman", "inline", False, True),
    "redgrave": Firm("Redgrave Lund & Co. LLP", "Denver, Colorado",
                     _style("Liberation Sans", 9.5, "#8a1c1c", "Redgrave Lund & Co. LLP", "", "Page {n}", "#f2dede",
                            "0.75pt solid #8a1c1c", "\u2013"), "roman", "section5", True, False),
}

ROMAN = ["I", "II", "III", "IV", "V"]


def section(firm: Firm, n: int, title: str) -> str:
    num = ROMAN[n - 1] if firm.numbering == "roman" else str(n)
    return f"Section {num} \u2013 {title}"


def house_style(r: Report) -> HouseStyle:
    firm = FIRMS[r.firm]
    hs = firm.style
    left = hs.header_left or r.vendor
    footer = hs.footer_left or r.vendor
    return HouseStyle(hs.font, hs.size, hs.heading_color, left, hs.header_right, footer, hs.page_label,
                      hs.table_fill, hs.border, hs.justify, hs.bullet,
                      f"Prepared for {r.recipient} \u2013 not for further distribution" if r.recipient else "")


def long_date(d) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def cats_phrase(cats: list[str]) -> str:
    words = [c.lower() for c in cats]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + (", and " if len(words) > 2 else " and ") \
        + words[-1]


def scope_time(r: Report) -> str:
    if r.as_of and r.framework == "SOC 1":  # the older wording a SOC 1 Type 1 still carries
        return f"placed in operation as of {long_date(r.as_of)}"
    return f"as of {long_date(r.as_of)}" if r.as_of else r.period_phrase


def subservice_paragraphs(r: Report) -> list[tuple]:
    out = []
    for name, services, method in r.subservices:
        if method == "carve-out":
            out.append(("p", f"{r.vendor} uses {name}, a subservice organization, for {services}. The description "
                        f"includes only the controls of {r.vendor} and excludes the controls of {name}; the "
                        "subservice organization is presented using the carve-out method."))
        elif method == "inclusive":
            out.append(("p", f"{r.vendor} uses {name}, a subservice organization, for {services}. The description "
                        f"includes the relevant controls of {name}, which are presented using the inclusive "
                        "method, and our examination included those controls."))
        else:
            out.append(("p", f"{r.vendor} relies on {name} for {services}. Our examination did not extend to the "
                        f"policies, procedures, and controls of {name}."))
    return out


def opinion_blocks(r: Report, firm: Firm) -> list[tuple]:
    t = scope_time(r)
    if r.framework == "SOC 3":
        return [("h2", "Opinion"), ("p", f"In our opinion, management's assertion that the controls within "
                 f"{r.vendor}'s {r.system} were effective {t} to provide reasonable assurance that its service "
                 f"commitments and system requirements were achieved based on the trust services criteria relevant "
                 f"to {cats_phrase(r.categories)} is fairly stated, in all material respects.")]
    goal = ("to achieve the related control objectives stated in the description" if r.framework == "SOC 1" else
            f"to provide reasonable assurance that {r.vendor}'s service commitments and system requirements would "
            "be achieved based on the applicable trust services criteria")
    parts = [f"the description fairly presents the {r.system} that was designed and implemented {t}",
             f"the controls stated in the description were suitably designed {t} {goal}"]
    if r.type == "Type 2":
        parts.append(f"the controls stated in the description operated effectively {t} {goal}")
    if r.opinion == "adverse":
        exc = ", ".join(c.id for c in r.exceptions)
        return [("h2", "Basis for Adverse Opinion"),
                ("p", f"Our tests of operating effectiveness identified pervasive exceptions in controls {exc}, as "
                 "described in Section IV. The controls over logical access and change management were not "
                 "suitably designed and did not operate effectively."),
                ("h2", "Adverse Opinion"),
                ("p", "In our opinion, because of the significance of the matters described in the Basis for Adverse "
                 f"Opinion paragraph, the description does not present fairly the {r.system} {t}, the controls "
                 "stated in the description were not suitably designed, and the controls did not operate "
                 "effectively to provide reasonable assurance that the service commitments and system "
                 "requirements would be achieved.")]
    blocks: list[tuple] = []
    lead = "In our opinion, in all material respects,"
    if r.opinion == "qualified":
        c = r.exceptions[0]
        blocks += [("h2", "Basis for Qualified Opinion"),
                   ("p", f"As described in Section IV, control {c.id} states that \u201c{c.activity}\u201d Our tests "
                    "found that the control did not operate effectively during the period. As a result, the "
                    f"related criteria {', '.join(c.criteria)} were not achieved."),
                   ("h2", "Qualified Opinion")]
        lead = ("In our opinion, except for the effects of the matter described in the Basis for Qualified Opinion "
                "paragraph, in all material respects,")
    else:
        blocks.append(("h2", "Opinion"))
    letters = "abc"
    blocks.append(("p", lead))
    blocks += [("p", f"{letters[i]}. {p}.") for i, p in enumerate(parts)]
    return blocks


def auditor_report(r: Report, firm: Firm) -> list[tuple]:
    t = scope_time(r)
    if r.framework == "SOC 1":
        scope = (f"We have examined {r.vendor}'s description of its {r.system} for processing user entities' "
                 f"transactions {t} (description) and the suitability of the design"
                 f"{' and operating effectiveness' if r.type == 'Type 2' else ''} of the controls included in the "
                 "description to achieve the related control objectives stated in the description, based on the "
                 f"criteria identified in \u201cAssertion of {r.vendor} Management\u201d (assertion).")
    elif r.framework == "SOC 3":
        scope = (f"We have examined {r.vendor}'s accompanying assertion titled \u201cAssertion of {r.vendor} "
                 f"Management\u201d that the controls within the {r.system} (system) were effective {t} to provide "
                 f"reasonable assurance that {r.vendor}'s service commitments and system requirements were achieved "
                 f"based on the trust services criteria relevant to {cats_phrase(r.categories)} (applicable trust "
                 "services criteria) set forth in TSP section 100, 2017 Trust Services Criteria for Security, "
                 "Availability, Processing Integrity, Confidentiality, and Privacy (AICPA, Trust Services Criteria).")
    else:
        effect = " and operating effectiveness" if r.type == "Type 2" else ""
        scope = (f"We have examined {r.vendor}'s accompanying description of its {r.system} {t} (description) "
                 "based on the criteria for a description of a service organization's system set forth in DC "
                 "section 200, 2018 Description Criteria for a Description of a Service Organization's System in a "
                 f"SOC 2\u00ae Report (description criteria) and the suitability of the design{effect} of controls "
                 f"stated in the description {t} to provide reasonable assurance that {r.vendor}'s service "
                 "commitments and system requirements were achieved based on the trust services criteria relevant "
                 f"to {cats_phrase(r.categories)} (applicable trust services criteria) set forth in TSP section 100, "
                 "2017 Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, and "
                 "Privacy (AICPA, Trust Services Criteria).")
    blocks = [("h1", section(firm, 1, "Independent Service Auditor's Report")),
              ("p", f"To the Management of {r.vendor}:"), ("h2", "Scope"), ("p", scope)]
    blocks += subservice_paragraphs(r)
    if r.cuecs:
        blocks.append(("p", "The description indicates that certain controls specified in the description can be "
                       "achieved only if complementary user entity controls assumed in the design of "
                       f"{r.vendor}'s controls are suitably designed and operating effectively. Our examination did "
                       "not extend to such complementary user entity controls."))
    blocks += [("h2", "Service Auditor's Responsibilities"),
               ("p", "Our responsibility is to express an opinion based on our examination. Our examination was "
                "conducted in accordance with attestation standards established by the American Institute of "
                "Certified Public Accountants. Those standards require that we plan and perform our examination "
                "to obtain reasonable assurance about whether, in all material respects, the matters examined are "
                "fairly presented and the controls were suitably designed and, where stated, operating effectively."),
               ("h2", "Inherent Limitations"),
               ("p", "Because of their nature, controls may not always operate effectively to provide reasonable "
                "assurance that objectives are achieved. Projections to future periods of any evaluation of the "
                "fairness of the presentation or the suitability of the design of controls are subject to the risk "
                "that controls may become inadequate because of changes in conditions.")]
    blocks += opinion_blocks(r, firm)
    if r.framework != "SOC 3":
        blocks += [("h2", "Restricted Use"),
                   ("p", f"This report is intended solely for the information and use of {r.vendor}, user entities "
                    f"of {r.vendor}'s {r.system} and prospective user entities, independent auditors and "
                    "practitioners providing services to such user entities, and regulators who have sufficient "
                    "knowledge and understanding of the matters it describes.")]
    blocks += [("sig", firm.name), ("p", firm.city), ("p", long_date(r.report_date))]
    return blocks


def assertion(r: Report, firm: Firm, n: int = 2) -> list[tuple]:
    t = scope_time(r)
    return [("h1", section(firm, n, f"Assertion of {r.vendor} Management")),
            ("p", f"We have prepared the accompanying description of {r.vendor}'s {r.system} {t} (description) "
             "for user entities of the system during some or all of the period, and their auditors, who have a "
             "sufficient understanding to consider it. We confirm, to the best of our knowledge and belief, that "
             "the description presents the system fairly and that the controls stated in it were suitably designed"
             f"{' and operated effectively' if r.type == 'Type 2' or r.framework == 'SOC 3' else ''} {t}."),
            ("p", f"{r.vendor} Management")]
