"""What the Help menu says, as data and plain text (no widgets are built here): the report currency statuses,
where the data lives and how to back it up or move it, and the About text.

`currency_statuses()` reads the statuses, their names and meanings from `reviewer.register.currency` (worst first),
worded with the user's own thresholds from the settings.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from reviewer.register.currency import CurrencyThresholds, status_meanings

APP_DESCRIPTION = "An offline desktop tool for reviewing vendors' SOC reports, with an encrypted local register."


@dataclass(frozen=True)
class StatusHelp:
    status: str
    label: str
    meaning: str


def currency_statuses(thresholds: CurrencyThresholds | None = None) -> list[StatusHelp]:
    """(status, name, meaning) of every currency status, worst first, worded with the user's thresholds."""
    return [StatusHelp(status, name, meaning) for status, name, meaning in status_meanings(thresholds)]


def data_locations(register_path: Path, settings_path: str, default_register: Path) -> list[tuple[str, str]]:
    """(heading, text) paragraphs: where the register and the settings are, backing up, moving, what never rests
    on disk."""
    name = register_path.name
    return [
        ("Your register", f"Everything you import and enter is in one encrypted file:\n{register_path}\n\n"
                          f"While the app runs it keeps {name}-wal (recent changes, encrypted like the register) "
                          f"and {name}-shm beside it. The folder is private to you and every file in it too."),
        ("Your settings", f"{settings_path}\n\nThe fiscal year end, the currency thresholds, the idle lock, your "
                          "name and the window's layout. Never report text. The accepted audit firms are kept in "
                          "the register, not here."),
        ("Backing up", f"1. Close the app (File > Quit), so that everything is written into {name}.\n"
                       f"2. Copy {name} to your backup place (and {name}-wal too, if it is still beside it).\n\n"
                       "The copy stays encrypted, so it is safe on a backup drive; opening it takes the passphrase "
                       "the register had when you copied it. To restore, close the app and copy the file back."),
        ("Moving to another machine", f"Install reviewer there, close the app on both machines, and copy {name} "
                                      "into the new machine's user data folder, where the app looks for it: "
                                      "~/.local/share/reviewer/ on Linux, ~/Library/Application Support/reviewer/ "
                                      "on macOS, %LOCALAPPDATA%\\reviewer\\ on Windows (here: "
                                      f"{default_register.parent}), named register.db. Or keep it anywhere and "
                                      "start the app with reviewer --register FILE. Unlock it with the same "
                                      "passphrase. The settings do not travel with the register: set them again "
                                      "there."),
        ("Never written to disk", "Your passphrase and the register's key; decrypted PDFs or pages; report text "
                                  "in logs, settings or temporary files; the folders your file dialogs visited. "
                                  "Exports and workpapers you write are plain files: protect them yourself."),
    ]


def about_text(version: str, qt_version: str, binding_version: str) -> str:
    return (f"reviewer {version}\n\n{APP_DESCRIPTION}\n\n"
            "It works offline: it opens no network connection. Reports are read in a sandboxed child process, "
            "and everything is kept in one SQLCipher-encrypted file.\n\n"
            f"Qt {qt_version}, PySide6 {binding_version}, Python {platform.python_version()} on {sys.platform}.")
