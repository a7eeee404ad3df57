"""Full extraction of the ~250-page fixture report against a plain pypdfium2 text pass, in the same process.

Prints both times, their ratio (target <= 10x) and the extraction's peak Python memory (tracemalloc) and
the process's peak RSS growth (target < 400 MB). Run: .venv/bin/python benchmarks/extract_speed.py
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pypdfium2 as pdfium  # noqa: E402

from reviewer.extract import extract_pdf  # noqa: E402
from tests.fixtures import build_large_report  # noqa: E402


def plain_text_pass(data: bytes) -> int:
    doc = pdfium.PdfDocument(data)
    total = 0
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        total += len(tp.get_text_range())
        tp.close()
        page.close()
    doc.close()
    return total


def best_of(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    out = Path(tempfile.gettempdir()) / "reviewer-bench"
    path = build_large_report(out)
    data = path.read_bytes()
    plain_text_pass(data)  # warm up pdfium
    reference = best_of(lambda: plain_text_pass(data))
    full = best_of(lambda: extract_pdf(data, name=path.name))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    result = extract_pdf(data, name=path.name)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"report: {path.name}, {result.file.pages} pages, {len(result.report.exceptions)} exceptions")
    print(f"plain pypdfium2 text pass: {reference:.3f} s")
    print(f"full extraction:           {full:.3f} s")
    print(f"ratio:                     {full / reference:.1f}x (target <= 10x)")
    print(f"peak traced memory:        {peak / 2**20:.1f} MB; "
          f"peak RSS growth {(rss_after - rss_before) / 1024:.1f} MB; "
          f"process peak RSS {rss_after / 1024:.1f} MB (target < 400 MB)")


if __name__ == "__main__":
    main()
