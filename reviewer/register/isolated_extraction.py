"""Extraction in a child process: the PDF's bytes go to a "spawn" child through a pipe, its facts and page texts
come back through another, with progress on the way. No Qt.

Why a process and not a thread: PDFium is not thread-safe (the GUI's viewer renders with it on the GUI thread),
and extraction holds the GIL long enough to freeze the window (tests/gui/shell/test_responsiveness.py). In a
child it shares neither. One child serves a whole batch (spawning costs an interpreter start and the imports);
it is started on the first file and restarted after a crash.

What crosses the pipes: the parent sends pickled requests (its own data); the child answers in JSON only, so a
child taken over by a malicious PDF cannot make the parent unpickle anything. Nothing goes through files, and the
child writes nothing to disk. A child that dies mid-file (a crash in PDFium, the OOM killer) costs that file
alone: `ExtractorCrashed`, a `PdfReadError`, so the import reports it as failed and goes on with the next file.
Cancel: the parent tells the child, which stops at its next page; a child that does not answer in time is
terminated. Scanned pages are read by OCR in the child too (two at a time, a second or so each), with progress
after each page and a cancel at the next poll; the child runs at a lower priority so the window keeps its CPU;
`ocr=False` leaves them unread.

Both pipes are one-way OS pipes (`Pipe(duplex=False)`), not socket pairs: tests forbid sockets.
"""

from __future__ import annotations

import json
import multiprocessing
import os
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

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Extracted = tuple[ExtractionResult, list[str]]

POLL_S = 0.05  # how often the parent checks `cancelled()` while the child works
CANCEL_GRACE_S = 2.0  # a child that has not stopped this long after a cancel is terminated
CHILD_NICENESS = 10
REPLY_MAX_BYTES = 512 * 1024 * 1024  # a larger answer is not an extraction: refuse it
_ERRORS: dict[str, type[PdfReadError]] = {
    "NotAPdfError": NotAPdfError,
    "DamagedPdfError": DamagedPdfError,
    "PasswordRequiredError": PasswordRequiredError,
    "PdfReadError": PdfReadError,
}


class ExtractorCrashed(PdfReadError):
    """The child process died or failed unexpectedly on this file; nothing was produced for it."""


def extract_in_process(data: bytes, name: str, password: str | None = None, progress: Progress | None = None,
                       cancelled: Cancelled | None = None, *, ocr: bool = True) -> Extracted:
    """The plain path (the command line): extraction and the page texts for the index, in this process."""
    extracted = extract_document(data, name=name, password=password, progress=progress, cancelled=cancelled,
                                 ocr=ocr)
    return extracted.result, extracted.page_texts


