"""Copied reports as real PDFs: each fixture template's report, copied under another vendor's name (and another
auditor's, a few days later), is found; two vendors' own reports printed by the same template are not."""

from __future__ import annotations

from copy import deepcopy
from datetime import date, timedelta

import pytest

from reviewer.register import Register
from tests.fixtures.generate import make_report
from tests.fixtures.render import built_report
from tests.support.register import PASSPHRASE

TEMPLATES = [("harlow", "SOC 2", "tsc"), ("meridian", "SOC 2", "tsc"), ("calder", "SOC 1", "co"),
             ("brightline", "SOC 2", "family"), ("ostrander", "SOC 1", "dotted"), ("soc3", "SOC 3", "tsc")]


def _spec(doc_id, template, framework, id_style, vendor, system):
    return make_report(doc_id, template, vendor, system, framework=framework, id_style=id_style, n_exceptions=2,
                       end=date(2025, 6, 30))


@pytest.mark.parametrize(("template", "framework", "id_style"), TEMPLATES)
def test_a_copy_under_another_name_is_found_and_an_own_report_is_not(tmp_path, template, framework, id_style):
    original = _spec(f"copy-{template}", template, framework, id_style, "Alderbank Payments, Inc.",
                     "Alderbank Settlement Platform")
    copied = deepcopy(original)
    copied.vendor, copied.system = "Quarrystone Data LLC", "Quarrystone Hub"
    copied.auditor, copied.auditor_city = "Okafor & Lindqvist, P.C.", "Reno, Nevada"
    copied.report_date += timedelta(days=3)
    own = _spec(f"own-{template}", template, framework, id_style, "Brindlewood Freight Corp.", "Brindlewood Dispatch")
    with Register.open(tmp_path / "r.db", PASSPHRASE) as reg:
        ids = {}
        for name, spec in (("original.pdf", original), ("copied.pdf", copied), ("own.pdf", own)):
            outcome = reg.reports.import_bytes(built_report(spec).data, name)
            assert outcome.status == "imported", outcome.message
            ids[name] = outcome.report_id
        copies = [s for s in reg.insights.signals() if s.kind == "near_duplicate"]
    assert [sorted(s.file_names) for s in copies] == [["copied.pdf", "original.pdf"]]
    assert copies[0].score >= 0.9
