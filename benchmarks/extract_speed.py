"""Full extraction of the ~250-page fixture report against a plain pypdfium2 text pass, in the same process.

Prints both times, their ratio (target <= 10x) and the extraction's peak Python memory (tracemalloc) and
the process's peak RSS growth (target < 400 MB). The two runs alternate, best of several rounds, and the ratio
is given on wall-clock and on CPU time: on a shared machine another process's load moves wall-clock times.
Run: .venv/bin/python benchmarks/extract_speed.py [--rounds N]
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


def timed(fn) -> tuple[float, float]:
    """(wall, cpu) seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    out = Path(tempfile.gettempdir()) / "reviewer-bench"
    path = build_large_report(out)
    data = path.read_bytes()
    plain_text_pass(data)  # warm up pdfium
    ref = [float("inf"), float("inf")]
    full = [float("inf"), float("inf")]
    for _ in range(rounds):  # alternate, so that a burst of load elsewhere hits both
        for best, fn in ((ref, lambda: plain_text_pass(data)), (full, lambda: extract_pdf(data, name=path.name))):
            wall, cpu = timed(fn)
            best[0], best[1] = min(best[0], wall), min(best[1], cpu)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    result = extract_pdf(data, name=path.name)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"report: {path.name}, {result.file.pages} pages, {len(result.report.exceptions)} exceptions")
    print(f"plain pypdfium2 text pass: {ref[0]:.3f} s wall, {ref[1]:.3f} s CPU (best of {rounds})")
    print(f"full extraction:           {full[0]:.3f} s wall, {full[1]:.3f} s CPU")
    print(f"ratio:                     {full[0] / ref[0]:.1f}x wall, {full[1] / ref[1]:.1f}x CPU (target <= 10x)")
    print(f"peak traced memory:        {peak / 2**20:.1f} MB; "
          f"peak RSS growth {(rss_after - rss_before) / 1024:.1f} MB; "
          f"process peak RSS {rss_after / 1024:.1f} MB (target < 400 MB)")


if __name__ == "__main__":
    main()
