"""SOC 1 coverage bars, painted with QPainter: one row per report, the fiscal year as the bar's full width,
the report's overlap, the bridged days after it, and the days left uncovered."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from reviewer.gui.theme import is_dark

NAME_WIDTH = 200  # at least; up to MAX_NAME_WIDTH when the vendors' names need it
MAX_NAME_WIDTH = 340
MIN_BAR_WIDTH = 200
ROW_HEIGHT = 30


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
        mark = "\u2713 6+ months" if row.at_least_six_months else "\u2717 under 6 months"
        return (f"{row.overlap_days} d covered, {row.bridged_days} bridged, "
                f"{row.uncovered_after_bridge} uncovered  {mark}")

    def name_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(row.vendor or "(unknown vendor)") for row in self.rows), default=0)
        return max(NAME_WIDTH, min(MAX_NAME_WIDTH, widest + 20))

    def figures_width(self) -> int:
        """The widest row's figures in this font (they are never cut: the bar gives way)."""
        metrics = self.fontMetrics()
        sample = "365 d covered, 365 bridged, 365 uncovered  \u2717 under 6 months"
        widest = max((metrics.horizontalAdvance(self.figures(row)) for row in self.rows),
                     default=metrics.horizontalAdvance(sample))
        return widest + 20

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
            painter.drawText(QRectF(6, top, name_width - 12, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, name)

            days = max(1, (row.fiscal_end - row.fiscal_start).days + 1)

            def x_of(day: date, days: int = days, row: Any = row) -> float:
                return bar_left + bar_width * (day - row.fiscal_start).days / days

            bar = QRectF(bar_left, top + 8, bar_width, ROW_HEIGHT - 16)
            painter.setPen(Qt.PenStyle.NoPen)
            # an opaque underlay: on a selected row the translucent "uncovered" red must not mix with the highlight
            painter.setBrush(pal.color(QPalette.ColorRole.Base))
            painter.drawRect(bar)
            painter.setBrush(QColor(colours["uncovered"].red(), colours["uncovered"].green(),
                                    colours["uncovered"].blue(), 90))
            painter.drawRect(bar)
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
            painter.drawText(QRectF(bar_left + bar_width + 8, top, figures_width - 10, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter, self.figures(row))
        painter.end()
