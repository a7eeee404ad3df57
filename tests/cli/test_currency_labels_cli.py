"""`reviewer currency --json` keeps its keys and their meaning and adds, beside them, the status as the user
reads it (`status_label`), its `severity` (0 = worst) and, for a lapsed bridge letter, `lapsed_on`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_register_cli import reviewer

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
KEYS = {"vendor_id", "vendor", "latest_report_id", "framework", "type", "period_end", "bridge_letter_id",
        "bridge_period_end", "status", "next_report_expected", "reason"}


def test_currency_json_adds_the_label_and_severity_beside_its_keys(tmp_path):
    db = tmp_path / "reg" / "register.db"
    files = [SAMPLES / n for n in ("larchfield-soc2-type1.pdf", "larchfield-bridge-letter.pdf",
                                   "brackenridge-soc2-type2.pdf", "ravenscar-soc2-type2.pdf")]
    assert reviewer("import", "--register", db, *files).returncode == 0
    done = reviewer("currency", "--register", db, "--json", "--as-of", "2026-11-26")
    assert done.returncode == 0, done.stderr
    rows = {r["vendor"]: r for r in json.loads(done.stdout)}
    for row in rows.values():
        assert KEYS <= set(row) and {"status_label", "severity", "lapsed_on"} <= set(row)
    larchfield = rows["Larchfield Colocation, Inc."]
    assert (larchfield["status"], larchfield["status_label"], larchfield["lapsed_on"]) == (
        "bridge_lapsed", "Bridge letter lapsed on 29 Jul 2026", "2026-07-29")
    assert larchfield["bridge_period_end"] == "2026-04-30"
    overdue = rows["Brackenridge Analytics, Inc."]
    assert (overdue["status"], overdue["status_label"]) == ("next_report_expected",
                                                             "Overdue: no report since 30 Jun 2025")
    current = rows["Ravenscar Cloud Software, Inc."]
    assert current["status_label"] == "Current" and current["lapsed_on"] is None
    assert overdue["severity"] == 0 < larchfield["severity"] < current["severity"]
