"""The import flow on the GUI thread: queues files, runs batches on the task runner, asks the user's questions.

Files go to the worker in batches; while a batch runs, more files (a second drop) and retries (a password
just given) wait in a queue and run as the next batch. Questions are asked one at a time, in modal dialogs that
do not block the event loop: a password prompt for a protected PDF (then that file is retried), and a vendor
confirmation when the register is unsure whose report it is (answered through the GUI thread's own register
connection). Cancel (the progress list's, or a question's "Cancel import") drops the queue and the questions.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from reviewer.gui.importing.copy_prompt import CopyPrompt
from reviewer.gui.importing.progress import ImportProgressDialog
from reviewer.gui.importing.prompts import ImportQuestion, VendorConfirmDialog, password_prompt
from reviewer.gui.importing.worker import FileDone, FileStarted, ImportJob, run_import
from reviewer.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from reviewer.register import Register


class ImportController(QObject):
    """`report_imported(report_id)` as each report lands; `finished()` when nothing is left to do or ask."""

    report_imported = Signal(int)
    vendor_confirmed = Signal(int)
    finished = Signal()

    def __init__(self, register: Register | None, parent_widget: QWidget | None = None,
                 who: Callable[[], str] = lambda: "unknown") -> None:
        super().__init__(parent_widget)
        self.register = register
        self.who = who  # the reviewer's name for the audit log, read when the answer is given
        self.parent_widget = parent_widget
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._batch_finished)
        self.runner.failed.connect(self._batch_failed)
        self.dialog = ImportProgressDialog(parent_widget)
        self.dialog.cancel_requested.connect(self.cancel)
        self.pending: list[ImportJob] = []
        self.questions: deque[tuple[str, Any]] = deque()
        self.prompt: ImportQuestion | None = None
        self.cancelled = False

    # what the window calls
    def set_register(self, register: Register | None) -> None:
        self.register = register

    def import_paths(self, paths: list[Path]) -> int:
        """Queue files and folders (expanded to their PDFs); returns how many files were queued."""
        from reviewer.register import iter_pdf_paths

        files = iter_pdf_paths([Path(p) for p in paths])
        if not files:
            return 0
        if not self.is_busy():
            self.dialog.reset()
        self.cancelled = False
        self.dialog.add_files(files)
        self.dialog.show()
        self.pending.extend(ImportJob(f) for f in files)
        self._start_next()
        return len(files)

    def summary_line(self) -> str:
        """The last batch in one line for the status bar ("Import finished: 3 imported, 1 failed.")."""
        counts = self.dialog.counts()
        failed = self.dialog.failures()
        parts = [f"{counts['imported']} imported"]
        if counts["duplicate"]:
            parts.append(f"{counts['duplicate']} already in the register")
        if failed:
            parts.append(f"{failed} failed")
        if counts["cancelled"]:
            parts.append(f"{counts['cancelled']} cancelled")
        return "Import finished: " + ", ".join(parts) + "."

    def is_busy(self) -> bool:
        return self.runner.is_running() or bool(self.pending) or bool(self.questions) or self.prompt is not None

    def cancel(self) -> None:
        """Stop the running file, drop the queue and the open questions."""
        self.cancelled = True
        self.runner.cancel()
        for job in self.pending:
            self.dialog.file_done(job.path, "cancelled", "")
        self.pending.clear()
        for kind, subject in self.questions:  # a file still waiting for a password or a decision is not imported
            if kind == "password":
                self.dialog.file_done(subject.path, "cancelled", "import cancelled before its password was asked")
            elif kind == "copy":
                self.dialog.file_done(subject[0].path, "cancelled", "a copy; import cancelled before it was decided")
        self.questions.clear()
        if self.prompt is not None:
            prompt, self.prompt = self.prompt, None
            prompt.reject()
        self._maybe_finish()

    def shutdown(self) -> None:
        """Cancel and wait for the worker (before the register is locked or the app quits)."""
        self.cancel()
        self.runner.wait()

    # batches
    def _start_next(self) -> None:
        if self.runner.is_running() or not self.pending or self.register is None:
            return
        jobs, self.pending = self.pending, []
        path, key, who = self.register.path, self.register.key, self.who()
        state = self.runner.start(lambda st: run_import(path, key, jobs, st, who))
        state.partial_result.connect(self._partial)
        state.progress.connect(lambda job, done, total: self.dialog.file_progress(job.path, done, total))

    def _partial(self, item: object) -> None:
        if isinstance(item, FileStarted):
            self.dialog.file_started(item.job.path)
        elif isinstance(item, FileDone):
            self._file_done(item.job, item.outcome)

    def _file_done(self, job: ImportJob, outcome: Any) -> None:
        if outcome.status == "password_needed" and not self.cancelled:
            self.dialog.file_waiting(job.path, "Needs a password\u2026")
            self.questions.append(("password", job))
            self._ask_next()
            return
        if outcome.status == "copy" and not self.cancelled:
            self.dialog.file_waiting(job.path, f"A copy of {outcome.copy_of.file_name}\u2026")
            self.questions.append(("copy", (job, outcome)))
            self._ask_next()
            return
        if outcome.status == "copy":  # cancelled meanwhile: not imported, nothing decided
            self.dialog.file_done(job.path, "cancelled", f"a copy of {outcome.copy_of.file_name}; import cancelled")
            return
        self.dialog.file_done(job.path, outcome.status, outcome.message)
        if outcome.status == "imported" and outcome.report_id is not None:
            self.report_imported.emit(int(outcome.report_id))
            match = outcome.vendor_match
            if match is not None and not match.certain and not self.cancelled:
                self.questions.append(("vendor", (job, outcome)))
                self._ask_next()

    def _batch_finished(self, _result: object) -> None:
        self._start_next()
        self._maybe_finish()

    def _batch_failed(self, err: object) -> None:
        # the worker could not open the register, or crashed: every file it had not reported failed
        for path, row in self.dialog.rows.items():
            if path not in self.dialog.outcomes and row.status.text() in ("Waiting", "Reading\u2026"):
                self.dialog.file_done(path, "failed", f"the import stopped ({type(err).__name__})")
        self._start_next()
        self._maybe_finish()

    def _maybe_finish(self) -> None:
        if not self.is_busy():
            self.dialog.finish()
            self.finished.emit()

    # questions, one at a time
    def _ask_next(self) -> None:
        if self.prompt is not None:
            self.prompt.set_waiting(len(self.questions))
            return
        if not self.questions:
            return
        kind, subject = self.questions.popleft()
        if kind == "password":
            self._ask_password(subject)
        elif kind == "copy":
            self._ask_copy(*subject)
        else:
            self._ask_vendor(*subject)

    def _open_question(self, dialog: ImportQuestion) -> None:
        self.prompt = dialog
        dialog.cancel_import.connect(self.cancel)
        dialog.finished.connect(lambda _r: self._question_closed())
        dialog.set_waiting(len(self.questions))
        dialog.open()

    def _question_closed(self) -> None:
        self.prompt = None
        self._ask_next()
        self._start_next()
        self._maybe_finish()

    def _ask_password(self, job: ImportJob) -> None:
        dialog = password_prompt(self.parent_widget, job.path.name, wrong=job.password is not None)

        def given() -> None:
            password = dialog.textValue()
            if password:
                self.pending.append(ImportJob(job.path, password, job.attempt + 1))
                self.dialog.file_waiting(job.path, "Waiting (password given)")
            else:
                self.dialog.file_done(job.path, "failed", "no password given")

        def skipped() -> None:
            if self.cancelled:
                self.dialog.file_done(job.path, "cancelled", "import cancelled before its password was given")
            else:
                self.dialog.file_done(job.path, "failed", "password protected; skipped")

        dialog.accepted.connect(given)
        dialog.rejected.connect(skipped)
        self._open_question(dialog)

    def _ask_vendor(self, job: ImportJob, outcome: Any) -> None:
        dialog = VendorConfirmDialog(job.path.name, outcome.vendor_match, self.parent_widget)

        def confirmed() -> None:
            vendor_id, new_name = dialog.choice()
            if self.register is None:  # locked while the question was open: the report keeps its match
                return
            self.register.vendors.confirm(outcome.report_id, vendor_id, new_name=new_name, who=self.who())
            self.vendor_confirmed.emit(int(outcome.report_id))

        dialog.accepted.connect(confirmed)
        self._open_question(dialog)

    def _ask_copy(self, job: ImportJob, outcome: Any) -> None:
        dialog = CopyPrompt(job.path.name, outcome, self.parent_widget)
        original = outcome.copy_of.file_name

        def answered(_result: int) -> None:
            if self.cancelled:
                self.dialog.file_done(job.path, "cancelled", f"a copy of {original}; import cancelled")
            elif dialog.keep_both:
                self.pending.append(ImportJob(job.path, job.password, job.attempt, keep_copy=True))
                self.dialog.file_waiting(job.path, "Waiting (keeping both)")
            else:
                if self.register is not None:  # locked while the question was open: skipped, not logged
                    self.register.reports.skip_copy(outcome, who=self.who())
                self.dialog.file_done(job.path, "duplicate", f"copy of {original}; skipped")

        dialog.finished.connect(answered)
        self._open_question(dialog)
