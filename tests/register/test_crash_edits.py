"""A killed reviewer loses nothing it had saved: every review edit whose save returned is there after a SIGKILL.

A subprocess imports one report and then saves review rationales and exception triage as fast as it can, printing
each value once its save returned; the test SIGKILLs it in the middle, reopens the register, and finds the last
acknowledged values (or a later one that had committed just before the kill), an intact audit log, and a clean
integrity check.
"""

import os
import signal
import subprocess
import sys
import textwrap
import time

from reviewer.register import Register
from tests.support.register import PASSPHRASE

EDITOR = textwrap.dedent("""
    import sys
    from pathlib import Path
    from reviewer.register import Register
    reg = Register.open(Path(sys.argv[1]), sys.argv[2])
    report_id = reg.reports.import_file(Path(sys.argv[3])).report_id
    exception_id = reg.reviews.exceptions(report_id)[0].id
    print("ready", report_id, flush=True)
    n = 0
    while True:
        n += 1
        reg.reviews.update(report_id, "Dana Reviewer", rationale=f"note {n}")
        reg.reviews.update_triage(exception_id, "Dana Reviewer", follow_up=f"follow-up {n}")
        print("saved", n, flush=True)
""")


def test_sigkill_during_review_edits_keeps_every_acknowledged_edit(tmp_path, corpus):
    doc = next(d for d in corpus.readable() if d.password is None and d.truth["report"]["exceptions"])
    path = tmp_path / "register.db"
    proc = subprocess.Popen([sys.executable, "-c", EDITOR, str(path), PASSPHRASE, str(doc.path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline().split()
    assert first[0] == "ready", proc.stderr.read() if proc.poll() is not None else first
    report_id = int(first[1])
    acknowledged = 0
    deadline = time.monotonic() + 120
    while acknowledged < 40 and time.monotonic() < deadline:
        status, n = proc.stdout.readline().split()
        acknowledged = int(n)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    # the editor may have gone on past the line read last: every "saved n" it printed before the kill counts
    for line in proc.stdout.read().splitlines():
        if line.startswith("saved "):
            acknowledged = max(acknowledged, int(line.split()[1]))
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert acknowledged >= 40

    with Register.open(path, PASSPHRASE) as reg:
        assert reg.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        saved_note = int(reg.reviews.get(report_id).rationale.split()[-1])
        triage = reg.reviews.exceptions(report_id)[0].triage
        saved_follow_up = int(triage.follow_up.split()[-1])
        # the last acknowledged pair is there; at most one more edit had committed before the kill landed
        assert acknowledged <= saved_note <= acknowledged + 1
        assert saved_follow_up in (saved_note, saved_note - 1)
        notes = [e for e in reg.audit.entries(report_id) if e.field == "rationale"]
        assert len(notes) == saved_note
        assert notes[-1].new == f"note {saved_note}"
