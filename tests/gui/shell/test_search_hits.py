"""The register window's full-text search: word forms match, hits are highlighted, and an import refreshes them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.shell.import_helpers import drop_paths, finish_import
from tests.support.pdfs import text_pdf


def _search(qtbot, view, text: str) -> None:
    view.filter_bar.search.clear()
    qtbot.keyClicks(view.filter_bar.search, text)
    qtbot.keyClick(view.filter_bar.search, Qt.Key.Key_Return)


def test_a_word_finds_its_forms_and_each_hit_is_highlighted(qtbot, window):
    view = window.register_view
    _search(qtbot, view, "encrypt")
    hits = view.results.hits()
    assert hits and view.results.isVisible()
    words = view.results.highlighted_words()
    assert all(row for row in words)  # every row shows where it matched
    forms = {w.lower() for row in words for w in row}
    assert all(w.startswith("encrypt") for w in forms) and len(forms) >= 2  # e.g. encrypted and encryption
    assert all("\x02" not in snippet and "[" not in snippet for _, _, snippet in hits)
    # the highlight is painted: the snippet column holds pixels of the highlight tint that plain rows lack
    view.results.tree.resize(900, 300)
    image = view.results.tree.viewport().grab().toImage()
    tint = view.results.tree.palette().highlight().color()
    rect = view.results.tree.visualItemRect(view.results.tree.topLevelItem(0))
    column_x = view.results.tree.header().sectionPosition(2)
    y = rect.center().y()
    colours = {image.pixelColor(x, y).name() for x in range(column_x, min(image.width(), column_x + 800))}
    base = view.results.tree.palette().base().color()
    assert any(_between(c, base.name(), tint.name()) for c in colours)


def _between(colour: str, base: str, tint: str) -> bool:
    """A colour blended from base toward tint (the translucent highlight), not either one itself."""
    c, b, t = (tuple(int(x[i:i + 2], 16) for i in (1, 3, 5)) for x in (colour, base, tint))
    if c in (b, t):
        return False
    return all(min(bi, ti) - 2 <= ci <= max(bi, ti) + 2 for ci, bi, ti in zip(c, b, t, strict=True))


def test_an_import_refreshes_the_hits_shown(qtbot, window, tmp_path):
    view = window.register_view
    _search(qtbot, view, "penetration test")
    before = len(view.results.hits())
    pdf = tmp_path / "quillmere-pentest.pdf"
    pdf.write_bytes(text_pdf(["Quillmere Hosting Ltd\nSOC 2 Type 2 report\nThe service auditor performed "
                              "penetration tests of the production network."]))
    assert drop_paths(window, [pdf])
    finish_import(qtbot, window.importer)
    qtbot.waitUntil(lambda: len(view.results.hits()) == before + 1)
    assert view.results.highlighted_words()
    assert any(["penetration", "tests"] == [w.lower() for w in row] for row in view.results.highlighted_words())


def test_opening_a_hit_highlights_the_searched_words_on_its_page(qtbot, window):
    view = window.register_view
    _search(qtbot, view, "encrypted")
    report_id, page, _snippet = view.results.hits()[0]
    workspace = window.open_report(report_id, page)
    viewer = workspace.viewer
    assert viewer.search_field.text() == "encrypted"
    qtbot.waitUntil(lambda: bool(viewer.search_hits(page)), timeout=10000)
