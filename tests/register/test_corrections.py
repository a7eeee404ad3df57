"""Reviewer corrections in the register: they win in the table, currency, coverage, exports and item rows; each is
audit-logged and undoable; a re-read keeps them and says where it disagrees; sign-off asks about unsure values."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date

import openpyxl
import pytest

from reviewer.register import RegisterError, ReportFilter, UnconfirmedValues
from reviewer.register.isolated_extraction import extract_in_process
from tests.support.register import mark_low, store

WHO = "Dana Reviewer"


def test_a_corrected_period_end_wins_in_table_currency_and_exports(reg, tmp_path):
    rid = store(reg, period_end=date(2020, 12, 31))
    assert reg.currency.by_vendor(date(2025, 6, 1))[0].status != "current"
    corr = reg.corrections.correct(rid, "period_end", "2025-03-31", who=WHO, reason="the opinion says March")
    row = reg.reports.rows()[0]
    assert row.period_end == date(2025, 3, 31)
    assert reg.reports.get(rid).extraction.report.period_end == date(2025, 3, 31)
    assert reg.currency.by_vendor(date(2025, 6, 1))[0].status == "current"
    reg.exports.csv(tmp_path / "out.csv")
    with open(tmp_path / "out.csv", encoding="utf-8-sig") as fh:
        exported = list(csv.DictReader(fh))
    assert exported[0]["period_end"] == "2025-03-31"
    reg.exports.xlsx(tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["Reports"]
    header = [c.value for c in sheet[1]]
    assert sheet.cell(2, header.index("Period end") + 1).value.date() == date(2025, 3, 31)
    found = reg.reports.rows(ReportFilter(fulltext="Acme"))  # a search result shows the corrected value
    assert [r.period_end for r in found] == [date(2025, 3, 31)]
    log = [a for a in reg.audit.entries(rid) if a.entity == "correction"]
    assert [(a.who, a.old, a.new) for a in log] == [(WHO, "2020-12-31", "2025-03-31"), (WHO, None,
                                                                                         "the opinion says March")]
    assert corr.original == "2020-12-31" and reg.corrections.as_read(rid).report.period_end == date(2020, 12, 31)

    reg.corrections.undo(corr.id, WHO)
    assert reg.reports.rows()[0].period_end == date(2020, 12, 31)
    assert reg.currency.by_vendor(date(2025, 6, 1))[0].status != "current"
    reg.corrections.redo(corr.id, WHO)
    assert reg.reports.rows()[0].period_end == date(2025, 3, 31)


def test_a_corrected_soc1_period_changes_the_coverage(reg):
    rid = store(reg, framework="SOC 1", period_start=date(2024, 1, 1), period_end=date(2024, 6, 30))
    assert reg.currency.soc1_coverage(date(2024, 12, 31))[0].overlap_days < 200
    reg.corrections.correct(rid, "period_end", "2024-12-31", who=WHO)
    assert reg.currency.soc1_coverage(date(2024, 12, 31))[0].overlap_days >= 365


def test_remove_and_add_items_keep_triage_and_mappings_with_their_item(reg):
    rid = store(reg, exceptions=["first exception", "false exception", "third exception"], cuecs=["a CUEC"])
    records = reg.reviews.exceptions(rid)
    reg.reviews.update_triage(records[1].id, WHO, relevance="relevant")
    reg.reviews.update_triage(records[2].id, WHO, follow_up="ask the vendor")
    keys = reg.corrections.corrected(rid).keys["exceptions"]
    removal = reg.corrections.remove_item(rid, f"exceptions/{keys[1]}", who=WHO, reason="not an exception")
    after = reg.reviews.exceptions(rid)
    assert [r.finding.description for r in after] == ["first exception", "third exception"]
    assert after[1].triage.follow_up == "ask the vendor"
    assert reg.reports.rows()[0].exceptions_count == 2
    reg.corrections.undo(removal.id, WHO)
    back = reg.reviews.exceptions(rid)
    assert [r.finding.description for r in back] == ["first exception", "false exception", "third exception"]
    assert back[1].triage.relevance == "relevant"

    added = reg.corrections.add_item(rid, "cuecs", {"text": "User entities review access quarterly.", "page": 1,
                                        "bbox": [72, 60, 300, 74], "criteria": []}, who=WHO)
    assert [c.cuec.text for c in reg.reviews.cuecs(rid)] == ["a CUEC", "User entities review access quarterly."]
    assert reg.reviews.cuecs(rid)[1].cuec.bbox == (72, 60, 300, 74)
    assert reg.connection.execute("SELECT cuecs_count FROM reports WHERE id = ?", (rid,)).fetchone()[0] == 2
    reg.corrections.undo(added.id, WHO)
    assert [c.cuec.text for c in reg.reviews.cuecs(rid)] == ["a CUEC"]


def test_an_item_correction_with_its_evidence(reg):
    rid = store(reg, exceptions=["a deviation"])
    key = reg.corrections.corrected(rid).keys["exceptions"][0]
    reg.corrections.correct(rid, f"exceptions/{key}", {"management_response": "Fixed in May.", "page": 1,
                                           "bbox": [72, 80, 400, 94]}, who=WHO)
    finding = reg.reviews.exceptions(rid)[0].finding
    assert finding.management_response == "Fixed in May." and finding.bbox == (72, 80, 400, 94)
    with pytest.raises(RegisterError):
        reg.corrections.correct(rid, "exceptions/nosuchkey", {"description": "x"}, who=WHO)


def test_a_re_read_keeps_corrections_and_says_where_it_disagrees(reg, corpus):
    rid = reg.reports.import_file(corpus.by_id("harlow-soc2-t2-exc3").path).report_id
    read_end = reg.reports.get(rid).extraction.report.period_end
    reg.corrections.correct(rid, "period_end", "2030-01-31", who=WHO)
    key = reg.corrections.corrected(rid).keys["exceptions"][0]
    reg.corrections.remove_item(rid, f"exceptions/{key}", who=WHO)
    assert reg.corrections.reread(rid, who=WHO) == []  # the same extractor reads the same
    assert reg.reports.get(rid).extraction.report.period_end == date(2030, 1, 31)
    assert len(reg.reviews.exceptions(rid)) == 2

    def newer_extractor(data, name, password, progress, cancelled):
        result, texts = extract_in_process(data, name, password, progress, cancelled)
        result.report = replace(result.report, period_end=date(2029, 6, 30))
        return result, texts

    found = reg.corrections.reread(rid, who=WHO, extractor=newer_extractor)
    assert [d.correction.target for d in found] == ["period_end"]
    assert "2029-06-30" in found[0].text and "2030-01-31" in found[0].text and read_end.isoformat() in found[0].text
    assert reg.reports.rows()[0].period_end == date(2030, 1, 31)
    assert len(reg.reviews.exceptions(rid)) == 2
    assert reg.audit.entries(rid)[-1].field == "re-read"
    word = reg.reports.get(rid).extraction.report.service_organization.split()[0]
    assert {hit.report_id for hit in reg.search.pages(word)} == {rid}  # the re-read pages are searchable


def test_sign_off_with_unconfirmed_low_confidence_values_asks_first(reg):
    rid = store(reg)
    mark_low(reg, rid, "opinion", "two opinion paragraphs")
    assert [(u.target, u.reason) for u in reg.corrections.to_check(rid)] == [("opinion", "two opinion paragraphs")]
    reg.reviews.update(rid, WHO, status="accepted")
    with pytest.raises(UnconfirmedValues):
        reg.reviews.sign_off(rid, WHO)
    assert reg.reviews.get(rid).signed_off_by is None
    reg.reviews.sign_off(rid, WHO, accept_unconfirmed=True)
    assert reg.reviews.get(rid).signed_off_by == WHO
    assert any(a.field == "signed off with unconfirmed values" for a in reg.audit.entries(rid))


def test_confirming_clears_the_to_check_list(reg):
    rid = store(reg)
    mark_low(reg, rid, "opinion", "two opinion paragraphs")
    confirmed = reg.corrections.confirm(rid, "opinion", who=WHO)
    assert reg.corrections.to_check(rid) == []
    reg.corrections.undo(confirmed.id, WHO)
    assert len(reg.corrections.to_check(rid)) == 1
    reg.reviews.update(rid, WHO, status="accepted")
    reg.corrections.confirm(rid, "opinion", who=WHO)
    reg.reviews.sign_off(rid, WHO)  # nothing left to check: no question


def test_deleting_a_report_removes_its_corrections(reg):
    rid = store(reg)
    reg.corrections.correct(rid, "opinion", "qualified", who=WHO)
    reg.reports.delete(rid, WHO)
    assert reg.connection.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0
    assert reg.connection.execute("SELECT count(*) FROM readings").fetchone()[0] == 0


def test_a_malformed_value_is_refused_and_nothing_is_written(reg):
    rid = store(reg)
    for target, value in (("period_end", "31/12/2024"), ("opinion", "fine"), ("categories", ["Safety"]),
                          ("criteria", ["CC6"])):
        with pytest.raises(RegisterError):
            reg.corrections.correct(rid, target, value, who=WHO)
    assert reg.corrections.all(rid) == [] and not [a for a in reg.audit.entries(rid) if a.entity == "correction"]
    reg.corrections.correct(rid, "categories", ["Security", "Availability"], who=WHO)
    assert reg.reports.get(rid).extraction.report.categories == ["Security", "Availability"]
    assert reg.connection.execute("SELECT categories FROM reports WHERE id = ?", (rid,)).fetchone()[0] == \
        "Security, Availability"


def test_correcting_an_added_item_is_no_disagreement(reg):
    rid = store(reg)
    added = reg.corrections.add_item(rid, "csocs", {"text": "AWS maintains physical security.", "page": 1}, who=WHO)
    reg.corrections.correct(rid, added.target, {"subservice_organization": "Amazon Web Services"}, who=WHO)
    csoc = reg.reports.get(rid).extraction.report.csocs[0]
    assert (csoc.text, csoc.subservice_organization) == ("AWS maintains physical security.", "Amazon Web Services")
    assert reg.corrections.disagreements(rid) == []
    assert [c.kind for c in reg.corrections.all(rid)] == ["add", "set"]


def test_a_new_extractor_version_reads_every_report_again_and_keeps_the_corrections(reg, corpus):
    first = reg.reports.import_file(corpus.by_id("harlow-soc2-t2-clean").path).report_id
    second = reg.reports.import_file(corpus.by_id("meridian-soc2-t2-exc2").path).report_id
    reg.corrections.correct(first, "opinion", "qualified", who=WHO)

    def newer_extractor(data, name, password, progress, cancelled):
        result, texts = extract_in_process(data, name, password, progress, cancelled)
        result.report = replace(result.report, opinion="adverse")
        return result, texts

    found = reg.corrections.reread_all(who=WHO, extractor=newer_extractor)
    assert [d.correction.target for d in found[first]] == ["opinion"] and found[second] == []
    assert reg.reports.get(first).extraction.report.opinion == "qualified"
    assert reg.reports.get(second).extraction.report.opinion == "adverse"
