"""`Connection` and `Cursor`: the part of the DB-API that the register uses, as types (sqlcipher3 ships none).

sqlcipher3's connection is the standard library's sqlite3 connection built against SQLCipher; these protocols
name what the register's code calls on it, so the type checker can follow a connection through every module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol


class Cursor(Protocol):
    @property
    def lastrowid(self) -> int:  # None before any INSERT; the register reads it only right after one
        ...

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    @property
    def in_transaction(self) -> bool: ...

    @property
    def total_changes(self) -> int: ...

    def execute(self, sql: str, parameters: Iterable[Any] | dict[str, Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Iterable[Any]], /) -> Cursor: ...

    def close(self) -> None: ...
