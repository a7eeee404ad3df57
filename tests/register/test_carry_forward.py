"""Reviews carried forward to a vendor's next report; and the history and signals of the demo's real sample PDFs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from reviewer.register import Register
from tests.register.yearly import Year, store_year
from tests.support.register import PASSPHRASE

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
ACME = "Acme Cloud, Inc."
ACCESS = "User entities are responsible for reviewing the access of their users to the system periodically."
DATA = "User entities are responsible for the accuracy and completeness of data they submit to the system."


def _two_years(reg):
    old = store_year(reg, Year(ACME, date(2023, 1, 1), date(2023, 12, 31), file_name="2023.pdf", cuecs=[ACCESS, DATA],
                               exceptions=[("CC8.1.1", "For 3 of 25 production changes sampled, the change was "
                                                       "deployed without documented peer review.", ["CC8.1"])]))
    new = store_year(reg, Year(ACME, date(2024, 1, 1), date(2024, 12, 31), file_name="2024.pdf", cuecs=[ACCESS, DATA],
                               exceptions=[("CC8.1.1", "For 1 of 40 production changes sampled, the change was "
                                                       "deployed without documented peer review.", ["CC8.1"]),
                                           ("CC6.6.1", "For 1 of 25 firewall rule changes sampled, the rule "
                                                       "change was not approved.", ["CC6.6"])]))
    return old, new


def test_last_years_verdict_conditions_triage_and_mappings_carry_forward(reg):
    old, new = _two_years(reg)
    assert reg.insights.carried_forward(old) is None  # the first report has nothing before it
    reg.reviews.update(old, "alex", status="accepted_with_conditions", rationale="Accept if CC8.1 is fixed by June")
    (old_exc,) = reg.reviews.exceptions(old)
    reg.reviews.update_triage(old_exc.id, "alex", nature="systemic", compensating_control="Our own change review")
    control = reg.reviews.add_own_control("IAM-3", "Quarterly access review", "IT", "alex")
    reg.reviews.map_cuec(next(c.id for c in reg.reviews.cuecs(old) if c.cuec.text == ACCESS), control.id, "alex")

    carried = reg.insights.carried_forward(new)
    assert (carried.previous_file_name, carried.previous_review.status, carried.conditions) == (
        "2023.pdf", "accepted_with_conditions", "Accept if CC8.1 is fixed by June")
    repeat_exc = next(e for e in reg.reviews.exceptions(new) if e.finding.control_id == "CC8.1.1")
    (repeat,) = carried.repeats
    assert (repeat.exception_id, repeat.previous_exception_id, repeat.matched_by) == (
        repeat_exc.id, old_exc.id, "control id")
    assert repeat.previous_triage.nature == "systemic"
    assert carried.repeat_of(repeat_exc.id) is repeat
    (reused,) = carried.mappings
    assert (reused.text, reused.own_control.ref, reused.applied) == (ACCESS, "IAM-3", False)

    assert reg.insights.reuse_cuec_mappings(new, "alex") == 1
    mapped = next(c for c in reg.reviews.cuecs(new) if c.cuec.text == ACCESS)
    assert mapped.mapping.own_control.ref == "IAM-3" and mapped.mapping.note == "as in 2023.pdf"
    assert reg.insights.carried_forward(new).mappings[0].applied is True
    assert reg.insights.reuse_cuec_mappings(new, "alex") == 0  # nothing left to reuse
    assert any(e.entity == "cuec" and e.new == "IAM-3" and e.report_id == new for e in reg.audit.entries())


def test_the_samples_show_a_history_and_a_copied_report(tmp_path):
    """The demo's sample PDFs (resources/samples): truth from their manifest, which the same specs wrote."""
    manifest = json.loads((SAMPLES / "manifest.json").read_text())
    truth = {f["file"]: f["truth"]["report"] for f in manifest["files"]}
    with Register.open(tmp_path / "r.db", PASSPHRASE) as reg:
        for f in manifest["files"]:
            assert reg.reports.import_file(SAMPLES / f["file"]).status == "imported"
        (vendor_id, _), = reg.insights.find_vendors("Ravenscar Cloud Software, Inc.")
        history = reg.insights.vendor_history(vendor_id)
        old, new = truth["ravenscar-soc2-type2-2025.pdf"], truth["ravenscar-soc2-type2.pdf"]
        (pair,) = [p.to_json() for p in history.pairs]
        assert (pair["from"], pair["to"]) == ("ravenscar-soc2-type2-2025.pdf", "ravenscar-soc2-type2.pdf")
        assert pair["period_gap_days"] == (date.fromisoformat(new["period_start"])
                                           - date.fromisoformat(old["period_end"])).days - 1
        old_ids = [e["control_id"] for e in old["exceptions"]]
        new_ids = [e["control_id"] for e in new["exceptions"]]
        assert pair["exceptions_repeated"] == [i for i in new_ids if i in old_ids]
        assert pair["exceptions_new"] == [i for i in new_ids if i not in old_ids]
        assert pair["exceptions_resolved"] == [i for i in old_ids if i not in new_ids]
        assert pair["categories_added"] == [c for c in new["categories"] if c not in old["categories"]]
        old_subs = {s["name"] for s in old["subservice_organizations"]}
        assert pair["subservice_added"] == [s["name"] for s in new["subservice_organizations"]
                                            if s["name"] not in old_subs]
        old_cuecs = {c["text"] for c in old["cuecs"]}
        new_cuecs = {c["text"] for c in new["cuecs"]}
        assert (pair["cuecs_added"], pair["cuecs_removed"]) == (len(new_cuecs - old_cuecs), len(old_cuecs - new_cuecs))

        reg.insights.set_accepted_firms(manifest["accepted_firms"], who="tests")
        signals = reg.insights.signals()
        copies = [s for s in signals if s.kind == "near_duplicate"]
        assert [sorted(s.file_names) for s in copies] == [["quillon-soc2-type2.pdf", "ravenscar-soc2-type2.pdf"]]
        timelines = {(s.file_names[0], s.severity) for s in signals if s.kind == "timeline"}
        assert timelines == {("quillon-soc2-type2.pdf", "warning")}
        auditors = [s.file_names[0] for s in signals if s.kind == "auditor"]
        assert auditors == [f["file"] for f in manifest["files"] if f["truth"]["document_type"] == "soc_report"
                            and f["truth"]["report"]["service_auditor"] not in manifest["accepted_firms"]]
