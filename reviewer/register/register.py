"""`Register`: one open register file, its connection, its lock and its transactions; the parts do the rest.

One `Register` is one SQLCipher connection, used on the thread that opened it. A worker thread opens its own
with `Register.open_with_key(path, register.key)` (no slow key derivation). Writes are each one transaction.
What a register holds is reached through its parts, each owning its subject's SQL (as anki's `Collection` has
its managers): `reg.reports`, `reg.reviews`, `reg.vendors`, `reg.currency`, `reg.audit`, `reg.search`, `reg.exports`,
`reg.corrections` and `reg.insights` (a vendor's history, carried-forward reviews, trust signals).
"""

from __future__ import annotations

from pathlib import Path

from reviewer.register.connection import (
    RegisterKey,
    acquire_lock,
    connect,
    derive_key,
    file_exists,
    lock_holders,
    make_private_folder,
    new_salt,
    read_salt,
    register_in_use,
    release_lock,
)
from reviewer.register.connection import transaction as _transaction
from reviewer.register.dbapi import Connection
from reviewer.register.errors import RegisterError
from reviewer.register.kdf import check_new_passphrase
from reviewer.register.migrations import migrate
from reviewer.register.parts import (
    Audit,
    Corrections,
    Currency,
    Exports,
    Insights,
    Reports,
    Reviews,
    Search,
    Vendors,
)


class Register:
    """An open register. Use `Register.open(...)`; close with `close()` or a `with` block."""

    def __init__(self, path: Path, conn: Connection, key: RegisterKey, lock_path: str) -> None:
        self.path = path
        self._conn: Connection | None = conn
        self._key = key
        self._lock_path = lock_path
        self.currency = Currency(self)
        self.reports = Reports(self, self.currency)
        self.corrections = Corrections(self)
        self.reviews = Reviews(self, self.corrections)
        self.vendors = Vendors(self)
        self.audit = Audit(self)
        self.search = Search(self)
        self.insights = Insights(self)
        self.exports = Exports(self, self.currency)

    # -- opening -------------------------------------------------------------------------------------------
    @staticmethod
    def exists(path: Path) -> bool:
        return file_exists(Path(path))

    @staticmethod
    def in_use(path: Path) -> bool:
        """Whether the register is open in a process (another app, a command, this one), without opening it."""
        return register_in_use(Path(path))

    @classmethod
    def open(cls, path: Path, passphrase: str, *, create: bool = True) -> Register:
        """Open (or create) the register at `path`. Raises WrongPassphrase, RegisterInUse, RegisterError."""
        path = Path(path)
        existing = file_exists(path)
        if not existing:
            if not create:
                raise RegisterError(f"no register at {path}")
            check_new_passphrase(passphrase)  # before anything touches the disk
            make_private_folder(path.parent)
        lock_path = acquire_lock(path)  # creates a new register's file, empty and 0600
        try:
            salt = read_salt(path) if existing else new_salt()
            key = derive_key(passphrase, salt)
            return cls._finish_open(path, key, lock_path, creating=not existing)
        except BaseException:
            release_lock(lock_path)
            if not existing and path.is_file() and path.stat().st_size == 0:
                path.unlink()
            raise

    @classmethod
    def open_with_key(cls, path: Path, key: RegisterKey) -> Register:
        """Another connection with an already derived key (cheap): for a worker thread."""
        path = Path(path)
        lock_path = acquire_lock(path)
        try:  # its own copy of the key, which its close() wipes
            return cls._finish_open(path, key.copy(), lock_path, creating=not file_exists(path))
        except BaseException:
            release_lock(lock_path)
            raise

    @classmethod
    def _finish_open(cls, path: Path, key: RegisterKey, lock_path: str, *, creating: bool) -> Register:
        conn = connect(path, key, creating=creating)
        try:
            migrate(conn)
        except RuntimeError as err:
            conn.close()
            raise RegisterError(str(err)) from None
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, key, lock_path)

    @property
    def key(self) -> RegisterKey:
        return self._key

    @property
    def connection(self) -> Connection | None:
        """The open connection (None once closed)."""
        return self._conn

    def transaction(self) -> _transaction:
        """`with reg.transaction() as conn:` one write transaction on this register's connection."""
        if self._conn is None:
            raise RegisterError("the register is closed")
        return _transaction(self._conn)

    def only_connection(self) -> bool:
        """Whether this is the only open connection to the register in this process (no import running)."""
        return lock_holders(self._lock_path) <= 1

    def close(self) -> None:
        """Close the connection and overwrite this register's copy of the key (the GUI's lock does this)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._key.wipe()
            release_lock(self._lock_path)

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def change_passphrase(self, new: str) -> None:
        """Re-key the register with a new salt recording the current KDF parameters (so this also upgrades an
        older register's key derivation). Needs every other connection in this process closed."""
        check_new_passphrase(new)
        if not self.only_connection():
            raise RegisterError("close the register's other windows and tasks before changing its passphrase")
        if self._conn is None:
            raise RegisterError("the register is closed")
        new_key = derive_key(new, new_salt())
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._conn.execute(f"PRAGMA rekey = {new_key.pragma_value(with_salt=True)}")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._key.wipe()
        self._key = new_key
