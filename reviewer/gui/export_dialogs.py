"""Where exports go and what they wrote: save dialogs that start in the user's documents folder (and keep no folder
history, `private_dialog`), and a message listing every file an export wrote."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reviewer.gui.dialog_history import private_dialog


def documents_folder() -> Path:
    """The user's documents folder (the platform's), or the home folder when there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def save_dialog(parent: QWidget, title: str, file_name: str, name_filter: str, suffix: str) -> QFileDialog:
    """A save dialog in the documents folder with `file_name` proposed (opened by the caller)."""
    folder = documents_folder()
    dialog = private_dialog(QFileDialog(parent, title, str(folder), name_filter))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    dialog.setDirectory(str(folder))
    dialog.selectFile(file_name)
    return dialog


def files_written_text(paths: Sequence[Path]) -> str:
    count = len(paths)
    return f"Wrote {count} file{'s' if count != 1 else ''}:\n" + "\n".join(str(p) for p in paths)


def show_files_written(parent: QWidget, title: str, paths: Sequence[Path]) -> QMessageBox:
    """An information message naming every file written (opened, not exec'd, so nothing blocks)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, files_written_text(paths), QMessageBox.StandardButton.Ok,
                      parent)
    box.open()
    return box
