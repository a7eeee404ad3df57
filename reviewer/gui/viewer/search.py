"""`TextSearch`: the viewer's text search, a base of `PdfPageViewer`: the query, its hits page by page (cached),
and a scan for the next or previous match that yields to the event loop on long documents."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from reviewer.extract.model import BBox
from reviewer.gui.viewer.render import PdfPages


class TextSearch(QWidget):
    """Search over the pages of `_pages`; the viewer builds `search_field` and `search_status` and draws the hit."""

    search_finished = Signal(bool)  # after find_next/find_previous settles: a match was shown, or none exists
    search_budget_s = 0.03  # GUI-thread time one search slice may take before letting events through

    _pages: PdfPages | None
    _page: int
    search_field: QLineEdit
    search_status: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search_hit: tuple[int, BBox] | None = None
        self._search_query = ""
        self._search_cache: dict[int, list[BBox]] = {}
        self._search_generation = 0

    # what the viewer provides
    def show_page(self, page: int) -> None:
        raise NotImplementedError

    def _render(self) -> None:
        raise NotImplementedError

    def _scroll_to_boxes(self) -> None:
        raise NotImplementedError

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _query_changed(self, text: str) -> None:
        self._search_generation += 1
        self._search_query = text.strip()
        self._search_cache.clear()
        self._search_hit = None
        self.search_status.setText("")
        self._render()

    def find_next(self) -> bool | None:
        """Go to the next match (wrapping). True/False when settled at once; None while a long scan goes on
        (then `search_finished(found)` follows)."""
        return self._find(forward=True)

    def find_previous(self) -> bool | None:
        return self._find(forward=False)

    def _hits(self, page: int) -> list[BBox]:
        assert self._pages is not None
        if page not in self._search_cache:
            self._search_cache[page] = self._pages.find(page, self._search_query)
        return self._search_cache[page]

    def _find(self, *, forward: bool) -> bool | None:
        if self._pages is None or not self._search_query:
            return False
        self._search_generation += 1  # a newer request abandons a scan still running
        index = -1 if forward else None
        if self._search_hit is not None and self._search_hit[0] == self._page:
            hits = self._hits(self._page)
            index = hits.index(self._search_hit[1]) if self._search_hit[1] in hits else index
        return self._scan(self._search_generation, forward, self._page, index, 0)

    def _scan(self, generation: int, forward: bool, start_page: int, index: int | None, step: int) -> bool | None:
        """Look for the next match page by page from `step`; yield to the event loop when the time budget is
        spent (reading a page's text layer the first time costs a few ms; a 250-page miss would freeze the UI)."""
        if generation != self._search_generation or self._pages is None:
            return None
        count = self._pages.page_count
        deadline = time.perf_counter() + self.search_budget_s
        while step <= count:
            page = (start_page - 1 + (step if forward else -step)) % count + 1
            hits = self._hits(page)
            if step == 0:
                first = (-1 if index is None else index) + 1 if forward else (len(hits) if index is None else index) - 1
            else:
                first = 0 if forward else len(hits) - 1
            if 0 <= first < len(hits):
                self._search_hit = (page, hits[first])
                self.show_page(page)
                self._render()
                self._scroll_to_boxes()
                self.search_status.setText(f"page {page}")
                self.search_finished.emit(True)
                return True
            step += 1
            if time.perf_counter() > deadline and step <= count:
                self.search_status.setText(f"searching\u2026 {round(100 * step / count)}%")
                QTimer.singleShot(0, self, lambda s=step: self._scan(generation, forward, start_page, index, s))
                return None
        self._search_hit = None
        self._render()
        self.search_status.setText("no match")
        self.search_finished.emit(False)
        return False
