"""The procurement timeline and the finance coverage, on the corpus's reports judged on fixed days."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor

from reviewer.gui.finance.coverage_bar import ROW_HEIGHT
from reviewer.gui.procurement.timeline import AXIS_HEIGHT, LANE_HEIGHT

# on this day the corpus's reports are in several currency states (rules: reviewer.register.currency)
PROCUREMENT_DAY = date(2025, 5, 20)


def test_procurement_shows_each_vendors_status_periods_and_gaps(qtbot, window):
    view = window.procurement
    view.today = PROCUREMENT_DAY
    window.tabs.setCurrentWidget(view)
    view.refresh()
    statuses = view.shown_statuses()
    # period ended 2024-03-31: a year and six weeks later (2025-05-12) the next report is overdue
    assert statuses["Copperleaf Payroll Services, Inc."] == "next_report_expected"
    # a Type 1 as of 2024-04-30: more than 12 months, less than 12 months + 6 weeks ago
    assert statuses["Riverbend Escrow Services LLC"] == "stale"
    # period ended 2025-03-31: within three months
    assert statuses["Thistledown Telematics Corp."] == "current"
    lane = next(lane for lane in view.timeline.lanes if lane.vendor == "Thistledown Telematics Corp.")
    assert [(s.kind, s.start, s.end) for s in lane.segments] == [
        ("report", date(2024, 4, 1), date(2025, 3, 31)), ("gap", date(2025, 4, 1), PROCUREMENT_DAY)]
    assert lane.next_report_expected == date(2026, 5, 12)
    # a bridge letter to 2025-02-15 covers the days after the period; the gap starts the day after it
    kestrel = next(lane for lane in view.timeline.lanes if lane.vendor == "Kestrel Ridge Software, Inc.")
    assert [(s.kind, s.start, s.end) for s in kestrel.segments] == [
        ("report", date(2023, 12, 1), date(2024, 11, 30)), ("bridge", date(2024, 12, 1), date(2025, 2, 15)),
        ("gap", date(2025, 2, 16), PROCUREMENT_DAY)]

    # the painted lane: the report period's colour in its bar, the gap's tint after it
    image = view.timeline.grab().toImage()
    row = view.timeline.lanes.index(lane)
    y = AXIS_HEIGHT + row * LANE_HEIGHT + LANE_HEIGHT // 2
    report_x = int(view.timeline.x_of(date(2024, 10, 1)))
    assert QColor(image.pixel(report_x, y)) == view.timeline.segment_colours()["report"]
    gap_x = int(view.timeline.x_of(date(2025, 5, 1)))
    assert QColor(image.pixel(gap_x, y)) != QColor(image.pixel(report_x, y))


def test_procurement_filters_by_status(qtbot, window):
    view = window.procurement
    view.today = PROCUREMENT_DAY
    view.refresh()
    everyone = view.shown_statuses()
    view.status.setCurrentIndex(view.status.findData("next_report_expected"))
    shown = view.shown_statuses()
    assert shown and set(shown.values()) == {"next_report_expected"}
    assert set(shown) == {v for v, s in everyone.items() if s == "next_report_expected"}
    assert view.summary.text() == f"{len(shown)} of {len(everyone)} vendors"


def test_procurement_exports_the_register(qtbot, window, tmp_path):
    csv_paths = window.procurement.export(tmp_path / "register.csv")
    text = csv_paths[0].read_text(encoding="utf-8")
    assert "Copperleaf Payroll Services, Inc." in text
    [xlsx] = window.procurement.export(tmp_path / "register.xlsx")
    assert xlsx.read_bytes()[:2] == b"PK"


def test_finance_shows_soc1_coverage_of_the_fiscal_year(qtbot, window):
    view = window.finance
    window.settings.fiscal_year_end = (12, 31)
    window.tabs.setCurrentWidget(view)
    view.year.setValue(2024)
    rows = {c.vendor: c for c in view.chart.rows}
    # 2023-04-01..2024-03-31 covers Jan-Mar of 2024 (91 days of a 366-day year): under six months
    copperleaf = rows["Copperleaf Payroll Services, Inc."]
    assert (copperleaf.overlap_days, copperleaf.uncovered_days, copperleaf.at_least_six_months) == (91, 275, False)
    # 2023-07-01..2024-06-30 covers Jan-Jun: six months
    wrenfield = rows["Wrenfield Treasury Systems, Inc."]
    assert (wrenfield.overlap_days, wrenfield.uncovered_days, wrenfield.at_least_six_months) == (182, 184, True)
    assert "2 SOC 1 reports" in view.summary.text() or "SOC 1 report" in view.summary.text()
    assert all(c.fiscal_start == date(2024, 1, 1) for c in view.chart.rows)

    # a click on Wrenfield's row lists its control objectives and CUECs from the stored extraction
    index = view.chart.rows.index(wrenfield)
    from PySide6.QtCore import QPoint, Qt

    qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton, pos=QPoint(300, index * ROW_HEIGHT + 15))
    assert view.report_id == wrenfield.report_id
    stored = window.register.reports.get(wrenfield.report_id).extraction.report
    assert stored.control_objectives
    assert [view.objectives.topLevelItem(i).text(0) for i in range(view.objectives.topLevelItemCount())] == \
        [o.id for o in stored.control_objectives]
    assert view.cuecs.topLevelItemCount() == len(stored.cuecs)


def test_finance_follows_the_fiscal_year_setting(qtbot, window):
    view = window.finance
    window.settings.fiscal_year_end = (6, 30)
    view.year.setValue(2024)
    view.refresh()
    wrenfield = next(c for c in view.chart.rows if c.vendor == "Wrenfield Treasury Systems, Inc.")
    # fiscal year 2023-07-01..2024-06-30 is exactly the report's period
    assert (wrenfield.fiscal_start, wrenfield.overlap_days, wrenfield.uncovered_days) == (date(2023, 7, 1), 366, 0)


def test_finance_gives_the_lists_the_room_and_shows_whole_figures_and_true_colours(qtbot, window):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor

    view = window.finance
    window.settings.fiscal_year_end = (12, 31)
    window.tabs.setCurrentWidget(view)
    view.year.setValue(2024)
    qtbot.waitUntil(lambda: view.chart.rows and view.chart.isVisible())
    chart = view.chart
    # every row's figures fit beside the bar: none is cut ("✓ 6+ mont")
    metrics = chart.fontMetrics()
    assert all(metrics.horizontalAdvance(chart.figures(row)) + 10 <= chart.figures_width() for row in chart.rows)
    assert chart.width() >= chart.name_width() + chart.figures_width() + 100
    # no empty band: the details line sits right under the chart, the lists take the rest of the height
    chart_bottom = view.chart_scroll.mapTo(view, QPoint(0, view.chart_scroll.height())).y()
    details_top = view.details.mapTo(view, QPoint(0, 0)).y()
    assert 0 <= details_top - chart_bottom < 30
    assert view.objectives.height() > view.height() // 3

    # a selected row keeps the bar's colours: the uncovered part stays a light red, not red mixed with blue
    under = next(i for i, row in enumerate(chart.rows) if row.uncovered_after_bridge and row.report_id)
    bar_middle = int(chart.bar_rect(under).center().y())
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(5, bar_middle))
    image = chart.grab().toImage()
    right_end = QColor(image.pixel(chart.width() - chart.figures_width() - 4, bar_middle))
    assert right_end.red() > right_end.blue() + 40 and right_end.red() > right_end.green() + 40
