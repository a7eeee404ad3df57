"""`reg.audit`: the append-only log of every change a reviewer made (who, when, which field, old and new)."""

from __future__ import annotations

from reviewer.register import audit
from reviewer.register.parts.base import Part
from reviewer.register.records import AuditEntry


class Audit(Part):
    def entries(self, report_id: int | None = None) -> list[AuditEntry]:
        """The log, oldest first; only one report's entries when `report_id` is given."""
        return audit.entries(self._conn, report_id)
