"""The later parts of a report in its firm's house style: cover and table of contents, the system description
(subservice organizations, CSOCs, CUECs), the tests of controls table(s) and Section V's management responses;
and `report_blocks`, the whole report in order."""

from __future__ import annotations

from .model import Control, Report
from .render import FIRMS, Firm, assertion, auditor_report, cats_phrase, long_date, scope_time, section


def cover(r: Report, firm: Firm) -> list[tuple]:
    if r.framework == "SOC 3":
        title = "SOC 3\u00ae Report"
    elif r.framework == "SOC 1":
        title = f"SOC 1\u00ae {r.type.replace('2', 'II').replace('1', 'I')} Report"
    else:
        title = f"System and Organization Controls (SOC) 2 {r.type}"
    lines = [title, f"**{r.vendor}**", r.system]
    if r.categories:
        lines.append(f"Relevant to {cats_phrase(r.categories).title().replace(' And ', ' and ')}")
    when = scope_time(r)
    if when.startswith("for the review period "):  # this firm's cover prints a label, its opinion the phrase
        when = "Review period: " + when.removeprefix("for the review period ")
    lines.append(when if when.startswith("Review") else f"Report on controls {when}")
    return [("title", lines), ("p", f"Prepared by {firm.name}")]


def toc_titles(r: Report, firm: Firm) -> list[str]:
    titles = [section(firm, 1, "Independent Service Auditor's Report"),
              section(firm, 2, f"Assertion of {r.vendor} Management"),
              section(firm, 3, "Description of the System")]
    if r.framework != "SOC 3":
        titles.append(section(firm, 4, _section4(r)))
    if firm.results == "section5" and any(c.response for c in r.exceptions):
        titles.append(section(firm, 5, "Other Information Provided by Management"))
    return titles


def _section4(r: Report) -> str:
    if r.framework == "SOC 1":
        return "Control Objectives, Related Controls, and Tests of Operating Effectiveness"
    if r.type == "Type 1":
        return "Trust Services Criteria and Related Controls"
    return "Trust Services Criteria, Related Controls, and Tests of Controls"


def description(r: Report, firm: Firm) -> list[tuple]:
    blocks: list[tuple] = [
        ("h1", section(firm, 3, "Description of the System")), ("h2", "Overview of Services"),
        ("p", f"{r.vendor} provides the {r.system} to its customers. The system comprises the infrastructure, "
         "software, people, procedures and data used to deliver the service, including the support functions "
         "that define, configure and monitor it.")]
    if r.subservices:
        blocks.append(("h2", "Subservice Organizations"))
        for name, services, method in r.subservices:
            how = {"carve-out": " The carve-out method has been used to present it.",
                   "inclusive": " Its relevant controls are included in this description (inclusive method).",
                   None: ""}[method]
            blocks.append(("p", f"{name} provides {services}.{how}"))
    if r.csocs:
        orgs = sorted({o for _t, o in r.csocs})
        trap = r.firm == "quillfeather"  # a table titled only "Complementary Controls": still CSOCs
        blocks += [("h2", "Complementary Controls" if trap else "Complementary Subservice Organization Controls"),
                   ("p", f"The following controls are expected to be implemented at {' and '.join(orgs)} to "
                    "achieve the applicable criteria together with the controls of the service organization."),
                   ("table", [1.7, 4.8], ["Subservice Organization", "Control Expected"],
                    [[o, t] for t, o in r.csocs])]
    if r.cuecs:
        blocks += [("h2", r.cuec_heading),
                   ("p", f"{r.vendor}'s controls were designed with the assumption that user entities would "
                    "implement the following controls:")]
        if firm.cuec_table:
            label = "Control Objective" if r.framework == "SOC 1" else "Related Criteria"
            rows = [[t, ", ".join(c) if c else "\u2013"] for t, c in r.cuecs]
            blocks.append(("table", [5.2, 1.3], [r.cuec_heading.rstrip("s"), label], rows))
        else:
            blocks.append(("bullets", [t for t, _c in r.cuecs]))
    return blocks


