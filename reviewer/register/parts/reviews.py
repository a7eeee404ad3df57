"""`reg.reviews`: a report's review and sign-off, the triage of its exceptions, and CUECs mapped to own controls."""

from __future__ import annotations

from datetime import date
from typing import Any

from reviewer.register import mapping, review_dates, reviews
from reviewer.register.parts.base import Host, Part
from reviewer.register.parts.corrections import Corrections, UnconfirmedValues
from reviewer.register.records import DECIDED_STATUSES, CuecRecord, ExceptionRecord, OwnControl, Review, Triage


class Reviews(Part):
    def __init__(self, register: Host, corrections: Corrections) -> None:
        super().__init__(register)
        self._corrections = corrections

    # -- the review ----------------------------------------------------------------------------------------
    def get(self, report_id: int) -> Review:
        return reviews.get_review(self._conn, report_id)

    def update(self, report_id: int, who: str, **changes: Any) -> Review:
        return reviews.update_review(self._conn, report_id, who, changes)

    def sign_off(self, report_id: int, who: str, *, accept_unconfirmed: bool = False) -> Review:
        """Sign off a decided review. While low-confidence values are left to check (`reg.corrections.to_check`):
        `UnconfirmedValues`, unless `accept_unconfirmed` (the reviewer confirmed that choice, which the audit log
        records with the values left unconfirmed)."""
        decided = reviews.get_review(self._conn, report_id).status in DECIDED_STATUSES
        unsure = self._corrections.to_check(report_id) if decided else []  # undecided: the sign-off says why not
        if unsure and not accept_unconfirmed:
            raise UnconfirmedValues(unsure)
        review = reviews.sign_off(self._conn, report_id, who)
        if unsure:
            self._corrections.log_unconfirmed_sign_off(report_id, who, unsure)
        return review

    def due(self, today: date, within_days: int = review_dates.DUE_WITHIN_DAYS) -> list[review_dates.DueReview]:
        """Reviews whose next review falls by `today + within_days` (overdue ones too), earliest first."""
        return review_dates.due_reviews(self._conn, today, within_days)

    # -- exceptions and their triage -----------------------------------------------------------------------
    def exceptions(self, report_id: int) -> list[ExceptionRecord]:
        return reviews.exceptions(self._conn, report_id)

    def update_triage(self, exception_id: int, who: str, **changes: Any) -> Triage:
        return reviews.update_triage(self._conn, exception_id, who, changes)

    # -- CUECs and own controls ----------------------------------------------------------------------------
    def cuecs(self, report_id: int) -> list[CuecRecord]:
        return mapping.cuecs(self._conn, report_id)

    def own_controls(self) -> list[OwnControl]:
        return mapping.own_controls(self._conn)

    def add_own_control(self, ref: str, title: str, owner: str | None, who: str) -> OwnControl:
        return mapping.add_own_control(self._conn, ref, title, owner, who)

    def add_own_controls(self, rows: list[tuple[str, str, str | None]],
                         who: str) -> tuple[list[OwnControl], list[str]]:
        """Add many own controls (an imported list): the added ones, and the references already present."""
        return mapping.add_own_controls(self._conn, rows, who)

    def remove_own_controls(self, control_ids: list[int], who: str) -> None:
        """Take back added own controls (none may be mapped to a CUEC)."""
        mapping.remove_own_controls(self._conn, control_ids, who)

    def map_cuec(self, cuec_id: int, own_control_id: int | None, who: str, note: str | None = None) -> None:
        mapping.map_cuec(self._conn, cuec_id, own_control_id, who, note)
