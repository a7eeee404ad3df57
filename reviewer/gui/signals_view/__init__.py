"""The Signals view: near-copied reports of different vendors, implausible timelines, auditors off the list."""

from reviewer.gui.signals_view.view import SignalsView

__all__ = ["SignalsView"]
