"""`View`: what the main window asks of each of its fixed views, and nothing more.

The main window lists its views once and drives them only through this protocol: it hands them the register
(None while locked), saves and restores their state across a lock, and asks them to read the register again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reviewer.register import Register

ViewState = dict[str, object]


class View(Protocol):
    def set_register(self, register: Register | None) -> None:
        """Use `register` from now on (None: locked, show nothing); reading it is `refresh()`'s job."""

    def state(self) -> ViewState:
        """What the user chose in the view (filters, selection), to `restore()` after unlocking."""

    def restore(self, state: ViewState) -> None:
        """Put back what `state()` returned (without reading the register, unless the view is shown)."""

    def refresh(self) -> None:
        """Read the register again."""
