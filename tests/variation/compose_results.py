"""The tests-of-controls part (or, for a Type 1, the controls list) in the drawn table drawing, column order,
id layout and response placement, and the later section that answers exceptions when responses stand apart.
Each exception's result carries the tag "exc:<control id>".
"""

from __future__ import annotations

from .blocks import Block, Cell, Heading, Para, Row, Table
from .plan import Control, Plan

CC_GROUPS = {"CC1": "Control Environment", "CC2": "Communication and Information", "CC3": "Risk Assessment",
             "CC4": "Monitoring Activities", "CC5": "Control Activities", "CC6": "Logical and Physical Access Controls",
             "CC7": "System Operations", "CC8": "Change Management", "CC9": "Risk Mitigation",
             "A1": "Additional Criteria for Availability", "C1": "Additional Criteria for Confidentiality",
             "PI1": "Additional Criteria for Processing Integrity", "P1": "Additional Criteria for Privacy"}
RESPONSE_LABELS = ("Management's Response:", "Management Response:", "Response from Management:")
LATER_TITLES = {"section_v_other_information": "Section V – Other Information Provided by Management",
                "section_5_responses": "Section 5: Management's Responses to Testing Exceptions",
                "responses_to_exceptions": "Management's Response to Exceptions",
                "other_information_by_vendor": "Other Information Provided by {vendor}"}


def group_key(plan: Plan, c: Control) -> str:
    if plan.is_soc1:
        return c.objective or ""
    crit = c.criteria[0]
    return crit.split(".")[0] if not crit.startswith("P") or crit.startswith("PI") else "P1"


def groups(plan: Plan) -> list[tuple[str, list[Control]]]:
    out: dict[str, list[Control]] = {}
    for c in plan.controls:
        out.setdefault(group_key(plan, c), []).append(c)
    return list(out.items())


def group_title(plan: Plan, key: str) -> str:
    if plan.is_soc1:
        _, title, text = next(o for o in plan.objectives if o[0] == key)
        return f"Control Objective {key}: {text}"
    name = CC_GROUPS.get(key, key)
    if plan.axes["trap_group_headings"] == "yes" and key.startswith("CC"):
        return f"{key}.0 {name}"
    return name


def result_parts(plan: Plan, c: Control, with_response: bool) -> list[tuple[str, str]]:
    parts = [("p", c.result)] + [("li", b) for b in c.bullets]
    if with_response and c.exception and c.response_printed:
        label = RESPONSE_LABELS[plan.index % len(RESPONSE_LABELS)]
        parts.append(("p", f"{label} {c.response_printed}"))
    return parts


def tests_part(plan: Plan, title: str) -> list[Block]:
    """Section IV: intro, then per group a heading and the table (or labelled blocks)."""
    axes = plan.axes
    out: list[Block] = [Heading(title, 1, tag="sec:tests")]
    if plan.tested:
        out.append(Para(f"The tests of operating effectiveness performed by {plan.firm} included inquiry of "
                        "appropriate personnel, observation of the application of the control, inspection of "
                        "documents and reports, and reperformance of the control."))
        out += stated_counts(plan)
    drawing = axes["table_drawing"]
    placement = axes["response_placement"] if plan.tested and plan.exceptions() else None
    if drawing == "labelled_blocks" and placement == "column":
        placement = axes.use("response_placement", "in_cell")
    if drawing == "labelled_blocks":
        for key, controls in groups(plan):
            out.append(Heading(group_title(plan, key), 2))
            for c in controls:
                out += labelled(plan, c, placement)
        return out
    out.append(table(plan, drawing, placement))
    return out


def labelled(plan: Plan, c: Control, placement: str | None) -> list[Block]:
    v = plan.index % 2
    out: list[Block] = [Para(c.id, label=("Control Number:", "Control ID:")[v]),
                        Para(c.text, label=("Control Activity:", "Description of Control:")[v])]
    if plan.is_soc1:
        out.append(Para(c.objective or "", label="Control Objective:"))
    else:
        out.append(Para(", ".join(c.criteria), label=("Criteria:", "Trust Services Criteria:")[v]))
    if plan.tested:
        out.append(Para(c.test, label="Test Performed:"))
        label = ("Test Result:", "Results:")[v]
        if c.bullets:
            out.append(Para(c.result, label=label, tag=f"exc:{c.id}" if c.exception else None))
            out.append(bullet_list(c.bullets))
        else:
            out.append(Para(c.result, label=label, tag=f"exc:{c.id}" if c.exception else None))
        if placement in ("in_cell", "extra_row") and c.exception and c.response_printed:
            out.append(Para(c.response_printed, label=RESPONSE_LABELS[plan.index % 3]))
    out.append(Para("", style="small"))
    return out


def bullet_list(items: list[str]) -> Block:
    from .blocks import ListBlock

    return ListBlock(items)


def columns(plan: Plan, placement: str | None) -> list[str]:
    """The column roles in printed order."""
    axes = plan.axes
    id_layout = axes["id_layout"]
    if plan.is_soc1 and id_layout == "with_criteria":
        id_layout = axes.use("id_layout", "column")
    cols = {"column": ["id", "control"], "in_control_cell": ["control_with_id"],
            "with_criteria": ["id_criteria", "control"]}[id_layout]
    if id_layout != "with_criteria" and not plan.is_soc1:
        cols.append("criteria")
    if not plan.tested:
        return cols
    tail = ["test", "result"] if axes["result_column"] == "last" else ["result", "test"]
    if placement == "column":
        tail.insert(tail.index("result") + 1, "response")
    return cols + tail


