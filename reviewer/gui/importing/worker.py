"""The import task: runs on the worker thread, opens its OWN register connection, and stores each file that a
child process extracts.

SQLCipher connections stay on the thread that made them, so the worker opens the register with the session's
key (`Register.open_with_key`, milliseconds: no KDF) and closes it when the batch ends. The extraction runs in
one child process per batch (`IsolatedExtractor`): PDFium is not thread-safe (the viewer renders with it on the
GUI thread), and in a thread the extractor held the GIL long enough to freeze the window. This thread only
waits on the child's pipe, relays its progress and cancels, and writes each report in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from reviewer.gui.tasks import TaskState


@dataclass(frozen=True)
class ImportJob:
    """One file to import; `password` when the user gave one for a protected PDF; `attempt` counts retries;
    `keep_copy` when the user chose to keep it beside the report it is a copy of."""

    path: Path
    password: str | None = None
    attempt: int = 0
    keep_copy: bool = False


@dataclass(frozen=True)
class FileStarted:
    job: ImportJob


@dataclass(frozen=True)
class FileDone:
    job: ImportJob
    outcome: Any  # reviewer.register.ImportOutcome


def run_import(register_path: Path, key: Any, jobs: list[ImportJob], state: TaskState,
               who: str = "unknown") -> list[FileDone]:
    """Import `jobs` in order (logged as `who`'s); report each start and outcome as partial results; stop early on
    cancel."""
    from reviewer.register import ImportOutcome, IsolatedExtractor, Register
    from reviewer.sandbox.limits import ExtractionLimits

    done: list[FileDone] = []
    register = Register.open_with_key(register_path, key)
    extractor = IsolatedExtractor(ExtractionLimits.from_environment())  # the same child and limits as the CLI
    try:
        extractor.start()  # the interpreter starts while the first file is read
        for job in jobs:
            if state.is_cancelled():
                outcome = ImportOutcome(str(job.path), "cancelled", None, "cancelled before it started")
            else:
                state.put_partial(FileStarted(job))
                outcome = register.reports.import_file(
                    job.path,
                    password=job.password,
                    progress=partial(state.set_progress, job),
                    cancelled=state.is_cancelled,
                    extractor=extractor,
                    keep_copies=job.keep_copy,
                    who=who,
                )
            result = FileDone(job, outcome)
            done.append(result)
            state.put_partial(result)
    finally:
        extractor.close()
        register.close()
    return done
