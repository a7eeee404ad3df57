"""The description's passages that readers confuse: subservice organizations (and the software a vendor runs
itself), complementary subservice organization controls and complementary user entity controls, in every drawn
presentation. Tags "cuec:<n>" and "csoc:<n>" mark where each truth item begins.
"""

from __future__ import annotations

from . import bank
from .blocks import Block, Cell, Heading, ListBlock, PageBreak, Para, Row, Table
from .plan import Plan


def names_and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def subservice_passage(plan: Plan) -> list[Block]:
    phrasing = plan.axes["subservice_phrasing"]
    v = plan.vendor_short
    out: list[Block] = [Heading("Subservice Organizations", 2)]
    uses = "; ".join(f"{o.name} ({o.short}) for {o.services}" if o.short != o.name else f"{o.name} for {o.services}"
                     for o in plan.subservice)
    out.append(Para(f"{v} uses {uses}."))
    shorts = names_and([o.short for o in plan.subservice])
    if phrasing == "uses_carve_out":
        these = "These subservice organizations are" if len(plan.subservice) > 1 else \
            "This subservice organization is"
        out.append(Para(f"The description includes only the controls of {v} and excludes the controls of {shorts}. "
                        f"{these} presented using the carve-out method."))
    elif phrasing == "did_not_extend":  # no method word here: the auditor's scope says "did not extend"
        out.append(Para(f"{shorts} {'are' if len(plan.subservice) > 1 else 'is'} responsible for the controls over "
                        "the services provided to " + v + "."))
    else:
        out.append(Para(f"The description includes the relevant controls of {shorts}, which are presented using the "
                        "inclusive method; the tests of those controls are included in this report."))
    return out


def own_software_passage(plan: Plan) -> list[Block]:
    if plan.axes["trap_own_software"] == "no":
        return []
    tools = plan.rng.sample(bank.OWN_SOFTWARE, 3)
    text = "; ".join(f"{name}, {what}" for name, what in tools)
    return [Heading("Software", 3),
            Para(f"{plan.vendor_short} licenses and administers the following tools itself, within its own "
                 f"environment: {text}. These tools are operated by {plan.vendor_short} personnel and are covered by "
                 "the controls described in this report.")]


def csoc_passage(plan: Plan) -> list[Block]:
    if not plan.csocs:
        return []
    layout = plan.axes["csoc_layout"]
    out: list[Block] = []
    orgs = [o for o in plan.subservice if any(c.org is o for c in plan.csocs)]
    if layout == "complementary_controls_trap":
        out.append(Heading("Complementary Controls", 2))
        out.append(Para(f"The following controls are expected to be implemented at {names_and([o.short for o in orgs])}"
                        f" to support the achievement of {plan.vendor_short}'s service commitments."))
    else:
        out.append(Heading("Complementary Subservice Organization Controls", 2))
        out.append(Para(f"{plan.vendor_short}'s controls are designed with the assumption that certain controls will "
                        "be implemented by its subservice organizations. The subservice organizations are expected to "
                        "implement the following controls:"))
    if layout == "titled_list":
        n = 0
        for org in orgs:
            out.append(Heading(org.name, 3))
            items = [c for c in plan.csocs if c.org is org]
            tags = []
            for c in items:
                tags.append(f"csoc:{plan.csocs.index(c)}")
                n += 1
            out.append(ListBlock([c.text for c in items], tags=tags))
        return out
    head = "Control Expected" if layout == "complementary_controls_trap" else \
        "Complementary Subservice Organization Control"
    rows = [Row([Cell.of("Subservice Organization"), Cell.of(head)], kind="header")]
    for i, c in enumerate(plan.csocs):
        rows.append(Row([Cell.of(c.org.short), Cell.of(c.text)], tag=f"csoc:{i}"))
    out.append(Table([0.25, 0.75], rows, drawing=plan.axes.peek("table_drawing").replace("labelled_blocks", "grid")))
    return out


CUEC_HEADINGS = {"complementary_user_entity_controls": "Complementary User Entity Controls",
                 "user_entity_responsibilities": "User Entity Responsibilities",
                 "user_control_considerations": "User Control Considerations",
                 "complementary_user_controls": "Complementary User Controls"}


def cuec_passage(plan: Plan) -> list[Block]:
    if not plan.cuecs:
        return []
    axes = plan.axes
    layout = axes["cuec_layout"]
    if plan.is_soc1 and layout == "inline_criteria":
        layout = axes.use("cuec_layout", "bulleted")
    out: list[Block] = [Heading(CUEC_HEADINGS[axes["cuec_heading"]], 2)]
    n = len(plan.cuecs)
    if axes["cuec_intro"] == "yes":
        count = f"the following {n} " if plan.rng.random() < 0.5 else "the following "
        out.append(Para(f"{plan.vendor_short}'s controls were designed with the assumption that certain controls "
                        f"would be implemented by user entities. This section describes {count}complementary user "
                        "entity controls that should be in operation at user entities to complement the controls at "
                        f"{plan.vendor_short}:"))
    tags = [f"cuec:{i}" for i in range(n)]
    texts = [c.text for c in plan.cuecs]
    if layout in ("bulleted", "split_page"):
        block = ListBlock(texts, tags=tags)
        if layout == "split_page" and n >= 2:
            first = ListBlock(texts[: n // 2], tags=tags[: n // 2])
            return out + [first, PageBreak(), ListBlock(texts[n // 2:], tags=tags[n // 2:])]
        out.append(block)
    elif layout == "numbered":
        out.append(ListBlock(texts, numbered=True, number_style=plan.rng.choice(("1.", "(a)", "a.")), tags=tags))
    elif layout == "inline_criteria":
        out.append(ListBlock([f"{c.text} ({', '.join(c.criteria)})" for c in plan.cuecs], tags=tags))
    elif layout == "grouped":
        groups: list[str] = []
        for c in plan.cuecs:
            if c.group not in groups:
                groups.append(c.group)
        for g in groups:
            out.append(Heading(g, 3))
            idx = [i for i, c in enumerate(plan.cuecs) if c.group == g]
            out.append(ListBlock([texts[i] for i in idx], tags=[tags[i] for i in idx]))
    else:  # table_criteria
        if plan.is_soc1:
            rows = [Row([Cell.of("#"), Cell.of("Complementary User Entity Control")], kind="header")]
            rows += [Row([Cell.of(str(i + 1)), Cell.of(t)], tag=tags[i]) for i, t in enumerate(texts)]
            widths = [0.08, 0.92]
        else:
            rows = [Row([Cell.of("Complementary User Entity Control"), Cell.of("Related Criteria")], kind="header")]
            rows += [Row([Cell.of(c.text), Cell.of(", ".join(c.criteria))], tag=tags[i])
                     for i, c in enumerate(plan.cuecs)]
            widths = [0.75, 0.25]
        drawing = axes.peek("table_drawing").replace("labelled_blocks", "hrules")
        out.append(Table(widths, rows, drawing=drawing))
    return out


def cuec_truth_criteria(plan: Plan) -> bool:
    """Whether the CUECs' criteria are printed next to them (and so are in the truth)."""
    return not plan.is_soc1 and plan.axes.applied.get("cuec_layout") in ("table_criteria", "inline_criteria")
