"""An empty register says how to start, and its button imports the sample reports through the normal import."""

from __future__ import annotations

from reviewer.gui.register_view.empty_hint import EMPTY_TEXT
from reviewer.resources import sample_pdfs
from tests.gui.shell.import_helpers import finish_import


def test_the_empty_register_says_how_to_start_and_imports_the_samples(qtbot, empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    settings.idle_lock_minutes = 0
    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    window.show()
    hint = window.register_view.empty_hint
    qtbot.waitUntil(hint.isVisible)
    assert hint.message.text() == EMPTY_TEXT
    assert "Ctrl+O" in hint.message.text() and "drag PDFs here" in hint.message.text()
    # it covers the table's empty viewport, under the headers
    viewport = window.register_view.table.viewport()
    assert hint.geometry() == viewport.rect() and viewport.height() > 200
    assert hint.samples_button.isVisible()

    hint.samples_button.click()
    # the normal import: its progress window lists each sample
    assert set(window.importer.dialog.rows) == set(sample_pdfs())
    finish_import(qtbot, window.importer, timeout_ms=240_000)
    counts = window.importer.dialog.counts()
    assert counts["imported"] == len(sample_pdfs()), window.importer.dialog.summary_text()
    qtbot.waitUntil(lambda: window.register_view.model.total() == len(sample_pdfs()), timeout=10_000)
    assert not hint.isVisible()

    # a filter that matches nothing is not an empty register: no invitation to import
    window.register_view.filter_bar.text.setText("no vendor is called this")
    window.register_view.filter_bar.apply()
    assert window.register_view.model.total() == 0
    assert not hint.isVisible()
    window.close()
