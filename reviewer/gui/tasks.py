"""The background task runner: one task at a time on a QThread, with progress, cancel and results by signal.

After orange3's `TaskState` and anki's taskman: the task function runs on the worker thread and receives a
`TaskState`; it reports progress and partial results through it and polls `state.is_cancelled()`. Everything
it reports arrives on the GUI thread as queued signals. The task never touches a widget, and anything
thread-bound it needs (an SQLCipher connection) it opens itself, on its own thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reviewer.gui.errors import describe_frames

log = logging.getLogger("reviewer.gui.tasks")

# progress signals are throttled: a 250-page import reporting every page would flood the event loop
PROGRESS_INTERVAL_S = 0.05


class TaskState(QObject):
    """What a running task reports. Its methods are called from the worker thread; its signals are
    delivered on the GUI thread (the state object lives there)."""

    progress = Signal(object, int, int)  # key (e.g. a file), done, total
    partial_result = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._last_emit: dict[object, float] = {}

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def set_progress(self, key: object, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_emit.get(key, 0.0) < PROGRESS_INTERVAL_S:
            return
        self._last_emit[key] = now
        self.progress.emit(key, done, total)

    def put_partial(self, value: object) -> None:
        self.partial_result.emit(value)


class _Worker(QObject):
    """Runs the function on the thread it was moved to, then reports once."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[TaskState], Any], state: TaskState) -> None:
        super().__init__()
        self.fn = fn
        self.state = state

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.state)
        except Exception as err:  # reported to the GUI thread, logged without its message
            log.error("task failed with %s\n%s", type(err).__name__, describe_frames(err.__traceback__))
            self.failed.emit(err)
        else:
            self.done.emit(result)


class TaskRunner(QObject):
    """Runs one task at a time. `finished(result)` or `failed(exception)` after the task ends."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self.state: TaskState | None = None

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, fn: Callable[[TaskState], Any]) -> TaskState:
        if self._thread is not None:
            raise RuntimeError("a task is already running")
        state = TaskState(self)
        thread = QThread()
        worker = _Worker(fn, state)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker, self.state = thread, worker, state
        thread.start()
        return state

    def cancel(self) -> None:
        if self.state is not None:
            self.state.cancel()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the thread ends (shutdown only; results still arrive as signals)."""
        if self._thread is None:
            return True
        self._thread.quit()
        return self._thread.wait(timeout_ms)

    def _stop_thread(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
        # both are parentless Python-owned objects: dropping the last reference deletes them, now that the
        # thread has ended (deleteLater would never run for an object whose thread has no event loop)
        del thread, worker

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._stop_thread()
        self.finished.emit(result)

    @Slot(object)
    def _on_failed(self, err: object) -> None:
        self._stop_thread()
        self.failed.emit(err)
