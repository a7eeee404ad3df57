"""The procurement timeline, painted with QPainter (no QtCharts): a lane per vendor with its report periods,
bridge letters and gaps, a line for today, a diamond on the day the next report is expected, and the currency
status as a badge with that day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from reviewer.gui.procurement.lanes import Lane
from reviewer.gui.theme import badge_colours, is_dark
from reviewer.register.currency import day_text

NAME_WIDTH = 190
STATUS_WIDTH = 400  # the status label with its date, then the next report's day
LANE_HEIGHT = 30
AXIS_HEIGHT = 26
MARKER_HALF = 7.0  # the next-report diamond's half height


class TimelineWidget(QWidget):
    """Paints `lanes` between `start` and `end`; `vendor_activated(vendor_id)` on a double-click on a lane."""

    vendor_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lanes: list[Lane] = []
        self.today = date.today()
        self.start = date(self.today.year - 2, 1, 1)
        self.end = date(self.today.year + 1, 12, 31)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(NAME_WIDTH + STATUS_WIDTH + 300)

    def set_lanes(self, lanes: list[Lane], today: date) -> None:
        self.lanes = lanes
        self.today = today
        dates = [d for lane in lanes for s in lane.segments for d in (s.start, s.end)]
        dates += [lane.next_report_expected for lane in lanes if lane.next_report_expected]
        first = min(dates + [today])
        last = max(dates + [today])
        # whole years, and never less than three of them, so the axis reads at a glance
        self.start = date(max(first.year, last.year - 9), 1, 1)
        self.end = date(max(last.year, self.start.year + 2), 12, 31)
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(NAME_WIDTH + STATUS_WIDTH + 600, AXIS_HEIGHT + LANE_HEIGHT * max(1, len(self.lanes)) + 4)

    def _chart(self) -> QRectF:
        return QRectF(NAME_WIDTH, AXIS_HEIGHT, max(10, self.width() - NAME_WIDTH - STATUS_WIDTH), 1)

    def x_of(self, day: date) -> float:
        chart = self._chart()
        span = max(1, (self.end - self.start).days)
        return chart.left() + chart.width() * (day - self.start).days / span

    def lane_at(self, y: float) -> Lane | None:
        index = int((y - AXIS_HEIGHT) // LANE_HEIGHT)
        return self.lanes[index] if y >= AXIS_HEIGHT and 0 <= index < len(self.lanes) else None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        lane = self.lane_at(event.position().y())
        if lane is not None:
            self.vendor_activated.emit(lane.vendor_id)

    def segment_colours(self) -> dict[str, QColor]:
        dark = is_dark(self.palette())
        return {
            "report": QColor("#4caf50" if dark else "#388e3c"),
            "bridge": QColor("#64b5f6" if dark else "#1976d2"),
            "gap": QColor("#e57373" if dark else "#d32f2f"),
        }

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        pal = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        text = pal.color(QPalette.ColorRole.Text)
        grid = pal.color(QPalette.ColorRole.Mid)
        bottom = AXIS_HEIGHT + LANE_HEIGHT * len(self.lanes)

        # years along the top, with faint lines down
        for year in range(self.start.year, self.end.year + 1):
            x = self.x_of(date(year, 1, 1))
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, AXIS_HEIGHT - 4), QPointF(x, bottom))
            painter.setPen(text)
            painter.drawText(QRectF(x + 3, 2, 60, AXIS_HEIGHT - 6), Qt.AlignmentFlag.AlignVCenter, str(year))
        if not self.lanes:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dated reports match.")
            painter.end()
            return

        colours = self.segment_colours()
        metrics = painter.fontMetrics()
        for i, lane in enumerate(self.lanes):
            top = AXIS_HEIGHT + i * LANE_HEIGHT
            if i % 2:
                painter.fillRect(QRectF(0, top, self.width(), LANE_HEIGHT), pal.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(text)
            name = metrics.elidedText(lane.vendor, Qt.TextElideMode.ElideRight, NAME_WIDTH - 12)
            painter.drawText(QRectF(6, top, NAME_WIDTH - 12, LANE_HEIGHT), Qt.AlignmentFlag.AlignVCenter, name)
            for seg in lane.segments:
                x0, x1 = self.x_of(seg.start), self.x_of(seg.end)
                height = 14 if seg.kind == "report" else 8
                box = QRectF(x0, top + (LANE_HEIGHT - height) / 2, max(2.0, x1 - x0), height)
                colour = colours[seg.kind]
                if seg.kind == "gap":
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 70))
                    painter.drawRect(box)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
                    painter.drawRect(box)
                else:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(colour)
                    painter.drawRoundedRect(box, 3, 3)
            if lane.next_report_expected:
                self._paint_next_report(painter, self.x_of(lane.next_report_expected), top + LANE_HEIGHT / 2)
            self._paint_status(painter, lane, top, text)

        today_x = self.x_of(self.today)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
        painter.drawLine(QPointF(today_x, AXIS_HEIGHT - 6), QPointF(today_x, bottom))
        painter.end()

    def marker_colour(self) -> QColor:
        """The next-report marker's fill: the palette's text colour, so it reads on light and dark."""
        return self.palette().color(QPalette.ColorRole.Text)

    def _paint_next_report(self, painter: QPainter, x: float, mid: float) -> None:
        """A diamond on the day the next report is expected (a symbol, not a letter: it reads as a milestone)."""
        half = MARKER_HALF
        diamond = QPolygonF([QPointF(x, mid - half), QPointF(x + half * 0.8, mid), QPointF(x, mid + half),
                             QPointF(x - half * 0.8, mid)])
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1))  # a rim: it stands out on a bar
        painter.setBrush(self.marker_colour())
        painter.drawPolygon(diamond)

    def _paint_status(self, painter: QPainter, lane: Lane, top: float, text: QColor) -> None:
        left = self.width() - STATUS_WIDTH + 8
        background, foreground = badge_colours(lane.status, self.palette())
        metrics = painter.fontMetrics()
        label = metrics.elidedText(lane.status_label, Qt.TextElideMode.ElideRight, STATUS_WIDTH - 30)
        width = metrics.horizontalAdvance(label) + 14
        badge = QRectF(left, top + 6, width, LANE_HEIGHT - 12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(foreground)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        room = STATUS_WIDTH - width - 16
        if lane.next_report_expected and room > 40:
            painter.setPen(text)
            painter.drawText(QRectF(left + width + 6, top, room, LANE_HEIGHT), Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(f"next report {day_text(lane.next_report_expected)}",
                                                Qt.TextElideMode.ElideRight, int(room)))