def _result_cell(c: Control, firm: Firm) -> list[str]:
    if firm.results == "inline" and c.response:
        return [c.result, f"_Management's Response:_ {c.response}"]
    return [c.result]


def tests_of_controls(r: Report, firm: Firm) -> list[tuple]:
    blocks: list[tuple] = [("h1", section(firm, 4, _section4(r)))]
    if r.type == "Type 2":
        blocks.append(("p", "The tests below were performed to determine whether the controls operated as "
                       f"described {scope_time(r)}. Where a test found an exception, the result says so."))
    if r.framework == "SOC 1":
        for oid, title, text in r.objectives:
            blocks.append(("p", f"**Control Objective {oid} \u2013 {title}:** {text}"))
            ctls = [c for c in r.controls if c.objective == oid]
            if r.type == "Type 1":
                blocks.append(("table", [1.0, 5.5], ["Control No.", "Control Activity"], [[c.id, c.activity]
                                                                                         for c in ctls]))
            else:
                blocks.append(("table", [0.8, 2.3, 1.8, 1.6], ["Control No.", "Control Activity",
                               "Tests of Operating Effectiveness", "Results of Testing"],
                               [[c.id, c.activity, c.test, _result_cell(c, firm)] for c in ctls]))
        return blocks
    if r.type == "Type 1":
        return blocks + [("table", [1.0, 1.1, 4.4], ["Control #", "Criteria", "Control Activity"],
                          [[c.id, ", ".join(c.criteria), c.activity] for c in r.controls])]
    if firm.tsc_column:
        return blocks + [("table", [0.75, 0.7, 2.0, 1.75, 1.3],
                          ["Criteria", "Control No.", "Description of Controls", "Service Auditor's Test Procedures",
                           "Test Results"],
                          [[", ".join(c.criteria), c.id, c.activity, c.test, _result_cell(c, firm)]
                           for c in r.controls])]
    return blocks + [("table", [0.85, 2.25, 1.8, 1.6], ["Control # Criteria", "Control Activity", "Test Procedures",
                                                        "Test Results"],
                      [[[f"**{c.id}**", ", ".join(c.criteria)], c.activity, c.test, _result_cell(c, firm)]
                       for c in r.controls])]


def section5(r: Report, firm: Firm) -> list[tuple]:
    answered = [c for c in r.exceptions if c.response]
    if firm.results != "section5" or not answered:
        return []
    blocks: list[tuple] = [("h1", section(firm, 5, "Other Information Provided by Management")),
                           ("p", "The information in this section is presented by management to provide additional "
                            "information and is not part of the description. It has not been subjected to the "
                            "procedures applied in the examination, and the service auditor expresses no opinion "
                            "on it."),
                           ("h2", "Management's Responses to Exceptions")]
    for c in answered:
        blocks += [("p", f"**{c.id}** \u2013 {c.activity}"), ("p", f"_Management's Response:_ {c.response}")]
    return blocks


def report_blocks(r: Report, toc_pages: list[int]) -> tuple[list[tuple], list[str]]:
    """The report's blocks (its table of contents showing toc_pages) and the section titles the TOC lists."""
    firm = FIRMS[r.firm]
    titles = toc_titles(r, firm)
    pages = toc_pages or [0] * len(titles)
    blocks = cover(r, firm) + [("break",), ("h2", "Table of Contents"), ("toc", list(zip(titles, pages, strict=True))),
                               ("break",)]
    blocks += auditor_report(r, firm) + [("break",)] + assertion(r, firm) + [("break",)] + description(r, firm)
    if r.framework != "SOC 3":
        blocks += [("break",)] + tests_of_controls(r, firm)
    s5 = section5(r, firm)
    if s5:
        blocks += [("break",)] + s5
    return blocks, titles


__all__ = ["report_blocks", "long_date"]
