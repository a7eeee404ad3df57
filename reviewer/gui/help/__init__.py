"""The Help menu and its window: keyboard shortcuts (read from the live actions), report currency statuses,
where the data lives, about."""

from reviewer.gui.help.menu import HelpMenu

__all__ = ["HelpMenu"]
