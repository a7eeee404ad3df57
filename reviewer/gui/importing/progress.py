"""The import window: a progress bar per file, Cancel, and the summary (imported, duplicates, failed and why)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.text import plain_label, tooltip_text
from reviewer.gui.theme import show_as_error

STATUS_TEXT = {
    "imported": "Imported",
    "duplicate": "Duplicate (already in the register)",
    "failed": "Failed",
    "password_needed": "Needs a password",
    "cancelled": "Cancelled",
}
FAILED = frozenset({"failed", "password_needed"})  # the outcomes shown in the error colour


class FileRow:
    """The name, bar and status of one file in the grid."""

    def __init__(self, grid: QGridLayout, row: int, path: Path, parent: QWidget) -> None:
        self.name = plain_label(path.name, parent)
        self.name.setToolTip(tooltip_text(str(path)))
        self.bar = QProgressBar(parent)
        self.bar.setRange(0, 0)  # busy until the first page count arrives
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.status = plain_label("Waiting", parent)
        self.status.setWordWrap(True)
        grid.addWidget(self.name, row, 0)
        grid.addWidget(self.bar, row, 1)
        grid.addWidget(self.status, row, 2)


class ImportProgressDialog(QDialog):
    """Non-modal. `cancel_requested` when the user cancels; the controller fills rows and the summary."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importing reports")
        self.resize(640, 360)
        self.rows: dict[Path, FileRow] = {}
        self.outcomes: dict[Path, tuple[str, str]] = {}
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 2)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.summary = plain_label("", self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("summary")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button = QPushButton("Close", self)
        self.close_button.clicked.connect(self.hide)
        self.close_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

    def reset(self) -> None:
        """Forget the last batch: its rows and outcomes."""
        self.rows.clear()
        self.outcomes.clear()
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.rows:
                self.rows[path] = FileRow(self.grid, len(self.rows), path, self.body)
        self.cancel_button.setEnabled(True)
        self.close_button.setEnabled(False)
        show_as_error(self.summary, False)
        self.summary.setText(f"Importing {len(self.rows)} file{'s' if len(self.rows) != 1 else ''}\u2026")

    def file_started(self, path: Path) -> None:
        row = self.rows[path]
        row.bar.show()
        row.bar.setRange(0, 0)
        row.status.setText("Reading\u2026")

    def file_progress(self, path: Path, done: int, total: int) -> None:
        row = self.rows.get(path)
        if row is None or total <= 0:
            return
        row.bar.setRange(0, total)
        row.bar.setValue(min(done, total))

    def file_waiting(self, path: Path, text: str) -> None:
        self.rows[path].status.setText(text)

    def file_done(self, path: Path, status: str, message: str) -> None:
        row = self.rows[path]
        self.outcomes[path] = (status, message)
        row.bar.hide()
        text = STATUS_TEXT.get(status, status)
        show_as_error(row.status, status in FAILED)
        row.status.setText(f"{text}: {message}" if message and status != "imported" else text)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.summary.setText("Cancelling\u2026")
        self.cancel_requested.emit()

    def counts(self) -> Counter[str]:
        return Counter(status for status, _ in self.outcomes.values())

    def failures(self) -> int:
        """How many files of the batch failed (a password not given counts)."""
        return sum(1 for status, _ in self.outcomes.values() if status in FAILED)

    def finish(self) -> None:
        """Show the summary: counts, and each failed file with why."""
        counts = self.counts()
        duplicates = counts["duplicate"]
        parts = [f"{counts['imported']} imported", f"{duplicates} duplicate{'s' if duplicates != 1 else ''}",
                 f"{counts['failed'] + counts['password_needed']} failed"]
        if counts["cancelled"]:
            parts.append(f"{counts['cancelled']} cancelled")
        lines = [", ".join(parts) + "."]
        for path, (status, message) in self.outcomes.items():
            if status in ("failed", "password_needed"):
                lines.append(f"\u2022 {path.name}: {message or STATUS_TEXT[status]}")
        self.summary.setText("\n".join(lines))
        show_as_error(self.summary, self.failures() > 0)
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)

    def summary_text(self) -> str:
        return self.summary.text()
