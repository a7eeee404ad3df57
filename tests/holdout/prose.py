"""The words of the holdout reports: opinion, scope, subservice wording, CUEC/CSOC blocks, tests and responses.

Worded apart from tests/fixtures/prose.py: other firms, other sentences, other layouts of the same facts.
Every function returns flowables for a `Look`; keys given to `Mark` are the ones `Report.truth_report` reads.
"""

from __future__ import annotations

from reportlab.platypus import Spacer

from .engine import Look, Tracker
from .model import EN, Report

TSC_2017 = ("TSP section 100, 2017 Trust Services Criteria for Security, Availability, Processing Integrity, "
            "Confidentiality, and Privacy (With Revised Points of Focus \u2013 2022)")


def scope_paragraphs(r: Report, k: Look) -> list:
    t2 = r.type == "Type 2"
    design = "design and operating effectiveness" if t2 else "design"
    basis = ("the control objectives stated in the description" if r.framework == "SOC 1" else
             f"the trust services criteria relevant to {r.scope()} (applicable trust services criteria) set "
             f"forth in {TSC_2017}")
    out = [k.p(f"We have examined the accompanying description titled \u201c{r.vendor}\u2019s Description of Its "
               f"{r.system}\u201d {r.period()} (the description) and the suitability of the {design} of the "
               f"controls stated in the description to provide reasonable assurance that {r.vendor}\u2019s service "
               f"commitments and system requirements would be achieved based on {basis}.")]
    named = [s for s in r.subservices if s.phrasing == "named"]
    for s in named:
        if s.method == "inclusive":
            out.append(k.p(f"{r.vendor} uses {s.name} ({s.short}), a subservice organization, to provide {s.services}. "
                           f"The description includes those elements of {s.short}\u2019s system and controls that are "
                           "relevant to the examination; that is, it is presented using the inclusive method."))
        else:
            out.append(k.p(f"{r.vendor} uses {s.name} ({s.short}), a subservice organization, to provide {s.services}. "
                           f"The description excludes the controls of {s.short}; it is presented using the "
                           "carve-out method, and our examination did not include the services provided by it."))
    silent = [s.short for s in r.subservices if s.phrasing == "silent"]
    if silent:
        out.append(k.p("The description also indicates that certain complementary controls are expected of "
                       f"{' and '.join(silent)}. Our examination did not extend to the policies, procedures, and "
                       f"controls of {' and '.join(silent)}."))
    return out


def opinion(r: Report, k: Look, heading: str = "Opinion") -> list:
    t2 = r.type == "Type 2"
    p = r.period()
    tail = ("the controls stated in the description were suitably designed and operated effectively to provide "
            "reasonable assurance that the service commitments and system requirements were achieved"
            if t2 else "the controls stated in the description were suitably designed to provide reasonable "
            "assurance that the service commitments and system requirements would be achieved")
    first = r.exceptions[0] if r.exceptions else None
    if r.opinion == "qualified":
        return [k.p("Basis for Qualified Opinion", "h2"),
                k.p(f"{r.vendor} states in its description that {first.activity[0].lower()}{first.activity[1:]} "
                    f"However, as noted in the description of tests and results for control {first.id}, "
                    f"{first.failure}. As a result, the control did not operate effectively throughout the period."),
                k.p("Qualified Opinion", "h2"),
                k.p(f"In our opinion, except for the effects of the matter described in the Basis for Qualified "
                    f"Opinion paragraph, in all material respects, (a) the description presents the {r.system} "
                    f"that was designed and implemented {p}, and (b) {tail}.")]
    if r.opinion == "adverse":
        return [k.p("Basis for Adverse Opinion", "h2"),
                k.p(f"Our tests identified deviations in {len(r.exceptions)} controls, described in the tests "
                    "and results, that are pervasive to the system. Controls over logical access and change "
                    "management were not suitably designed and did not operate effectively."),
                k.p("Adverse Opinion", "h2"),
                k.p("In our opinion, because of the significance of the matters described in the Basis for "
                    f"Adverse Opinion paragraph, the description does not present fairly the {r.system} {p}, "
                    "the controls stated in the description were not suitably designed, and the controls did not "
                    "operate effectively.")]
    if r.opinion == "disclaimer":
        return [k.p("Basis for Disclaimer of Opinion", "h2"),
                k.p(f"Management of {r.vendor} did not provide system-generated populations for several controls "
                    "and we were unable to satisfy ourselves by other means that the populations were complete."),
                k.p("Disclaimer of Opinion", "h2"),
                k.p("Because of the significance of the matter described in the Basis for Disclaimer of Opinion "
                    "paragraph, we have not been able to obtain sufficient appropriate evidence to provide a basis "
                    "for an opinion, and accordingly we do not express an opinion on the description or on the "
                    "suitability of the design and operating effectiveness of the controls.")]
    return [k.p(heading, "h2"),
            k.p(f"In our opinion, in all material respects, (a) the description presents the {r.system} that was "
                f"designed and implemented {p} in accordance with the description criteria, and (b) {tail}.")]


def signature(r: Report, k: Look, with_city: bool = True) -> list:
    out = [k.p(r.auditor, "sig"), k.p(r.auditor)]
    if with_city:
        out.append(k.p(r.auditor_city))
    out.append(k.p(r.fmt(r.report_date)))
    return out


