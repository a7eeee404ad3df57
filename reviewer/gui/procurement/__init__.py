"""The procurement view: report periods, bridge letters and gaps per vendor against today, and exports."""

from reviewer.gui.procurement.view import ProcurementView

__all__ = ["ProcurementView"]
