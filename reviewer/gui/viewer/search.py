"""`TextSearch`: the viewer's text search, a base of `PdfPageViewer`: the query, its hits page by page (cached),
a scan for the next or previous match that yields to the event loop on long documents, and a count of all matches
("3 of 12") made in the same slices once typing pauses. Every hit on the pages in view is drawn; the current one
stronger (the viewer draws them: `_refresh_boxes`)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from reviewer.extract.model import BBox
from reviewer.gui.viewer.render import PdfPages

COUNT_DELAY_MS = 250  # typing pauses this long before the hits are drawn and counted


class TextSearch(QWidget):
    """Search over the pages of `_pages`; the viewer builds `search_field` and `search_status` and draws the hits."""

    search_finished = Signal(bool)  # after find_next/find_previous settles: a match was shown, or none exists
    search_counted = Signal(int)  # every page searched: the number of matches in the document
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
        self._count_generation = 0
        self._search_total: int | None = None  # None until every page was searched
        self._scanning = False
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._start_count)

    # what the viewer provides
    def show_hit(self, page: int, bbox: BBox) -> None:
        raise NotImplementedError

    def _refresh_boxes(self) -> None:
        raise NotImplementedError

    def visible_pages(self) -> list[int]:
        raise NotImplementedError

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def close_search(self) -> None:
        """Esc in the find field: the query and its highlights go, the keys go back to the pages."""
        self.search_field.clear()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _query_changed(self, text: str) -> None:
        self._reset_search(text.strip())
        self._refresh_boxes()
        if self._search_query:
            self._count_timer.start()

    def _reset_search(self, query: str) -> None:
        self._search_generation += 1
        self._count_generation += 1
        self._search_query = query
        self._search_cache.clear()
        self._search_hit = None
        self._search_total = None
        self._scanning = False
        self._count_timer.stop()
        self.search_status.setText("")

    def search_hits(self, page: int) -> list[BBox]:
        """The matches of the query on `page` once they are drawn (after typing pauses, or a find), else []."""
        if not self._search_query or (page not in self._search_cache and self._count_timer.isActive()):
            return []
        return self._hits(page)

    def search_total(self) -> int | None:
        """How many matches the document holds; None while not every page was searched."""
        return self._search_total

    def _start_count(self) -> None:
        self._refresh_boxes()
        self._count(self._count_generation, 1)

    def _count(self, generation: int, page: int) -> None:
        if generation != self._count_generation or self._pages is None or not self._search_query:
            return
        deadline = time.perf_counter() + self.search_budget_s
        count = self._pages.page_count
        while page <= count:
            self._hits(page)
            page += 1
            if time.perf_counter() > deadline and page <= count:
                QTimer.singleShot(0, self, lambda p=page: self._count(generation, p))
                return
        self._search_total = sum(len(self._search_cache.get(p, [])) for p in range(1, count + 1))
        self.search_counted.emit(self._search_total)
        if not self._scanning:
            self._show_search_status()

    def _show_search_status(self) -> None:
        total = self._search_total
        if self._search_hit is not None:
            page, box = self._search_hit
            if total is None:
                self.search_status.setText(f"page {page}")
                return
            before = sum(len(self._search_cache.get(p, [])) for p in range(1, page))
            self.search_status.setText(f"{before + self._search_cache[page].index(box) + 1} of {total}")
        elif total is not None:
            self.search_status.setText("no match" if total == 0 else f"{total} match" + ("es" if total > 1 else ""))

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
        start, index = self._page, -1 if forward else None
        if self._search_hit is not None and self._search_hit[0] in self.visible_pages():
            start = self._search_hit[0]  # on from the hit in view, wherever the top of the view is
            hits = self._hits(start)
            index = hits.index(self._search_hit[1]) if self._search_hit[1] in hits else index
        self._scanning = True
        return self._scan(self._search_generation, forward, start, index, 0)

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
                self._scanning = False
                self._search_hit = (page, hits[first])
                self.show_hit(page, hits[first])
                self._show_search_status()
                self.search_finished.emit(True)
                return True
            step += 1
            if time.perf_counter() > deadline and step <= count:
                self.search_status.setText(f"searching\u2026 {round(100 * step / count)}%")
                QTimer.singleShot(0, self, lambda s=step: self._scan(generation, forward, start_page, index, s))
                return None
        self._scanning = False
        self._search_hit = None
        self._search_total = 0  # every page was searched
        self._refresh_boxes()
        self.search_status.setText("no match")
        self.search_finished.emit(False)
        return False
