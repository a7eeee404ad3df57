"""Key derivation (issue 10, item 6): parameters at or above OWASP's scrypt minimum, recorded in the register's own
salt so they can be raised, upgraded by `passwd`; one passphrase rule for the CLI and the GUI; a refused
passphrase leaves no file behind."""

from __future__ import annotations

import hashlib
import os
import secrets
import subprocess
import sys

import pytest
import sqlcipher3

from reviewer.register import Register, RegisterError
from reviewer.register.connection import derive_key, read_salt
from reviewer.register.kdf import CURRENT, LEGACY, MIN_PASSPHRASE_LENGTH, kdf_parameters
from tests.support.register import PASSPHRASE, store


def _legacy_register(path, passphrase):
    """A register as the first file format made it: a random salt, scrypt N=2^15, nothing recorded."""
    from reviewer.register.migrations import migrate

    path.parent.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_bytes(16)
    raw = hashlib.scrypt(passphrase.encode(), salt=salt, n=2**15, r=8, p=1, maxmem=128 * 2**20, dklen=32)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{raw.hex()}{salt.hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn)
    conn.close()
    return salt


def test_a_new_register_records_owasp_scrypt_parameters(register_path):
    with Register.open(register_path, PASSPHRASE) as reg:
        key = reg.key.copy()
    params = kdf_parameters(read_salt(register_path))
    assert params == CURRENT
    assert (params.name, params.n, params.r, params.p) == ("scrypt", 2**17, 8, 1)
    assert params.n >= 2**17 and params.r >= 8
    raw = hashlib.scrypt(PASSPHRASE.encode(), salt=key.salt, n=2**17, r=8, p=1, maxmem=256 * 2**20, dklen=32)
    assert key.raw == raw


def test_a_legacy_register_opens_and_passwd_upgrades_it(register_path):
    salt = _legacy_register(register_path, PASSPHRASE)
    assert kdf_parameters(salt) == LEGACY
    with Register.open(register_path, PASSPHRASE) as reg:
        report_id = store(reg, "Legacy Vendor Corp")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    environ.update(REVIEWER_PASSPHRASE=PASSPHRASE, REVIEWER_NEW_PASSPHRASE=PASSPHRASE)  # same passphrase: upgrade
    done = subprocess.run([sys.executable, "-m", "reviewer", "passwd", "--register", str(register_path)],
                          capture_output=True, text=True, env=environ, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    new_salt = read_salt(register_path)
    assert kdf_parameters(new_salt) == CURRENT and new_salt != salt
    with Register.open(register_path, PASSPHRASE) as reg:
        assert reg.reports.get(report_id).vendor == "Legacy Vendor Corp"
        assert reg.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert derive_key(PASSPHRASE, new_salt).raw != derive_key(PASSPHRASE, salt).raw


@pytest.mark.parametrize("passphrase", ["", "short", "x" * (MIN_PASSPHRASE_LENGTH - 1)])
def test_a_short_passphrase_is_refused_and_leaves_no_file(register_path, passphrase):
    with pytest.raises(RegisterError, match="cannot be empty" if not passphrase else "at least 10 characters"):
        Register.open(register_path, passphrase)
    assert not register_path.parent.exists() or list(register_path.parent.iterdir()) == []


@pytest.mark.parametrize("passphrase", ["", "123456789"])
def test_the_command_line_applies_the_same_rule(tmp_path, passphrase):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    environ["REVIEWER_PASSPHRASE"] = passphrase
    folder = tmp_path / "reg"
    done = subprocess.run([sys.executable, "-m", "reviewer", "list", "--register", str(folder / "r.db")],
                          capture_output=True, text=True, env=environ, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "passphrase" in done.stderr
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_new_passphrase_follows_the_rule(register_path):
    with Register.open(register_path, PASSPHRASE) as reg:
        with pytest.raises(RegisterError, match="at least 10 characters"):
            reg.change_passphrase("too short")


def test_the_gui_uses_the_same_rule():
    from reviewer.gui import unlock

    assert unlock.MIN_PASSPHRASE_LENGTH == MIN_PASSPHRASE_LENGTH == 10
