"""Extraction in a child process: the PDF's bytes go to a sandbox child (`reviewer.sandbox`) through a pipe, its
facts and page texts come back through another, with progress on the way. No Qt.

Why a process and not a thread: PDFium is not thread-safe, a hostile PDF can crash it or exhaust memory, and
extraction holds the GIL long enough to freeze the window (tests/gui/shell/test_responsiveness.py). The child is a
fresh interpreter with a clean environment (it never sees the passphrase or the key) and kernel limits
(`ExtractionLimits`: address space, processor time, no file writes). The parent adds a wall-clock limit and a page
cap is checked in the child before any page is read. One child serves a whole batch (an interpreter start and the
imports are paid once); it is started on the first file and restarted after a crash.

A child that dies mid-file, runs out of memory, or takes too long costs that file alone: `ExtractorCrashed` (a
`PdfReadError`) with one line saying why, so the import reports the file as failed and goes on with the next.
Cancel: the parent tells the child, which stops at its next page; a child that does not answer in time is killed.
The command line and the GUI both extract this way (`extract_in_process` stays for tests and benchmarks).
Scanned pages are read by OCR in the child too (two at a time, a second or so each: `reviewer.extract.ocr`), with
progress after each page and a cancel at the next poll; the child runs at a lower priority so the window keeps its
CPU; `ocr=False` leaves them unread.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from typing import Any

from reviewer.extract import (
    DamagedPdfError,
    ExtractionCancelled,
    ExtractionResult,
    NotAPdfError,
    PasswordRequiredError,
    PdfReadError,
    extract_document,
)
from reviewer.sandbox.limits import ExtractionLimits
from reviewer.sandbox.process import Child

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Extracted = tuple[ExtractionResult, list[str]]

POLL_S = 0.05  # how often the parent checks `cancelled()` and the clock while the child works
CANCEL_GRACE_S = 2.0  # a child that has not stopped this long after a cancel is killed
REPLY_MAX_BYTES = 512 * 1024 * 1024  # a larger answer is not an extraction: refuse it
_ERRORS: dict[str, type[PdfReadError]] = {
    "NotAPdfError": NotAPdfError,
    "DamagedPdfError": DamagedPdfError,
    "PasswordRequiredError": PasswordRequiredError,
    "PdfReadError": PdfReadError,
}


class ExtractorCrashed(PdfReadError):
    """The child process died, ran out of time or memory, or failed unexpectedly on this file; nothing was
    produced for it."""


def extract_in_process(data: bytes, name: str, password: str | None = None, progress: Progress | None = None,
                       cancelled: Cancelled | None = None, *, ocr: bool = True) -> Extracted:
    """Extraction in this process, without limits: for tests and benchmarks only, never for a user's files."""
    extracted = extract_document(data, name=name, password=password, progress=progress, cancelled=cancelled,
                                 ocr=ocr)
    return extracted.result, extracted.page_texts


