"""The filter bar above the report table: text, framework, review status, currency status, full-text search."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from reviewer.gui.register_view.model import REVIEW_LABELS
from reviewer.gui.theme import STATUS_LABELS
from reviewer.register import ReportFilter

FRAMEWORKS = ("SOC 1", "SOC 2", "SOC 3")


def _combo(parent: QWidget, everything: str, choices: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox(parent)
    box.addItem(everything, None)
    for value, label in choices:
        box.addItem(label, value)
    return box


class FilterBar(QWidget):
    """Emits `filter_changed(ReportFilter)` (debounced for typing) and `search_requested(str)`."""

    filter_changed = Signal(object)
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText("Filter by vendor, framework or file")
        self.text.setClearButtonEnabled(True)
        self.framework = _combo(self, "All frameworks", [(f, f) for f in FRAMEWORKS])
        self.review_status = _combo(self, "Any review status", list(REVIEW_LABELS.items()))
        self.currency_status = _combo(self, "Any currency", list(STATUS_LABELS.items()))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search all reports' text (Ctrl+F)")
        self.search.setClearButtonEnabled(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.framework)
        layout.addWidget(self.review_status)
        layout.addWidget(self.currency_status)
        layout.addWidget(QLabel("Search:", self))
        layout.addWidget(self.search, 2)

        # typing filters after a pause, so that each key does not re-query the register
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply)
        self.text.textChanged.connect(self._debounce.start)
        for box in (self.framework, self.review_status, self.currency_status):
            box.currentIndexChanged.connect(self.apply)
        self.search.returnPressed.connect(lambda: self.search_requested.emit(self.search.text().strip()))

    def current_filter(self) -> ReportFilter | None:
        text = self.text.text().strip() or None
        report_filter = ReportFilter(
            text=text,
            framework=self.framework.currentData(),
            review_status=self.review_status.currentData(),
            currency_status=self.currency_status.currentData(),
        )
        return None if report_filter == ReportFilter() else report_filter

    def apply(self) -> None:
        self._debounce.stop()
        self.filter_changed.emit(self.current_filter())

    # the state kept across a lock (in memory only, never in settings: it may name vendors)
    def state(self) -> dict[str, object]:
        return {
            "text": self.text.text(),
            "framework": self.framework.currentIndex(),
            "review_status": self.review_status.currentIndex(),
            "currency_status": self.currency_status.currentIndex(),
            "search": self.search.text(),
        }

    def restore(self, state: dict[str, object]) -> None:
        widgets = (self.text, self.framework, self.review_status, self.currency_status, self.search)
        for w in widgets:
            w.blockSignals(True)
        self.text.setText(str(state.get("text", "")))
        for name, combo in (("framework", self.framework), ("review_status", self.review_status),
                            ("currency_status", self.currency_status)):
            index = state.get(name, 0)
            combo.setCurrentIndex(index if isinstance(index, int) else 0)
        self.search.setText(str(state.get("search", "")))
        for w in widgets:
            w.blockSignals(False)
