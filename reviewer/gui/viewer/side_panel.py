"""`SidePanel`: the viewer's side panel, page thumbnails and the PDF's outline (bookmarks); a click on either
asks the viewer to go to that page (`page_requested`).

Thumbnails are small renders made lazily, only for the rows in view, one per timer tick (the list stays
responsive while a 120-page report fills in), and never through the page cache (they would push the pages out).
The outline comes from the render child (`PdfPages.outline`, pypdfium2's `get_toc`); a PDF without one says so.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.viewer.render import PdfPages, RenderError

THUMB_WIDTH = 96  # logical pixels
PANEL_WIDTH = THUMB_WIDTH + 80  # the panel's width when it opens: a thumbnail, its number and the scroll bar
NO_OUTLINE_TEXT = "This PDF has no outline (bookmarks). Use the thumbnails, or find text (Ctrl+F)."
PAGE_ROLE = Qt.ItemDataRole.UserRole


class SidePanel(QTabWidget):
    """Thumbnails and outline of the viewer's document."""

    page_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: PdfPages | None = None
        self._rendered: set[int] = set()
        self.thumbnails = QListWidget(self)
        self.thumbnails.setAccessibleName("Page thumbnails")
        self.thumbnails.setViewMode(QListWidget.ViewMode.ListMode)
        self.thumbnails.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 11 / 8.5)))
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.thumbnails.itemClicked.connect(lambda item: self.page_requested.emit(int(item.data(PAGE_ROLE))))
        self.thumbnails.itemActivated.connect(lambda item: self.page_requested.emit(int(item.data(PAGE_ROLE))))
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setSingleShot(True)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._render_one_thumbnail)
        self.thumbnails.verticalScrollBar().valueChanged.connect(lambda _v: self._thumb_timer.start())
        self.currentChanged.connect(lambda _i: self._thumb_timer.start())

        self.outline = QTreeWidget(self)
        self.outline.setAccessibleName("Outline")
        self.outline.setHeaderHidden(True)
        self.outline.itemClicked.connect(self._outline_clicked)
        self.outline.itemActivated.connect(self._outline_clicked)
        self.no_outline = QLabel(NO_OUTLINE_TEXT, self)
        self.no_outline.setWordWrap(True)
        self.no_outline.setAlignment(Qt.AlignmentFlag.AlignTop)
        outline_page = QWidget(self)
        outline_layout = QVBoxLayout(outline_page)
        outline_layout.setContentsMargins(4, 4, 4, 4)
        outline_layout.addWidget(self.no_outline)
        outline_layout.addWidget(self.outline, 1)
        self.addTab(self.thumbnails, "Pages")
        self.addTab(outline_page, "Outline")
        self.setMinimumWidth(THUMB_WIDTH + 40)

    # ---- document ---------------------------------------------------------------------------------------
    def set_document(self, pages: PdfPages | None) -> None:
        self._pages = pages
        self._rendered.clear()
        self.thumbnails.clear()
        self.outline.clear()
        if pages is None:
            self.no_outline.show()
            return
        blank = QPixmap(self.thumbnails.iconSize())
        blank.fill(QColor(255, 255, 255))
        for page in range(1, pages.page_count + 1):
            item = QListWidgetItem(QIcon(blank), str(page))
            item.setData(PAGE_ROLE, page)
            item.setToolTip(f"Page {page}")
            self.thumbnails.addItem(item)
        self._fill_outline(pages)
        self._thumb_timer.start()

    def _fill_outline(self, pages: PdfPages) -> None:
        parents: list[QTreeWidgetItem] = []
        for level, title, page in pages.outline():
            del parents[level:]
            item = QTreeWidgetItem([title or "(untitled)"])
            item.setData(0, PAGE_ROLE, page)
            item.setToolTip(0, f"{title}\npage {page}" if page else title)
            if parents:
                parents[-1].addChild(item)
            else:
                self.outline.addTopLevelItem(item)
            parents.append(item)
        self.outline.expandToDepth(0)
        has_outline = self.outline.topLevelItemCount() > 0
        self.outline.setVisible(has_outline)
        self.no_outline.setVisible(not has_outline)

    def _outline_clicked(self, item: QTreeWidgetItem) -> None:
        page = int(item.data(0, PAGE_ROLE) or 0)
        if page:
            self.page_requested.emit(page)

    def set_current_page(self, page: int) -> None:
        """Mark `page` in the thumbnails (as the view scrolls), without asking to go there."""
        item = self.thumbnails.item(page - 1)
        if item is not None and not item.isSelected():
            self.thumbnails.blockSignals(True)
            self.thumbnails.setCurrentItem(item)
            self.thumbnails.blockSignals(False)
            self.thumbnails.scrollToItem(item)

    # ---- thumbnails -------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._thumb_timer.start()

    def thumbnails_in_view(self) -> list[int]:
        view = self.thumbnails.viewport().rect()
        return [i + 1 for i in range(self.thumbnails.count())
                if self.thumbnails.visualItemRect(self.thumbnails.item(i)).intersects(view)]

    def rendered_thumbnails(self) -> set[int]:
        return set(self._rendered)

    def _render_one_thumbnail(self) -> None:
        """Draw the first thumbnail in view not drawn yet, then come back for the next (one per tick)."""
        if self._pages is None or not self.isVisible() or self.currentWidget() is not self.thumbnails:
            return
        missing = [p for p in self.thumbnails_in_view() if p not in self._rendered]
        if not missing:
            return
        page = missing[0]
        self._rendered.add(page)
        ratio = self.devicePixelRatioF()
        try:
            image = self._pages.render(page, THUMB_WIDTH / self._pages.page_size(page)[0] * ratio, cached=False)
        except RenderError:
            image = None  # the page's number stays on a blank thumbnail; the page itself says why
        item = self.thumbnails.item(page - 1)
        if image is not None and item is not None:
            image.setDevicePixelRatio(ratio)
            item.setIcon(QIcon(QPixmap.fromImage(image)))
        self._thumb_timer.start()
