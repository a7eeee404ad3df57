"""Extraction in a child process (`IsolatedExtractor`), as the GUI's import uses it: the same facts and page text as
in-process, one child for a batch, clear outcomes for bad files, cancel, and a child that dies or hangs costing
one file only while the register stays unchanged."""

from __future__ import annotations

import os
import signal
import time

import pytest

from reviewer.extract import ExtractionCancelled, NotAPdfError, PasswordRequiredError
from reviewer.register import IsolatedExtractor, extract_in_process
from tests.register.test_import import _snapshot, _soc_reports


@pytest.fixture
def extractor():
    ex = IsolatedExtractor()
    yield ex
    ex.close()


def test_the_child_reads_what_the_process_reads_and_serves_a_whole_batch(extractor, corpus):
    docs = _soc_reports(corpus, 2)
    pids = []
    for doc in docs:
        data = doc.path.read_bytes()
        seen: list[tuple[int, int]] = []
        extraction, texts = extractor(data, doc.path.name, None, lambda d, t, seen=seen: seen.append((d, t)), None)
        pids.append(extractor.pid)
        expected, expected_texts = extract_in_process(data, doc.path.name)
        assert extraction.to_storage() == expected.to_storage()
        assert texts == expected_texts and len(texts) == expected.file.pages
        assert seen[-1] == (expected.file.pages, expected.file.pages)  # progress came back, page by page
    assert pids[0] is not None and pids[0] == pids[1]  # one child for the batch


def test_bad_files_raise_the_same_clear_errors_as_in_process(extractor, corpus):
    bad = [d for d in corpus.documents if d.expect_error == "not_pdf"][0]
    with pytest.raises(NotAPdfError) as err:
        extractor(bad.path.read_bytes(), bad.path.name)
    with pytest.raises(NotAPdfError) as in_process:
        extract_in_process(bad.path.read_bytes(), bad.path.name)
    assert str(err.value) == str(in_process.value)
    protected = [d for d in corpus.documents if d.password][0]
    data = protected.path.read_bytes()
    with pytest.raises(PasswordRequiredError) as missing:
        extractor(data, protected.path.name)
    assert not missing.value.wrong_password
    with pytest.raises(PasswordRequiredError) as wrong:
        extractor(data, protected.path.name, "not it")
    assert wrong.value.wrong_password
    extraction, _texts = extractor(data, protected.path.name, protected.password)
    assert extraction.file.encrypted


def test_a_child_killed_mid_file_fails_that_file_and_the_next_file_imports(reg, corpus, large_report, extractor):
    first = _soc_reports(corpus, 1)[0]
    reg.reports.import_file(first.path, extractor=extractor)
    before = _snapshot(reg)
    killed: list[int] = []

    def progress(done: int, _total: int) -> None:
        if done == 3 and not killed:
            killed.append(extractor.pid)
            os.kill(extractor.pid, signal.SIGKILL)  # what a crash in PDFium looks like from here

    outcome = reg.reports.import_file(large_report, progress=progress, extractor=extractor)
    assert outcome.status == "failed"
    assert "killed by signal 9" in outcome.message and "nothing was stored" in outcome.message
    assert _snapshot(reg) == before
    second = _soc_reports(corpus, 2)[1]
    after = reg.reports.import_file(second.path, extractor=extractor)
    assert after.status == "imported", after.message
    assert extractor.pid not in (None, killed[0])  # a new child


def test_cancel_stops_the_child_at_its_next_page_and_it_stays_usable(reg, corpus, large_report, extractor):
    before = _snapshot(reg)
    pages: list[int] = []
    outcome = reg.reports.import_file(large_report, progress=lambda d, t: pages.append(d),
                              cancelled=lambda: len(pages) >= 5, extractor=extractor)
    assert outcome.status == "cancelled"
    assert _snapshot(reg) == before
    pid = extractor.pid
    assert pid is not None  # it answered the cancel: not terminated
    doc = _soc_reports(corpus, 1)[0]
    assert reg.reports.import_file(doc.path, extractor=extractor).status == "imported"
    assert extractor.pid == pid


def test_a_child_that_does_not_answer_a_cancel_is_terminated(corpus, large_report, extractor):
    stopped: list[int] = []

    def progress(done: int, _total: int) -> None:
        if done == 2 and not stopped:
            stopped.append(extractor.pid)
            os.kill(extractor.pid, signal.SIGSTOP)  # hung: it will never read the cancel

    started = time.monotonic()
    with pytest.raises(ExtractionCancelled):
        extractor(large_report.read_bytes(), large_report.name, None, progress, lambda: bool(stopped))
    assert time.monotonic() - started < 30
    assert extractor.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(stopped[0], 0)  # terminated and reaped
    doc = _soc_reports(corpus, 1)[0]
    extraction, _ = extractor(doc.path.read_bytes(), doc.path.name)
    assert extraction.document_type == "soc_report"

