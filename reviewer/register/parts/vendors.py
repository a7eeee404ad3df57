"""`reg.vendors`: the vendors, settling which vendor a report belongs to, and the fourth parties not on file."""

from __future__ import annotations

from reviewer.register import audit, reports
from reviewer.register import vendors as vendor_rules
from reviewer.register.errors import RegisterError
from reviewer.register.parts.base import Part
from reviewer.register.queries import fourth_parties_missing, vendor_list
from reviewer.register.records import FourthPartyGap, VendorRecord


class Vendors(Part):
    def all(self) -> list[VendorRecord]:
        return vendor_list(self._conn)

    def fourth_parties_missing(self) -> list[FourthPartyGap]:
        return fourth_parties_missing(self._conn)

    def confirm(self, report_id: int, vendor_id: int | None, new_name: str | None = None, *,
                who: str = "unknown") -> int:
        """Settle a report's vendor: an existing vendor, or a new one named `new_name` (default: the service
        organization's name as read). Returns the vendor id."""
        with self._register.transaction() as conn:
            row = conn.execute(
                "SELECT r.vendor_id, v.name, r.service_organization FROM reports r "
                "LEFT JOIN vendors v ON v.id = r.vendor_id WHERE r.id = ?", (report_id,),
            ).fetchone()
            if row is None:
                raise RegisterError(f"no report {report_id} in the register")
            old_id, old_name, read_name = row
            if vendor_id is None:
                name = (new_name or read_name or "").strip()
                if not name:
                    raise RegisterError("give the new vendor a name")
                vendor_id = vendor_rules.insert_vendor(conn, name, audit.utc_now())
            elif conn.execute("SELECT 1 FROM vendors WHERE id = ?", (vendor_id,)).fetchone() is None:
                raise RegisterError(f"no vendor {vendor_id} in the register")
            conn.execute("UPDATE reports SET vendor_id = ?, vendor_certain = 1, vendor_score = 100, "
                         "bridges_report_id = CASE WHEN document_type = 'bridge_letter' THEN NULL "
                         "ELSE bridges_report_id END WHERE id = ?", (vendor_id, report_id))
            new_label = conn.execute("SELECT name FROM vendors WHERE id = ?", (vendor_id,)).fetchone()[0]
            if old_id != vendor_id:
                audit.record(conn, who=who, report_id=report_id, entity="report", entity_id=report_id,
                             field="vendor", old=old_name, new=new_label)
                if old_id is not None and not conn.execute(
                        "SELECT 1 FROM reports WHERE vendor_id = ?", (old_id,)).fetchone():
                    conn.execute("UPDATE subservice SET linked_vendor_id = NULL WHERE linked_vendor_id = ?",
                                 (old_id,))
                    conn.execute("DELETE FROM vendors WHERE id = ?", (old_id,))
                reports.link_bridges(conn, report_id)
        return vendor_id
