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


def _shaded_pages() -> list[DrawnPage]:
    """A table as Chromium prints it with CSS: the header and every other row shaded (a rectangle per cell,
    no borders), a long table continued on the next page under a repeated header whose first row is shaded,
    and a footer fixed to the page's foot printed over the rows, with a border under it."""
    running = (72, 40, "Acme Ledger, Inc. - SOC 2 Type 2 Report")
    footer = [(60, 708, "Acme Ledger, Inc. - Proprietary and Confidential"), (60, 760, "Page")]
    head = [(76, 110, "Ref."), (140, 110, "Control Activity"), (300, 110, "Test Procedures"),
            (430, 110, "Test Results")]
    pages = []
    for n, ids in enumerate(([f"AL-0{k}" for k in range(1, 7)], ["AL-07", "AL-08", "AL-09", "AL-10", "AL-11"])):
        page = DrawnPage(texts=[running, *head, *footer])
        page.hrules.append((720, 45, 567))  # the fixed footer's border
        page.texts[-1] = (60, 760, f"Page {n + 1} of 3")
        shaded = [(105, 125)]
        for k, cid in enumerate(ids):
            top = 130 + 100 * k
            result = ["No exceptions noted."]
            if cid == "AL-09":
                result = ["Exception noted. For 1 of", "25 changes, approval", "was not retained.",
                          "Management's Response:", "Approvals are now", "enforced by the tool."]
            lines = [(76, top, cid), (76, top + 12, f"CC{k + 5}.1")]
            lines += [(140, top + 12 * j, f"Activity line {j + 1} of {cid}.") for j in range(7)]
            lines += [(430, top + 12 * j, text) for j, text in enumerate(result)]
            page.texts += lines
            if k % 2 == 0:
                shaded.append((top - 4, top + 88))
        for t, b in shaded:
            page.rects += [(x0, t, x1, b) for x0, x1 in zip(COLUMNS, COLUMNS[1:], strict=False)]
        pages.append(page)
    pages.append(DrawnPage(texts=[running, (72, 80, "Closing remarks of the report."), *footer[:1],
                                  (60, 760, "Page 3 of 3")]))
    return pages


def test_shaded_header_and_striped_rows_are_no_table_end_and_a_footer_over_the_rows_is_no_cell():
    findings, (table, *_) = read_exceptions(document(_shaded_pages()))
    assert [(r.page, r.text("Ref.").split(" ")[0]) for r in table.rows] == [
        (1, f"AL-0{k}") for k in range(1, 7)] + [(2, cid) for cid in ("AL-07", "AL-08", "AL-09", "AL-10", "AL-11")]
    assert all("Proprietary" not in " ".join(r.cells.get("Control Activity", [])) for r in table.rows)
    assert [(f.control_id, f.criteria, f.description, f.management_response, f.page) for f in findings] == [
        ("AL-09", ["CC7.1"], "Exception noted. For 1 of 25 changes, approval was not retained.",
         "Approvals are now enforced by the tool.", 2)]
