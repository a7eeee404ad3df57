"""A plan turned into blocks: cover, table of contents, the auditor's report and management's assertion (in the
drawn order), the description, the tests part and other information; SOC 3 reports and bridge letters.
Also the page furniture, font and bullet glyph of the document.
"""

from __future__ import annotations

import datetime as dt

from . import phrases
from .blocks import Block, Cell, Composed, Furniture, Heading, ListBlock, PageBreak, Para, Row, Table, Toc
from .compose_lists import csoc_passage, cuec_passage, names_and, own_software_passage, subservice_passage
from .compose_results import responses_part, tests_part
from .phrases import Sections, categories_words, date_text, period_ref, period_words, report_kind_words
from .plan import Plan


def compose(plan: Plan) -> Composed:
    axes = plan.axes
    if plan.kind == "bridge":
        blocks = bridge_letter(plan)
    else:
        blocks = report(plan)
    furniture = Furniture()
    f = axes["furniture"]
    if f in ("running", "running_page_x_of_y", "all"):
        headers = [f"{plan.vendor} | {plan.system}", f"Confidential – {plan.vendor_short}"]
        if plan.kind != "bridge" and axes.applied.get("title_form") != "long_no_type_word":
            headers.append(f"{plan.vendor_short} – {report_kind_words(plan)} Report")
        furniture.header = plan.rng.choice(headers)
        furniture.footer = "Proprietary and Confidential"
        furniture.page_number = f == "running"
        furniture.page_x_of_y = f != "running"
    if f in ("watermark", "all"):
        furniture.watermark = f"Prepared for {plan.recipient} – Confidential"
    main, _ = phrases.title(plan) if plan.kind != "bridge" else ("Bridge Letter", None)
    return Composed(blocks, furniture, axes["font"], axes["bullet_glyph"], main)


def report(plan: Plan) -> list[Block]:
    axes = plan.axes
    secs = Sections(plan)
    out: list[Block] = cover(plan)
    order = ["assertion", "auditor"] if axes["part_order"] == "assertion_first" else ["auditor", "assertion"]
    roles = order + ([] if plan.framework == "SOC 3" else ["description", "tests"])
    soc3 = plan.framework == "SOC 3"
    if soc3:
        roles.append("description")
    titles = {r: secs.title(r if r != "tests" else tests_role(plan)) for r in roles}
    later = responses_title(plan, secs)
    if axes["trap_toc"] == "yes":
        entries = [(titles[r], f"sec:{r}") for r in roles]
        if later:
            entries.append((later, "sec:responses"))
        out += [Heading("Table of Contents", 1), Toc(entries), PageBreak()]
    for r in roles:
        if r == "auditor":
            out += auditor_report(plan, titles[r])
        elif r == "assertion":
            out += assertion(plan, titles[r])
        elif r == "description":
            out += description(plan, titles[r])
        else:
            out += tests_block(plan, titles[r])
        out.append(PageBreak())
    out += responses_part(plan, later)
    return merge_breaks(out)


