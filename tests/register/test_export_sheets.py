"""The exports' item tables and the XLSX layout, as an auditor opens them: a sheet each for the reports, the
exceptions with their triage, the CUECs with their mappings, the subservice organizations, the CSOCs and the audit
log; human headers in bold, the top row frozen, readable widths, dates as dates."""

from __future__ import annotations

import csv
from datetime import datetime

import openpyxl

from reviewer.register.xlsx_sheets import DATE_FORMAT, DATETIME_FORMAT, MAX_TOKEN_WIDTH, MAX_WIDTH

WHO = "Dana Reviewer"


def _reviewed(reg, corpus) -> int:
    report_id = reg.reports.import_file(corpus.by_id("harlow-soc2-t2-exc3").path).report_id
    first = reg.reviews.exceptions(report_id)[0]
    reg.reviews.update_triage(first.id, WHO, relevance="high", nature="systemic",
                              compensating_control="Quarterly access recertification", follow_up="Ask for evidence")
    control = reg.reviews.add_own_control("IAM-01", "User provisioning", "IT Security", WHO)
    reg.reviews.map_cuec(reg.reviews.cuecs(report_id)[0].id, control.id, WHO)
    reg.reviews.update(report_id, WHO, status="accepted", rationale="Compensated.")
    reg.reviews.sign_off(report_id, WHO)
    return report_id


def _records(sheet) -> list[dict]:
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_each_list_has_its_sheet_with_triage_and_mappings(reg, corpus, tmp_path):
    report_id = _reviewed(reg, corpus)
    report = reg.reports.get(report_id).extraction.report
    out = tmp_path / "register.xlsx"
    reg.exports.xlsx(out)
    book = openpyxl.load_workbook(out)

    exceptions = _records(book["Exceptions"])
    assert [e["Control"] for e in exceptions] == [f.control_id for f in report.exceptions]
    first = exceptions[0]
    assert (first["Vendor"], first["Report ID"], first["#"]) == (reg.reports.get(report_id).vendor, report_id, 1)
    assert first["Exception (test result)"] == report.exceptions[0].description
    assert first["Management response"] == report.exceptions[0].management_response
    assert first["Criteria"] == ", ".join(report.exceptions[0].criteria)
    assert (first["Relevance to us"], first["Nature"], first["Compensating control"], first["Follow-up"]) == (
        "high", "systemic", "Quarterly access recertification", "Ask for evidence")
    assert exceptions[1]["Nature"] is None

    cuecs = _records(book["CUECs"])
    assert [c["CUEC"] for c in cuecs] == [c.text for c in report.cuecs]
    assert (cuecs[0]["Our control"], cuecs[0]["Our control's title"], cuecs[0]["Control owner"],
            cuecs[0]["Mapped by"]) == ("IAM-01", "User provisioning", "IT Security", WHO)
    assert isinstance(cuecs[0]["Mapped at (UTC)"], datetime)
    assert all(c["Our control"] is None for c in cuecs[1:])

    subservice = _records(book["Subservice organizations"])
    assert [s["Subservice organization"] for s in subservice] == [s.name for s in report.subservice_organizations]
    assert [s["Method"] for s in subservice] == [s.method for s in report.subservice_organizations]

    csocs = _records(book["CSOCs"])
    assert len(csocs) == len(report.csocs) > 0
    assert [(c["CSOC"], c["Subservice organization"], c["Page"]) for c in csocs] == [
        (c.text, c.subservice_organization, c.page) for c in report.csocs]

    audit = _records(book["Audit log"])
    assert {a["Who"] for a in audit if a["Field"] != "imported"} == {WHO}  # the imports are the importer's
    assert all(isinstance(a["When (UTC)"], datetime) for a in audit)


def test_the_sheets_read_well(reg, corpus, tmp_path):
    _reviewed(reg, corpus)
    out = tmp_path / "register.xlsx"
    reg.exports.xlsx(out)
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        headers = [c.value for c in sheet[1]]
        assert all(h and "_" not in h and h[0].isupper() or h == "#" for h in headers), (sheet.title, headers)
        assert all(c.font.bold for c in sheet[1]), sheet.title
        assert sheet.freeze_panes == "A2", sheet.title
        for index, header in enumerate(headers, start=1):
            width = sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width
            assert max(len(w) for w in header.split()) < width <= MAX_TOKEN_WIDTH, (sheet.title, header, width)
    reports = book["Reports"]
    header = [c.value for c in reports[1]]
    assert "Vendor match score" in header and "vendor_match_score" not in header
    period_end = reports.cell(2, header.index("Period end") + 1)
    assert isinstance(period_end.value, datetime) and period_end.number_format == DATE_FORMAT
    imported = reports.cell(2, header.index("Imported at (UTC)") + 1)
    assert isinstance(imported.value, datetime) and imported.number_format == DATETIME_FORMAT
    assert imported.value.time() != datetime.min.time()  # the time of day is kept
    sha = openpyxl.utils.get_column_letter(header.index("SHA-256") + 1)
    assert reports.column_dimensions[sha].width > 64  # a SHA-256 cannot wrap: its column holds it on one line
    vendor_width = reports.column_dimensions["C"].width
    assert header[2] == "Vendor" and vendor_width >= len(reports.cell(2, 3).value)  # the name fits
    exceptions = book["Exceptions"]
    text_column = [c.value for c in exceptions[1]].index("Exception (test result)") + 1
    longest = max(len(exceptions.cell(r, text_column).value) for r in range(2, exceptions.max_row + 1))
    assert longest > MAX_WIDTH and exceptions.cell(2, text_column).alignment.wrap_text  # long text wraps


def test_the_csv_export_has_a_file_per_table(reg, corpus, tmp_path):
    report_id = _reviewed(reg, corpus)
    out = tmp_path / "register.csv"
    written = reg.exports.csv(out)
    assert [p.name for p in written] == ["register.csv", "register-exceptions.csv", "register-cuecs.csv",
                                         "register-subservice.csv", "register-csocs.csv", "register-audit.csv"]
    with open(written[1], newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(reg.reviews.exceptions(report_id))
    assert (rows[0]["nature"], rows[0]["compensating_control"]) == ("systemic", "Quarterly access recertification")
    with open(written[2], newline="", encoding="utf-8-sig") as fh:
        assert next(csv.DictReader(fh))["own_control_ref"] == "IAM-01"
