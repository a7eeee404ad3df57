"""The register table's currency column: each status named for what to do (with its date), its meaning on hover,
its badge red for the worst, and sorting by it puts the worst first."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from reviewer.gui.main_window import MainWindow
from reviewer.gui.register_view.model import CURRENCY_COLUMN
from reviewer.gui.theme import badge_colours
from reviewer.register.currency import day_text, status_meaning
from tests.support.register import store

TODAY = date.today()


def _ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def _window(qtbot, register, settings) -> MainWindow:
    for vendor, days in (("Current Cloud, Inc.", 30), ("Overdue Ledger Corp.", 600), ("Stale Vault GmbH", 380),
                         ("Needs Letter LLC", 200)):
        store(register, vendor, period_start=_ago(days + 364), period_end=_ago(days), salt=vendor)
    settings.idle_lock_minutes = 0
    window = MainWindow(register, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def _column(model, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(row, CURRENCY_COLUMN).data(role) for row in range(model.rowCount())]


def test_sorting_the_currency_column_puts_overdue_first(qtbot, empty_register, settings):
    window = _window(qtbot, empty_register, settings)
    view = window.register_view
    view.table.sortByColumn(CURRENCY_COLUMN, Qt.SortOrder.AscendingOrder)
    shown = _column(view.model)
    assert shown[0] == f"Overdue: no report since {day_text(_ago(600))}"
    assert shown[1].startswith("Stale: new report due by ")
    assert shown[2] == "Bridge letter needed"
    assert shown[3] == "Current"
    meaning = status_meaning("next_report_expected", window.settings.thresholds)
    assert meaning.startswith("The next report should have been issued by now (12 months and 6 weeks")
    assert meaning in _column(view.model, Qt.ItemDataRole.ToolTipRole)[0]

    # the worst status's badge is painted red, the best green
    image = view.table.viewport().grab().toImage()
    rect = view.table.visualRect(view.model.index(0, CURRENCY_COLUMN))
    painted = QColor(image.pixel(rect.left() + 8, rect.center().y()))
    red = badge_colours("next_report_expected", view.table.palette())[0]
    assert painted == red and painted.red() > 150 and painted.green() < 80
    window.close()


def test_the_filter_lists_statuses_worst_first(qtbot, empty_register, settings):
    window = _window(qtbot, empty_register, settings)
    combo = window.register_view.filter_bar.currency_status
    names = [combo.itemText(i) for i in range(1, combo.count())]
    assert names == ["Overdue", "Stale: new report due", "Bridge letter lapsed", "Bridge letter leaves a gap",
                     "Bridge letter needed", "Bridged", "Current"]
    window.close()
