"""`reg.reviews`: a report's review and sign-off, the triage of its exceptions, and CUECs mapped to own controls."""

from __future__ import annotations

from typing import Any

from reviewer.register import mapping, reviews
from reviewer.register.parts.base import Part
from reviewer.register.records import CuecRecord, ExceptionRecord, OwnControl, Review, Triage


class Reviews(Part):
    # -- the review ----------------------------------------------------------------------------------------
    def get(self, report_id: int) -> Review:
        return reviews.get_review(self._conn, report_id)

    def update(self, report_id: int, who: str, **changes: Any) -> Review:
        return reviews.update_review(self._conn, report_id, who, changes)

    def sign_off(self, report_id: int, who: str) -> Review:
        return reviews.sign_off(self._conn, report_id, who)

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

    def map_cuec(self, cuec_id: int, own_control_id: int | None, who: str, note: str | None = None) -> None:
        mapping.map_cuec(self._conn, cuec_id, own_control_id, who, note)
