"""Per-field accuracy on scanned copies of the whole fixtures corpus (every readable born-digital document) at 150
and 300 dpi, against the same documents born digital; prints both tables, the ratio (target >= 0.95) and every
field missed. The suite runs a representative subset at 150 dpi (tests/extract/test_ocr_accuracy.py).
Run: .venv/bin/python benchmarks/ocr_accuracy.py [--dpi 150,300]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reviewer.extract import extract_pdf  # noqa: E402
from tests.extract.test_ocr_accuracy import compare  # noqa: E402
from tests.fixtures import Corpus, build_corpus  # noqa: E402


def main() -> None:
    dpis = [int(x) for x in sys.argv[sys.argv.index("--dpi") + 1].split(",")] if "--dpi" in sys.argv else [150, 300]
    corpus = Corpus(build_corpus(Path(__file__).resolve().parents[1] / "tests" / ".corpus"))
    docs = [d for d in corpus.readable() if d.truth["file"]["text_layer"] == "full"]
    digital = {d.id: extract_pdf(d.path, password=d.password).to_json() for d in docs}
    for dpi in dpis:
        started = time.perf_counter()
        born_table, born, scan_table, scan, misses = compare(corpus, digital, [d.id for d in docs], dpi)
        print(f"born digital ({len(docs)} documents)\n{born_table}\n\nscanned at {dpi} dpi\n{scan_table}")
        print(f"ratio {scan / born:.3f} (target >= 0.95); {time.perf_counter() - started:.0f} s")
        print("\n".join(misses) + "\n")


if __name__ == "__main__":
    main()
