"""`PdfPageViewer`: one page at a time in a scroll area, with page navigation, zoom, text search and the
evidence highlight (a translucent box at an `Evidence.bbox`, scaled with the zoom and scrolled into view).

Keys (while the viewer has focus): PgUp/PgDn scroll a screen, then turn the page; Ctrl+plus/minus zoom;
Ctrl+0 fits the width; Ctrl+F, F3 and Shift+F3 search. A host that wants the search keys everywhere inside
it (the workspace) passes `own_find_keys=False` and routes them through `find_key_action`: inside a main window
whose own Ctrl+F is a window shortcut, two Ctrl+F shortcuts would be ambiguous and neither would fire.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.extract.model import BBox, OcrWord
from reviewer.gui.theme import show_as_error
from reviewer.gui.viewer.canvas import PageCanvas
from reviewer.gui.viewer.render import PdfOpenError, PdfPages, RenderError
from reviewer.gui.viewer.search import TextSearch

MIN_ZOOM = 0.25
MAX_ZOOM = 6.0
ZOOM_STEP = 1.25
BOX_MARGIN = 4.0  # points around an evidence box, so the highlight does not touch the glyphs


class PdfPageViewer(TextSearch):
    """Shows the pages of one PDF held in memory. Pages are 1-based, boxes in PDF points from the top-left."""

    page_changed = Signal(int)
    # the page's scroll area; the name hides QWidget.scroll(dx, dy), which nothing calls on the viewer
    scroll: QScrollArea  # type: ignore[assignment]  # an attribute where QWidget has a method (see above)

    def __init__(self, parent: QWidget | None = None, *, own_find_keys: bool = True) -> None:
        super().__init__(parent)
        self._pages: PdfPages | None = None
        self._ocr_words: dict[int, list[OcrWord]] = {}
        self._locked_bytes: bytes | None = None  # a PDF waiting for its password (kept in memory only)
        self._page = 0
        self._zoom = 1.0
        self._fit_width = True
        self._evidence: tuple[int, BBox] | None = None
        self._build()
        self._install_shortcuts(own_find_keys)

    # ---- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        def button(text: str, tip: str, slot: object) -> QToolButton:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setAutoRaise(True)
            b.clicked.connect(slot)
            return b

        self.prev_button = button("\u25b2", "Previous page (PgUp)", self.previous_page)
        self.next_button = button("\u25bc", "Next page (PgDn)", self.next_page)
        self.page_spin = QSpinBox(self)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setAccessibleName("Page")
        self.page_spin.valueChanged.connect(self._spin_changed)
        self.page_total = QLabel("/ 0", self)
        self.zoom_label = QLabel("100%", self)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setToolTip("Zoom")
        # room for the widest values, so a crowded tool bar never truncates them ("113!")
        metrics = self.zoom_label.fontMetrics()
        self.zoom_label.setMinimumWidth(metrics.horizontalAdvance("8888%") + 6)
        self.page_total.setMinimumWidth(metrics.horizontalAdvance("/ 8888") + 6)
        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText("Find in document (Ctrl+F)")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.returnPressed.connect(self.find_next)
        self.search_field.textChanged.connect(self._query_changed)
        self.search_status = QLabel("", self)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for w in (self.prev_button, self.next_button, self.page_spin, self.page_total):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(button("\u2212", "Zoom out (Ctrl+-)", self.zoom_out))
        bar.addWidget(self.zoom_label)
        bar.addWidget(button("+", "Zoom in (Ctrl++)", self.zoom_in))
        bar.addWidget(button("\u2194", "Fit width (Ctrl+0)", self.fit_width))
        bar.addSpacing(12)
        bar.addWidget(self.search_field, 1)
        bar.addWidget(button("\u2191", "Find previous (Shift+F3)", self.find_previous))
        bar.addWidget(button("\u2193", "Find next (F3)", self.find_next))
        bar.addWidget(self.search_status)

        self.canvas = PageCanvas()
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # always on, so fitting the width never toggles the bar and re-fits in a loop
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.viewport().installEventFilter(self)
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
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.password_field)
        layout.addWidget(self.scroll, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._set_controls_enabled(False)

    def _install_shortcuts(self, own_find_keys: bool) -> None:
        def shortcut(host: QWidget, keys: QKeySequence | QKeySequence.StandardKey | str, slot: object,
                     what: str, enabled: bool = True) -> None:
            s = QShortcut(QKeySequence(keys), host)
            s.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            s.setWhatsThis(what)  # the Help menu's list of keys reads it
            s.setEnabled(enabled)
            s.activated.connect(slot)

        shortcut(self, QKeySequence.StandardKey.ZoomIn, self.zoom_in, "Zoom in")
        shortcut(self, "Ctrl+=", self.zoom_in, "Zoom in")
        shortcut(self, QKeySequence.StandardKey.ZoomOut, self.zoom_out, "Zoom out")
        shortcut(self, "Ctrl+0", self.fit_width, "Fit the page to the width")
        shortcut(self, "PgDown", self._page_down, "Next page")
        shortcut(self, "PgUp", self._page_up, "Previous page")
        # a host that takes the find keys itself (find_key_action) keeps these disabled: listed, never fired
        shortcut(self, QKeySequence.StandardKey.Find, self.focus_search, "Find in this PDF", own_find_keys)
        shortcut(self, "F3", self.find_next, "Find next", own_find_keys)
        shortcut(self, "Shift+F3", self.find_previous, "Find previous", own_find_keys)

    def find_key_action(self, event: QKeyEvent) -> Callable[[], object] | None:
        """What Ctrl+F, F3 or Shift+F3 do, for a host that takes these keys itself (see the module docstring)."""
        if event.matches(QKeySequence.StandardKey.Find):
            return self.focus_search
        combo = QKeySequence(event.keyCombination())
        for keys, action in (("F3", self.find_next), ("Shift+F3", self.find_previous)):
            if combo.matches(QKeySequence(keys)) == QKeySequence.SequenceMatch.ExactMatch:
                return action
        return None

    def _set_controls_enabled(self, enabled: bool) -> None:
        for w in (self.prev_button, self.next_button, self.page_spin, self.search_field):
            w.setEnabled(enabled)

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
        if count:
            self.show_page(1)

    def _retry_with_password(self) -> None:
        data, password = self._locked_bytes, self.password_field.text()
        self.password_field.clear()
        if data is not None:
            try:
                self.load(data, password, self._ocr_words)
            except PdfOpenError:
                self.show_message("That password does not open this PDF. Try again.", error=True)

    def clear(self) -> None:
        self._search_generation += 1
        self._locked_bytes = None
        self.password_field.hide()
        if self._pages is not None:
            self._pages.close()
        self._pages = None
        self._page = 0
        self._evidence = None
        self._search_hit = None
        self._search_cache.clear()
        self.canvas.set_boxes(None, None)
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
        """1-based page on screen; 0 when nothing is loaded."""
        return self._page

    def zoom(self) -> float:
        """Logical pixels per PDF point."""
        return self._zoom

    def evidence_rect(self) -> QRectF | None:
        """The highlight box on the canvas (logical pixels), when the highlighted page is on screen."""
        return self.canvas.evidence_rect

    def search_rect(self) -> QRectF | None:
        return self.canvas.search_rect

    def text_in(self, page: int, bbox: BBox) -> str:
        """The text inside `bbox` on `page` (what a selection on the page holds); "" when nothing is loaded."""
        if self._pages is None or not 1 <= page <= self._pages.page_count:
            return ""
        return self._pages.text_in(page, bbox)

    # ---- pages ----------------------------------------------------------------------------------------
    def show_page(self, page: int) -> None:
        if self._pages is None or not 1 <= page <= self._pages.page_count:
            return
        changed = page != self._page
        self._page = page
        if self._fit_width:
            self._zoom = self._fit_zoom()
        self._render()
        if changed:
            self.scroll.verticalScrollBar().setValue(0)
            self.page_changed.emit(page)

    def next_page(self) -> None:
        self.show_page(self._page + 1)

    def previous_page(self) -> None:
        self.show_page(self._page - 1)

    def _page_down(self) -> None:
        bar = self.scroll.verticalScrollBar()
        if bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
        elif self._page < self.page_count():
            self.next_page()

    def _page_up(self) -> None:
        bar = self.scroll.verticalScrollBar()
        if bar.value() > bar.minimum():
            bar.setValue(bar.value() - bar.pageStep())
        elif self._page > 1:
            self.previous_page()
            bar.setValue(bar.maximum())

    def _spin_changed(self, value: int) -> None:
        self.show_page(value)

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
        if self._pages is None or not self._page:
            return self._zoom
        width_points = self._pages.page_size(self._page)[0]
        available = self.scroll.viewport().width() - 8
        return min(MAX_ZOOM, max(MIN_ZOOM, available / width_points))

    def _apply_zoom(self, zoom: float) -> None:
        bar = self.scroll.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._zoom = zoom
        self._render()
        bar.setValue(round(fraction * bar.maximum()))
        self._scroll_to_boxes()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize and self._fit_width:
            # after the resize settles: the viewport's new width is final by then
            QTimer.singleShot(0, self, self._refit)
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        if self._fit_width and self._pages is not None and self._page:
            zoom = self._fit_zoom()
            if abs(zoom - self._zoom) > 1e-3:
                self._apply_zoom(zoom)

    # ---- drawing --------------------------------------------------------------------------------------
    def _render(self) -> None:
        if self._pages is None or not self._page:
            return
        ratio = self.devicePixelRatioF()
        try:
            image = self._pages.render(self._page, self._zoom * ratio)
        except RenderError as err:  # the render child failed on this page: say so, keep the viewer usable
            self.show_message(f"Page {self._page} cannot be shown: {err}.", error=True)
            return
        image.setDevicePixelRatio(ratio)
        self.canvas.set_image(image)
        self.canvas.set_boxes(self._box_on_page(self._evidence, BOX_MARGIN), self._box_on_page(self._search_hit, 1.0))
        self.zoom_label.setText(f"{round(self._zoom * 100)}%")
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(self._page)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(self._page > 1)
        self.next_button.setEnabled(self._page < self._pages.page_count)
        # warm the next page while idle, so PgDn is instant
        QTimer.singleShot(0, self, self._prerender_next)

    def _prerender_next(self) -> None:
        if self._pages is not None and self._page and self._page < self._pages.page_count:
            scale = self._zoom * self.devicePixelRatioF()
            if not self._pages.is_cached(self._page + 1, scale):
                try:
                    self._pages.render(self._page + 1, scale)
                except RenderError:
                    pass  # shown, with its reason, if the page is turned to

    def _box_on_page(self, located: tuple[int, BBox] | None, margin: float) -> QRectF | None:
        if located is None or located[0] != self._page:
            return None
        x0, top, x1, bottom = located[1]
        z = self._zoom
        return QRectF((x0 - margin) * z, (top - margin) * z,
                      (x1 - x0 + 2 * margin) * z, (bottom - top + 2 * margin) * z)

    def _scroll_to_boxes(self) -> None:
        rect = self.canvas.evidence_rect or self.canvas.search_rect
        if rect is None:
            return
        # keep the whole box in view when it fits, with some context above and below
        margin_y = max(20, min(200, (self.scroll.viewport().height() - round(rect.height())) // 2))
        self.scroll.ensureVisible(round(rect.center().x()), round(rect.bottom()), 20, 20)
        self.scroll.ensureVisible(round(rect.center().x()), round(rect.top()), 20, margin_y)

    # ---- highlight ------------------------------------------------------------------------------------
    def highlight(self, page: int, bbox: BBox | None) -> None:
        """Show `page` and draw the evidence box over `bbox` (None: just show the page), scrolled into view."""
        # a box from JSON may be a list: as a tuple it compares equal to the same box read again
        self._evidence = (page, (bbox[0], bbox[1], bbox[2], bbox[3])) if bbox is not None else None
        self._search_hit = None
        if page == self._page:
            self._render()
        self.show_page(page)
        self._scroll_to_boxes()
