"""A killed import leaves the register consistent: every finished report intact, no half-written report.

A subprocess imports 20 reports and prints each one's sha256 once its transaction committed; the test SIGKILLs it
mid-way, reopens the register, and checks every stored report completely.
"""

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time

from reviewer.register import Register
from tests.support.register import PASSPHRASE

IMPORTER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from reviewer.register import Register
    reg = Register.open(Path(sys.argv[1]), sys.argv[2])
    for name in sys.argv[3:]:
        outcome = reg.reports.import_file(Path(name), keep_copies=True)
        print(outcome.status, outcome.report_id, flush=True)
""")


def test_sigkill_mid_import_leaves_only_whole_reports(tmp_path, corpus):
    sources = [d for d in corpus.readable() if d.truth["file"]["text_layer"] == "full"
               and d.truth["file"]["pages"] <= 60][:10]
    assert len(sources) == 10
    files = []
    # 20 distinct files: a trailing PDF comment changes the sha256, not the content (copies, kept: keep_copies)
    for copy in range(2):
        for doc in sources:
            target = tmp_path / "in" / f"{copy}-{doc.path.name}"
            target.parent.mkdir(exist_ok=True)
            target.write_bytes(doc.path.read_bytes() + f"\n%copy {copy}\n".encode())
            files.append(target)
    path = tmp_path / "reg" / "register.db"
    proc = subprocess.Popen([sys.executable, "-c", IMPORTER, str(path), PASSPHRASE, *map(str, files)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finished = []
    deadline = time.monotonic() + 300
    while len(finished) < 6 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        status, report_id = line.split()
        assert status == "imported", (line, proc.stderr.read() if proc.poll() is not None else "")
        finished.append(int(report_id))
    time.sleep(0.15)  # land the kill inside a later import (extraction or its transaction)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert len(finished) == 6

    by_sha = {hashlib.sha256(f.read_bytes()).hexdigest(): f for f in files}
    with Register.open(path, PASSPHRASE) as reg:
        conn = reg.connection
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = [r.id for r in reg.reports.rows(limit=None)]
        assert set(finished) <= set(stored)
        assert len(stored) < len(files)  # it was killed mid-way
        for report_id in stored:
            report = reg.reports.get(report_id)
            data = reg.reports.pdf_bytes(report_id)
            assert hashlib.sha256(data).hexdigest() == report.sha256
            assert report.sha256 in by_sha
            assert report.extraction.file.sha256 == report.sha256
            pages = conn.execute("SELECT count(*) FROM page_text WHERE report_id = ?", (report_id,)).fetchone()[0]
            assert pages >= 1
            assert reg.reviews.get(report_id).status == "new"
            assert len(reg.reviews.exceptions(report_id)) == len(report.extraction.report.exceptions)
            assert len(reg.reviews.cuecs(report_id)) == len(report.extraction.report.cuecs)
        # nothing dangling from a half-written report
        for table in ("report_files", "extractions", "reviews", "exceptions", "cuecs", "subservice"):
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} WHERE report_id NOT IN (SELECT id FROM reports)").fetchone()[0]
            assert orphans == 0, table
        assert conn.execute(
            "SELECT count(*) FROM page_text WHERE report_id NOT IN (SELECT id FROM reports)").fetchone()[0] == 0
        # the import can simply be run again: finished files are duplicates, the rest import
        outcomes = [reg.reports.import_file(f, keep_copies=True) for f in files]
        assert sum(o.status == "duplicate" for o in outcomes) == len(stored)
        assert all(o.status in ("duplicate", "imported") for o in outcomes)
        assert reg.reports.count() == len(files)
