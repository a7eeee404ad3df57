"""The viewer's page turn with PDFium in a render child (issue 10, item 7), against PDFium in the app's process.

Opens the ~250-page SOC 2 report of the fixtures (tests/fixtures `build_large_report`) in the app's
`PdfPageViewer` at a 900-pixel-wide viewport (fit width) and times each page change until the page is on screen
(render, pixels through the pipe, QImage, paint): next-page turns (the pages after the view are rendered while
idle, as in the app) and cold jumps of two pages (nothing cached). The reference is the same viewer drawing with
pypdfium2 in this process, as it did before (the old `PdfPages`, kept here). Each mode runs twice, alternating,
and the second run counts (the first pays for cold caches). Prints the medians and tails of each, their ratios,
and the first page's cost (the document sent to the child, which the main window starts when it opens).
Usage: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/viewer_page_turn.py [--pages N]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import OrderedDict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pypdfium2 as pdfium  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.gui.viewer import render as render_module  # noqa: E402
from reviewer.gui.viewer import widget as widget_module  # noqa: E402
from reviewer.gui.viewer.widget import PdfPageViewer  # noqa: E402


class InProcessPages:
    """The viewer's pages as they were drawn before: pypdfium2 in this process (the reference)."""

    def __init__(self, pdf_bytes: bytes, password: str | None = None) -> None:
        self._doc = pdfium.PdfDocument(pdf_bytes, password=password)
        self._sizes = [self._doc.get_page_size(i) for i in range(len(self._doc))]
        self._images: OrderedDict[tuple[int, float], QImage] = OrderedDict()

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    def page_size(self, page: int) -> tuple[float, float]:
        return self._sizes[page - 1]

    def is_cached(self, page: int, scale: float) -> bool:
        return (page, round(scale, 4)) in self._images

    def set_ocr_words(self, words: object) -> None:
        pass

    def outline(self) -> list[tuple[int, str, int]]:
        return []

    def render(self, page: int, scale: float, *, cached: bool = True) -> QImage:
        key = (page, round(scale, 4))
        if key in self._images:
            return self._images[key]
        pdf_page = self._doc[page - 1]
        bitmap = pdf_page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGBX8888).copy()
        bitmap.close()
        pdf_page.close()
        if not cached:
            return image
        self._images[key] = image
        while len(self._images) > render_module.CACHE_PAGES:
            self._images.popitem(last=False)
        return image

    def find(self, page: int, query: str) -> list:
        return []

    def close(self) -> None:
        self._doc.close()


def turn_pages(app: QApplication, data: bytes, pages: int) -> tuple[float, list[float], list[float]]:
    """(first page, next-page turns (pre-rendered while idle, as in the app), cold jumps of two pages)."""
    viewer = PdfPageViewer()
    viewer.resize(900, 1000)
    viewer.show()
    app.processEvents()
    started = time.perf_counter()
    viewer.load(data)
    app.processEvents()
    first = time.perf_counter() - started
    count = min(pages, viewer.page_count())

    def timed(step: int) -> list[float]:
        out = []
        viewer.show_page(1)
        app.processEvents()
        while viewer.current_page() + step <= count:
            started = time.perf_counter()
            viewer.show_page(viewer.current_page() + step)
            viewer.canvas.repaint()
            out.append(time.perf_counter() - started)
            app.processEvents()  # the idle pre-render of the next page happens here, outside the timed turn
        return out

    turns = timed(1)
    viewer._pages._images.clear()  # noqa: SLF001 - cold pages for the jumps
    jumps = timed(2)
    viewer.clear()
    viewer.close()
    return first, turns, jumps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120)
    args = parser.parse_args()
    from tests.conftest import CORPUS_DIR
    from tests.fixtures import build_large_report

    data = build_large_report(CORPUS_DIR).read_bytes()
    app = QApplication.instance() or QApplication([])
    child_pages = widget_module.PdfPages

    def in_process() -> tuple[float, list[float], list[float]]:
        widget_module.PdfPages = InProcessPages
        try:
            return turn_pages(app, data, args.pages)
        finally:
            widget_module.PdfPages = child_pages

    def in_child() -> tuple[float, list[float], list[float]]:
        service = render_module.RenderService.shared()
        service.stop()
        service.start()  # as the main window does when it opens
        time.sleep(3.0)  # the user unlocks and picks a report meanwhile
        try:
            return turn_pages(app, data, args.pages)
        finally:
            service.stop()

    # each mode runs twice, alternating, and the second run counts: the first pays for cold caches (measured:
    # whichever mode runs first is 2-3x slower on cold pages)
    in_process()
    in_child()
    ref_first, ref, ref_jumps = in_process()
    new_first, new, new_jumps = in_child()

    def ms(values: list[float], at: float) -> float:
        return sorted(values)[min(len(values) - 1, int(len(values) * at))] * 1000

    for label, first, turns, jumps in (("in process (before)", ref_first, ref, ref_jumps),
                                       ("render child (after)", new_first, new, new_jumps)):
        print(f"{label:<21} first page {first * 1000:6.1f} ms | next page median {ms(turns, .5):5.1f} ms, "
              f"p95 {ms(turns, .95):5.1f} | cold page median {ms(jumps, .5):5.1f} ms, p95 {ms(jumps, .95):5.1f}, "
              f"slowest {max(jumps) * 1000:5.1f}")
    print(f"ratio child / in process: next page {statistics.median(new) / statistics.median(ref):.2f}, "
          f"cold page {statistics.median(new_jumps) / statistics.median(ref_jumps):.2f}, "
          f"first page {new_first / ref_first:.2f}")


if __name__ == "__main__":
    main()