class IsolatedExtractor:
    """Callable like `extract_in_process`, but the work happens in a sandbox child. Use one per batch, from one
    thread, and `close()` it (or use `with`)."""

    def __init__(self, limits: ExtractionLimits | None = None, *, ocr: bool = True) -> None:
        self.limits = limits or ExtractionLimits()
        self.ocr = ocr  # read scanned pages by OCR (in the child)
        self._child: Child | None = None
        self._job = 0

    @property
    def pid(self) -> int | None:
        """The running child's process id (None before the first file or after a crash)."""
        return self._child.pid if self._child is not None and self._child.alive() else None

    def start(self) -> None:
        """Start the child now (it is started on the first file otherwise)."""
        if self._child is not None and self._child.alive():
            return
        self._discard()
        try:
            self._child = Child("extract", str(self.limits.memory_mib))
        except OSError as err:
            raise ExtractorCrashed(f"the PDF reader could not be started ({err.strerror or err}); "
                                   "nothing was stored") from None

    def __call__(self, data: bytes, name: str, password: str | None = None, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> Extracted:
        self.start()
        child = self._child
        assert child is not None
        self._job += 1
        job = self._job
        started = time.monotonic()
        budget = self.limits.budget(None)
        try:
            child.send({"op": "extract", "job": job, "name": name, "password": password, "ocr": self.ocr,
                        "limits": self.limits.to_json()}, bytes(data))
        except OSError:
            raise self._crashed() from None
        cancel_sent: float | None = None
        while True:
            now = time.monotonic()
            if cancel_sent is None and cancelled is not None and cancelled():
                cancel_sent = now
                try:
                    child.send({"op": "cancel", "job": job})
                except OSError:
                    pass
            if cancel_sent is not None and now - cancel_sent > CANCEL_GRACE_S:
                self._discard(kill=True)
                raise ExtractionCancelled()
            if cancel_sent is None and now - started > budget:
                self._discard(kill=True)
                raise ExtractorCrashed(f"took longer than {budget:.0f} s to read, so it was stopped (a hostile or "
                                       "broken PDF?); nothing was stored")
            if not child.poll(POLL_S):
                continue
            try:
                reply = child.receive(REPLY_MAX_BYTES)
            except (EOFError, OSError, ValueError):
                if cancel_sent is not None:
                    self._discard(kill=True)
                    raise ExtractionCancelled() from None
                raise self._crashed() from None
            if reply.get("job") != job:
                continue  # an answer to a job given up on
            kind = reply.get("kind")
            if kind == "progress":
                budget = self.limits.budget(int(reply["total"]), int(reply.get("scanned") or 0))
                if progress is not None and cancel_sent is None:
                    progress(int(reply["done"]), int(reply["total"]))
            elif kind == "budget":  # a page went to OCR: it gets its time
                budget = self.limits.budget(int(reply.get("pages") or 0), int(reply.get("scanned") or 0))
            elif kind == "done":
                if cancel_sent is not None:
                    raise ExtractionCancelled()  # the user cancelled; the late result is not wanted
                try:
                    return ExtractionResult.from_json(reply["extraction"]), [str(t) for t in reply["page_texts"]]
                except (KeyError, TypeError, ValueError):
                    raise ExtractorCrashed("the extractor answered nonsense on this file; nothing was stored") \
                        from None
            elif kind == "cancelled":
                raise ExtractionCancelled()
            elif kind == "error":
                raise _error(reply)
            else:
                raise self._crashed()

    def _crashed(self) -> ExtractorCrashed:
        child = self._child
        code = child.exit_code(1.0) if child is not None else None
        self._discard(kill=True)
        return ExtractorCrashed(crash_reason(code, self.limits))

    def _discard(self, *, kill: bool = False) -> None:
        """Close the pipes and end the child, however it is doing."""
        child, self._child = self._child, None
        if child is not None:
            child.kill() if kill else child.end()

    def close(self) -> None:
        """Ask the child to exit (it also ends on its own when its request pipe closes) and reap it."""
        if self._child is not None:
            try:
                self._child.send({"op": "quit"})
            except OSError:
                pass
        self._discard()

    def __enter__(self) -> IsolatedExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def crash_reason(code: int | None, limits: ExtractionLimits) -> str:
    """One line for a child that stopped on a file, from its exit status."""
    if code is not None and code < 0:
        number = -code
        if number == getattr(signal, "SIGXCPU", None):
            return (f"took longer than its processor-time limit ({limits.seconds:.0f} s plus "
                    f"{limits.seconds_per_page:g} s a page), so it was stopped; nothing was stored")
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        why = ("out of memory, or stopped from outside" if number == getattr(signal, "SIGKILL", None)
               else f"too large when decompressed (over the {limits.memory_mib} MiB memory limit) or malformed")
        return f"the PDF reader was killed by signal {number} ({name}) on this file: {why}; nothing was stored"
    how = f"stopped (exit code {code})" if code is not None else "stopped answering"
    return f"the PDF reader {how} on this file (a malformed or hostile PDF?); nothing was stored"


def _error(reply: dict[str, Any]) -> Exception:
    kind, message = str(reply.get("error")), str(reply.get("message") or "")
    if kind == "PasswordRequiredError":
        return PasswordRequiredError(message, wrong_password=bool(reply.get("wrong_password")))
    if kind in _ERRORS:
        return _ERRORS[kind](message)
    if kind in ("TooLarge", "TooManyPages") and message:
        return ExtractorCrashed(message)
    return ExtractorCrashed(f"the extractor failed on this file ({kind}); nothing was stored")
