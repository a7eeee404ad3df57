"""The table of fields covers every fact of a report once, and its readers agree with it."""

from __future__ import annotations

import dataclasses
from datetime import date

from reviewer.extract.fields_table import BY_KEY, EXPORTED, FIELDS, STORED, facts, summary_lines
from reviewer.extract.model import Evidence, ExtractionResult, FileInfo, Report
from reviewer.schema import extraction_schema

ITEM_LISTS = {"control_objectives", "exceptions", "cuecs", "subservice_organizations", "csocs", "not_tested"}


def _result(**report: object) -> ExtractionResult:
    return ExtractionResult(FileInfo("a.pdf", "0" * 64, 3, False, "full"), "soc_report", Report(**report))  # type: ignore[arg-type]


def test_every_fact_of_a_report_but_its_item_lists_is_one_row_of_the_table():
    attributes = {f.name for f in dataclasses.fields(Report)}
    assert [f.key for f in FIELDS] == list(BY_KEY)  # one row each
    assert set(BY_KEY) == attributes - ITEM_LISTS


def test_the_report_json_has_the_schema_properties_and_reads_back():
    report = Report(framework="SOC 2", type="Type 2", period_start=date(2024, 1, 1), period_end=date(2024, 12, 31),
                    categories=["Security"], criteria=["CC1.1"])
    data = report.to_json()
    schema_report = extraction_schema()["properties"]["report"]
    assert set(schema_report.get("required", data)) <= set(data) <= set(schema_report["properties"])
    assert data["period_end"] == "2024-12-31" and data["categories"] == ["Security"]
    back = ExtractionResult.from_json(_result(**vars(report)).to_json()).report
    assert back == report


def test_stored_fields_name_columns_of_the_register_and_exported_ones_headers():
    from reviewer.register.exports import REGISTER_COLUMNS

    assert all(f.column for f in STORED)
    assert [f.export for f in EXPORTED] == [h for h in REGISTER_COLUMNS if h in {f.export for f in EXPORTED}]


def test_facts_follow_the_table_and_its_evidence_keys():
    result = _result(framework="SOC 2", type="Type 2", period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))
    result.evidence["type"] = Evidence(2, "Type 2")
    shown = {f.key: f for f in facts(result)}
    assert shown["framework"].text == "SOC 2 Type 2" and shown["framework"].evidence.page == 2
    assert shown["period"].label == "Period" and shown["period"].text == "2024-01-01 to 2024-12-31"
    assert shown["opinion"].text is None  # not found, still listed
    assert "bridge_period_end" not in shown
    as_of = {f.key: f for f in facts(_result(as_of=date(2024, 6, 30)))}
    assert as_of["period"].label == "As of" and as_of["period"].text == "2024-06-30"


def test_the_summary_reads_the_table_labels():
    lines = dict(summary_lines(Report(framework="SOC 1", criteria=["CC1.1", "CC1.2"], categories=["Security"])))
    assert lines["report"] == "SOC 1" and lines["criteria"] == "2 mapped" and lines["categories"] == "Security"
    assert lines["opinion"] is None
