"""Real PDFs (reportlab) of a results table continued onto a new page without its header row, with a title
above the continued rows and the next section below them; ruled or not, with a page border and a vertical
divider line drawn across the table."""

from __future__ import annotations

import pytest

from reviewer.extract.exceptions import read_exceptions
from tests.extract.pdfdraw import DrawnPage, document

COLUMNS = (72, 136, 296, 426, 540)


def _row(top: float, cid: str, activity: str, result: list[str]) -> list[tuple[float, float, str]]:
    cells = [(76, top, cid), (140, top, activity), (300, top, "Inspected evidence.")]
    return cells + [(430, top + 12 * k, text) for k, text in enumerate(result)]


def _pages(ruled: bool, border: bool, divider: bool) -> list[DrawnPage]:
    running = (72, 40, "Acme Ledger, Inc. - SOC 2 Type 2 Report")
    first = DrawnPage(texts=[running, (72, 80, "Section IV - Tests of Controls"), (76, 110, "Control #"),
                             (140, 110, "Control Activity"), (300, 110, "Test Procedures"), (430, 110, "Test Results")])
    first.texts += _row(130, "CC6.1.1", "Access is approved.", ["No exceptions noted."])
    first.texts += _row(180, "CC6.1.2", "Access is reviewed.", ["No exceptions noted."])
    second = DrawnPage(texts=[running, (72, 80, "Section IV - Tests of Controls (continued)")])
    second.texts += _row(110, "CC7.1.1", "Scans run monthly.", ["No exceptions noted."])
    second.texts += _row(160, "CC7.2.1", "Alerts are triaged.", ["Exception noted. For 2 of", "25 alerts, no ticket",
                                                                  "was opened."])
    second.texts += _row(220, "CC8.1.1", "Changes are approved.", ["No exceptions noted."])
    second.texts += [(72, 300, "Section V - Other Information Provided by Management"),
                     (72, 320, "Management reviewed the exception and remediated the control in March 2024."),
                     (430, 340, "Exceptions were remediated.")]
    last = DrawnPage(texts=[running, (72, 80, "Closing remarks of the report.")])
    if ruled:
        first.hrules = [(y, 72, 540) for y in (105, 125, 175, 225)]
        first.vrules = [(x, 105, 225) for x in COLUMNS]
        second.hrules = [(y, 72, 540) for y in (105, 155, 210, 260)]
        second.vrules = [(x, 105, 260) for x in COLUMNS]
    for page in (first, second, last):
        if border:
            page.rects.append((36, 30, 576, 760))
        if divider:
            page.vrules.append((380, 30, 760))
    return [first, second, last]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "words only"])
@pytest.mark.parametrize("border,divider", [(False, False), (True, False), (False, True), (True, True)],
                         ids=["plain", "page border", "divider", "border and divider"])
def test_table_continued_without_its_header_keeps_its_columns_and_ends_with_its_rows(ruled, border, divider):
    findings, tables = read_exceptions(document(_pages(ruled, border, divider)))
    assert [(f.control_id, f.description, f.page) for f in findings] == [
        ("CC7.2.1", "Exception noted. For 2 of 25 alerts, no ticket was opened.", 2)]
    (table,) = tables
    assert [c.name for c in table.columns] == ["Control #", "Control Activity", "Test Procedures", "Test Results"]
    # the continued page's title and the next section are in no row
    assert [(r.page, r.text("Control #"), r.text("Control Activity")) for r in table.rows] == [
        (1, "CC6.1.1", "Access is approved."), (1, "CC6.1.2", "Access is reviewed."),
        (2, "CC7.1.1", "Scans run monthly."), (2, "CC7.2.1", "Alerts are triaged."),
        (2, "CC8.1.1", "Changes are approved.")]
