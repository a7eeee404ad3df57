"""The extraction child's main loop: one PDF at a time, under the limits the parent sends with it.

Started by `reviewer.register.isolated_extraction.IsolatedExtractor` through `process.Child`. For each request
(a JSON header, then the PDF's bytes) it answers progress messages and one final message: done (the extraction and
the page texts), cancelled, or error (a kind and a one-line reason); a budget message as each page goes to OCR
(the parent's wall-clock limit grows with it). A page count over the cap is refused before any
page is read. The address space, processor time, file writes and core dumps are capped by the kernel
(`limits.limit_self`, `limits.cpu_budget`): a decompression bomb fails its allocation (MemoryError, or PDFium
stops the process), an endless file is stopped by SIGXCPU, and the parent turns either into one line.

Scanned pages are read by OCR here (`reviewer.extract.ocr`, Tesseract in two worker threads); the engine and its
model are imported before the limits, and the child runs at a lower priority (CHILD_NICENESS) so the window keeps
its CPU while a scan is read. A request with `"ocr": false` leaves scanned pages unread.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from reviewer.sandbox.limits import ExtractionLimits, cpu_budget, cpu_used, limit_self
from reviewer.sandbox.process import child_streams

CHILD_NICENESS = 10  # OCR keeps a core busy for a second or so a page: the window comes first
ERROR_KINDS = ("NotAPdfError", "DamagedPdfError", "PasswordRequiredError", "PdfReadError")


def main() -> None:
    requests, replies = child_streams()
    memory_mib = int(sys.argv[1]) if len(sys.argv) > 1 else ExtractionLimits().memory_mib
    import pypdfium2  # noqa: F401 - every import happens before the limits, which forbid writing bytecode

    from reviewer.extract import extract_document  # noqa: F401
    from reviewer.extract.ocr import preload

    preload()  # the OCR engine's libraries, before the limits
    try:
        os.nice(CHILD_NICENESS)
    except (AttributeError, OSError):  # no os.nice on Windows
        pass
    limit_self(memory_mib)
    while True:
        try:
            header = json.loads(requests.recv_bytes())
            if header.get("op") == "quit":
                return
            if header.get("op") != "extract":
                continue  # a cancel for a job already answered
            data = requests.recv_bytes()
        except (EOFError, OSError, ValueError):
            return  # the parent is gone
        reply = extract_one(header, data, requests, replies)
        try:
            _send(replies, reply)
        except OSError:
            return
        if reply.get("error") == "TooLarge":
            return  # after a failed allocation, a fresh child is the safe one


def _page_count(data: bytes, password: str | None) -> int | None:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data, password=password)
    except Exception:
        return None  # the reader says why, with its own message
    try:
        return len(doc)
    except Exception:
        return None
    finally:
        doc.close()


def extract_one(header: dict[str, Any], data: bytes, requests: Any, replies: Any) -> dict[str, Any]:
    from reviewer.extract import ExtractionCancelled, PdfReadError, extract_document

    job = header.get("job")
    limits = ExtractionLimits(**header.get("limits", {}))
    password = header.get("password")
    stop = False
    pages: int | None = None
    scans = 0
    started = cpu_used()

    def cancelled() -> bool:
        nonlocal stop
        while not stop and requests.poll():
            message = json.loads(requests.recv_bytes())
            if message.get("op") in ("cancel", "quit") and message.get("job") in (job, None):
                stop = True
        return stop

    def progress(done: int, total: int) -> None:
        _send(replies, {"job": job, "kind": "progress", "done": done, "total": total, "scanned": scans})

    def scanned(count: int) -> None:  # a page sent to OCR: more time, here and in the parent
        nonlocal scans
        scans = count
        cpu_budget(limits.budget(pages, scans), since=started)
        _send(replies, {"job": job, "kind": "budget", "pages": pages, "scanned": scans})

    cpu_budget(limits.budget(None))
    try:
        pages = _page_count(data, password)
        if pages is not None and pages > limits.max_pages:
            return {"job": job, "kind": "error", "error": "TooManyPages",
                    "message": f"has {pages:,} pages; the limit is {limits.max_pages:,} (nothing was read)"}
        cpu_budget(limits.budget(pages), since=started)
        extracted = extract_document(data, name=str(header.get("name") or "document.pdf"), password=password,
                                     progress=progress, cancelled=cancelled, ocr=bool(header.get("ocr", True)),
                                     scanned=scanned)
    except ExtractionCancelled:
        return {"job": job, "kind": "cancelled"}
    except PdfReadError as err:
        kind = next(c.__name__ for c in type(err).__mro__ if c.__name__ in ERROR_KINDS)
        return {"job": job, "kind": "error", "error": kind, "message": str(err),
                "wrong_password": bool(getattr(err, "wrong_password", False))}
    except MemoryError:
        return {"job": job, "kind": "error", "error": "TooLarge",
                "message": f"too large when decompressed: reading it needs more than {limits.memory_mib} MiB"}
    except RecursionError:
        return {"job": job, "kind": "error", "error": "DamagedPdfError",
                "message": "the PDF is nested too deeply to be read (damaged or hostile)"}
    except Exception as err:  # a bug or a hostile file: that file fails, the batch goes on
        return {"job": job, "kind": "error", "error": type(err).__name__, "message": ""}
    return {"job": job, "kind": "done", "extraction": extracted.result.to_storage(),
            "page_texts": extracted.page_texts}


def _send(replies: Any, message: dict[str, Any]) -> None:
    replies.send_bytes(json.dumps(message).encode("utf-8"))
