"""`Part`: what every part of the register shares, the register it belongs to (its `Host`) and its connection.

A part knows its register through the `Host` protocol, not the `Register` class, so that `register.py` can build
its parts without the parts importing it back (no import cycle).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from reviewer.register.connection import transaction as Transaction
from reviewer.register.dbapi import Connection
from reviewer.register.errors import RegisterError


class Host(Protocol):
    """What a part needs of its register: its file, the connection, a transaction on it, and whether it is alone."""

    path: Path

    @property
    def connection(self) -> Connection | None: ...

    def transaction(self) -> Transaction: ...

    def only_connection(self) -> bool: ...


class Part:
    """One subject's SQL over the register's one connection (used on the thread that opened it)."""

    def __init__(self, register: Host) -> None:
        self._register = register

    @property
    def _conn(self) -> Connection:
        conn = self._register.connection
        if conn is None:
            raise RegisterError("the register is closed")
        return conn