def merge_breaks(blocks: list[Block]) -> list[Block]:
    """Consecutive page breaks as one (keeping the last orientation asked for); none at the end."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, PageBreak) and out and isinstance(out[-1], PageBreak):
            out[-1] = PageBreak(orientation=b.orientation or out[-1].orientation)
        else:
            out.append(b)
    while isinstance(out[-1], PageBreak):
        out.pop()
    return out


def tests_role(plan: Plan) -> str:
    if plan.tested:
        return "tests_soc1" if plan.is_soc1 else "tests"
    return "controls_t1_soc1" if plan.is_soc1 else "controls_t1"


def responses_title(plan: Plan, secs: Sections) -> str | None:
    """A numbered title for the later responses section when the heading style numbers parts, else None."""
    if not plan.tested or not plan.exceptions() or plan.axes.peek("table_drawing") == "labelled_blocks" and \
            plan.axes.peek("response_placement") == "column":
        return None
    if plan.axes.peek("response_placement") != "later_section":
        return None
    key = plan.axes.peek("later_section_title")
    if key in ("section_v_other_information", "section_5_responses") or secs.style == "unnumbered":
        return None
    return secs.title("other")


def tests_block(plan: Plan, title: str) -> list[Block]:
    orientation = plan.axes["results_orientation"]
    blocks = tests_part(plan, title)
    if orientation == "portrait":
        return blocks
    return [PageBreak(orientation=orientation), *blocks, PageBreak(orientation="portrait")]


def cover(plan: Plan) -> list[Block]:
    main, sub = phrases.title(plan)
    out: list[Block] = [Para(plan.vendor, style="subtitle"), Para(main, style="title")]
    if sub:
        out.append(Para(sub, style="subtitle"))
    where = plan.axes["period_location"]
    if where == "cover_table_iso":
        rows = [Row([Cell.of("Service organization"), Cell.of(plan.vendor)]),
                Row([Cell.of("System"), Cell.of(plan.system)])]
        if plan.as_of:
            rows.append(Row([Cell.of("As of"), Cell.of(date_text(plan, plan.as_of, "as_of", "iso"))]))
        else:
            assert plan.period_start and plan.period_end
            s = date_text(plan, plan.period_start, "period_start", "iso")
            e = date_text(plan, plan.period_end, "period_end", "iso")
            rows.append(Row([Cell.of("Report period"), Cell.of(f"{s} to {e}")]))
        rows.append(Row([Cell.of("Service auditor"), Cell.of(plan.firm)]))
        out.append(Table([0.35, 0.65], rows, drawing="grid"))
    elif where == "prose":
        if plan.axes.peek("period_phrase") == "numeric_review" and plan.as_of is None:
            assert plan.period_start and plan.period_end
            s = date_text(plan, plan.period_start, "period_start", "numeric")
            e = date_text(plan, plan.period_end, "period_end", "numeric")
            out.append(Para(f"Review period: {s} - {e}", style="center"))
        else:
            out.append(Para(period_words(plan)[0].upper() + period_words(plan)[1:], style="center"))
    if not plan.is_soc1:
        out.append(Para(f"Relevant to {categories_words(plan).title().replace(' And ', ' and ')}", style="center"))
    out.append(Para(f"Prepared by {plan.firm}", style="center"))
    out.append(PageBreak())
    return out


def scope_sentence(plan: Plan) -> str:
    v = plan.vendor_short
    shorts = names_and([o.short for o in plan.subservice])
    phrasing = plan.axes["subservice_phrasing"]
    if phrasing == "did_not_extend":
        return (f"{v} uses subservice organizations as described in the description. The examination did not extend "
                f"to the policies, procedures, and controls of {shorts}.")
    if phrasing == "inclusive":
        return (f"{v} uses {shorts} as described in the description. The description includes the controls of "
                f"{shorts}, presented using the inclusive method, and our examination included those controls.")
    return (f"{v} uses {shorts} as described in the description. The description includes only the controls of {v} "
            f"and excludes the controls of {shorts}, presented using the carve-out method.")


def auditor_report(plan: Plan, title: str) -> list[Block]:
    axes = plan.axes
    v, system = plan.vendor_short, plan.system
    out: list[Block] = [Heading(title, 1, tag="sec:auditor")]
    letterhead = axes["report_date_place"] == "letterhead_top"
    if letterhead:
        out += [Para(plan.firm, style="label"), Para(plan.firm_city),
                Para(date_text(plan, plan.report_date, "report_date"))]
    out.append(Para(f"To the Management of {plan.vendor}:"))
    out.append(Heading("Scope", 2))
    soc3 = plan.framework == "SOC 3"
    per = period_ref(plan)
    if soc3:
        out.append(Para(f"We have examined {v}'s accompanying assertion that the controls within the {system} were "
                        f"effective {per} to provide reasonable assurance that {v}'s service commitments and system "
                        f"requirements were achieved based on the trust services criteria relevant to "
                        f"{categories_words(plan)}."))
    else:
        matter = "internal control over financial reporting" if plan.is_soc1 else categories_words(plan)
        design = "suitability of the design" if plan.type == "Type 1" else \
            "suitability of the design and operating effectiveness"
        out.append(Para(f"We have examined {v}'s description of its {system} {per} and the {design} of the controls "
                        f"stated in the description relevant to {matter}."))
    if not plan.is_soc1:
        title5 = "2017 Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, " \
                 "and Privacy" if axes["trap_five_categories_title"] == "yes" else "2017 Trust Services Criteria"
        out.append(Para(f"The criteria are set forth in TSP section 100, {title5} (AICPA, Trust Services Criteria)."))
    out.append(Para(scope_sentence(plan)))
    cuec_prose = axes["trap_auditor_cuec_prose"] == "yes" and not soc3
    if cuec_prose:
        out.append(Para(f"The description indicates that complementary user entity controls that are suitably "
                        f"designed and operating effectively are necessary, along with controls at {v}, to achieve "
                        "the control objectives or service commitments stated in the description. Our examination "
                        "did not extend to such complementary user entity controls, and we have not evaluated their "
                        "suitability of design or operating effectiveness."))
    out.append(Heading("Service Auditor's Responsibilities", 2))
    out.append(Para("Our examination was conducted in accordance with attestation standards established by the "
                    "American Institute of Certified Public Accountants. We believe that the evidence we obtained "
                    "is sufficient and appropriate to provide a reasonable basis for our opinion."))
    out += opinion(plan, per, cuec_prose)
    out.append(Heading("Restricted Use" if not soc3 else "Use of This Report", 2))
    out.append(Para("This report is intended solely for the information and use of management, user entities and "
                    "their auditors, and is not intended to be used by anyone other than these specified parties."
                    if not soc3 else "This report is intended for general use."))
    out.append(Para(plan.firm, style="signature"))
    if not letterhead:
        out += [Para(plan.firm_city), Para(date_text(plan, plan.report_date, "report_date"))]
    return out


def opinion(plan: Plan, per: str, as_list: bool) -> list[Block]:
    kind = plan.opinion
    v, system = plan.vendor_short, plan.system
    out: list[Block] = []
    exc = plan.exceptions()
    if kind in ("qualified", "adverse", "disclaimer"):
        name = {"qualified": "Qualified Opinion", "adverse": "Adverse Opinion",
                "disclaimer": "Disclaimer of Opinion"}[kind]
        out.append(Heading(f"Basis for {name}", 2))
        if exc and kind != "disclaimer":
            out.append(Para(f"{v} states in its description that \"{exc[0].text}\" However, as noted in the tests of "
                            f"controls, {exc[0].description().split('. ', 1)[-1]} As a result, the control was not "
                            "operating effectively."))
        elif kind == "disclaimer":
            out.append(Para(f"{v} was unable to provide evidence of the operation of a number of controls, and we "
                            "were unable to obtain sufficient appropriate evidence to provide a basis for an opinion."))
        else:
            out.append(Para(f"The description states that logs are reviewed weekly; however, {v} did not retain "
                            "evidence of these reviews."))
    out.append(Heading({"qualified": "Qualified Opinion", "adverse": "Adverse Opinion",
                        "disclaimer": "Disclaimer of Opinion"}.get(kind or "", "Opinion"), 2))
    if kind == "disclaimer":
        out.append(Para("Because of the significance of the matter described in the Basis for Disclaimer of Opinion "
                        "paragraph, we have not been able to obtain sufficient appropriate evidence to provide a basis "
                        f"for an opinion. Accordingly, we do not express an opinion on the description of the {system} "
                        "or on the design and operating effectiveness of the controls."))
        return out
    lead = {"qualified": "In our opinion, except for the matter described in the preceding paragraph, in all "
                         "material respects,",
            "adverse": "In our opinion, because of the significance of the matters described in the Basis for "
                       "Adverse Opinion paragraph,"}.get(kind or "", "In our opinion, in all material respects,")
    if plan.framework == "SOC 3":
        verb = "is not fairly stated" if kind == "adverse" else "is fairly stated, in all material respects"
        out.append(Para(f"{lead.split(',')[0]}, management's assertion that the controls within {v}'s {system} were "
                        f"effective {per} {verb}, based on the applicable trust services criteria."))
        return out
    if kind == "adverse":
        items = [f"the description does not present fairly the {system} {per}.",
                 "the controls stated in the description were not suitably designed.",
                 "the controls stated in the description did not operate effectively."]
    else:
        items = [f"the description presents the {system} that was designed and implemented {per} in accordance "
                 "with the description criteria.",
                 "the controls stated in the description were suitably designed to provide reasonable assurance that "
                 "the service commitments would be achieved if the controls operated effectively."]
        if plan.type == "Type 2":
            items.append(f"the controls stated in the description operated effectively {per}.")
    if as_list:
        out.append(Para(lead))
        out.append(ListBlock(items, numbered=True, number_style=plan.rng.choice(("a.", "(a)", "1."))))
    else:
        out.append(Para(lead + " " + " ".join(f"({'abc'[i]}) {t}" for i, t in enumerate(items))))
    return out


def assertion(plan: Plan, title: str) -> list[Block]:
    per = period_ref(plan)
    out: list[Block] = [Heading(title, 1, tag="sec:assertion")]
    out.append(Para(f"We have prepared the accompanying description of {plan.vendor}'s {plan.system} {per}, based on "
                    "the description criteria. We confirm, to the best of our knowledge and belief, that:"))
    items = [f"the description presents the {plan.system} that was designed and implemented {per}.",
             "the controls stated in the description were suitably designed to provide reasonable assurance that "
             "the service commitments and system requirements would be achieved."]
    if plan.type == "Type 2" or plan.framework == "SOC 3":
        items.append(f"the controls stated in the description operated effectively {per}.")
    if plan.axes["trap_assertion_list"] == "yes":
        out.append(ListBlock(items, numbered=True, number_style=plan.rng.choice(("a.", "(a)", "i."))))
        out.append(Para("The description includes, where applicable:"))
        out.append(ListBlock(["the types of services provided.", "the components of the system used to provide "
                              "the services.", "the boundaries of the system covered by the description."]))
    else:
        out.append(Para(" ".join(f"({'abc'[i]}) {t}" for i, t in enumerate(items))))
    out.append(Para(f"{plan.vendor} Management", style="signature"))
    out.append(Para(date_text(plan, plan.report_date, "report_date")))
    return out


def description(plan: Plan, title: str) -> list[Block]:
    v = plan.vendor_short
    from . import bank

    what = plan.rng.choice(bank.WHAT)
    service = plan.rng.choice(bank.SERVICES).format(product=plan.system.split()[-1].lower(), what=what,
                                                    system=plan.system)
    out: list[Block] = [Heading(title, 1, tag="sec:description"), Heading(f"Overview of {v}", 2),
                        Para(f"{plan.vendor} {service}"),
                        Heading("Infrastructure", 2),
                        Para(f"The {plan.system} runs on virtual servers, managed databases and storage services. "
                             f"{v}'s production environment is separated from development and test environments.")]
    if plan.axes["trap_description_list"] == "yes":
        out.append(Para("The system is comprised of the following components:"))
        out.append(ListBlock([f"{a} – {b}" for a, b in COMPONENTS]))
    out += own_software_passage(plan)
    out += other_reports_note(plan)
    out += subservice_passage(plan)
    if plan.framework == "SOC 3":
        return out
    out += csoc_passage(plan)
    out += cuec_passage(plan)
    return out


COMPONENTS = (("Infrastructure", "the physical and virtual hardware, networks and hosting services."),
              ("Software", "the application programs and system software that support the services."),
              ("People", "the personnel involved in the governance, operation and use of the system."),
              ("Procedures", "the automated and manual procedures of the system."),
              ("Data", "the information used and supported by the system."))


def other_reports_note(plan: Plan) -> list[Block]:
    note = plan.axes["trap_other_reports"]
    if note == "none":
        return []
    prior = plan.report_date - dt.timedelta(days=365)
    other_type = "Type 1" if plan.type != "Type 1" else "Type 2"
    fw = plan.framework if plan.framework != "SOC 3" else "SOC 2"
    text = {"prior_type1": f"This report follows our prior {fw} {other_type} report as of "
                           f"{date_text(plan, prior)}.",
            "soc3_available": "A SOC 3 report is also available and may be shared with prospective customers.",
            "supersedes": f"This report supersedes the {fw} {other_type} report dated {date_text(plan, prior)}."}
    return [Heading("Other Reports", 3), Para(text[note])]


def bridge_letter(plan: Plan) -> list[Block]:
    assert plan.period_end and plan.bridge_end
    d = date_text(plan, plan.report_date, "report_date")
    kind = report_kind_words(plan)
    s = date_text(plan, plan.period_start, "period_start") if plan.period_start else None
    e = date_text(plan, plan.period_end, "period_end")
    b = date_text(plan, plan.bridge_end, "bridge_period_end")
    per = f"for the period {s} to {e}" if s else f"as of {e}"
    return [Para(plan.vendor, style="label"), Para(d), Heading("Bridge Letter", 1),
            Para("To our customers and their auditors:"),
            Para(f"{plan.vendor} received a {kind} report on its {plan.system} {per}, issued by {plan.firm}. "
                 f"This letter covers the period from {e} through {b} (the bridge period)."),
            Para(f"Management of {plan.vendor} is not aware of any material changes to the {plan.system} or to the "
                 f"controls described in the report during the bridge period, nor of any events that would "
                 "change the conclusions in the report."),
            Para("This letter is provided by management and is not an examination or review by the service auditor. "
                 "It should be read together with the report."),
            Para(f"{plan.vendor} Management", style="signature")]

