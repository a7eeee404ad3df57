"""`reviewer export` never destroys the register and never leaves a half-written or world-readable export
(issue 10, item 1): targets are compared with the register's files by identity, writes are atomic and 0600."""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys

import pytest

from reviewer.register import Register
from reviewer.register.exports import csv_paths

from .test_register_cli import PASS, one_line_error, reviewer


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "reg" / "register.db"
    with Register.open(path, PASS) as reg:
        from tests.support.register import store

        report_id = store(reg, "Acme Cloud, Inc.")
        reg.reviews.update(report_id, "alice", rationale="noted")
    return path


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_register_itself_is_refused_by_name_link_and_symlink(db, tmp_path, fmt):
    hard = tmp_path / "hard.db"
    os.link(db, hard)
    soft = tmp_path / "soft.csv"
    soft.symlink_to(db)
    for target in (db, hard, soft, tmp_path / "reg" / ".." / "reg" / "register.db"):
        done = reviewer("export", "--register", db, "--format", fmt, "--output", target)
        assert done.returncode == 2, (target, done.stdout, done.stderr)
        assert "is the register" in one_line_error(done)
    with Register.open(db, PASS) as reg:
        assert reg.reports.count() == 1


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal", ".lock"])
def test_the_register_companion_files_are_refused(db, suffix):
    target = db.with_name(db.name + suffix)
    done = reviewer("export", "--register", db, "--format", "csv", "--output", target)
    assert done.returncode == 2
    assert "register" in one_line_error(done)


def test_an_audit_file_that_would_land_on_the_register_is_refused(db, tmp_path):
    # --output X.csv writes X-audit.csv too: "register" -> "register-audit.csv" can never be the register, but a
    # symlink named like the audit file can point at it
    (tmp_path / "out-audit.csv").symlink_to(db)
    done = reviewer("export", "--register", db, "--format", "csv", "--output", tmp_path / "out.csv")
    assert done.returncode == 2
    assert "is the register" in one_line_error(done)
    with Register.open(db, PASS) as reg:
        assert reg.reports.count() == 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_are_private_from_creation(db, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    done = reviewer("export", "--register", db, "--format", fmt, "--output", out)
    assert done.returncode == 0, done.stderr
    written = csv_paths(out) if fmt == "csv" else [out]
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["reg"] + [p.name for p in written])


def test_a_failed_write_leaves_the_previous_export_whole(db, tmp_path):
    out = tmp_path / "export.csv"
    assert reviewer("export", "--register", db, "--format", "csv", "--output", out).returncode == 0
    good = out.read_bytes()
    with Register.open(db, PASS) as reg:
        report_id = reg.reports.rows()[0].id
        for n in range(6):
            reg.reviews.update(report_id, "alice", rationale=f"{n} " + "x" * 40_000)
    environ = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    environ["REVIEWER_PASSPHRASE"] = PASS
    limit = 64 * 1024  # files may not grow past 64 KiB: the audit export (240 KB) cannot be written

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run([sys.executable, "-m", "reviewer", "export", "--register", str(db), "--format", "csv",
                           "--output", str(out)], capture_output=True, text=True, env=environ, timeout=120,
                          preexec_fn=cap, stdin=subprocess.DEVNULL)
    assert done.returncode == 2, done.stderr
    assert "cannot write" in one_line_error(done)
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["reg"] + [p.name for p in csv_paths(out)])
