"""`ViewerToolbar`: the row of controls above the pages (side panel, page, zoom, find). It only builds them; the
viewer connects them to what they do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSpinBox, QToolButton, QWidget


class ViewerToolbar(QWidget):
    """The viewer's controls; each is an attribute the viewer wires up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel_button = self._button("\u2630", "Show or hide the page thumbnails and the outline (F4)")
        self.panel_button.setCheckable(True)
        self.prev_button = self._button("\u25b2", "Previous page (PgUp)")
        self.next_button = self._button("\u25bc", "Next page (PgDn)")
        self.page_spin = QSpinBox(self)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setAccessibleName("Page")
        self.page_total = QLabel("/ 0", self)
        self.zoom_out_button = self._button("\u2212", "Zoom out (Ctrl+-)")
        self.zoom_label = QLabel("100%", self)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setToolTip("Zoom")
        self.zoom_in_button = self._button("+", "Zoom in (Ctrl++)")
        self.fit_button = self._button("\u2194", "Fit width (Ctrl+0)")
        # room for the widest values, so a crowded tool bar never truncates them ("113!")
        metrics = self.zoom_label.fontMetrics()
        self.zoom_label.setMinimumWidth(metrics.horizontalAdvance("8888%") + 6)
        self.page_total.setMinimumWidth(metrics.horizontalAdvance("/ 8888") + 6)
        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText("Find in document (Ctrl+F)")
        self.search_field.setToolTip("Enter or F3: next match; Shift+Enter or Shift+F3: previous; Esc: close find")
        self.search_field.setClearButtonEnabled(True)
        self.find_previous_button = self._button("\u2191", "Find previous (Shift+F3)")
        self.find_next_button = self._button("\u2193", "Find next (F3)")
        self.search_status = QLabel("", self)
        self.search_status.setMinimumWidth(metrics.horizontalAdvance("888 of 8888") + 6)

        bar = QHBoxLayout(self)
        bar.setContentsMargins(4, 2, 4, 2)
        for w in (self.panel_button, self.prev_button, self.next_button, self.page_spin, self.page_total):
            bar.addWidget(w)
        bar.addSpacing(12)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.search_field, 1)
        for w in (self.find_previous_button, self.find_next_button, self.search_status):
            bar.addWidget(w)

    def _button(self, text: str, tip: str) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        return b
