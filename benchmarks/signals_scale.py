"""Trust signals at scale: `Register.signals()` on an encrypted register growing from 1,000 to 10,000 reports.

Reports go in through the real insert path (`reports.store_report`, which fingerprints each report's description
and tests sections), with synthetic page text: every report has its own description and tests of controls drawn
from one vocabulary, a third of them share one boilerplate description (the hard case for bucketing: a template
alone must not make every pair a candidate), and one report in a hundred is another vendor's report copied with
the names changed. Prints, at each size, the time of `signals()` (median of 3), the candidate pairs compared, the
copies found against those planted, and the growth against the first size (10x the reports: a linear algorithm
takes ~10x, all-pairs comparison ~100x). Usage: `.venv/bin/python benchmarks/signals_scale.py [--reports N]`.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from reviewer.extract.model import ExtractionResult, FileInfo, Report
from reviewer.register import Register
from reviewer.register.audit import utc_now
from reviewer.register.fingerprints import load_fingerprints
from reviewer.register.reports import store_report
from reviewer.register.signals import candidate_pairs, near_duplicates, report_metas

SYLLABLES = "ka lo mi ne ru sa ti vo pe da fi gu ho ja ke le ma no pu re si to va we yo zu".split()


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    return sorted(words)


def lines(words: list[str], per_line: int = 12) -> str:
    return "\n".join(" ".join(words[i:i + per_line]) for i in range(0, len(words), per_line))


def pages_for(vendor: str, description: list[str], tests: list[str]) -> list[str]:
    return [f"{vendor}\nSOC 2 Type 2 Report\nSection I: Independent Service Auditor's Report",
            f"Section III: Description of the System\n{vendor} provides\n{lines(description)}",
            f"Section IV: Trust Services Criteria, Related Controls and Tests of Controls\n{lines(tests)}"]


def store(reg: Register, index: int, vendor: str, pages: list[str], rng: random.Random) -> None:
    end = date(2020, 12, 31) + timedelta(days=rng.randrange(0, 2000))
    data = f"%PDF-1.7 synthetic {index} {vendor}".encode() + bytes(rng.getrandbits(8) for _ in range(256))
    result = ExtractionResult(
        file=FileInfo(f"report-{index}.pdf", hashlib.sha256(data).hexdigest(), len(pages), False, "full"),
        document_type="soc_report",
        report=Report(framework="SOC 2", type="Type 2", service_organization=vendor,
                      period_start=end - timedelta(days=364), period_end=end,
                      report_date=end + timedelta(days=rng.choice([45, 60, 90, 7])),
                      service_auditor=rng.choice(["Harlow & Finch LLP", "Meridian Assurance Partners LLP"]),
                      opinion="unmodified"))
    with reg.transaction() as conn:
        store_report(conn, pdf=data, extraction=result, page_texts=pages, file_name=result.file.name,
                     now=utc_now())


def grow(reg: Register, start: int, stop: int, rng: random.Random, vocab: list[str], template: list[str],
         kept: list[tuple[list[str], list[str]]]) -> tuple[int, float]:
    """Add reports start..stop-1; returns (copies planted, seconds spent storing)."""
    planted = 0
    started = time.perf_counter()
    for i in range(start, stop):
        vendor = f"Vendor {i:05d} Systems"
        if i % 100 == 99 and kept:
            description, tests = rng.choice(kept)  # another vendor's report, copied
            planted += 1
        else:
            description = template if i % 3 == 0 else rng.choices(vocab, k=500)
            tests = rng.choices(vocab, k=800)
            if len(kept) < 200:
                kept.append((description, tests))
        store(reg, i, vendor, pages_for(vendor, description, tests), rng)
    return planted, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    args = parser.parse_args(argv)
    sizes = [n for n in (1_000, 2_000, 5_000, 10_000) if n <= args.reports] or [args.reports]
    rng = random.Random(11)
    vocab = vocabulary(rng)
    template = rng.choices(vocab, k=500)
    kept: list[tuple[list[str], list[str]]] = []
    results = []
    with tempfile.TemporaryDirectory(prefix="reviewer-signals-") as tmp:
        reg = Register.open(Path(tmp) / "register.db", "benchmark passphrase")
        try:
            have, planted, store_seconds = 0, 0, 0.0
            for size in sizes:
                added, seconds = grow(reg, have, size, rng, vocab, template, kept)
                planted, store_seconds, have = planted + added, store_seconds + seconds, size
                times = []
                for _ in range(3):
                    started = time.perf_counter()
                    signals = reg.insights.signals()
                    times.append(time.perf_counter() - started)
                copies = [s for s in signals if s.kind == "near_duplicate"]
                stages = {}
                conn = reg.connection
                assert conn is not None
                started = time.perf_counter()
                metas = report_metas(conn)
                stages["read reports"] = time.perf_counter() - started
                started = time.perf_counter()
                fps = load_fingerprints(conn)
                stages["read fingerprints"] = time.perf_counter() - started
                started = time.perf_counter()
                candidates = len(candidate_pairs(fps))
                stages["bucket"] = time.perf_counter() - started
                started = time.perf_counter()
                near_duplicates(fps, metas)
                stages["bucket and compare"] = time.perf_counter() - started
                results.append((size, statistics.median(times), candidates, len(copies), planted))
                print(f"{size:>6} reports: signals {statistics.median(times) * 1000:7.0f} ms, "
                      f"{candidates:>6} candidate pairs compared, {len(copies)} copies found of {planted} planted; "
                      f"storing (with fingerprints) {store_seconds / size * 1000:.1f} ms a report", flush=True)
                print("        " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in stages.items()), flush=True)
        finally:
            reg.close()
    first = results[0]
    last = results[-1]
    if len(results) > 1:
        print(f"growth {first[0]} -> {last[0]} reports ({last[0] / first[0]:.0f}x): signals took "
              f"{last[1] / first[1]:.1f}x as long; all-pairs comparison would be {(last[0] / first[0]) ** 2:.0f}x")
    ok = all(found >= planted for _, _, _, found, planted in results) and last[1] < 5.0
    print("OK" if ok else "NOT OK: copies missed or signals slower than 5 s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
