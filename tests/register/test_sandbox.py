"""The extraction child (issue 10, items 2 and 7): a clean environment (never the passphrase), the kernel limits
(address space, no file writes, no core dumps), the same child and limits for the GUI's import, and OCR inside
those limits."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from reviewer.register import IsolatedExtractor
from reviewer.sandbox.limits import ExtractionLimits

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _wait_for_limits(pid: int) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # the child limits itself once its imports are done
        limits = Path(f"/proc/{pid}/limits").read_text()
        if any(line.startswith("Max file size") and line.split()[3] == "0" for line in limits.splitlines()):
            return limits
        time.sleep(0.05)
    raise AssertionError(limits)


def test_the_child_never_sees_the_passphrase(monkeypatch, corpus):
    secret = "the register passphrase 7f3e"
    monkeypatch.setenv("REVIEWER_PASSPHRASE", secret)
    monkeypatch.setenv("REVIEWER_NEW_PASSPHRASE", secret)
    monkeypatch.setenv("REVIEWER_PDF_PASSWORD", secret)
    with IsolatedExtractor() as extractor:
        doc = next(d for d in corpus.readable() if d.password is None)
        extractor(doc.path.read_bytes(), doc.path.name)
        environ = Path(f"/proc/{extractor.pid}/environ").read_bytes()
        assert secret.encode() not in environ
        assert b"REVIEWER_" not in environ
        assert {v.split(b"=")[0] for v in environ.split(b"\0") if v} <= {
            b"PATH", b"PYTHONPATH", b"PYTHONHOME", b"LANG", b"LC_ALL", b"LC_CTYPE"}


def test_the_child_runs_under_the_limits(corpus):
    limits = ExtractionLimits(memory_mib=900)
    with IsolatedExtractor(limits) as extractor:
        extractor.start()
        text = _wait_for_limits(extractor.pid)
    address = next(line for line in text.splitlines() if line.startswith("Max address space"))
    assert address.split()[3] == str(900 * 2**20)
    core = next(line for line in text.splitlines() if line.startswith("Max core file size"))
    assert core.split()[4] == "0"


def test_the_gui_import_uses_the_same_child_and_limits():
    import inspect

    from reviewer.gui.importing import worker

    source = inspect.getsource(worker.run_import)
    assert "IsolatedExtractor(" in source
    assert IsolatedExtractor().limits == ExtractionLimits()


def test_a_scan_is_read_by_ocr_under_the_limits_with_time_for_each_scanned_page():
    """The scanned sample (6 image-only pages, about 10 s of OCR) is read in the child under a 600 MiB address-space
    cap, with a base budget of 3 s: the time it gets comes from its pages sent to OCR (`seconds_per_scanned_page`)."""
    assert ExtractionLimits().budget(10, 2) == 60 + 10 + 2 * ExtractionLimits().seconds_per_scanned_page
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "thornbury-soc2-type1-scanned.pdf"
    limits = ExtractionLimits(memory_mib=600, seconds=3, seconds_per_page=0.01, seconds_per_scanned_page=20)
    with IsolatedExtractor(limits) as extractor:
        extractor.start()
        _wait_for_limits(extractor.pid)  # its imports done: the clock starts with the file
        result, texts = extractor(sample.read_bytes(), sample.name)
    assert result.file.ocr_pages == [1, 2, 3, 4, 5, 6] and result.report.service_organization
    assert result.evidence["service_organization"].source == "ocr" and all(texts)
