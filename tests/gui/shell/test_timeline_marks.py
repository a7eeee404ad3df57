"""The procurement timeline on the samples: a bridge letter after a Type 1 is drawn as a bridge (not a gap), the
next report expected is a painted diamond (not the letter X), and each badge reads the status with its date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor

from reviewer.gui.procurement import ProcurementView
from reviewer.gui.procurement.timeline import AXIS_HEIGHT, LANE_HEIGHT, MARKER_HALF

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
SAMPLE_DAY = date(2026, 11, 26)  # the samples' reference date (their manifest)
LARCHFIELD = "Larchfield Colocation, Inc."


def _view(qtbot, register, settings) -> ProcurementView:
    for name in ("larchfield-soc2-type1.pdf", "larchfield-bridge-letter.pdf", "wrenmoor-soc1-type2.pdf"):
        outcome = register.reports.import_file(SAMPLES / name)
        assert outcome.status == "imported", outcome.message
    view = ProcurementView(register, settings)
    view.today = SAMPLE_DAY
    qtbot.addWidget(view)
    view.resize(1280, 400)
    view.show()
    view.refresh()
    return view


def _lane(view, vendor):
    return next(lane for lane in view.timeline.lanes if lane.vendor == vendor)


def test_a_bridge_letter_after_a_type1_is_drawn_as_a_bridge(qtbot, empty_register, settings):
    view = _view(qtbot, empty_register, settings)
    lane = _lane(view, LARCHFIELD)
    # the Type 1 as of 31 Jan 2026, its letter covering to 30 Apr 2026, then nothing to the sample day
    assert [(s.kind, s.start, s.end) for s in lane.segments] == [
        ("report", date(2026, 1, 31), date(2026, 1, 31)), ("bridge", date(2026, 2, 1), date(2026, 4, 30)),
        ("gap", date(2026, 5, 1), SAMPLE_DAY)]
    assert lane.status == "bridge_lapsed" and lane.status_label == "Bridge letter lapsed on 29 Jul 2026"
    timeline = view.timeline
    image = timeline.grab().toImage()
    y = AXIS_HEIGHT + view.timeline.lanes.index(lane) * LANE_HEIGHT + LANE_HEIGHT // 2
    bridge = timeline.segment_colours()["bridge"]
    assert QColor(image.pixel(int(timeline.x_of(date(2026, 3, 15))), y)) == bridge
    assert QColor(image.pixel(int(timeline.x_of(date(2026, 8, 15))), y)) != bridge  # after it: the gap


def test_the_next_report_is_a_diamond_not_an_x(qtbot, empty_register, settings):
    view = _view(qtbot, empty_register, settings)
    timeline = view.timeline
    image = timeline.grab().toImage()
    marker = timeline.marker_colour()
    for lane in timeline.lanes:
        assert lane.next_report_expected is not None
        x = round(timeline.x_of(lane.next_report_expected))
        mid = AXIS_HEIGHT + timeline.lanes.index(lane) * LANE_HEIGHT + LANE_HEIGHT // 2
        # filled at its centre and along its vertical axis, nearly to its tips
        for dy in (0, -int(MARKER_HALF) + 3, int(MARKER_HALF) - 3):
            assert QColor(image.pixel(x, mid + dy)) == marker, (lane.vendor, dy)
        # the corners an X's arms would reach stay empty: a diamond narrows towards its tips
        for dx, dy in ((-4, -6), (4, -6), (-4, 6), (4, 6)):
            assert QColor(image.pixel(x + dx, mid + dy)) != marker, (lane.vendor, dx, dy)
        # and it is a filled shape: left and right of the centre too
        assert QColor(image.pixel(x - 3, mid)) == marker and QColor(image.pixel(x + 3, mid)) == marker


def test_the_status_filter_lists_statuses_worst_first(qtbot, empty_register, settings):
    view = _view(qtbot, empty_register, settings)
    names = [view.status.itemText(i) for i in range(1, view.status.count())]
    assert names[0] == "Overdue" and names[-1] == "Current"
    assert names.index("Stale: new report due") < names.index("Bridge letter lapsed") < \
        names.index("Bridge letter needed")
