"""The Audit log tab: the register's log for this report (who changed what, when, from what to what)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from reviewer.gui.text import tooltip_text
from reviewer.register.records import AuditEntry

COLUMNS = ("When (UTC)", "Who", "What", "Field", "From", "To")


class AuditTab(QWidget):
    """Newest first; the workspace refreshes it after every saved edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[AuditEntry] = []
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.entries = list(reversed(entries))
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            what = e.entity if e.entity_id is None else f"{e.entity} {e.entity_id}"
            for col, text in enumerate((e.at.replace("T", " ").removesuffix("+00:00"), e.who, what, e.field,
                                        e.old or "", e.new or "")):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip_text(text))
                self.table.setItem(row, col, item)
