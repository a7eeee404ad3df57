"""Opening the encrypted register file: key derivation, the SQLCipher connection, and the process lock.

The key is derived once per session from the passphrase with scrypt (hashlib) into a raw 256-bit key, and
given to SQLCipher as a raw key (`PRAGMA key = "x'...'"`), so SQLCipher skips its own KDF and extra connections
(a worker thread's) open in milliseconds. The scrypt salt is SQLCipher's own per-database salt: the first 16
bytes of the file, which SQLCipher keeps in clear for exactly this purpose. On creation we choose the salt and
pass it with the key (`x'<key><salt>'`). So there is no sidecar: one file, one key.

A register is used by one process at a time: an exclusive OS lock (flock / msvcrt) on `<file>.lock` beside
it. Several connections in one process share that lock through a reference count.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from reviewer.register.errors import RegisterError, RegisterFull, RegisterInUse, WrongPassphrase

SALT_BYTES = 16
KEY_BYTES = 32
# scrypt cost: about 0.1 s and 32 MiB here; fixed for file format 1 (changing it needs a format marker).
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class RegisterKey:
    """The raw SQLCipher key derived from a passphrase, and the database salt it was derived with."""

    raw: bytes = field(repr=False)
    salt: bytes

    def pragma_value(self, *, with_salt: bool = False) -> str:
        hexed = self.raw.hex() + (self.salt.hex() if with_salt else "")
        return f"\"x'{hexed}'\""


def derive_key(passphrase: str, salt: bytes) -> RegisterKey:
    """The slow step: scrypt(passphrase, salt) -> a 32-byte raw key."""
    if not passphrase:
        raise RegisterError("the register's passphrase cannot be empty")
    raw = hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
        maxmem=128 * 1024 * 1024, dklen=KEY_BYTES,
    )
    return RegisterKey(raw=raw, salt=salt)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def file_exists(path: Path) -> bool:
    """A register exists when its file is there and not empty (an empty file is treated as new)."""
    return path.is_file() and path.stat().st_size > 0


def read_salt(path: Path) -> bytes:
    """SQLCipher's per-database salt: the file's first 16 bytes (not secret)."""
    with open(path, "rb") as fh:
        head = fh.read(SALT_BYTES)
    if head == SQLITE_PLAIN_HEADER:
        raise RegisterError(f"{path} is an unencrypted SQLite file, not a reviewer register")
    if len(head) < SALT_BYTES:
        raise RegisterError(f"{path} is too short to be a reviewer register (damaged?)")
    return head


def connect(path: Path, key: RegisterKey, *, creating: bool) -> Any:
    """A keyed SQLCipher connection in autocommit mode (we issue BEGIN/COMMIT ourselves).

    Raises WrongPassphrase when the key does not decrypt the file.
    """
    conn = sqlcipher3.connect(str(path), isolation_level=None, timeout=30.0)
    try:
        # before keying, so that a failed decryption does not print to stderr
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key.pragma_value(with_salt=creating)}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as err:
            if "not a database" in str(err):
                raise WrongPassphrase(
                    f"wrong passphrase for the register {path} (or the file is not a reviewer register)"
                ) from None
            raise RegisterError(f"cannot read the register {path}: {err}") from None
        conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
        conn.execute("PRAGMA foreign_keys = ON")
        # a deleted report's pages are overwritten with zeros, not left in free pages (destruction after an NDA)
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA journal_mode = WAL")  # the WAL is encrypted by SQLCipher like the main file
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable across a process crash
        conn.execute("PRAGMA busy_timeout = 30000")
        # 32 MiB of decrypted pages: the working set of lists and currency over 10,000 reports stays cached
        # when a full-text search reads page text through the cache (benchmarks/register_scale.py)
        conn.execute("PRAGMA cache_size = -32768")
    except BaseException:
        conn.close()
        raise
    return conn


class _ProcessLock:
    """One exclusive OS lock per register file per process, shared by reference count."""

    _guard = threading.Lock()
    _held: dict[str, list[Any]] = {}  # lock path -> [fd, count]

    @classmethod
    def acquire(cls, db_path: Path) -> str:
        lock_path = str(db_path.resolve()) + ".lock"
        with cls._guard:
            held = cls._held.get(lock_path)
            if held is not None:
                held[1] += 1
                return lock_path
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                _lock_fd(fd)
            except OSError:
                os.close(fd)
                raise RegisterInUse(
                    f"register {db_path} is in use by another reviewer process; close it and try again"
                ) from None
            cls._held[lock_path] = [fd, 1]
            return lock_path

    @classmethod
    def release(cls, lock_path: str) -> None:
        with cls._guard:
            held = cls._held.get(lock_path)
            if held is None:
                return
            held[1] -= 1
            if held[1] == 0:
                del cls._held[lock_path]
                _unlock_fd(held[0])
                os.close(held[0])

    @classmethod
    def count(cls, lock_path: str) -> int:
        with cls._guard:
            held = cls._held.get(lock_path)
            return held[1] if held else 0


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_fd(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


acquire_lock = _ProcessLock.acquire
release_lock = _ProcessLock.release
lock_holders = _ProcessLock.count


def default_register_path() -> Path:
    """`register.db` in the platform's user data folder (platformdirs)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("reviewer", appauthor=False)) / "register.db"


class transaction:  # noqa: N801 - used as a context manager, reads like a statement
    """`with transaction(conn):` BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception.

    The connection is in autocommit mode, so nothing else may commit inside; writers use plain SQL within this block.
    """

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def __enter__(self) -> Any:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if exc is None:
            try:
                self.conn.execute("COMMIT")
                return
            except sqlcipher3.OperationalError as err:
                exc = err
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if is_disk_full(exc):
            raise RegisterFull(
                "the disk is full, so nothing was saved: free some space and try again"
            ) from None
        if exc is not None and exc_type is None:  # COMMIT failed for another reason
            raise RegisterError(f"the register could not save the change: {exc}") from None


def is_disk_full(err: BaseException | None) -> bool:
    """SQLite's SQLITE_FULL ("database or disk is full"), from the main file, the WAL or a size limit."""
    return isinstance(err, sqlcipher3.OperationalError) and "full" in str(err).lower()
