"""Text printed over other text: a running footer fixed to the printed page lands on a body paragraph at the
same height. The two texts are read apart (not interleaved word by word) and the footer is furniture."""

from __future__ import annotations

from reviewer.extract.criteria import read_control_objectives
from tests.extract.pdfdraw import DrawnPage, document

FOOTER = "Orrin Payroll, Inc. | SOC 1 Type 2 | Proprietary and Confidential"


def _report() -> list[DrawnPage]:
    first = DrawnPage(texts=[
        (72, 72, "Control Objective 1 - Client Setup"),
        (72, 90, "Controls provide reasonable assurance that new clients are authorized."),
        (60, 740, FOOTER)])
    second = DrawnPage(texts=[(72, 72, "Control activities are described below."), (60, 740, FOOTER)])
    third = DrawnPage(texts=[
        (72, 72, "Control Objective 2 - Logical Access"),
        (72, 90, "Controls provide reasonable assurance that logical access to payroll applications and data is"),
        (72, 102, "restricted to authorized personnel."),
        (60, 89, FOOTER)])  # printed over the statement's first line
    return [first, second, third]


def test_a_footer_printed_over_a_paragraph_is_read_apart_and_is_furniture():
    doc = document(_report())
    page = doc.pages[2]
    body = [ln.text for ln in doc.body_lines(page)]
    assert body == ["Control Objective 2 - Logical Access",
                    "Controls provide reasonable assurance that logical access to payroll applications and data is",
                    "restricted to authorized personnel."]
    assert [ln.text for ln in page.lines if ln.furniture] == [FOOTER]


def test_a_control_objective_crossed_by_a_footer_is_read_whole():
    found = read_control_objectives(document(_report()))
    assert [(o.id, o.text) for o in found] == [
        ("1", "Controls provide reasonable assurance that new clients are authorized."),
        ("2", "Controls provide reasonable assurance that logical access to payroll applications and data is "
              "restricted to authorized personnel."),
    ]
