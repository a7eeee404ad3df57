"""The import task: runs on the worker thread, opens its OWN register connection, extracts and stores each file.

SQLCipher connections stay on the thread that made them, so the worker opens the register with the session's
key (`Register.open_with_key`, milliseconds: no KDF) and closes it when the batch ends. Extraction AND storage
happen here, so that the GUI thread only paints and answers prompts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.gui.tasks import TaskState, full_gc_deferred


@dataclass(frozen=True)
class ImportJob:
    """One file to import; `password` when the user gave one for a protected PDF; `attempt` counts retries."""

    path: Path
    password: str | None = None
    attempt: int = 0


@dataclass(frozen=True)
class FileStarted:
    job: ImportJob


@dataclass(frozen=True)
class FileDone:
    job: ImportJob
    outcome: Any  # reviewer.register.ImportOutcome


def run_import(register_path: Path, key: Any, jobs: list[ImportJob], state: TaskState) -> list[FileDone]:
    """Import `jobs` in order; report each start and outcome as partial results; stop early on cancel."""
    from reviewer.register import ImportOutcome, Register

    done: list[FileDone] = []
    register = Register.open_with_key(register_path, key)
    try:
        with full_gc_deferred():
            for job in jobs:
                if state.is_cancelled():
                    outcome = ImportOutcome(str(job.path), "cancelled", None, "cancelled before it started")
                else:
                    state.put_partial(FileStarted(job))
                    outcome = register.import_file(
                        job.path,
                        password=job.password,
                        progress=lambda page, pages, job=job: state.set_progress(job, page, pages),
                        cancelled=state.is_cancelled,
                    )
                result = FileDone(job, outcome)
                done.append(result)
                state.put_partial(result)
    finally:
        register.close()
    return done
