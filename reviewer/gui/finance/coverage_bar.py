"""SOC 1 coverage bars, painted with QPainter: one row per report, the fiscal year as the bar's full width,
the report's overlap, the bridged days after it, and the days left uncovered, named as date ranges under the bar.
A Type 1 report covers no period: it shows as a tick on its as-of day, not as a bar."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from reviewer.gui.text import tooltip_text
from reviewer.gui.theme import is_dark
from reviewer.register.coverage import ranges_text

NAME_WIDTH = 200  # at least; up to MAX_NAME_WIDTH when the vendors' names need it
MAX_NAME_WIDTH = 340
MIN_BAR_WIDTH = 200
ROW_HEIGHT = 44  # the bar, and under it the uncovered dates
BAR_TOP, BAR_HEIGHT = 6, 14


class CoverageChart(QWidget):
    """Paints `rows` (register Soc1Coverage records); `report_selected(report_id)` on a click."""

    report_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.selected: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(self.name_width() + self.figures_width() + MIN_BAR_WIDTH)

    def set_rows(self, rows: list[Any]) -> None:
        self.rows = rows
        self.setMinimumWidth(self.name_width() + self.figures_width() + MIN_BAR_WIDTH)
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.name_width() + self.figures_width() + 500, ROW_HEIGHT * max(1, len(self.rows)) + 4)

    @staticmethod
    def figures(row: Any) -> str:
        return str(row.summary())

    @staticmethod
    def uncovered_line(row: Any) -> str:
        return f"Uncovered: {ranges_text(row.uncovered_ranges)}"

    def bar_rect(self, index: int) -> QRectF:
        """Where row `index`'s bar is painted (the fiscal year's full width)."""
        name_width, figures_width = self.name_width(), self.figures_width()
        return QRectF(name_width, index * ROW_HEIGHT + BAR_TOP, max(20, self.width() - name_width - figures_width),
                      BAR_HEIGHT)

    def name_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(row.vendor or "(unknown vendor)") for row in self.rows), default=0)
        return max(NAME_WIDTH, min(MAX_NAME_WIDTH, widest + 20))

    def figures_width(self) -> int:
        """The widest row's figures in this font (they are never cut: the bar gives way)."""
        metrics = self.fontMetrics()
        sample = "Type 1 as of 30 Sep 2026: design only, no period covered"
        widest = max((metrics.horizontalAdvance(self.figures(row)) for row in self.rows),
                     default=metrics.horizontalAdvance(sample))
        return widest + 20

    def event(self, event: QEvent) -> bool:
        """On hover, a row's figures and its uncovered dates in full (the line under the bar may be cut)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), tooltip_text(text), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, y: float) -> str | None:
        index = int(y // ROW_HEIGHT)
        if not 0 <= index < len(self.rows):
            return None
        row = self.rows[index]
        return f"{row.vendor or '(unknown vendor)'}\n{self.figures(row)}\n{self.uncovered_line(row)}"

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = int(event.position().y() // ROW_HEIGHT)
        if 0 <= index < len(self.rows) and self.rows[index].report_id is not None:
            self.selected = int(self.rows[index].report_id)
            self.update()
            self.report_selected.emit(self.selected)

    def colours(self) -> dict[str, QColor]:
        dark = is_dark(self.palette())
        return {
            "covered": QColor("#4caf50" if dark else "#388e3c"),
            "bridged": QColor("#64b5f6" if dark else "#1976d2"),
            "uncovered": QColor("#e57373" if dark else "#d32f2f"),
        }

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        pal = self.palette()
        painter = QPainter(self)
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        text = pal.color(QPalette.ColorRole.Text)
        if not self.rows:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No SOC 1 report overlaps this fiscal year.")
            painter.end()
            return
        colours = self.colours()
        name_width = self.name_width()
        bar_left = name_width
        figures_width = self.figures_width()
        bar_width = max(20, self.width() - name_width - figures_width)
        metrics = painter.fontMetrics()
        for i, row in enumerate(self.rows):
            top = i * ROW_HEIGHT
            if row.report_id is not None and row.report_id == self.selected:
                painter.fillRect(QRectF(0, top, self.width(), ROW_HEIGHT), pal.color(QPalette.ColorRole.Highlight))
                row_text = pal.color(QPalette.ColorRole.HighlightedText)
            else:
                row_text = text
            painter.setPen(row_text)
            name = metrics.elidedText(row.vendor or "(unknown vendor)", Qt.TextElideMode.ElideRight, name_width - 12)
            painter.drawText(QRectF(6, top + BAR_TOP - 4, name_width - 12, BAR_HEIGHT + 8),
                             Qt.AlignmentFlag.AlignVCenter, name)

            days = max(1, (row.fiscal_end - row.fiscal_start).days + 1)

            def x_of(day: date, days: int = days, row: Any = row) -> float:
                return bar_left + bar_width * (day - row.fiscal_start).days / days

            bar = self.bar_rect(i)
            painter.setPen(Qt.PenStyle.NoPen)
            # an opaque underlay: on a selected row the translucent "uncovered" red must not mix with the highlight
            painter.setBrush(pal.color(QPalette.ColorRole.Base))
            painter.drawRect(bar)
            painter.setBrush(QColor(colours["uncovered"].red(), colours["uncovered"].green(),
                                    colours["uncovered"].blue(), 90))
            painter.drawRect(bar)
            if row.point_in_time and row.fiscal_start <= row.as_of <= row.fiscal_end:
                # a Type 1: the one day its design was tested, a tick across the bar, no covered span
                painter.setPen(QPen(row_text, 2))
                x = x_of(row.as_of)
                painter.drawLine(QPointF(x, bar.top() - 3), QPointF(x, bar.bottom() + 3))
                painter.setPen(Qt.PenStyle.NoPen)
            if row.overlap_days:
                start = max(row.period_start, row.fiscal_start)
                end = min(row.period_end, row.fiscal_end) + timedelta(days=1)
                painter.setBrush(colours["covered"])
                painter.drawRect(QRectF(x_of(start), bar.top(), x_of(end) - x_of(start), bar.height()))
            if row.bridged_days:
                start = max(row.period_end + timedelta(days=1), row.fiscal_start)
                end = start + timedelta(days=row.bridged_days)
                painter.setBrush(colours["bridged"])
                painter.drawRect(QRectF(x_of(start), bar.top(), x_of(end) - x_of(start), bar.height()))
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(bar)

            painter.setPen(row_text)
            painter.drawText(QRectF(bar_left + bar_width + 8, top + BAR_TOP - 4, figures_width - 10, BAR_HEIGHT + 8),
                             Qt.AlignmentFlag.AlignVCenter, self.figures(row))
            line = metrics.elidedText(self.uncovered_line(row), Qt.TextElideMode.ElideRight,
                                      int(bar_width + figures_width - 10))
            painter.drawText(QRectF(bar_left, bar.bottom() + 2, bar_width + figures_width, ROW_HEIGHT - BAR_TOP
                                    - BAR_HEIGHT - 2), Qt.AlignmentFlag.AlignVCenter, line)
        painter.end()
