"""The vendor view: one vendor's reports oldest first, and what changed between each consecutive pair."""

from reviewer.gui.vendor_view.view import VendorView

__all__ = ["VendorView"]
