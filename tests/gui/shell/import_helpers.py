"""Driving an import in tests: drop events built like a file manager's, and waiting for the import to end
while answering its questions the way a test chooses."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def drop_paths(widget: QWidget, paths: list[Path]) -> bool:
    """Drag `paths` onto `widget` and drop them; returns whether the drag was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = widget.rect().center()
    # QDragEnterEvent takes a QPoint, QDropEvent a QPointF
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def finish_import(qtbot, controller, answer: Callable[[QDialog], None] | None = None, timeout_ms: int = 60_000):
    """Wait until the import has nothing left to do or ask; each question goes to `answer` (default: the
    vendor prompt is put off, a password prompt skipped)."""
    asked: list[QDialog] = []

    def settled() -> bool:
        prompt = controller.prompt
        if prompt is not None and prompt not in asked:
            asked.append(prompt)
            (answer or (lambda d: d.reject()))(prompt)
        return not controller.is_busy()

    qtbot.waitUntil(settled, timeout=timeout_ms)
    return asked


class EventLoopTicks:
    """A 10 ms timer's ticks while work runs: how long the event loop went without turning."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def between(self, started: float, ended: float) -> tuple[int, float]:
        """(ticks, longest gap in seconds) between two `time.perf_counter()` readings."""
        during = [t for t in self.ticks if started <= t <= ended]
        return len(during), max(b - a for a, b in zip(during, during[1:], strict=False))
