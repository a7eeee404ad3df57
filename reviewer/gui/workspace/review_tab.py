"""The Review tab: the verdict (status), its rationale, the next review date, and the sign-off.

Each field is saved when its editing ends. The reviewer is the one name kept in the settings (shown here, and
set here or in Settings); the sign-off records that name and the time. The register refuses a sign-off until the
status is decided, and a later change to the review clears it. Setting the name enables the sign-off at once.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.dates import human_time
from reviewer.gui.text import plain_label
from reviewer.gui.workspace.links import CommitTextEdit
from reviewer.gui.workspace.reviewer_name import ReviewerNameRow
from reviewer.register.records import DECIDED_STATUSES, REVIEW_STATUSES, Review

STATUS_LABELS = {
    "new": "New",
    "in_review": "In review",
    "accepted": "Accepted",
    "accepted_with_conditions": "Accepted with conditions",
    "rejected": "Rejected",
}
NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum, shown as "not set"


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


class ReviewTab(QWidget):
    """`review_edited(field, old, new)` for each change; `sign_off_requested()` from the button;
    `name_requested()` when the reviewer wants to set their name."""

    review_edited = Signal(str, object, object)
    sign_off_requested = Signal()
    name_requested = Signal()

    def __init__(self, reviewer_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reviewer_name = reviewer_name
        self.review: Review | None = None
        self.status = QComboBox(self)
        for status in REVIEW_STATUSES:
            self.status.addItem(status_label(status), status)
        self.status.currentIndexChanged.connect(lambda _i: self._edited("status", self.status.currentData()))
        self.reviewer = ReviewerNameRow(self)
        self.reviewer.show_name(reviewer_name)
        self.reviewer.name_requested.connect(self.name_requested)
        self.rationale = CommitTextEdit(self)
        self.rationale.setPlaceholderText("why this verdict: scope against our use, exceptions, conditions")
        self.rationale.editing_finished.connect(
            lambda: self._edited("rationale", self.rationale.toPlainText().strip() or None))
        self.next_review = QDateEdit(self)
        self.next_review.setCalendarPopup(True)
        self.next_review.setDisplayFormat("yyyy-MM-dd")
        self.next_review.setMinimumDate(NO_DATE)
        self.next_review.setSpecialValueText("not set")
        self.next_review.setToolTip("When to review this vendor again. Left unset, the sign-off sets it a year on; "
                                    "the register reminds you when it is due (30 days before) or overdue.")
        self.next_review.editingFinished.connect(self._date_edited)
        self.next_review.calendarWidget().clicked.connect(lambda _d: self._date_edited())
        self.clear_date = QPushButton("Clear", self)
        self.clear_date.clicked.connect(lambda: self._edited("next_review_date", None))
        date_row = QHBoxLayout()
        date_row.addWidget(self.next_review, 1)
        date_row.addWidget(self.clear_date)

        self.sign_off_button = QPushButton("Sign off", self)
        self.sign_off_button.clicked.connect(self.sign_off_requested)
        self.sign_off_state = plain_label("", self)
        self.sign_off_state.setWordWrap(True)

        form = QFormLayout()
        form.addRow("Verdict", self.status)
        form.addRow("Reviewer", self.reviewer)
        form.addRow("Rationale", self.rationale)
        form.addRow("Next review", date_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sign_off_button)
        layout.addWidget(self.sign_off_state)
        layout.addStretch(1)

    def set_review(self, review: Review) -> None:
        self.review = review
        for w in (self.status, self.next_review):
            w.blockSignals(True)
        self.status.setCurrentIndex(max(0, self.status.findData(review.status)))
        if not self.rationale.hasFocus():  # never overwrite what is being typed
            self.rationale.set_text_quietly(review.rationale or "")
        self.next_review.setDate(self._qdate(review.next_review_date))
        for w in (self.status, self.next_review):
            w.blockSignals(False)
        self._show_sign_off(review)

    def set_reviewer_name(self, name: str) -> None:
        """The settings' name changed: show it, and what the sign-off now needs."""
        self.reviewer_name = name
        self.reviewer.show_name(name)
        if self.review is not None:
            self._show_sign_off(self.review)

    def _show_sign_off(self, review: Review) -> None:
        decided = review.status in DECIDED_STATUSES
        self.sign_off_button.setEnabled(decided and bool(self.reviewer_name))
        if review.signed_off_by:
            self.sign_off_state.setText(f"Signed off by {review.signed_off_by} on {human_time(review.signed_off_at)}.")
        elif not self.reviewer_name:
            self.sign_off_state.setText("Set your name (above, or in Settings) to sign off.")
        elif not decided:
            self.sign_off_state.setText("Choose a verdict (accept, accept with conditions or reject) to sign off.")
        else:
            self.sign_off_state.setText(f"Not signed off. Signing records {self.reviewer_name} and the time.")

    @staticmethod
    def _qdate(day: date | None) -> QDate:
        return QDate(day.year, day.month, day.day) if day else NO_DATE

    def _date_edited(self) -> None:
        qd = self.next_review.date()
        self._edited("next_review_date", None if qd == NO_DATE else date(qd.year(), qd.month(), qd.day()))

    def _edited(self, name: str, value: object) -> None:
        if self.review is None:
            return
        old = getattr(self.review, name)
        if old != value:
            self.review_edited.emit(name, old, value)
