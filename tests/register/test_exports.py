"""Exports: CSV and XLSX hold every register column and the audit log, and open in openpyxl / csv."""

import csv
from datetime import date, datetime

import openpyxl

from reviewer.register.export_tables import heading
from reviewer.register.exports import AUDIT_COLUMNS, REGISTER_COLUMNS
from reviewer.register.records import ReportRow
from tests.support.register import store


def _fill(reg):
    a = store(reg, "Acme Cloud, Inc.", period_end=date(2024, 12, 31), exceptions=["Exception noted."], salt="a")
    b = store(reg, "=HYPERLINK(\"http://x\")", framework="SOC 1", salt="b")
    reg.reviews.update(a, "alice", status="accepted", rationale="ok")
    reg.reviews.sign_off(a, "dana")
    return a, b


def test_register_columns_include_every_list_column():
    assert set(ReportRow.__dataclass_fields__) - {"currency_status"} <= set(REGISTER_COLUMNS)
    assert "currency_status" in REGISTER_COLUMNS


def test_csv_export_has_the_register_and_the_audit_log_beside_it(reg, tmp_path):
    a, b = _fill(reg)
    out = tmp_path / "out" / "register.csv"
    out.parent.mkdir()
    written = reg.exports.csv(out)
    audit_path = tmp_path / "out" / "register-audit.csv"
    assert written[0] == out and written[-1] == audit_path
    with open(out, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0].keys()) == list(REGISTER_COLUMNS)
    by_id = {int(r["id"]): r for r in rows}
    assert by_id[a]["vendor"] == "Acme Cloud, Inc."
    assert by_id[a]["review_status"] == "accepted" and by_id[a]["signed_off_by"] == "dana"
    assert by_id[a]["exceptions_count"] == "1"
    assert by_id[a]["period_end"] == "2024-12-31"
    assert by_id[a]["currency_status"] in ("current", "bridge_due", "bridged", "gap", "stale", "next_report_expected")
    assert by_id[b]["vendor"].startswith("'=")  # never a live formula
    with open(audit_path, newline="", encoding="utf-8-sig") as fh:
        audit = list(csv.DictReader(fh))
    assert list(audit[0].keys()) == list(AUDIT_COLUMNS)
    assert [(r["who"], r["field"], r["new"]) for r in audit][:2] == [("alice", "status", "accepted"),
                                                                     ("alice", "rationale", "ok")]
    assert len(audit) == len(reg.audit.entries())


def test_xlsx_export_has_the_register_audit_history_and_signals_sheets(reg, tmp_path):
    a, b = _fill(reg)
    out = tmp_path / "register.xlsx"
    assert reg.exports.xlsx(out) == [out]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Reports", "Exceptions", "CUECs", "Subservice organizations", "CSOCs", "Audit log",
                               "History", "Signals"]
    sheet = book["Reports"]
    header = [c.value for c in sheet[1]]
    assert header == [heading(c) for c in REGISTER_COLUMNS]
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[a]["Vendor"] == "Acme Cloud, Inc."
    assert rows[a]["Period end"] == datetime(2024, 12, 31)
    assert rows[b]["Vendor"] == "=HYPERLINK(\"http://x\")"
    assert sheet.cell(row=[r[0].value for r in sheet.iter_rows(min_row=1)].index(b) + 1,
                      column=header.index("Vendor") + 1).data_type == "s"
    audit = book["Audit log"]
    assert [c.value for c in audit[1]] == [heading(c) for c in AUDIT_COLUMNS]
    assert audit.max_row - 1 == len(reg.audit.entries())
