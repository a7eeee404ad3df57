"""`VendorInsights`: the `Register` methods for a vendor's history, carried-forward reviews and trust signals.

A mixin, so that these entry points sit beside the rest of the facade without growing register.py; the work is
done in history.py, carry_forward.py, signals.py (with fingerprints.py) and firms.py, on the register's connection.
"""

from __future__ import annotations

from typing import Any

from reviewer.register import carry_forward, fingerprints, firms, history, insight_sheets, signals
from reviewer.register.errors import RegisterError


class VendorInsights:
    _conn: Any

    def _changed(self) -> None:  # the Register's own counts writes (its caches follow it)
        raise NotImplementedError

    def find_vendors(self, text: str) -> list[tuple[int, str]]:
        return history.find_vendor(self._conn, text)

    def vendor_history(self, vendor_id: int) -> history.VendorHistory:
        found = history.vendor_history(self._conn, vendor_id)
        if found is None:
            raise RegisterError(f"no vendor {vendor_id} in the register")
        return found

    def carried_forward(self, report_id: int) -> carry_forward.CarriedForward | None:
        return carry_forward.carried_forward(self._conn, report_id)

    def reuse_cuec_mappings(self, report_id: int, who: str) -> int:
        done = carry_forward.reuse_mappings(self._conn, report_id, who)
        self._changed()
        return done

    def signals(self) -> list[signals.Signal]:
        """Every trust signal; fingerprints missing for reports stored before them are computed first."""
        if fingerprints.ensure_fingerprints(self._conn):
            self._changed()
        return signals.all_signals(self._conn)

    def accepted_firms(self) -> list[str]:
        return firms.accepted_firms(self._conn)

    def set_accepted_firms(self, names: list[str], who: str) -> list[str]:
        result = firms.set_accepted_firms(self._conn, names, who)
        self._changed()
        return result

    def insight_sheets(self) -> list[tuple[str, tuple[str, ...], list[list[Any]]]]:
        """The XLSX export's "History" and "Signals" sheets: (title, header, rows)."""
        return [("History", insight_sheets.HISTORY_COLUMNS, insight_sheets.history_rows(self._conn)),
                ("Signals", insight_sheets.SIGNAL_COLUMNS, insight_sheets.signal_rows(self.signals()))]
