"""Importing the user's own controls from a CSV or Excel file, from the CUECs tab.

`ControlsImport` asks for the file (a private file dialog), reads it (`reviewer.register.own_controls_file`),
says plainly what is wrong with a bad file, and otherwise previews it: each control as new or already present,
the rows skipped, and a summary ("12 controls to import, 2 already present"). On Import the new controls are
added in one transaction; the import is undoable (Ctrl+Z takes the added controls back while none is mapped).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.dialog_history import private_dialog
from reviewer.gui.text import plain_label
from reviewer.register.own_controls_file import ControlRow, ControlsFile, ControlsFileError, read_controls_file

if TYPE_CHECKING:
    from collections.abc import Callable

    from reviewer.gui.workspace.undo import EditSession
    from reviewer.register.register import Register

FILE_FILTER = "Controls lists (*.csv *.xlsx);;CSV (*.csv);;Excel workbook (*.xlsx)"


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def preview_summary(new: int, present: int, skipped: int, *, done: bool = False) -> str:
    """"12 controls to import, 2 already present, 1 row skipped" (or "... imported" once done)."""
    parts = [plural(new, "control") + (" imported" if done else " to import")]
    if present:
        parts.append(f"{present} already present")
    if skipped:
        parts.append(plural(skipped, "row") + " skipped")
    return ", ".join(parts) + "."


class ImportPreviewDialog(QDialog):
    """The controls a file lists, each new or already present, and the rows skipped; Import adds the new ones."""

    def __init__(self, file_name: str, parsed: ControlsFile, present_refs: set[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import own controls \u2014 {file_name}")
        self.rows = parsed.rows
        self.new_rows = [r for r in parsed.rows if r.ref.casefold() not in present_refs]
        present = len(parsed.rows) - len(self.new_rows)
        self.summary = plain_label(preview_summary(len(self.new_rows), present, len(parsed.skipped)), self)
        self.table = QTableWidget(len(parsed.rows), 4, self)
        self.table.setHorizontalHeaderLabels(["Id", "Title", "Owner", ""])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for n, row in enumerate(parsed.rows):
            status = "already present" if row.ref.casefold() in present_refs else "new"
            for col, text in enumerate((row.ref, row.title, row.owner or "", status)):
                self.table.setItem(n, col, QTableWidgetItem(text))
        self.skipped = plain_label("Skipped: " + "; ".join(parsed.skipped) if parsed.skipped else "", self)
        self.skipped.setWordWrap(True)
        self.skipped.setVisible(bool(parsed.skipped))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(bool(self.new_rows))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skipped)
        layout.addWidget(self.buttons)
        self.resize(640, 420)


class ImportedControls(QUndoCommand):
    """Own controls added from a file, already written when pushed; undo removes them, redo adds them again."""

    def __init__(self, task: ControlsImport, rows: list[ControlRow], added_ids: list[int]) -> None:
        super().__init__(f"import of {plural(len(added_ids), 'own control')}")
        self._task, self._rows, self._ids = task, rows, added_ids
        self._already_written = True

    def redo(self) -> None:
        if self._already_written:  # QUndoStack.push() calls redo(); the import was saved just before
            self._already_written = False
            return
        self._ids = self._task.add(self._rows)[0]

    def undo(self) -> None:
        task = self._task
        task.session.write(lambda _v: task.register.reviews.remove_own_controls(self._ids, task.who()), None)


class ControlsImport(QObject):
    """The import flow for one workspace; `reported(message)` for a summary or an error the user should read."""

    reported = Signal(str)
    failed = Signal(str)

    def __init__(self, register: Register, session: EditSession, who: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.register, self.session, self.who = register, session, who
        self.parent_widget = parent
        self.preview: ImportPreviewDialog | None = None

    def open_file_dialog(self) -> QFileDialog:
        """Ask for the file (opened, not exec'd); the preview opens once one is chosen."""
        dialog = private_dialog(QFileDialog(self.parent_widget, "Import own controls", "", FILE_FILTER))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda name: self.preview_file(Path(name)))
        dialog.open()
        return dialog

    def preview_file(self, path: Path) -> ImportPreviewDialog | None:
        """Read `path` and open its preview (None, and `failed`, when the file cannot be used)."""
        try:
            parsed = read_controls_file(path)
        except ControlsFileError as err:
            self.failed.emit(f"Own controls not imported: {err}")
            return None
        present = {c.ref.casefold() for c in self.register.reviews.own_controls()}
        self.preview = ImportPreviewDialog(path.name, parsed, present, self.parent_widget)
        self.preview.accepted.connect(lambda d=self.preview, p=parsed: self._import(d, p))
        self.preview.open()
        return self.preview

    def add(self, rows: list[ControlRow]) -> tuple[list[int], list[str]]:
        """Add `rows` (saved through the session); the new ids and the references already present."""
        result: list[tuple[list[int], list[str]]] = []

        def write(_value: object) -> None:
            added, present = self.register.reviews.add_own_controls([(r.ref, r.title, r.owner) for r in rows],
                                                                    self.who())
            result.append(([c.id for c in added], present))

        self.session.write(write, None)
        return result[0] if result else ([], [])

    def _import(self, dialog: ImportPreviewDialog, parsed: ControlsFile) -> None:
        ids, present = self.add(dialog.rows)
        if not ids and not present:
            return  # refused: the session said why
        if ids:
            self.session.stack.push(ImportedControls(self, dialog.rows, ids))
        self.reported.emit(preview_summary(len(ids), len(present), len(parsed.skipped), done=True))
