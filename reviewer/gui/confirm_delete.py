"""The question asked before reports are destroyed: which ones, what is lost, and a default that deletes nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

SHOWN = 8  # names listed before "... and N more"


def confirm_delete(parent: QWidget, names: list[str], delete: Callable[[], object]) -> QMessageBox:
    """An open (non-blocking) confirmation naming the reports; `delete()` runs only if the user picks Delete."""
    shown = "\n".join(f"\u2022 {name}" for name in names[:SHOWN]) + (
        f"\n\u2026 and {len(names) - SHOWN} more" if len(names) > SHOWN else "")
    box = QMessageBox(QMessageBox.Icon.Warning, "Delete reports" if len(names) > 1 else "Delete report",
                      f"Delete {'these ' + str(len(names)) + ' reports' if len(names) > 1 else 'this report'} "
                      "from the register?", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(f"{shown}\n\nThe PDF, everything read from it and its review are destroyed and "
                           "cannot be recovered. The audit log keeps a line saying who deleted it.")
    button = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter must not destroy anything
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda clicked: delete() if clicked is button else None)
    box.open()
    return box