HEADERS = {"id": ("Control #", "Ref", "Control ID"), "control": ("Control Activity", "Description of Controls",
                                                                 "Controls Specified by {vendor}"),
           "control_with_id": ("Control Activity", "Controls", "Control Description"),
           "id_criteria": ("Control # / Criteria", "Ref and Criteria", "ID / TSC"),
           "criteria": ("Criteria", "TSC Reference", "Mapped Criteria"),
           "test": ("Tests Performed by the Service Auditor", "Test Procedures", "Tests of Controls"),
           "result": ("Results of Tests", "Test Results", "Results"),
           "response": ("Management's Response", "Management Response", "Response")}
WIDTHS = {"id": 0.1, "control": 0.3, "control_with_id": 0.36, "id_criteria": 0.13, "criteria": 0.1, "test": 0.27,
          "result": 0.25, "response": 0.2}


def cell(plan: Plan, c: Control, role: str, placement: str | None) -> Cell:
    if role == "id":
        return Cell.of(c.id)
    if role == "control":
        return Cell.of(c.text)
    if role == "control_with_id":
        return Cell.of(f"{c.id} {c.text}")
    if role == "id_criteria":
        return Cell([("p", c.id), ("p", ", ".join(c.criteria))])
    if role == "criteria":
        return Cell.of(", ".join(c.criteria))
    if role == "test":
        return Cell.of(c.test)
    if role == "response":
        return Cell.of(c.response_printed or "" if c.exception else "")
    return Cell(result_parts(plan, c, placement == "in_cell"))


def table(plan: Plan, drawing: str, placement: str | None) -> Table:
    """One table for the whole part: a header row, then per group a group row and its controls."""
    roles = columns(plan, placement)
    v = plan.index % 3
    total = sum(WIDTHS[r] for r in roles)
    rows = [Row([Cell.of(HEADERS[r][v].format(vendor=plan.vendor_short)) for r in roles], kind="header")]
    split = plan.tested and bool(plan.exceptions()) and plan.axes.peek("row_continuation") == "yes"
    plan.axes.use("row_continuation", "yes" if split else "no")
    for key, controls in groups(plan):
        rows.append(Row([Cell.of(group_title(plan, key))], kind="group"))
        for c in controls:
            tag = f"exc:{c.id}" if c.exception else None
            cells = [cell(plan, c, r, placement) for r in roles]
            if split and c.exception:
                split = False
                rows += continued(roles, cells, tag)
            else:
                rows.append(Row(cells, tag=tag))
            if placement == "extra_row" and c.exception and c.response_printed:
                rows.append(Row([Cell.of(f"{RESPONSE_LABELS[v]} {c.response_printed}")], kind="note"))
    return Table([WIDTHS[r] / total for r in roles], rows, drawing=drawing)


def continued(roles: list[str], cells: list[Cell], tag: str | None) -> list[Row]:
    """A row broken by a page break: the result's first part, then on the next page a continuation row whose id
    and other cells are empty."""
    i = roles.index("result")
    parts = cells[i].parts
    if len(parts) >= 2:
        cut = 2 if parts[1][0] == "li" and len(parts) > 2 else 1
        head, tail = parts[:cut], parts[cut:]
    else:
        first, _, rest = parts[0][1].partition(". ")
        head, tail = [("p", first + ".")], [("p", rest)]
    top = [*cells[:i], Cell(head), *cells[i + 1:]]
    bottom = [Cell([]) for _ in roles]
    bottom[i] = Cell(tail)
    return [Row(top, tag=tag), Row([], kind="break"), Row(bottom)]


def stated_counts(plan: Plan) -> list[Block]:
    """A sentence stating how many exceptions the tests found (a count a reader can reconcile)."""
    if plan.axes["stated_counts"] == "no":
        return []
    word = "deviations" if plan.is_soc1 else "exceptions"
    k, n = len(plan.exceptions()), len(plan.controls)
    if not k:
        return [Para(f"No {word} were noted in the tests of the {n} controls tested.")]
    return [Para(f"We noted {word} in the tests of {k} of the {n} controls tested; they are described in the results "
                 "below.")]


def responses_part(plan: Plan, sections_title: str | None) -> list[Block]:
    """The later section holding the responses, when the drawn placement puts them there."""
    if not plan.tested or not plan.exceptions() or plan.axes.applied.get("response_placement") != "later_section":
        return []
    title = LATER_TITLES[plan.axes["later_section_title"]].format(vendor=plan.vendor_short)
    out: list[Block] = [Heading(sections_title or title, 1, tag="sec:responses")]
    if sections_title:
        out.append(Heading(title.split(" – ")[-1].split(": ")[-1], 2))
    out.append(Para("The information in this section is presented by management to provide additional information "
                    "and is not a part of the description. It has not been subjected to the procedures applied in "
                    "the examination, and accordingly the service auditor expresses no opinion on it."))
    as_table = plan.rng.random() < 0.5
    rows = [Row([Cell.of("Control"), Cell.of("Exception Noted"), Cell.of("Management's Response")], kind="header")]
    for c in plan.exceptions():
        if c.response_printed is None:
            continue
        if as_table:
            rows.append(Row([Cell.of(c.id), Cell.of(c.description()), Cell.of(c.response_printed)]))
        else:
            out.append(Heading(f"Control {c.id}", 3))
            out.append(Para(c.response_printed, label=RESPONSE_LABELS[plan.index % 3]))
    if as_table and len(rows) > 1:
        out.append(Table([0.15, 0.45, 0.4], rows, drawing="grid"))
    return out
