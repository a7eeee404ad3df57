"""What the empty register's table shows: how to start (import a report or a folder, or drop PDFs), and a button
that imports the fictional sample reports.

The hint lies over the table's viewport, so the headers stay (a user sees what the table will hold); it is shown
only while the register has no reports at all, not when a filter matches none.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton, QVBoxLayout, QWidget

from reviewer.gui.text import plain_label

EMPTY_TEXT = "No reports yet. Import a SOC report (Ctrl+O) or a folder, or drag PDFs here."


class EmptyRegisterHint(QWidget):
    """`import_samples()` when its button is clicked."""

    import_samples = Signal()

    def __init__(self, table: QAbstractScrollArea, show_samples_button: bool = True) -> None:
        super().__init__(table.viewport())
        self.setObjectName("empty-register-hint")
        self.message = plain_label(EMPTY_TEXT, self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        self.message.setPalette(palette)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.message.setFont(font)
        self.samples_button = QPushButton("Import the sample reports", self)
        self.samples_button.setToolTip("Fictional SOC reports and bridge letters, to try the app on")
        self.samples_button.clicked.connect(self.import_samples)
        self.samples_button.setVisible(show_samples_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addSpacing(8)
        layout.addWidget(self.samples_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        table.viewport().installEventFilter(self)
        self.setGeometry(table.viewport().rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())  # the hint covers the viewport as it grows
        return False
