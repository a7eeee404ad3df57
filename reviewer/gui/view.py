"""`View`: what the main window asks of each of its fixed views, and nothing more.

The main window lists its views once and drives them only through this protocol: it hands them the register
(None while locked), saves and restores their state across a lock, and asks them to read the register again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QComboBox, QTabWidget

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


class ChoiceState:
    """The register and the state of a view whose state is which entry of one of its choices is picked: the
    choice is `choice()`, kept under `state_key`. Mixed in before the view's widget class."""

    register: Register | None
    state_key: str

    def choice(self) -> QComboBox:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def set_register(self, register: Register | None) -> None:
        self.register = register
        if register is None:
            self.refresh()  # nothing to show while locked; with a register, refreshed when shown

    def state(self) -> ViewState:
        return {self.state_key: self.choice().currentIndex()}

    def restore(self, state: ViewState) -> None:
        index = state.get(self.state_key, 0)
        self.choice().setCurrentIndex(index if isinstance(index, int) else 0)


def show_tab(tabs: QTabWidget, index: int, shown: Callable[[int], None]) -> None:
    """Make tab `index` current and call `shown(index)` exactly once, whether the tab changed or not: after an
    unlock the tab that was current is current again (no `currentChanged`), yet the lock emptied its view."""
    tabs.blockSignals(True)
    tabs.setCurrentIndex(index)
    tabs.blockSignals(False)
    shown(tabs.currentIndex())
