"""The viewer renders in a child process (issue 10, item 7): PDFium never parses a stored PDF in the process that
holds the register's key; the child has a clean environment, and a child that dies costs one page, not the viewer."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from reviewer.gui.viewer import PdfPageViewer
from reviewer.gui.viewer.render import RenderService
from tests.support.viewer_pdf import make_pdf

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture
def viewer(qtbot):
    v = PdfPageViewer()
    qtbot.addWidget(v)
    v.resize(900, 700)
    v.show()
    qtbot.waitExposed(v)
    yield v
    v.clear()


def _pdfium_documents_in_this_process() -> int:
    """How many documents PDFium has open here: pypdfium2 keeps no count, so ask its finalizers' registry."""
    import gc

    import pypdfium2 as pdfium

    return sum(1 for o in gc.get_objects() if isinstance(o, pdfium.PdfDocument) and o.raw is not None)


def test_pages_are_drawn_by_a_child_with_a_clean_environment(viewer, monkeypatch):
    monkeypatch.setenv("REVIEWER_PASSPHRASE", "never in the render child")
    RenderService.shared().stop()  # a fresh child, started under this environment
    before = _pdfium_documents_in_this_process()
    viewer.load(make_pdf())
    viewer.show_page(2)
    assert viewer.page_count() == 5 and viewer.current_page() == 2
    assert not viewer.canvas.grab().toImage().isNull()
    assert _pdfium_documents_in_this_process() == before  # nothing opened here
    child = RenderService.shared()._child
    assert child is not None and child.pid != os.getpid()
    environ = Path(f"/proc/{child.pid}/environ").read_bytes()
    assert b"REVIEWER_" not in environ and b"never in the render child" not in environ


def test_a_render_child_that_dies_costs_one_page_and_the_viewer_goes_on(viewer):
    viewer.load(make_pdf())
    child = RenderService.shared()._child
    os.kill(child.pid, signal.SIGKILL)  # what a PDFium crash on a hostile page looks like
    child.process.wait(10)
    viewer.show_page(3)  # the service restarts the child and opens the document again
    assert viewer.current_page() == 3 and not viewer.message.isVisible(), viewer.message.text()
    assert RenderService.shared()._child.pid != child.pid
    viewer.search_field.setText("terminated users")
    viewer.search_budget_s = 5.0
    assert viewer.find_next() is True and viewer.current_page() == 3
