"""Opening the register: encryption at rest, wrong passphrase, one process at a time, re-keying, migrations."""

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reviewer.register import Register, RegisterError, WrongPassphrase
from reviewer.register.connection import derive_key, read_salt
from reviewer.register.migrations import SCHEMA_VERSION, migrate, schema_version
from tests.support.register import PASSPHRASE, store

VENDOR_MARKER = "Zyxwvut Quokka Hosting"
PAGE_MARKER = "marmalade-penguin-entropy"
NOTE_MARKER = "Plinth-Oboe-Rationale"


def _all_bytes(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_nothing_readable_rests_on_disk_and_the_passphrase_brings_it_back(register_path):
    reg = Register.open(register_path, PASSPHRASE)
    report_id = store(reg, VENDOR_MARKER, pages=[f"Our controls use {PAGE_MARKER} and MFA."])
    reg.reviews.update(report_id, "alice", status="in_review", rationale=NOTE_MARKER)
    # look while the register is open (WAL and shm present) and after closing
    snapshots = [_all_bytes(register_path.parent)]
    assert any(p.name.endswith("-wal") for p in snapshots[0])
    reg.close()
    snapshots.append(_all_bytes(register_path.parent))
    for files in snapshots:
        for path, data in files.items():
            for marker in (VENDOR_MARKER, PAGE_MARKER, NOTE_MARKER, "%PDF-", "SQLite format 3"):
                for encoding in ("utf-8", "utf-16-le"):
                    assert marker.encode(encoding) not in data, (marker, path.name)
                assert marker.lower().encode() not in data.lower(), (marker, path.name)
    plain = sqlite3.connect(register_path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()
    with Register.open(register_path, PASSPHRASE, create=False) as again:
        assert again.reports.get(report_id).vendor == VENDOR_MARKER
        assert again.reports.pdf_bytes(report_id).startswith(b"%PDF-")
        assert [h.report_id for h in again.search.pages(PAGE_MARKER)] == [report_id]
        assert again.reviews.get(report_id).rationale == NOTE_MARKER


def test_wrong_passphrase_is_a_clear_error_and_prints_nothing(register_path, capfd):
    Register.open(register_path, PASSPHRASE).close()
    with pytest.raises(WrongPassphrase, match="wrong passphrase for the register"):
        Register.open(register_path, "not the passphrase")
    assert capfd.readouterr().err == ""
    Register.open(register_path, PASSPHRASE).close()  # the failed attempt left the lock free


def test_missing_register_is_not_created_when_asked_not_to(register_path):
    with pytest.raises(RegisterError, match="no register"):
        Register.open(register_path, PASSPHRASE, create=False)
    assert not register_path.exists()


def test_an_unencrypted_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(RegisterError, match="unencrypted SQLite file"):
        Register.open(path, PASSPHRASE)


def test_empty_passphrase_is_refused(register_path):
    with pytest.raises(RegisterError, match="cannot be empty"):
        Register.open(register_path, "")


def test_a_second_process_is_told_the_register_is_in_use(register_path):
    script = textwrap.dedent(f"""
        from reviewer.register import Register, RegisterInUse
        try:
            Register.open({str(register_path)!r}, {PASSPHRASE!r})
        except RegisterInUse as err:
            print("IN USE:", err)
    """)
    with Register.open(register_path, PASSPHRASE):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
        assert done.stdout.startswith("IN USE: register"), done.stderr
        assert "in use by another reviewer process" in done.stdout
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == ""


def test_connections_in_one_process_share_the_register(register_path):
    with Register.open(register_path, PASSPHRASE) as gui:
        worker = Register.open_with_key(register_path, gui.key)
        report_id = store(worker, "Worker Vendor LLC")
        assert [r.vendor for r in gui.reports.rows()] == ["Worker Vendor LLC"]
        worker.close()
        assert gui.reports.get(report_id).vendor == "Worker Vendor LLC"
    # all closed: the lock is free for another process (checked in the test above); and the key stays valid
    with Register.open(register_path, PASSPHRASE) as again:
        assert again.reports.count() == 1


def test_the_key_is_derived_from_the_salt_in_the_file(register_path):
    with Register.open(register_path, PASSPHRASE) as reg:
        key = reg.key
        assert key.salt == read_salt(register_path)
        assert derive_key(PASSPHRASE, key.salt) == key
        assert key.raw.hex() not in repr(key)
    assert key.raw == bytes(32)  # closing overwrote it


def test_change_passphrase(register_path):
    with Register.open(register_path, PASSPHRASE) as reg:
        report_id = store(reg, "Rekey Vendor Inc")
        other = Register.open_with_key(register_path, reg.key)
        with pytest.raises(RegisterError, match="other windows"):
            reg.change_passphrase("new passphrase 2")
        other.close()
        reg.change_passphrase("new passphrase 2")
        assert reg.reports.get(report_id).vendor == "Rekey Vendor Inc"
    with pytest.raises(WrongPassphrase):
        Register.open(register_path, PASSPHRASE)
    with Register.open(register_path, "new passphrase 2") as reg:
        assert reg.reports.get(report_id).vendor == "Rekey Vendor Inc"


def test_migrations_run_once_and_a_failing_one_changes_nothing(register_path):
    with Register.open(register_path, PASSPHRASE) as reg:
        conn = reg.connection
        assert schema_version(conn) == SCHEMA_VERSION
        from reviewer.register.migrations import MIGRATIONS

        assert migrate(conn) == 0
        broken = MIGRATIONS + [["CREATE TABLE extra (x)", "CREATE TABLE extra (x)"]]
        with pytest.raises(Exception, match="already exists"):
            migrate(conn, broken)
        assert schema_version(conn) == SCHEMA_VERSION
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert "extra" not in tables
        working = MIGRATIONS + [["CREATE TABLE extra (x)"]]
        assert migrate(conn, working) == 1
        assert schema_version(conn) == SCHEMA_VERSION + 1
    with pytest.raises(RegisterError, match="newer than this reviewer"):
        Register.open(register_path, PASSPHRASE)



def test_a_version_1_register_is_upgraded_with_its_page_text(register_path):
    from reviewer.register.connection import acquire_lock, connect, new_salt, release_lock
    from reviewer.register.migrations import MIGRATIONS

    key = derive_key(PASSPHRASE, new_salt())
    lock = acquire_lock(register_path.parent.mkdir(parents=True) or register_path)
    conn = connect(register_path, key, creating=True)
    migrate(conn, MIGRATIONS[:1])
    conn.execute("INSERT INTO page_text (text, report_id, page) VALUES ('legacy quokka text', 7, 3)")
    conn.close()
    release_lock(lock)
    with Register.open(register_path, PASSPHRASE) as reg:
        assert schema_version(reg.connection) == SCHEMA_VERSION
        rowid, report_id, page = reg.connection.execute(
            "SELECT rowid, report_id, page FROM page_text WHERE page_text MATCH 'quokka'").fetchone()
        assert (rowid, report_id, page) == (700003, 7, 3)
