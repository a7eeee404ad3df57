"""Next-review dates: the sign-off sets a year on when none was chosen, and the register knows which reviews are
due (within 30 days) or overdue, counting only each vendor's latest report."""

from __future__ import annotations

from datetime import date, timedelta

from reviewer.register import ReportFilter
from reviewer.register.currency import add_months
from reviewer.register.review_dates import due_by, reminder, reminder_text
from tests.support.register import store

TODAY = date.today()


def test_the_sign_off_sets_the_next_review_a_year_on_when_none_was_set(reg):
    report = store(reg, "Acme Cloud, Inc.")
    reg.reviews.update(report, "carol", status="accepted")
    signed = reg.reviews.sign_off(report, "carol", accept_unconfirmed=True)
    signed_day = date.fromisoformat(signed.signed_off_at[:10])
    assert signed.next_review_date == add_months(signed_day, 12)
    entry = [e for e in reg.audit.entries(report) if e.field == "next_review_date"][-1]
    assert (entry.who, entry.old, entry.new) == ("carol", None, signed.next_review_date.isoformat())


def test_a_chosen_next_review_date_is_kept_at_sign_off(reg):
    report = store(reg, "Acme Cloud, Inc.")
    chosen = TODAY + timedelta(days=180)
    reg.reviews.update(report, "carol", status="accepted", next_review_date=chosen)
    assert reg.reviews.sign_off(report, "carol", accept_unconfirmed=True).next_review_date == chosen


def test_reminders_on_both_sides_of_their_thresholds():
    assert reminder(None, TODAY) is None
    assert reminder(TODAY - timedelta(days=1), TODAY) == "overdue"
    assert reminder(TODAY, TODAY) == "due"
    assert reminder(TODAY + timedelta(days=30), TODAY) == "due"
    assert reminder(TODAY + timedelta(days=31), TODAY) is None


def test_due_reviews_count_the_vendors_latest_reports_only(reg):
    def report_due(vendor: str, days: int, end: date = date(2025, 12, 31)) -> int:
        rid = store(reg, vendor, period_start=end - timedelta(days=364), period_end=end, salt=f"{vendor}{end}")
        reg.reviews.update(rid, "carol", next_review_date=TODAY + timedelta(days=days))
        return rid

    overdue = report_due("Overdue Ledger Corp.", -10)
    soon = report_due("Soon Cloud, Inc.", 12)
    today = report_due("Today Payroll LLC", 0)
    report_due("Later Vault GmbH", 90)
    store(reg, "Never Set Ltd", salt="never")
    # an older report of a vendor with a newer one on file: its review is not the one to keep up
    report_due("Renewed Escrow SA", -200, end=date(2024, 12, 31))
    renewed = store(reg, "Renewed Escrow SA", period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
                    salt="renewed")
    due = reg.reviews.due(TODAY)
    assert [d.report_id for d in due] == [overdue, today, soon]
    assert [d.overdue for d in due] == [True, False, False]
    assert due[0].vendor == "Overdue Ledger Corp." and due[0].next_review_date == TODAY - timedelta(days=10)
    assert reminder_text(due) == "3 reviews are due, 1 overdue"
    assert reminder_text(due[1:2]) == "1 review is due" and reminder_text([]) == ""
    listed = reg.reports.rows(ReportFilter(review_due_by=due_by(TODAY)), order_by="next_review_date")
    assert [r.id for r in listed] == [overdue, today, soon]
    assert reg.reports.count(ReportFilter(review_due_by=due_by(TODAY))) == 3
    assert renewed not in {r.id for r in listed}
