"""OCR speed: extraction of scanned copies of corpus reports (150 and 300 dpi) against the text-layer extraction of
the same pages, in the same process; the process's peak RSS.

Prints seconds per page (wall and CPU) at each resolution, the ratio to the born-digital extraction, the peak RSS
(targets: at most 1.5 s a page at 150 dpi on 2 cores, RSS under 1 GB) and the load average, since on a shared
machine other processes' load moves wall-clock times (CPU time moves less).
Run: .venv/bin/python benchmarks/ocr_speed.py [--docs N]
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reviewer.extract import extract_pdf  # noqa: E402
from reviewer.extract.ocr_engine import engine_version  # noqa: E402
from tests.extract.scanned import scan_pdf  # noqa: E402
from tests.fixtures import Corpus, build_corpus  # noqa: E402

DOCS = ("harlow-soc2-t2-exc3", "meridian-soc1-t2", "calder-soc2-t2-column", "brightline-soc2-t2-qualified")


def timed(fn) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    count = int(sys.argv[sys.argv.index("--docs") + 1]) if "--docs" in sys.argv else 2
    corpus = Corpus(build_corpus(Path(__file__).resolve().parents[1] / "tests" / ".corpus"))
    docs = [corpus.by_id(d) for d in DOCS[:count]]
    print(f"engine: {engine_version()}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at start")
    born = [d.path.read_bytes() for d in docs]
    pages = sum(extract_pdf(b).file.pages for b in born)  # also warms up pdfium and the readers
    text_wall = text_cpu = 0.0
    for data in born:
        wall, cpu = timed(lambda data=data: extract_pdf(data))
        text_wall, text_cpu = text_wall + wall, text_cpu + cpu
    print(f"{len(docs)} reports, {pages} pages; text layer: {1000 * text_wall / pages:.1f} ms/page wall, "
          f"{1000 * text_cpu / pages:.1f} ms/page CPU")
    extract_pdf(scan_pdf(born[0], 150, seed="warm-up"))  # the engine starts once per process
    for dpi in (150, 300):
        scans = [scan_pdf(b, dpi, seed=f"bench/{k}/{dpi}") for k, b in enumerate(born)]
        wall_total = cpu_total = 0.0
        for data in scans:
            wall, cpu = timed(lambda data=data: extract_pdf(data))
            wall_total, cpu_total = wall_total + wall, cpu_total + cpu
        print(f"scanned at {dpi} dpi: {wall_total / pages:.2f} s/page wall, {cpu_total / pages:.2f} s/page CPU; "
              f"{wall_total / text_wall:.0f}x the text layer (wall), {cpu_total / text_cpu:.0f}x (CPU)"
              + ("  (target <= 1.5 s/page)" if dpi == 150 else ""))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB (target < 1024 MB); load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
