"""Reviews, sign-off, exception triage, CUEC mapping with suggestions, and the append-only audit log."""

from datetime import date

import pytest

from reviewer.register import RegisterError
from tests.support.register import store


def test_a_new_report_has_a_new_review(reg):
    report_id = store(reg)
    review = reg.reviews.get(report_id)
    assert (review.status, review.reviewer, review.signed_off_by) == ("new", None, None)
    assert reg.reports.rows()[0].review_status == "new"


def test_review_changes_are_saved_and_audited_field_by_field(reg):
    report_id = store(reg)
    reg.reviews.update(report_id, "alice", status="in_review", reviewer="alice")
    review = reg.reviews.update(report_id, "alice", status="accepted_with_conditions",
                               rationale="MFA exception compensated", next_review_date=date(2025, 6, 30))
    assert review.status == "accepted_with_conditions"
    assert review.next_review_date == date(2025, 6, 30)
    log = [(e.who, e.entity, e.field, e.old, e.new) for e in reg.audit.entries(report_id)]
    assert log == [
        ("alice", "review", "status", "new", "in_review"),
        ("alice", "review", "reviewer", None, "alice"),
        ("alice", "review", "status", "in_review", "accepted_with_conditions"),
        ("alice", "review", "rationale", None, "MFA exception compensated"),
        ("alice", "review", "next_review_date", None, "2025-06-30"),
    ]
    row = reg.reports.rows()[0]
    assert (row.review_status, row.next_review_date) == ("accepted_with_conditions", date(2025, 6, 30))


def test_bad_review_input_changes_nothing(reg):
    report_id = store(reg)
    with pytest.raises(RegisterError, match="status must be one of"):
        reg.reviews.update(report_id, "alice", status="approved")
    with pytest.raises(RegisterError, match="unknown review field"):
        reg.reviews.update(report_id, "alice", verdict="ok")
    with pytest.raises(RegisterError, match="who"):
        reg.reviews.update(report_id, " ", status="accepted")
    with pytest.raises(RegisterError, match="no report 999"):
        reg.reviews.update(999, "alice", status="accepted")
    assert reg.reviews.get(report_id).status == "new"
    assert reg.audit.entries() == []


def test_sign_off_needs_a_decision_and_a_later_change_clears_it(reg):
    report_id = store(reg)
    with pytest.raises(RegisterError, match="decide"):
        reg.reviews.sign_off(report_id, "dana")
    reg.reviews.update(report_id, "alice", status="accepted")
    signed = reg.reviews.sign_off(report_id, "dana")
    assert signed.signed_off_by == "dana" and signed.signed_off_at
    changed = reg.reviews.update(report_id, "alice", status="rejected")
    assert changed.signed_off_by is None
    assert reg.audit.entries(report_id)[-1].field == "signed_off_by"
    assert reg.audit.entries(report_id)[-1].old == "dana"


def test_exception_triage(reg):
    report_id = store(reg, exceptions=["For 2 of 25 terminated users access was not removed timely.",
                                       "Exception noted. Backups were not tested in Q3."])
    records = reg.reviews.exceptions(report_id)
    assert [r.index for r in records] == [0, 1]
    assert records[0].finding.description.startswith("For 2 of 25")
    assert records[0].finding.page == 1
    triage = reg.reviews.update_triage(records[0].id, "erin", relevance="high", nature="isolated",
                               compensating_control="our quarterly access review", follow_up="ask in Q2")
    assert triage.nature == "isolated"
    assert reg.reviews.exceptions(report_id)[0].triage == triage
    with pytest.raises(RegisterError, match="isolated"):
        reg.reviews.update_triage(records[1].id, "erin", nature="sometimes")
    fields = [e.field for e in reg.audit.entries(report_id)]
    assert fields == ["relevance", "nature", "compensating_control", "follow_up"]


def test_cuec_mapping_and_suggestions_from_earlier_mappings(reg):
    first = store(reg, "Acme Cloud, Inc.", cuecs=[
        "User entities are responsible for reviewing user access to the application on a periodic basis.",
        "User entities are responsible for notifying Acme of terminated employees.",
    ], salt="1")
    control = reg.reviews.add_own_control("IAM-03", "Quarterly access review", "IT Security", "frank")
    assert reg.reviews.own_controls() == [control]
    with pytest.raises(RegisterError, match="already exists"):
        reg.reviews.add_own_control("IAM-03", "dup", None, "frank")
    cuecs = reg.reviews.cuecs(first)
    assert cuecs[0].mapping is None and cuecs[0].suggestions == []
    reg.reviews.map_cuec(cuecs[0].id, control.id, "frank", note="covered by IAM-03")
    mapped = reg.reviews.cuecs(first)[0]
    assert mapped.mapping.own_control == control and mapped.mapping.note == "covered by IAM-03"
    second = store(reg, "Globex Corp.", cuecs=[
        "User entities are responsible for periodically reviewing user access to the application.",
        "User entities should encrypt data before upload.",
    ], salt="2")
    new = reg.reviews.cuecs(second)
    assert [s.own_control.ref for s in new[0].suggestions] == ["IAM-03"]
    assert new[0].suggestions[0].score >= 80
    assert new[1].suggestions == []
    reg.reviews.map_cuec(cuecs[0].id, None, "frank")
    assert reg.reviews.cuecs(first)[0].mapping is None
    log = [(e.entity, e.field, e.old, e.new) for e in reg.audit.entries(first)]
    assert log == [("cuec", "own_control", None, "IAM-03"), ("cuec", "mapping_note", None, "covered by IAM-03"),
                   ("cuec", "own_control", "IAM-03", None), ("cuec", "mapping_note", "covered by IAM-03", None)]


def test_the_audit_log_cannot_be_edited_or_deleted(reg):
    report_id = store(reg)
    reg.reviews.update(report_id, "alice", status="in_review")
    conn = reg.connection
    for statement in ("UPDATE audit_log SET who = 'mallory'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"):
            conn.execute(statement)
    assert [e.who for e in reg.audit.entries()] == ["alice"]
