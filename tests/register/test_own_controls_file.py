"""Own controls imported from a CSV or Excel file: loose headers, skipped rows, clear errors, controls present."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from reviewer.register.errors import RegisterError
from reviewer.register.own_controls_file import ControlsFileError, read_controls_file

WHO = "Dana Reviewer"


def write_xlsx(path: Path, rows: list[list[object]], sheet_first: list[list[object]] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    if sheet_first is not None:
        for row in sheet_first:
            sheet.append(row)
        sheet = book.create_sheet("Controls")
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_csv_with_loose_headers_semicolons_and_a_bom_is_read(tmp_path):
    path = tmp_path / "controls.csv"
    path.write_text("\ufeffControl ID;Control Title;Control owner\nIAM-01;User provisioning;IT Security\n"
                    ";no id here;x\nIAM-02;  MFA   for admins ;\nIAM-01;again;y\n", encoding="utf-8")
    parsed = read_controls_file(path)
    assert [(r.ref, r.title, r.owner) for r in parsed.rows] == [
        ("IAM-01", "User provisioning", "IT Security"), ("IAM-02", "MFA for admins", None)]
    assert parsed.skipped == ["row 3: no id", "row 5: IAM-01 is listed twice (the first is kept)"]


def test_an_xlsx_is_read_from_the_sheet_that_has_the_columns_and_numeric_ids_read_as_typed(tmp_path):
    path = write_xlsx(tmp_path / "controls.xlsx",
                      [[None], ["Ref", "Name", "Responsible"], [101, "Backups are tested", "Ops"],
                       ["CHG-02", "Changes are approved", None]],
                      sheet_first=[["Cover sheet"], ["prepared by the control office"]])
    parsed = read_controls_file(path)
    assert [(r.ref, r.title, r.owner) for r in parsed.rows] == [
        ("101", "Backups are tested", "Ops"), ("CHG-02", "Changes are approved", None)]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("controls.csv", "Number;Owner\n1;x\n", "No title column found"),
    ("controls.csv", "Title,Owner\nBackups,Ops\n", "No id column found"),
    ("empty.csv", "\n\n", "The file is empty"),
    ("controls.xlsx", "this is not a workbook", "not an Excel workbook"),
    ("blank.csv", "id,title\n,\n ,\n", "a header row but no controls"),
    ("nothing.csv", "id,title\nA-1,\n", "No controls found"),
])
def test_a_bad_file_says_what_is_wrong(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ControlsFileError, match=message):
        read_controls_file(path)


def test_a_damaged_workbook_and_a_missing_file_say_so(tmp_path):
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + b"\0" * 40)
    with pytest.raises(ControlsFileError, match="cannot be read as an Excel workbook"):
        read_controls_file(damaged)
    with pytest.raises(ControlsFileError, match="cannot be read"):
        read_controls_file(tmp_path / "gone.csv")


def test_adding_many_keeps_those_present_and_removing_takes_them_back(reg):
    reg.reviews.add_own_control("IAM-01", "User provisioning", "IT Security", WHO)
    added, present = reg.reviews.add_own_controls(
        [("iam-01", "duplicate in another case", None), ("CHG-01", "Change approval", "Engineering"),
         ("BCK-01", "Backups", None)], WHO)
    assert [c.ref for c in added] == ["CHG-01", "BCK-01"] and present == ["iam-01"]
    assert [c.ref for c in reg.reviews.own_controls()] == ["BCK-01", "CHG-01", "IAM-01"]
    reg.reviews.remove_own_controls([c.id for c in added], WHO)
    assert [c.ref for c in reg.reviews.own_controls()] == ["IAM-01"]
    created = [(e.entity, e.old, e.new) for e in reg.audit.entries(None) if e.entity == "own_control"]
    assert ("own_control", None, "CHG-01: Change approval (owner Engineering)") in created
    assert ("own_control", "CHG-01: Change approval (owner Engineering)", None) in created


def test_a_mapped_control_is_not_taken_back(reg, corpus):
    reg.reports.import_file(corpus.by_id("harlow-soc2-t2-exc3").path)
    report_id = reg.reports.rows(limit=None)[0].id
    added, _present = reg.reviews.add_own_controls([("IAM-01", "User provisioning", None)], WHO)
    reg.reviews.map_cuec(reg.reviews.cuecs(report_id)[0].id, added[0].id, WHO)
    with pytest.raises(RegisterError, match="mapped to a CUEC"):
        reg.reviews.remove_own_controls([added[0].id], WHO)
    assert [c.ref for c in reg.reviews.own_controls()] == ["IAM-01"]
