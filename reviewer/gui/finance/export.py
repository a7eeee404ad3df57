"""Exporting the finance view's coverage: a save dialog that starts in the user's documents folder, then the
register's coverage export (CSV or XLSX by the chosen kind)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from reviewer.gui.dialog_history import private_dialog

FILTERS = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}


def documents_folder() -> Path:
    """The user's documents folder (where an export is looked for first); home when there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def ask_coverage_file(parent: QWidget, kind: str, file_stem: str, chosen: Callable[[Path], None]) -> QFileDialog:
    """Open (non-modal) a save dialog for `<documents>/<file_stem>.<kind>`; `chosen(path)` once the user picks."""
    start = documents_folder() / f"{file_stem}.{kind}"
    dialog = private_dialog(QFileDialog(parent, "Export the SOC 1 coverage", str(start), FILTERS[kind]))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(kind)
    dialog.selectFile(str(start))
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()
    return dialog
