"""The hostile batch (issue 10, item 2 and "done when"): good reports mixed with a decompression bomb, a text-operator
bomb, a FIFO, a symlink to /dev/zero, a 2 GB sparse file, a 100,001-page PDF and fuzzed files, imported by the
command line under an address-space cap. Every good report lands, every bad file gets one line saying why, the
exit status is 1, and there is no traceback."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from reviewer.register import Register
from tests.fixtures import hostile

from .test_register_cli import PASS

PARENT_ADDRESS_SPACE = 3 * 2**30  # the whole command, child included, runs under this cap
LIMITS = "seconds=8,seconds_per_page=0.5,memory_mib=400"


def _import(db, *paths):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    environ.update(REVIEWER_PASSPHRASE=PASS, REVIEWER_EXTRACT_LIMITS=LIMITS)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (PARENT_ADDRESS_SPACE, PARENT_ADDRESS_SPACE))

    # --keep-copies: a mutation of a good report that still reads as that report is stored as its own file here
    # (this is about hostile bytes; copies have their own tests)
    return subprocess.run([sys.executable, "-m", "reviewer", "import", "--keep-copies", "--register", str(db),
                           *map(str, paths)],
                          capture_output=True, text=True, env=environ, timeout=600, preexec_fn=cap,
                          stdin=subprocess.DEVNULL)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev/zero and rlimits are POSIX")
def test_a_hostile_batch_imports_every_good_report_and_one_line_per_bad_file(tmp_path, corpus):
    good = [d for d in corpus.readable() if d.password is None and d.truth["document_type"] == "soc_report"][:2]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for doc in good:
        (inbox / doc.path.name).write_bytes(doc.path.read_bytes())
    (inbox / "bomb.pdf").write_bytes(hostile.decompression_bomb())
    (inbox / "glyphs.pdf").write_bytes(hostile.xobject_bomb(5))
    (inbox / "pages.pdf").write_bytes(hostile.many_pages(100_001))
    os.mkfifo(inbox / "fifo.pdf")
    (inbox / "zero.pdf").symlink_to("/dev/zero")
    with open(inbox / "sparse.pdf", "wb") as fh:
        fh.truncate(2 * 10**9)
    fuzzed = hostile.mutations(good[0].path.read_bytes(), 12)
    for i, data in enumerate(fuzzed):
        (inbox / f"fuzzed-{i:02}.pdf").write_bytes(data)
    db = tmp_path / "reg" / "register.db"

    done = _import(db, inbox)

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    by_name = {}
    for line in lines:
        label, path, reason = line.split(": ", 2)
        by_name[os.path.basename(path)] = (label, reason)
    assert len(lines) == len(by_name) == 2 + 6 + len(fuzzed), done.stdout
    for doc in good:
        assert by_name[doc.path.name][0] == "imported"
    expected = {
        "bomb.pdf": "too large when decompressed",
        "glyphs.pdf": "took longer than",
        "pages.pdf": "has 100,001 pages; the limit is 5,000",
        "fifo.pdf": "not a regular file",
        "zero.pdf": "not a regular file",
        "sparse.pdf": "too large (1,907 MiB; the limit is 256 MiB)",
    }
    for name, reason in expected.items():
        label, said = by_name[name]
        assert label == "failed" and reason in said, (name, said)
    for i in range(len(fuzzed)):
        assert by_name[f"fuzzed-{i:02}.pdf"][0] in ("imported", "duplicate", "failed")
    assert done.stderr.strip().splitlines()[-1].endswith("the register is unchanged for them")
    with Register.open(db, PASS) as reg:
        names = {r.file_name for r in reg.reports.rows(limit=None)}
        assert {d.path.name for d in good} <= names
        assert reg.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
