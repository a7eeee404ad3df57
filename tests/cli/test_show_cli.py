"""`reviewer show REPORT [--json]`, run as a user would: values with evidence and confidence, corrections on top."""

from __future__ import annotations

import json

from reviewer.register import Register
from tests.cli.test_register_cli import PASS, one_line_error, reviewer

WHO = "Dana Reviewer"


def test_show_json_carries_confidence_and_the_corrections_on_top(tmp_path, corpus):
    db = tmp_path / "register.db"
    with Register.open(db, PASS) as reg:
        rid = reg.reports.import_file(corpus.by_id("harlow-soc2-t2-exc3").path).report_id
        read_end = reg.reports.get(rid).extraction.report.period_end.isoformat()
        reg.corrections.correct(rid, "period_end", "2031-03-31", who=WHO, reason="see the opinion")
        key = reg.corrections.corrected(rid).keys["exceptions"][0]
        reg.corrections.remove_item(rid, f"exceptions/{key}", who=WHO)
        reg.corrections.add_item(rid, "cuecs", {"text": "User entities review their users.", "page": 2, "criteria": []},
                     who=WHO)
    done = reviewer("show", "--register", db, "--json", rid)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    end = data["fields"]["period_end"]
    assert end["value"] == "2031-03-31" and end["confidence"] in ("high", "low")
    assert end["evidence"]["confidence"] in ("high", "low") and end["evidence"]["page"] >= 1
    assert (end["correction"]["who"], end["correction"]["original"]) == (WHO, read_end)
    assert end["correction"]["reason"] == "see the opinion" and end["correction"]["at"]
    assert len(data["report"]["exceptions"]) == 2
    assert all(item["confidence"] in ("high", "low") and item["key"] for item in data["report"]["exceptions"])
    added = data["report"]["cuecs"][-1]
    assert added["text"] == "User entities review their users." and added["correction"]["kind"] == "add"
    assert [c["kind"] for c in data["corrections"]] == ["set", "remove", "add"]
    assert data["removed"][0]["who"] == WHO

    text = reviewer("show", "--register", db, rid)
    assert text.returncode == 0, text.stderr
    assert "2031-03-31" in text.stdout and f"read as {read_end}" in text.stdout


def test_show_of_no_such_report_exits_2(tmp_path, corpus):
    db = tmp_path / "register.db"
    with Register.open(db, PASS) as reg:
        reg.reports.import_file(corpus.by_id("harlow-soc2-t2-clean").path)
    done = reviewer("show", "--register", db, "999")
    assert done.returncode == 2
    assert "no report" in one_line_error(done)
