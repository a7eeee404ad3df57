"""`Part`: what every part of the register shares, the register it belongs to and that register's connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.register.dbapi import Connection
from reviewer.register.errors import RegisterError

if TYPE_CHECKING:
    from reviewer.register.register import Register


class Part:
    """One subject's SQL over the register's one connection (used on the thread that opened it)."""

    def __init__(self, register: Register) -> None:
        self._register = register

    @property
    def _conn(self) -> Connection:
        conn = self._register.connection
        if conn is None:
            raise RegisterError("the register is closed")
        return conn
