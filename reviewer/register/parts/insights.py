"""`reg.insights`: a vendor's history (history.py), reviews carried forward (carry_forward.py), trust signals
(signals.py, with fingerprints.py) and the accepted audit firms (firms.py)."""

from __future__ import annotations

from reviewer.register import carry_forward, firms, history, signals
from reviewer.register.errors import RegisterError
from reviewer.register.parts.base import Part


class Insights(Part):
    def find_vendors(self, text: str) -> list[tuple[int, str]]:
        """Vendors that `text` names: an id, the exact or normalised name, else the names containing it."""
        return history.find_vendor(self._conn, text)

    def vendor_history(self, vendor_id: int) -> history.VendorHistory:
        found = history.vendor_history(self._conn, vendor_id)
        if found is None:
            raise RegisterError(f"no vendor {vendor_id} in the register")
        return found

    def carried_forward(self, report_id: int) -> carry_forward.CarriedForward | None:
        return carry_forward.carried_forward(self._conn, report_id)

    def reuse_cuec_mappings(self, report_id: int, who: str) -> int:
        """Map this report's recurring, still unmapped CUECs as last year's were; returns how many."""
        return carry_forward.reuse_mappings(self._conn, report_id, who)

    def signals(self) -> list[signals.Signal]:
        """Every trust signal; fingerprints missing for reports stored before them are computed first."""
        signals.ensure_fingerprints(self._conn)
        return signals.all_signals(self._conn)

    def accepted_firms(self) -> list[str]:
        return firms.accepted_firms(self._conn)

    def set_accepted_firms(self, names: list[str], who: str) -> list[str]:
        return firms.set_accepted_firms(self._conn, names, who)
