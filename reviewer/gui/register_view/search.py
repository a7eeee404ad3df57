"""Full-text search hits across all reports: vendor, page and snippet, one a line, the matched words highlighted
(bold on the palette's highlight tint, `SnippetDelegate`); activating a hit opens its report at that page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.text import plain_label, tooltip_text

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HIGHLIGHTS_ROLE = Qt.ItemDataRole.UserRole + 2  # the snippet's matched words as (start, end) offsets
SNIPPET_COLUMN = 2


def snippet_pieces(text: str, highlights: tuple[tuple[int, int], ...]) -> list[tuple[str, bool]]:
    """The snippet cut into (text, is a hit) pieces, in order."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(highlights):
        if start > at:
            pieces.append((text[at:start], False))
        if end > max(start, at):
            pieces.append((text[max(start, at):end], True))
        at = max(at, end)
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


class SnippetDelegate(QStyledItemDelegate):
    """Paints a snippet on one line with its hits in bold on a tint of the palette's highlight colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        highlights = index.data(HIGHLIGHTS_ROLE)
        if not highlights:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget).adjusted(2, 0, -2, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.highlightedText() if selected else opt.palette.text()
        tint = QColor(opt.palette.highlight().color())
        tint.setAlpha(70)
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.save()
        painter.setClipRect(area)
        x = area.left()
        for piece, hit in snippet_pieces(str(text), tuple(highlights)):
            font = bold if hit else opt.font
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(piece)
            if hit and not selected:
                painter.fillRect(x, area.top() + 1, width, area.height() - 2, tint)
            painter.setFont(font)
            painter.setPen(ink.color())
            painter.drawText(x, area.top(), width, area.height(), int(Qt.AlignmentFlag.AlignVCenter), piece)
            x += width
            if x > area.right():
                break
        painter.restore()


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
        self.tree.setItemDelegateForColumn(SNIPPET_COLUMN, SnippetDelegate(self.tree))
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
            item = QTreeWidgetItem([hit.vendor or "(unknown vendor)", str(hit.page), hit.snippet])
            item.setData(0, HIT_ROLE, (int(hit.report_id), int(hit.page)))
            item.setData(SNIPPET_COLUMN, HIGHLIGHTS_ROLE, list(hit.highlights))
            item.setToolTip(SNIPPET_COLUMN, tooltip_text(hit.snippet))
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
            out.append((report_id, page, item.text(SNIPPET_COLUMN)))
        return out

    def highlighted_words(self) -> list[list[str]]:
        """Per row shown, the words its snippet highlights."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is None:
                continue
            text = item.text(SNIPPET_COLUMN)
            out.append([text[a:b] for a, b in item.data(SNIPPET_COLUMN, HIGHLIGHTS_ROLE) or []])
        return out

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        report_id, page = item.data(0, HIT_ROLE)
        self.hit_activated.emit(report_id, page)
