"""Full-text search hits across all reports: vendor, page and snippet, one a line; activating one opens it."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.gui.text import plain_label, tooltip_text

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResults(QWidget):
    """Shows `register.search.pages(query)`; emits `hit_activated(report_id, page)`."""

    hit_activated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = plain_label("", self)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(["Vendor", "Page", "Text"])
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.query = ""

    def show_hits(self, query: str, hits: list[Any]) -> None:
        self.query = query
        self.tree.clear()
        for hit in hits:
            # FTS snippets may carry highlight markers; the list shows plain text on one line
            snippet = re.sub(r"\s+", " ", re.sub(r"</?b>|\[|\]", "", hit.snippet)).strip()
            item = QTreeWidgetItem([hit.vendor or "(unknown vendor)", str(hit.page), snippet])
            item.setData(0, HIT_ROLE, (int(hit.report_id), int(hit.page)))
            item.setToolTip(2, tooltip_text(snippet))
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        self.summary.setText(f"{len(hits)} hit{'s' if len(hits) != 1 else ''} for \u201c{query}\u201d"
                             if query else "")

    def clear(self) -> None:
        self.show_hits("", [])

    def hits(self) -> list[tuple[int, int, str]]:
        """(report_id, page, snippet) of every row shown."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is None:
                continue
            report_id, page = item.data(0, HIT_ROLE)
            out.append((report_id, page, item.text(2)))
        return out

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        report_id, page = item.data(0, HIT_ROLE)
        self.hit_activated.emit(report_id, page)
