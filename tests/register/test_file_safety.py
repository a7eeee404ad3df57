"""The register's files on disk (issue 10, items 5 and 8): one process per register whatever name it is opened by
(a hard link, a symlink), and every file private from creation (folder 0700; register, -wal and -shm 0600)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap

import pytest

from reviewer.register import Register, RegisterInUse
from tests.support.register import PASSPHRASE, store

HOLD = textwrap.dedent("""
    import sys, time
    from reviewer.register import Register
    reg = Register.open(sys.argv[1], sys.argv[2])
    print("open", flush=True)
    sys.stdin.read()
""")


def _hold_in_another_process(path):
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(path), PASSPHRASE], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "open"
    return child


@pytest.mark.parametrize("alias", ["hard link", "symlink", "symlinked folder"])
def test_another_name_of_the_register_is_locked_too(register_path, tmp_path, alias):
    with Register.open(register_path, PASSPHRASE) as reg:
        store(reg, "Alias Vendor LLC")
    if alias == "hard link":
        other = tmp_path / "elsewhere.db"
        os.link(register_path, other)
    elif alias == "symlink":
        other = tmp_path / "link.db"
        other.symlink_to(register_path)
    else:
        (tmp_path / "linked").symlink_to(register_path.parent, target_is_directory=True)
        other = tmp_path / "linked" / register_path.name
    holder = _hold_in_another_process(register_path)
    try:
        with pytest.raises(RegisterInUse, match="in use by another reviewer process"):
            Register.open(other, PASSPHRASE)
    finally:
        holder.communicate("", timeout=60)
    # and the other way round: held through the alias, the first name is refused
    holder = _hold_in_another_process(other)
    try:
        with pytest.raises(RegisterInUse):
            Register.open(register_path, PASSPHRASE)
    finally:
        holder.communicate("", timeout=60)
    with Register.open(other, PASSPHRASE) as reg:
        assert reg.reports.count() == 1


def test_a_second_name_in_the_same_process_is_refused(register_path, tmp_path):
    # SQLite names the -wal after the path: two names of one register in one process would mean two WALs
    other = tmp_path / "hard.db"
    with Register.open(register_path, PASSPHRASE) as reg:
        os.link(register_path, other)
        with pytest.raises(RegisterInUse, match="already open in this app"):
            Register.open_with_key(other, reg.key)
        with Register.open_with_key(register_path, reg.key) as second:
            assert second.reports.count() == 0


def test_every_file_is_private_from_creation(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "data" / "reviewer" / "register.db"
        with Register.open(path, PASSPHRASE) as reg:
            store(reg, "Private Vendor LLC")
            files = {p.name: stat.S_IMODE(p.stat().st_mode) for p in path.parent.iterdir()}
            assert {"register.db", "register.db-wal", "register.db-shm"} <= set(files)
            assert all(mode == 0o600 for mode in files.values()), files
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        os.umask(old)


def test_the_command_line_creates_with_a_private_umask_and_no_core_dumps(tmp_path):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    environ["REVIEWER_PASSPHRASE"] = PASSPHRASE
    script = "import os, resource, sys; os.umask(0o022); from reviewer.cli import main; main(sys.argv[1:]); " \
             "print(oct(os.umask(0o022)), resource.getrlimit(resource.RLIMIT_CORE)[0])"
    done = subprocess.run([sys.executable, "-c", script, "list", "--register", str(tmp_path / "new" / "r.db")],
                          capture_output=True, text=True, env=environ, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "0o77 0"  # private files, and no core dumps