def assertion(r: Report, k: Look, heading: str, signer: str) -> list:
    out = [k.p(heading, "h1")]
    if r.assertion_date:
        out.append(k.p(r.fmt(r.assertion_date)))
    t2 = r.type == "Type 2"
    out += [k.p(f"We have prepared the accompanying description of {r.vendor}\u2019s {r.system} {r.period()} "
                "based on the criteria for a description of a service organization\u2019s system. The description is "
                "intended to provide users with information about the system that may be useful when assessing the "
                "risks arising from interactions with it."),
            k.p("We confirm, to the best of our knowledge and belief, that the description presents the system "
                f"that was designed and implemented {r.period()}, and that the controls stated in the description "
                "were suitably designed" + (" and operated effectively" if t2 else "") + "."),
            k.p(signer, "sig"), k.p(f"{signer}, on behalf of {r.vendor}")]
    return out


def subservice_table(r: Report, k: Look, width: float) -> list:
    rows = [[s.name, s.services, "Carve-out" if s.method == "carve-out" else "Inclusive"] for s in r.subservices]
    return [k.p("Subservice Organizations", "h2"),
            k.p(f"{r.vendor} uses the following subservice organizations in delivering the {r.system}:"),
            k.table(["Subservice Organization", "Services Provided", "Method"], rows,
                    [width * 0.3, width * 0.5, width * 0.2])]


def subservice_prose(r: Report, k: Look) -> list:
    out = [k.p("Use of Subservice Organizations", "h2")]
    for s in r.subservices:
        if s.phrasing == "silent":
            out.append(k.p(f"{s.name} ({s.short}) provides {s.services}. {s.short} is responsible for the physical "
                           "and environmental protection of the infrastructure it operates."))
        elif s.method == "inclusive":
            out.append(k.p(f"{s.name} ({s.short}) provides {s.services}. The relevant controls of {s.short} are "
                           "presented in this description and were tested by the service auditor using the "
                           "inclusive method."))
        else:
            out.append(k.p(f"{s.name} ({s.short}) provides {s.services}. This description uses the carve-out "
                           f"method: the controls of {s.short} are excluded from the description and from the "
                           "scope of the examination."))
    return out


def cuec_block(r: Report, k: Look, tr: Tracker, width: float, heading: str) -> list:
    if not r.cuecs:
        return []
    out = [k.p(heading, "h2"),
           k.p(f"The controls of {r.vendor} were designed on the assumption that user entities would place certain "
               "controls in operation. The achievement of the commitments depends on user entities applying the "
               "controls below together with those of the service organization.")]
    if r.cuec_form in ("table", "objective_table"):
        rows = []
        for i, c in enumerate(r.cuecs):
            left = ", ".join(c.criteria) if r.cuec_form == "table" else f"Control Objective {c.objective}"
            rows.append([left, k.p(c.text, "cell", tr, f"cuec:{i}")])
        first = "Criteria" if r.cuec_form == "table" else "Control Objective"
        out.append(k.table([first, "Complementary User Entity Control"], rows, [width * 0.22, width * 0.78]))
        return out
    for i, c in enumerate(r.cuecs):
        bullet = f"{i + 1}." if r.cuec_form == "numbered" else f"({chr(97 + i)})"
        out.append(k.p(c.text, "item", tr, f"cuec:{i}", bullet=bullet))
    return out


def csoc_block(r: Report, k: Look, tr: Tracker, width: float) -> list:
    if not r.csocs:
        return []
    out = [k.p(r.csoc_heading, "h2")]
    if r.csoc_heading == "Complementary Controls":  # trap: these are a subservice organization's controls
        orgs = sorted({c.org for c in r.csocs})
        out.append(k.p(f"{r.vendor}\u2019s controls were designed with the assumption that the following controls "
                       f"would be implemented by {' and '.join(orgs)}:"))
        rows = [[str(i + 1), k.p(c.text, "cell", tr, f"csoc:{i}"), ", ".join(c.criteria)]
                for i, c in enumerate(r.csocs)]
        out.append(k.table(["#", "Control Expected at the Subservice Organization", "Criteria"], rows,
                           [width * 0.06, width * 0.74, width * 0.2]))
        return out
    out.append(k.p("Each subservice organization carved out of the description is expected to operate the "
                   "following controls, which the service organization monitors through review of their "
                   "attestation reports:"))
    rows = [[c.org, k.p(c.text, "cell", tr, f"csoc:{i}"), ", ".join(c.criteria)] for i, c in enumerate(r.csocs)]
    out.append(k.table(["Subservice Organization", "Complementary Subservice Organization Control",
                        "Related Criteria"], rows, [width * 0.24, width * 0.56, width * 0.2]))
    return out


def prior_period_note(r: Report, k: Look) -> list:
    if not r.prior_period:
        return []
    a, b = r.prior_period
    return [k.p(f"Significant changes during the period: none. The system was last examined for the period "
                f"{r.fmt(a)} to {r.fmt(b)}, and no changes to the services have occurred as of the date of this "
                "report other than routine releases.")]


def responses_table(r: Report, k: Look, width: float, heading: str, id_head: str = "Control Number") -> list:
    rows = [[c.id, c.response] for c in r.exceptions if c.response]
    if not rows:
        return []
    return [k.p(heading, "h2"),
            k.p("The following responses were prepared by management and have not been subjected to the procedures "
                "applied in the examination; accordingly, the service auditor expresses no opinion on them."),
            k.table([id_head, "Management\u2019s Response"], rows, [width * 0.18, width * 0.82]), Spacer(1, 6)]


def test_types(k: Look) -> list:
    kinds = [("Inquiry", "Inquired of appropriate personnel and corroborated responses with management."),
             ("Observation", "Observed the application, performance or existence of the control."),
             ("Inspection", "Inspected documents and records indicating performance of the control."),
             ("Reperformance", "Reperformed the control, or a portion of it, to compare the result.")]
    return [k.p("Types of Tests Performed", "h3")] + [k.p(f"{a} {EN} {b}", "item", bullet="\u2022") for a, b in kinds]
