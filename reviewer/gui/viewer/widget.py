"""`PdfPageViewer`: the pages of one PDF stacked in one scroll area (continuous scrolling), with page navigation,
zoom, text search, the side panel (thumbnails, outline) and the evidence highlight (a translucent box at an
`Evidence.bbox`, scaled with the zoom and scrolled into view).

Pages are rendered on demand (reviewer/gui/viewer/render_queue.py): the page navigated to at once, the others in
view one per timer tick as the view scrolls. The view's position is kept as a page and a height on it in points
(`_anchor`), so zooming or resizing keeps the same place on screen.

Keys (while the viewer has focus): PgUp/PgDn scroll a screen, Home/End go to the first and last page; Ctrl+plus/
minus zoom; Ctrl+0 fits the width; Ctrl+F, F3 and Shift+F3 search (Enter/Shift+Enter in the find field, Esc closes
it); F4 shows or hides the side panel. A host that wants the search keys everywhere inside it (the workspace) passes
`own_find_keys=False` and routes them through `find_key_action` (reviewer/gui/viewer/keys.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QSplitter, QVBoxLayout, QWidget

from reviewer.extract.model import BBox, OcrWord
from reviewer.gui.theme import show_as_error
from reviewer.gui.viewer.canvas import PageCanvas, to_pixels
from reviewer.gui.viewer.keys import ViewerKeys
from reviewer.gui.viewer.render import PdfOpenError, PdfPages
from reviewer.gui.viewer.render_queue import RenderQueue
from reviewer.gui.viewer.side_panel import PANEL_WIDTH, SidePanel
from reviewer.gui.viewer.stack import GAP, PageStack
from reviewer.gui.viewer.toolbar import ViewerToolbar

MIN_ZOOM = 0.25
MAX_ZOOM = 6.0
ZOOM_STEP = 1.25
BOX_MARGIN = 4.0  # points around an evidence box, so the highlight does not touch the glyphs


class PdfPageViewer(ViewerKeys):
    """Shows the pages of one PDF held in memory. Pages are 1-based, boxes in PDF points from the top-left."""

    page_changed = Signal(int)
    document_loaded = Signal()  # the page canvases were (re)built
    # the pages' scroll area; the name hides QWidget.scroll(dx, dy), which nothing calls on the viewer
    scroll: QScrollArea  # type: ignore[assignment]  # an attribute where QWidget has a method (see above)

    def __init__(self, parent: QWidget | None = None, *, own_find_keys: bool = True) -> None:
        super().__init__(parent)
        self._pages: PdfPages | None = None
        self._ocr_words: dict[int, list[OcrWord]] = {}
        self._locked_bytes: bytes | None = None  # a PDF waiting for its password (kept in memory only)
        self._page = 0
        self._zoom = 1.0
        self._fit_width = True
        self._anchor: tuple[int, float] = (1, 0.0)  # the view's top: a page and a height on it, in points
        self._moving = False  # the view is being scrolled by us, not the user
        self._evidence: tuple[int, BBox] | None = None
        self._build()
        self.install_keys(own_find_keys)

    # ---- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.toolbar = ViewerToolbar(self)
        t = self.toolbar
        self.prev_button, self.next_button, self.page_spin = t.prev_button, t.next_button, t.page_spin
        self.page_total, self.zoom_label = t.page_total, t.zoom_label
        self.search_field, self.search_status = t.search_field, t.search_status
        t.prev_button.clicked.connect(self.previous_page)
        t.next_button.clicked.connect(self.next_page)
        t.page_spin.valueChanged.connect(self.show_page)
        t.zoom_out_button.clicked.connect(self.zoom_out)
        t.zoom_in_button.clicked.connect(self.zoom_in)
        t.fit_button.clicked.connect(self.fit_width)
        t.search_field.returnPressed.connect(self.find_next)
        t.search_field.textChanged.connect(self._query_changed)
        t.search_field.installEventFilter(self)  # Shift+Enter and Esc
        t.find_previous_button.clicked.connect(self.find_previous)
        t.find_next_button.clicked.connect(self.find_next)
        t.panel_button.toggled.connect(self.set_side_panel_visible)

        self.stack = PageStack()
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.stack)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # always on, so fitting the width never toggles the bar and re-fits in a loop
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.viewport().installEventFilter(self)
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.side_panel = SidePanel(self)
        self.side_panel.page_requested.connect(self.show_page)
        self.side_panel.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.side_panel)
        self.splitter.addWidget(self.scroll)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self._no_page = PageCanvas(0, self)
        self._no_page.hide()
        self.renderer = RenderQueue(self, self.stack, self._wanted_pages, self.zoom)
        self.renderer.failed.connect(lambda page, why: self.show_message(f"Page {page} cannot be shown: {why}."))

        self.message = QLabel("", self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.hide()
        self.password_field = QLineEdit(self)
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.setPlaceholderText("The PDF's password, then Enter")
        self.password_field.returnPressed.connect(self._retry_with_password)
        self.password_field.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.password_field)
        layout.addWidget(self.splitter, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._set_controls_enabled(False)

    def _set_controls_enabled(self, enabled: bool) -> None:
        for w in (self.prev_button, self.next_button, self.page_spin, self.search_field):
            w.setEnabled(enabled)

    def set_side_panel_visible(self, visible: bool) -> None:
        """Show or hide the thumbnails and outline (the tool bar's toggle, F4)."""
        if visible and not self.side_panel.isVisible():  # the thumbnails' width; the pages take the rest
            self.splitter.setSizes([PANEL_WIDTH, max(PANEL_WIDTH, self.splitter.width() - PANEL_WIDTH)])
        self.side_panel.setVisible(visible)
        self.toolbar.panel_button.setChecked(visible)

    def toggle_side_panel(self) -> None:
        self.set_side_panel_visible(not self.side_panel.isVisible())

    # ---- loading --------------------------------------------------------------------------------------
    def load(self, pdf_bytes: bytes, password: str | None = None,
             ocr_words: dict[int, list[OcrWord]] | None = None) -> None:
        """Open a PDF from memory and show its first page. Raises `PdfOpenError` (and shows why) on failure.
        `ocr_words`: the words OCR read on its scanned pages, so that search finds them there."""
        self.clear()
        self._ocr_words = ocr_words or {}
        try:
            self._pages = PdfPages(pdf_bytes, password)
            self._pages.set_ocr_words(self._ocr_words)
        except PdfOpenError as err:
            needs_password = "password" in str(err).lower()
            self._locked_bytes = pdf_bytes if needs_password else None
            asking = needs_password and not password  # a request, not an error
            self.show_message("This PDF is protected: enter its password to view it." if asking else str(err),
                              error=not asking)
            self.password_field.setVisible(needs_password)
            raise
        count = self._pages.page_count
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, max(count, 1))
        self.page_spin.blockSignals(False)
        self.page_total.setText(f"/ {count}")
        self._set_controls_enabled(count > 0)
        self.stack.set_pages([self._pages.page_size(p) for p in range(1, count + 1)])
        self.side_panel.set_document(self._pages)
        self.renderer.pages = self._pages
        self.document_loaded.emit()
        if count:
            self._zoom = self._fit_zoom() if self._fit_width else self._zoom
            self.stack.set_zoom(self._zoom)
            self.show_page(1)
            if self._search_query:  # a query typed before: its hits in this document, counted again
                self._count_timer.start()

    def _retry_with_password(self) -> None:
        data, password = self._locked_bytes, self.password_field.text()
        self.password_field.clear()
        if data is not None:
            try:
                self.load(data, password, self._ocr_words)
            except PdfOpenError:
                self.show_message("That password does not open this PDF. Try again.", error=True)

    def clear(self) -> None:
        self._reset_search(self._search_query)
        self._locked_bytes = None
        self.password_field.hide()
        if self._pages is not None:
            self._pages.close()
        self._pages = self.renderer.pages = None
        self._page = 0
        self._evidence = None
        self.stack.set_pages([])
        self.document_loaded.emit()  # the canvases are gone: whoever watched them lets go
        self.side_panel.set_document(None)
        self.message.hide()
        self._set_controls_enabled(False)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        show_as_error(self.message, error)
        self.message.show()

    # ---- state ----------------------------------------------------------------------------------------
    def page_count(self) -> int:
        return self._pages.page_count if self._pages else 0

    def current_page(self) -> int:
        """1-based page the view shows (the one navigated to, or the most visible); 0 when nothing is loaded."""
        return self._page

    def zoom(self) -> float:
        """Logical pixels per PDF point."""
        return self._zoom

    @property
    def canvas(self) -> PageCanvas:
        """The current page's canvas (boxes and mouse positions on it are in page pixels at the zoom)."""
        return self.stack.canvas(self._page) or self._no_page

    def evidence_rect(self) -> QRectF | None:
        """The highlight box on the current page's canvas (logical pixels), when the highlight is on that page."""
        return self.canvas.evidence_rect

    def search_rect(self) -> QRectF | None:
        """The current search hit on the current page's canvas."""
        return self.canvas.current_hit

    def text_in(self, page: int, bbox: BBox) -> str:
        """The text inside `bbox` on `page` (what a selection on the page holds); "" when nothing is loaded."""
        if self._pages is None or not 1 <= page <= self._pages.page_count:
            return ""
        return self._pages.text_in(page, bbox)

    def view_rect(self) -> QRectF:
        """The part of the page stack on screen, in the stack's pixels."""
        return QRectF(self.scroll.horizontalScrollBar().value(), self.scroll.verticalScrollBar().value(),
                      self.scroll.viewport().width(), self.scroll.viewport().height())

    def visible_pages(self) -> list[int]:
        view = self.view_rect()
        return self.stack.pages_between(view.top(), view.bottom())

    # ---- pages ----------------------------------------------------------------------------------------
    def show_page(self, page: int) -> None:
        """Scroll so that the top of `page` is at the top of the view."""
        if self._pages is None or not 1 <= page <= self._pages.page_count:
            return
        self._go(page, -GAP / self._zoom, page)

    def next_page(self) -> None:
        self.show_page(self._page + 1)

    def previous_page(self) -> None:
        self.show_page(self._page - 1)

    def first_page(self) -> None:
        self.show_page(1)

    def last_page(self) -> None:
        """End: the bottom of the last page."""
        if self._pages is not None and self._pages.page_count:
            last = self._pages.page_count
            self._go(last, self._pages.page_size(last)[1] + GAP / self._zoom, last)

    def scroll_by_screen(self, screens: int) -> None:
        """PgDn/PgUp: a screen down or up (less a little overlap), across pages."""
        bar = self.scroll.verticalScrollBar()
        bar.setValue(bar.value() + screens * bar.pageStep())

    def _go(self, page: int, offset_points: float, current: int) -> None:
        """Put height `offset_points` of `page` at the top of the view; `current` becomes the current page."""
        self._anchor = (page, offset_points)
        self._set_current(current)
        self._apply_anchor()
        self._render_now(current)

    def _apply_anchor(self) -> None:
        page, offset = self._anchor
        self._moving = True
        try:
            self.scroll.verticalScrollBar().setValue(round(self.stack.page_top(page) + offset * self._zoom))
        finally:
            self._moving = False
        self.renderer.schedule()

    def _scrolled(self, value: int) -> None:
        if self._moving or self._pages is None:
            return
        page = self.stack.page_at(value)
        self._anchor = (page, (value - self.stack.page_top(page)) / self._zoom)
        view = self.view_rect()
        self._set_current(self.stack.most_visible(view.top(), view.bottom()) or self._page)
        self._refresh_boxes()  # the pages coming into view get their boxes and hits
        self.renderer.schedule()

    def _set_current(self, page: int) -> None:
        if page == self._page or self._pages is None:
            return
        self._page = page
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(page > 1)
        self.next_button.setEnabled(page < self._pages.page_count)
        self.side_panel.set_current_page(page)
        self.page_changed.emit(page)

    # ---- zoom -----------------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        self._fit_width = False
        self._apply_zoom(min(MAX_ZOOM, max(MIN_ZOOM, zoom)))

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        self._fit_width = True
        self._apply_zoom(self._fit_zoom())

    def _fit_zoom(self) -> float:
        if self._pages is None or not self._pages.page_count:
            return self._zoom
        width_points = self._pages.page_size(max(self._page, 1))[0]
        available = self.scroll.viewport().width() - 2 * GAP
        return min(MAX_ZOOM, max(MIN_ZOOM, available / width_points))

    def _apply_zoom(self, zoom: float) -> None:
        """Zoom, keeping the same place of the same page at the top of the view."""
        self._zoom = zoom
        self.zoom_label.setText(f"{round(zoom * 100)}%")
        self._moving = True  # a shorter stack clamps the scroll bar: that is no move of the user's
        self.stack.set_view_width(self.scroll.viewport().width())
        self.stack.set_zoom(zoom)
        self._refresh_boxes()
        self._apply_anchor()
        self._render_now(self._page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport():
            if event.type() == QEvent.Type.Resize:
                self.stack.set_view_width(self.scroll.viewport().width())
                # after the resize settles: the viewport's new width is final by then
                QTimer.singleShot(0, self, self._refit)
            elif (isinstance(event, QWheelEvent) and event.modifiers() & Qt.KeyboardModifier.ControlModifier
                  and event.angleDelta().y()):
                self.zoom_in() if event.angleDelta().y() > 0 else self.zoom_out()
                return True
        elif watched is self.search_field and self.find_field_key(event):
            return True
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        if self._pages is None or not self._page:
            return
        zoom = self._fit_zoom() if self._fit_width else self._zoom
        if abs(zoom - self._zoom) > 1e-3:
            self._apply_zoom(zoom)
        else:
            self._apply_anchor()  # the view's height changed: the same place stays at the top

    # ---- drawing --------------------------------------------------------------------------------------
    def _wanted_pages(self) -> list[int]:
        """The pages in view and one past them: those rendered; the others drop their pixels."""
        pages = self.visible_pages()
        if pages and pages[-1] < self.page_count():
            pages.append(pages[-1] + 1)
        return pages

    def _render_now(self, page: int) -> None:
        """Render `page` at once (it was navigated to); the rest of the view follows through the queue."""
        self.renderer.render_now(page)
        self._refresh_boxes()

    def _refresh_boxes(self) -> None:
        """The evidence box and the search hits on the pages in view (none drawn on the others)."""
        self.stack.draw_boxes(set(self._wanted_pages()), self._zoom, self._evidence, BOX_MARGIN, self._search_hit,
                              self.search_hits)

    def _go_to_box(self, page: int, box: BBox, margin: float) -> None:
        """Scroll so that `box` on `page` is in view with some context above it (the whole box when it fits)."""
        rect = to_pixels(box, self._zoom, margin)
        context = max(20, min(200, (self.scroll.viewport().height() - round(rect.height())) // 2))
        self._go(page, (rect.top() - context) / self._zoom, page)
        canvas = self.stack.canvases[page - 1]
        self.scroll.ensureVisible(round(canvas.x() + rect.center().x()), round(canvas.y() + rect.center().y()),
                                  round(rect.width() / 2) + 20, 0)

    # ---- highlight ------------------------------------------------------------------------------------
    def highlight(self, page: int, bbox: BBox | None) -> None:
        """Show `page` and draw the evidence box over `bbox` (None: just show the page), scrolled into view."""
        if self._pages is None or not 1 <= page <= self._pages.page_count:
            return
        # a box from JSON may be a list: as a tuple it compares equal to the same box read again
        self._evidence = (page, (bbox[0], bbox[1], bbox[2], bbox[3])) if bbox is not None else None
        self._search_hit = None
        if self._evidence is None:
            self.show_page(page)
        else:
            self._go_to_box(page, self._evidence[1], BOX_MARGIN)

    def show_hit(self, page: int, bbox: BBox) -> None:
        self._go_to_box(page, bbox, 1.0)
