"""The finance view: SOC 1 coverage of the fiscal year, bridge letters, control objectives and CUECs."""

from reviewer.gui.finance.view import FinanceView

__all__ = ["FinanceView"]
