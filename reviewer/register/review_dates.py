"""Next-review dates: the default one (a year after sign-off), which reviews are due or overdue, and the reminder
line the window shows at start. Pure rules plus one query; the date itself is kept in `reviews.next_review_date`
(set on the Review tab, or by the sign-off when the reviewer left it empty).

A review counts while its report is the vendor's latest SOC report: once a newer report is on file, that one's
review is the one to keep up. Due: the next-review date is today or within `DUE_WITHIN_DAYS`; overdue: it passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from reviewer.register.currency import add_months
from reviewer.register.dbapi import Connection

DUE_WITHIN_DAYS = 30
REVIEW_INTERVAL_MONTHS = 12  # the default next review: a year after the sign-off

Reminder = Literal["overdue", "due"]

# rv: the reviews row, r: its report (report listings and the reminder use the same condition)
STILL_COUNTS = ("NOT EXISTS (SELECT 1 FROM reports newer WHERE newer.vendor_id = r.vendor_id "
                "AND newer.document_type = 'soc_report' AND newer.effective_period_end > r.effective_period_end)")
DUE_BY_SQL = f"(rv.next_review_date IS NOT NULL AND rv.next_review_date <= ? AND {STILL_COUNTS})"


def default_next_review(signed_off: date) -> date:
    return add_months(signed_off, REVIEW_INTERVAL_MONTHS)


def due_by(today: date, within_days: int = DUE_WITHIN_DAYS) -> date:
    """The last next-review date that counts as due on `today`."""
    return today + timedelta(days=within_days)


def reminder(next_review: date | None, today: date, within_days: int = DUE_WITHIN_DAYS) -> Reminder | None:
    """"overdue" once the date has passed, "due" from `within_days` before it, else None."""
    if next_review is None:
        return None
    if next_review < today:
        return "overdue"
    return "due" if next_review <= due_by(today, within_days) else None


@dataclass(frozen=True)
class DueReview:
    report_id: int
    vendor: str | None
    file_name: str
    next_review_date: date
    overdue: bool


def due_reviews(conn: Connection, today: date, within_days: int = DUE_WITHIN_DAYS) -> list[DueReview]:
    """The reviews due by `today + within_days` (overdue ones included), earliest first."""
    rows = conn.execute(
        "SELECT r.id, v.name, r.file_name, rv.next_review_date FROM reviews rv JOIN reports r ON r.id = rv.report_id "
        f"LEFT JOIN vendors v ON v.id = r.vendor_id WHERE {DUE_BY_SQL} ORDER BY rv.next_review_date, r.id",
        (due_by(today, within_days).isoformat(),),
    )
    out = []
    for report_id, vendor, file_name, text in rows:
        when = date.fromisoformat(text)
        out.append(DueReview(report_id, vendor, file_name, when, when < today))
    return out


def reminder_text(due: list[DueReview]) -> str:
    """"3 reviews are due, 1 overdue" (the count includes the overdue ones); "" when none is due."""
    if not due:
        return ""
    overdue = sum(1 for d in due if d.overdue)
    head = "1 review is due" if len(due) == 1 else f"{len(due)} reviews are due"
    return head + (f", {overdue} overdue" if overdue else "")
