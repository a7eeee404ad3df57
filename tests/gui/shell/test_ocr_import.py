"""A 40-page scanned report imports with OCR in the extraction child: the per-file bar moves page by page, the
event loop's longest gap between 10 ms timer ticks stays under 100 ms, and cancel stops it with nothing stored."""

from __future__ import annotations

import io
import time

import pypdfium2 as pdfium
import pytest

from tests.conftest import CORPUS_DIR
from tests.extract.scanned import scan_pdf
from tests.gui.shell.import_helpers import EventLoopTicks, finish_import

MAX_GAP_S = 0.100
PAGES = 40


@pytest.fixture(scope="module")
def scanned_40_pages(corpus):
    """A 40-page image-only report at 150 dpi (corpus reports' pages one after another, scanned)."""
    path = CORPUS_DIR / "scanned" / "scanned-40-pages.pdf"
    if not path.exists():
        out = pdfium.PdfDocument.new()
        for doc in corpus.readable():
            if doc.password or len(out) >= PAGES:
                continue
            src = pdfium.PdfDocument(doc.path.read_bytes())
            out.import_pages(src, list(range(min(len(src), PAGES - len(out)))))
        buf = io.BytesIO()
        out.save(buf)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(scan_pdf(buf.getvalue(), 150, seed="forty"))
    return path


def test_a_scanned_import_keeps_the_window_responsive_and_can_be_cancelled(qtbot, scanned_40_pages,
                                                                            empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    loop = EventLoopTicks()
    qtbot.wait(50)

    started = time.perf_counter()
    window.import_paths([scanned_40_pages])
    dialog = window.importer.dialog
    bar = dialog.rows[scanned_40_pages].bar
    # OCR runs page by page in the child: wait for three pages read, then cancel
    qtbot.waitUntil(lambda: bar.maximum() == PAGES and bar.value() >= 3, timeout=120_000)
    pages_read = bar.value()
    dialog.cancel_button.click()
    cancelled_at = time.perf_counter()
    finish_import(qtbot, window.importer, timeout_ms=30_000)
    ended = time.perf_counter()
    loop.stop()

    ticked, longest = loop.between(started, ended)
    print(f"\nscanned import: {pages_read} pages OCR'd in {cancelled_at - started:.2f} s, cancelled in "
          f"{ended - cancelled_at:.2f} s; {ticked} ticks, longest event-loop gap {longest * 1000:.1f} ms")
    assert dialog.outcomes[scanned_40_pages][0] == "cancelled"
    assert empty_register.reports.count() == 0
    assert ended - cancelled_at < 5.0
    assert ticked > 20 and longest < MAX_GAP_S
