"""`RenderQueue`: renders the viewer's pages on demand, on the GUI thread, one page per timer tick.

The page navigated to is rendered at once (`render_now`); the other pages in view, and one past them, follow one per
tick (`schedule`), so scrolling through a long report never blocks on a screenful of pages. Pages outside the
wanted set drop their pixels: the canvases hold a handful of images, the render cache its dozen. No thread touches
a widget: the render child's requests are short and synchronous (reviewer/gui/viewer/render.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from reviewer.gui.viewer.render import PdfPages, RenderError
from reviewer.gui.viewer.stack import PageStack


class RenderQueue(QObject):
    """Images for the pages of `stack` that `wanted()` names, at `zoom()` on `host`'s screen."""

    failed = Signal(int, str)  # page, why it cannot be shown

    def __init__(self, host: QWidget, stack: PageStack, wanted: Callable[[], list[int]],
                 zoom: Callable[[], float]) -> None:
        super().__init__(host)
        self.pages: PdfPages | None = None
        self._host, self._stack, self._wanted, self._zoom = host, stack, wanted, zoom
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def schedule(self) -> None:
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def render_now(self, page: int) -> None:
        self._render(page)
        self._timer.start()

    def _scale(self) -> float:
        return self._zoom() * self._host.devicePixelRatioF()

    def _next(self) -> None:
        """The first wanted page without an image at this zoom; then come back for the next."""
        wanted = self._wanted()
        for canvas in self._stack.canvases:
            if canvas.page not in wanted:
                canvas.drop_image()
        scale = self._scale()
        for page in wanted:
            if abs(self._stack.canvases[page - 1].image_scale - scale) > 1e-4:
                if self._render(page):
                    self._timer.start()
                return

    def _render(self, page: int) -> bool:
        canvas = self._stack.canvas(page)
        if self.pages is None or canvas is None:
            return False
        ratio = self._host.devicePixelRatioF()
        scale = self._scale()
        if abs(canvas.image_scale - scale) <= 1e-4:
            return True
        try:
            image = self.pages.render(page, scale)
        except RenderError as err:  # the render child failed on this page: say so, keep the viewer usable
            canvas.set_image(canvas.grab().toImage(), scale)  # blank paper, not asked for again at this zoom
            self.failed.emit(page, str(err))
            return False
        image.setDevicePixelRatio(ratio)
        canvas.set_image(image, scale)
        return True
