"""Opening the encrypted register file: the key, the SQLCipher connection, and the process lock.

The key is derived once per session from the passphrase with scrypt (`kdf.py`: the parameters are recorded in the
salt) into a raw 256-bit key, and given to SQLCipher as a raw key (`PRAGMA key = "x'...'"`), so SQLCipher skips its
own KDF and extra connections (a worker thread's) open in milliseconds. The scrypt salt is SQLCipher's own
per-database salt: the first 16 bytes of the file, which SQLCipher keeps in clear for exactly this purpose. On
creation (and on a passphrase change) we choose the salt and pass it with the key (`x'<key><salt>'`). So there is no
sidecar: one file, one key.

A register is used by one process at a time, whatever name it is opened by (a hard link, a symlink): the lock is
taken on the file's identity. On Linux it is an open-file-description lock (F_OFD_SETLK) on one byte of the
register file far beyond anything SQLite locks (its locks sit at 1 GiB); elsewhere an exclusive lock (flock /
msvcrt) on `<real path>.lock` beside it. Several connections in one process share the lock through a reference
count keyed by (device, inode). A new register's file is created empty and 0600 before SQLite opens it, so SQLite
gives its -wal and -shm the same private mode.
"""

from __future__ import annotations

import os
import struct
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from reviewer.register import kdf
from reviewer.register.errors import RegisterError, RegisterFull, RegisterInUse, WrongPassphrase

SALT_BYTES = kdf.SALT_BYTES
KEY_BYTES = kdf.KEY_BYTES
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True, eq=True)
class RegisterKey:
    """The raw SQLCipher key derived from a passphrase, and the database salt it was derived with.

    `raw` is a bytearray owned by one `Register`, so that closing (and locking the GUI) can overwrite it."""

    raw: bytearray = field(repr=False)
    salt: bytes

    def copy(self) -> RegisterKey:
        return RegisterKey(bytearray(self.raw), self.salt)

    def wipe(self) -> None:
        """Overwrite the key in memory (SQLCipher wipes its own copy when the connection closes)."""
        self.raw[:] = bytes(len(self.raw))

    def pragma_value(self, *, with_salt: bool = False) -> str:
        hexed = self.raw.hex() + (self.salt.hex() if with_salt else "")
        return f"\"x'{hexed}'\""


def derive_key(passphrase: str, salt: bytes) -> RegisterKey:
    """The slow step: scrypt(passphrase, salt), with the parameters the salt records -> a 32-byte raw key."""
    return RegisterKey(raw=bytearray(kdf.scrypt_key(passphrase, salt)), salt=salt)


def new_salt() -> bytes:
    return kdf.new_salt()


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
    """One exclusive OS lock per register file (by identity) per process, shared by reference count."""

    _guard = threading.Lock()
    _held: dict[str, list[Any]] = {}  # "device:inode" -> [fd, count, real path]

    @classmethod
    def acquire(cls, db_path: Path) -> str:
        """Lock the register at `db_path`, creating its file (empty, 0600) when there is none."""
        fd = os.open(db_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        st = os.fstat(fd)
        token = f"{st.st_dev}:{st.st_ino}"
        with cls._guard:
            held = cls._held.get(token)
            if held is not None:
                os.close(fd)
                if held[2] != os.path.realpath(db_path):
                    # SQLite names the -wal and -shm after the path: two names in one process would mean two WALs
                    raise RegisterInUse(f"register {db_path} is already open in this app as {held[2]}; "
                                        "use that name")
                held[1] += 1
                return token
            try:
                lock_fd = _lock_register(fd, db_path)
            except OSError:
                os.close(fd)
                raise RegisterInUse(
                    f"register {db_path} is in use by another reviewer process; close it and try again"
                ) from None
            if lock_fd != fd:
                os.close(fd)
            cls._held[token] = [lock_fd, 1, os.path.realpath(db_path)]
            return token

    @classmethod
    def release(cls, token: str) -> None:
        with cls._guard:
            held = cls._held.get(token)
            if held is None:
                return
            held[1] -= 1
            if held[1] == 0:
                del cls._held[token]
                _unlock_fd(held[0])
                os.close(held[0])

    @classmethod
    def count(cls, token: str) -> int:
        with cls._guard:
            held = cls._held.get(token)
            return held[1] if held else 0


# the byte the Linux lock takes: SQLite locks bytes from 2^30 on; nothing ever reads or writes this far
OFD_LOCK_OFFSET = 2**62

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_register(fd: int, db_path: Path) -> int:
        lock_fd = os.open(os.path.realpath(db_path) + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            msvcrt.locking(lock_fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(lock_fd)
            raise
        return lock_fd

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    _OFD_SETLK = getattr(fcntl, "F_OFD_SETLK", None)

    def _ofd(fd: int, kind: int) -> None:
        # struct flock {short l_type; short l_whence; off_t l_start; off_t l_len; pid_t l_pid;} (l_pid 0 for OFD)
        assert _OFD_SETLK is not None
        fcntl.fcntl(fd, _OFD_SETLK, struct.pack("hhqqi4x", kind, os.SEEK_SET, OFD_LOCK_OFFSET, 1, 0))

    def _lock_register(fd: int, db_path: Path) -> int:
        if _OFD_SETLK is not None:  # Linux: on the register file itself, so every name of it is covered
            _ofd(fd, fcntl.F_WRLCK)
            return fd
        lock_fd = os.open(os.path.realpath(db_path) + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(lock_fd)
            raise
        return lock_fd

    def _unlock_fd(fd: int) -> None:
        if _OFD_SETLK is not None:
            _ofd(fd, fcntl.F_UNLCK)
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)


def register_in_use(db_path: Path) -> bool:
    """Whether a process (this one included) has the register at `db_path` open, asked without opening it: so a
    second app can say so before it asks for the passphrase. Takes the lock and gives it back at once."""
    try:
        st = os.stat(db_path)
    except OSError:
        return False
    with _ProcessLock._guard:
        # held here: say so without opening the file (closing another descriptor of it would drop SQLite's locks)
        if f"{st.st_dev}:{st.st_ino}" in _ProcessLock._held:
            return True
    try:
        fd = os.open(db_path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        try:
            lock_fd = _lock_register(fd, db_path)
        except OSError:
            return True
        _unlock_fd(lock_fd)
        if lock_fd != fd:
            os.close(lock_fd)
        return False
    finally:
        os.close(fd)


acquire_lock = _ProcessLock.acquire
release_lock = _ProcessLock.release
lock_holders = _ProcessLock.count


def make_private_folder(folder: Path) -> None:
    """Create the register's folder (and missing parents) as 0700; an existing folder is left as it is."""
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)


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