class IsolatedExtractor:
    """Callable like `extract_in_process`, but the work happens in a child process. Use one per batch, from one
    thread, and `close()` it (or use `with`)."""

    def __init__(self, *, ocr: bool = True) -> None:
        self.ocr = ocr  # read scanned pages by OCR (in the child)
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._requests: Any = None
        self._replies: Any = None
        self._job = 0

    @property
    def pid(self) -> int | None:
        """The running child's process id (None before the first file or after a crash)."""
        return self._process.pid if self._process is not None and self._process.is_alive() else None

    def start(self) -> None:
        """Start the child now (it is started on the first file otherwise)."""
        if self._process is not None and self._process.is_alive():
            return
        self._discard()
        request_read, request_write = self._context.Pipe(duplex=False)
        reply_read, reply_write = self._context.Pipe(duplex=False)
        process = self._context.Process(target=_child_main, args=(request_read, reply_write),
                                        name="reviewer-extractor", daemon=True)
        process.start()
        # the child holds its own copies: closing ours lets a dead child read as end-of-file
        request_read.close()
        reply_write.close()
        self._process, self._requests, self._replies = process, request_write, reply_read

    def __call__(self, data: bytes, name: str, password: str | None = None, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> Extracted:
        self.start()
        self._job += 1
        job = self._job
        try:
            self._requests.send(("extract", job, bytes(data), name, password, self.ocr))
        except OSError:
            raise self._crashed() from None
        cancel_sent: float | None = None
        while True:
            if cancel_sent is None and cancelled is not None and cancelled():
                cancel_sent = time.monotonic()
                try:
                    self._requests.send(("cancel", job))
                except OSError:
                    pass
            if cancel_sent is not None and time.monotonic() - cancel_sent > CANCEL_GRACE_S:
                self._discard()
                raise ExtractionCancelled()
            if not self._replies.poll(POLL_S):
                continue
            try:
                reply = json.loads(self._replies.recv_bytes(REPLY_MAX_BYTES))
            except (EOFError, OSError, ValueError):
                if cancel_sent is not None:
                    self._discard()
                    raise ExtractionCancelled() from None
                raise self._crashed() from None
            if reply.get("job") != job:
                continue  # an answer to a job given up on
            kind = reply.get("kind")
            if kind == "progress":
                if progress is not None and cancel_sent is None:
                    progress(int(reply["done"]), int(reply["total"]))
            elif kind == "done":
                if cancel_sent is not None:
                    raise ExtractionCancelled()  # the user cancelled; the late result is not wanted
                return ExtractionResult.from_json(reply["extraction"]), [str(t) for t in reply["page_texts"]]
            elif kind == "cancelled":
                raise ExtractionCancelled()
            elif kind == "error":
                raise _error(reply)
            else:
                raise self._crashed()

    def _crashed(self) -> ExtractorCrashed:
        process = self._process
        code = None
        if process is not None:
            process.join(1.0)
            code = process.exitcode
        self._discard()
        how = (f"was killed by signal {-code}" if code is not None and code < 0
               else f"stopped (exit code {code})" if code is not None else "stopped answering")
        return ExtractorCrashed(f"the PDF reader {how} on this file (a malformed or hostile PDF?); "
                                "nothing was stored")

    def _discard(self) -> None:
        """Close the pipes and end the child, however it is doing."""
        process, self._process = self._process, None
        for conn in (self._requests, self._replies):
            if conn is not None:
                conn.close()
        self._requests = self._replies = None
        if process is not None:
            if process.is_alive():
                process.terminate()
                process.join(2.0)
                if process.is_alive():
                    process.kill()
                    process.join(2.0)
            process.close()

    def close(self) -> None:
        """Ask the child to exit (it ends on its own when the request pipe closes) and reap it."""
        process = self._process
        if process is not None and self._requests is not None:
            try:
                self._requests.send(("quit", 0))
            except OSError:
                pass
            process.join(2.0)
        self._discard()

    def __enter__(self) -> IsolatedExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _error(reply: dict[str, Any]) -> Exception:
    kind, message = str(reply.get("error")), str(reply.get("message") or "")
    if kind == "PasswordRequiredError":
        return PasswordRequiredError(message, wrong_password=bool(reply.get("wrong_password")))
    if kind in _ERRORS:
        return _ERRORS[kind](message)
    return ExtractorCrashed(f"the extractor failed on this file ({kind}); nothing was stored")


# -- the child ---------------------------------------------------------------------------------------------------
def _child_main(requests: Any, replies: Any) -> None:
    """The child's loop: one request at a time until told to quit or the parent goes away."""
    try:
        os.nice(CHILD_NICENESS)  # OCR keeps a core busy for seconds a page: the window comes first
    except (AttributeError, OSError):  # no os.nice on Windows
        pass
    while True:
        try:
            request = requests.recv()
        except (EOFError, OSError):
            return
        if request[0] == "quit":
            return
        if request[0] != "extract":
            continue  # a cancel for a job already answered
        _, job, data, name, password, ocr = request
        try:
            _send(replies, _extract_one(job, data, name, password, ocr, requests, replies))
        except (EOFError, OSError):
            return  # the parent is gone


def _extract_one(job: int, data: bytes, name: str, password: str | None, ocr: bool, requests: Any,
                 replies: Any) -> dict[str, Any]:
    stop = False

    def cancelled() -> bool:
        nonlocal stop
        while not stop and requests.poll():
            message = requests.recv()
            if message[0] in ("cancel", "quit") and message[1] in (job, 0):
                stop = True
        return stop

    def progress(done: int, total: int) -> None:
        _send(replies, {"job": job, "kind": "progress", "done": done, "total": total})

    try:
        extraction, texts = extract_in_process(data, name, password, progress, cancelled, ocr=ocr)
    except ExtractionCancelled:
        return {"job": job, "kind": "cancelled"}
    except PdfReadError as err:
        kind = next(c.__name__ for c in type(err).__mro__ if c.__name__ in _ERRORS)
        return {"job": job, "kind": "error", "error": kind, "message": str(err),
                "wrong_password": bool(getattr(err, "wrong_password", False))}
    except Exception as err:  # a bug or a hostile file: that file fails, the batch goes on
        return {"job": job, "kind": "error", "error": type(err).__name__, "message": ""}
    return {"job": job, "kind": "done", "extraction": extraction.to_storage(), "page_texts": texts}


def _send(replies: Any, message: dict[str, Any]) -> None:
    replies.send_bytes(json.dumps(message).encode("utf-8"))
