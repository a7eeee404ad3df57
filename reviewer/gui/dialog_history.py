"""No file-dialog history: Qt's own file dialog remembers the folders it visited (names such as "NDA Acme ...") in
its QtProject settings (`~/.config/QtProject.conf` on Linux), whatever the app's settings say. This module keeps
none of it.

Qt writes that history when a QFileDialog is destroyed, so `private_dialog(dialog)` empties the dialog's history
and, once the dialog is gone, removes the FileDialog entries again; `forget_file_dialog_history()` also runs when
the main window opens, for what an earlier crash may have left.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

REMEMBERED = ("history", "lastVisited", "shortcuts")


def forget_file_dialog_history() -> None:
    store = QSettings(QSettings.Scope.UserScope, "QtProject")
    for key in REMEMBERED:
        store.remove(f"FileDialog/{key}")
    store.sync()


def private_dialog(dialog: QFileDialog) -> QFileDialog:
    """`dialog`, made to leave no folder history behind."""
    dialog.setHistory([])
    dialog.finished.connect(lambda _result: dialog.setHistory([]))
    dialog.destroyed.connect(lambda *_: forget_file_dialog_history())
    return dialog
