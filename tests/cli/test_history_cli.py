"""`reviewer history`, `reviewer signals` and `reviewer firms`, run as a user would, on the demo's sample PDFs."""

import json
from pathlib import Path

import openpyxl
import pytest

from tests.cli.test_register_cli import one_line_error, reviewer

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    db = tmp_path_factory.mktemp("hist") / "register.db"
    done = reviewer("import", "--register", db, SAMPLES)
    assert done.returncode == 0, done.stderr
    return db


def test_history_json_follows_the_contract(filled):
    done = reviewer("history", "--register", filled, "--json", "Ravenscar Cloud Software, Inc.")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["vendor"] == "Ravenscar Cloud Software, Inc."
    assert [r["file_name"] for r in data["reports"]] == ["ravenscar-soc2-type2-2025.pdf", "ravenscar-soc2-type2.pdf"]
    assert {"id", "file_name", "framework", "type", "period_start", "period_end"} <= set(data["reports"][0])
    (pair,) = data["pairs"]
    for key in ("from", "to", "period_gap_days", "auditor_changed", "opinion", "categories_added",
                "categories_removed", "subservice_added", "subservice_removed", "exceptions_new",
                "exceptions_repeated", "exceptions_resolved", "cuecs_added", "cuecs_removed"):
        assert key in pair, key
    assert (pair["from"], pair["to"], pair["period_gap_days"]) == (
        "ravenscar-soc2-type2-2025.pdf", "ravenscar-soc2-type2.pdf", 0)
    assert pair["opinion"] == ["unmodified", "unmodified"] and pair["auditor_changed"] is False
    assert (pair["exceptions_new"], pair["exceptions_repeated"], pair["exceptions_resolved"]) == (
        ["CC4.1.1"], ["CC8.1.1"], ["CC6.3.1"])
    assert isinstance(pair["cuecs_added"], int) and isinstance(pair["cuecs_removed"], int)


def test_history_readable_by_part_of_the_name_and_an_unknown_vendor(filled):
    done = reviewer("history", "--register", filled, "ravenscar")
    assert done.returncode == 0, done.stderr
    assert "ravenscar-soc2-type2-2025.pdf -> ravenscar-soc2-type2.pdf" in done.stdout
    assert "repeated CC8.1.1" in done.stdout
    missing = reviewer("history", "--register", filled, "Nobody Ltd")
    assert missing.returncode == 2 and "no vendor" in one_line_error(missing)


def test_signals_json_and_the_accepted_firms(filled):
    done = reviewer("signals", "--register", filled, "--json")
    assert done.returncode == 0, done.stderr
    signals = json.loads(done.stdout)
    for s in signals:
        assert {"kind", "file_names", "vendors", "detail", "score"} <= set(s)
    copies = [s for s in signals if s["kind"] == "near_duplicate"]
    assert [sorted(s["file_names"]) for s in copies] == [["quillon-soc2-type2.pdf", "ravenscar-soc2-type2.pdf"]]
    assert copies[0]["score"] > 0.85
    assert [s["file_names"] for s in signals if s["kind"] == "timeline"] == [["quillon-soc2-type2.pdf"]]
    assert not [s for s in signals if s["kind"] == "auditor"]  # no list kept yet

    added = reviewer("firms", "--register", filled, "add", "Harlow and Finch LLP", "Meridian Assurance Partners")
    assert added.returncode == 0, added.stderr
    listed = reviewer("firms", "--register", filled, "--json")
    assert json.loads(listed.stdout) == ["Harlow and Finch LLP", "Meridian Assurance Partners"]
    signals = json.loads(reviewer("signals", "--register", filled, "--json").stdout)
    flagged = {s["file_names"][0] for s in signals if s["kind"] == "auditor"}
    manifest = json.loads((SAMPLES / "manifest.json").read_text())
    expected = {f["file"] for f in manifest["files"] if f["truth"]["document_type"] == "soc_report"
                and f["truth"]["report"]["service_auditor"] not in ("Harlow & Finch LLP",
                                                                    "Meridian Assurance Partners LLP")}
    assert flagged == expected and "quillon-soc2-type2.pdf" in flagged
    text = reviewer("signals", "--register", filled)
    assert text.returncode == 0 and "near_duplicate" in text.stdout
    removed = reviewer("firms", "--register", filled, "remove", "Meridian Assurance Partners LLP")
    assert removed.stdout.strip() == "Harlow and Finch LLP"


def test_the_xlsx_export_has_history_and_signals_sheets(filled, tmp_path):
    out = tmp_path / "register.xlsx"
    done = reviewer("export", "--register", filled, "--format", "xlsx", "--output", out)
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Reports", "Exceptions", "CUECs", "Subservice organizations", "CSOCs", "Audit log",
                               "History", "Signals"]
    history = list(book["History"].values)
    assert history[0][:4] == ("Vendor", "Framework", "From report", "To report")
    assert [row[2:4] for row in history[1:]] == [("ravenscar-soc2-type2-2025.pdf", "ravenscar-soc2-type2.pdf")]
    header, *rows = list(book["Signals"].values)
    assert header[:3] == ("Severity", "Kind", "Files")
    assert ("warning", "near_duplicate") in {r[:2] for r in rows}
