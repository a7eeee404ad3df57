"""One look: error text in the error colour (never the link or highlight blue) wherever it is shown, readable on
light and dark palettes; tool bar actions with icons."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from reviewer.gui.theme import ERROR_COLOURS, error_colour
from reviewer.resources import sample_pdfs
from tests.gui.shell.import_helpers import finish_import
from tests.support.register import PASSPHRASE


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(widget) -> QColor:
    return widget.palette().color(QPalette.ColorRole.WindowText)


def has_pixels_of(label: QLabel, colour: QColor) -> bool:
    """Whether the label as drawn has pixels near `colour` (anti-aliased glyphs: the darkest or lightest ones)."""
    image = label.grab().toImage()
    return any(max(abs(QColor(image.pixel(x, y)).red() - colour.red()),
                   abs(QColor(image.pixel(x, y)).green() - colour.green()),
                   abs(QColor(image.pixel(x, y)).blue() - colour.blue())) < 40
               for x in range(0, image.width(), 1) for y in range(0, image.height(), 2))


def test_the_error_colour_reads_on_light_and_dark_palettes_and_is_no_blue():
    light, dark = QPalette(QColor("#efefef")), QPalette(QColor("#2d2d2d"))
    assert error_colour(light) == QColor(ERROR_COLOURS[0]) and error_colour(dark) == QColor(ERROR_COLOURS[1])
    for palette in (light, dark):
        colour = error_colour(palette)
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            assert contrast(colour, palette.color(role)) >= 4.5
        assert colour.red() > colour.blue() + 60  # a red, not the link blue


def test_a_refused_passphrase_is_said_in_the_error_colour(qtbot, filled_register, register_path, settings):
    from reviewer.gui.launcher import Launcher

    filled_register.close()
    launcher = Launcher(register_path, settings)
    dialog = launcher.dialog
    qtbot.addWidget(dialog)
    launcher.start()
    dialog.passphrase.setText("not the passphrase")
    dialog.accept()
    assert dialog.message.text() == "Wrong passphrase. Try again."
    colour = text_colour(dialog.message)
    assert colour == error_colour(dialog.palette())
    assert colour not in (dialog.palette().color(QPalette.ColorRole.Highlight),
                          dialog.palette().color(QPalette.ColorRole.Link))
    assert has_pixels_of(dialog.message, colour)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.accept()
    qtbot.addWidget(launcher.window)
    launcher.window.close()


def test_a_failed_import_is_shown_in_the_error_colour_in_its_row_summary_and_status_bar(
        qtbot, tmp_path, empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    settings.idle_lock_minutes = 0
    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    window.show()
    normal = text_colour(window.statusBar())
    bad = tmp_path / "not-a-report.pdf"
    bad.write_bytes(b"these are not PDF bytes")
    window.import_paths([bad])
    finish_import(qtbot, window.importer)
    qtbot.waitUntil(lambda: "failed" in window.statusBar().currentMessage())
    red = error_colour(window.palette())
    dialog = window.importer.dialog
    row = dialog.rows[bad]
    assert row.status.text().startswith("Failed")
    assert text_colour(row.status) == red and has_pixels_of(row.status, red)
    assert text_colour(dialog.summary) == red
    assert text_colour(window.statusBar()) == red
    # the next message is in the normal colour again
    window.statusBar().showMessage("Settings saved.", 5000)
    assert text_colour(window.statusBar()) == normal

    # the next batch, without failures, shows its rows and summary in the normal colour
    window.import_paths(sample_pdfs()[:1])
    finish_import(qtbot, window.importer)
    good = dialog.rows[sample_pdfs()[0]]
    assert good.status.text() == "Imported"
    assert text_colour(good.status) != red and text_colour(dialog.summary) != red
    window.close()


def test_the_tool_bar_actions_have_icons_that_are_drawn(qtbot, window):
    from PySide6.QtWidgets import QToolBar

    toolbar = window.findChild(QToolBar, "main-toolbar")
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert [a.text() for a in actions][:2] == ["&Import PDFs\u2026", "Import a &folder\u2026"]
    for action in actions:
        assert not action.icon().isNull(), action.text()
        image = action.icon().pixmap(20, 20).toImage()
        opaque = sum(1 for x in range(image.width()) for y in range(image.height())
                     if QColor.fromRgba(image.pixel(x, y)).alpha() > 128)
        assert 15 < opaque < 20 * 20 * 0.6, action.text()  # a drawn line icon, neither empty nor a filled square


def test_the_viewer_asks_for_a_password_plainly_and_says_a_wrong_one_in_the_error_colour(qtbot):
    from PySide6.QtCore import Qt

    from reviewer.gui.viewer import PdfOpenError, PdfPageViewer
    from tests.support.viewer_pdf import make_pdf

    viewer = PdfPageViewer()
    qtbot.addWidget(viewer)
    viewer.show()
    red = error_colour(viewer.palette())
    with pytest.raises(PdfOpenError):
        viewer.load(make_pdf(pages=1, password="s3cret"))
    assert "enter its password" in viewer.message.text()
    assert text_colour(viewer.message) != red  # a request, not an error
    qtbot.keyClicks(viewer.password_field, "wrong")
    qtbot.keyClick(viewer.password_field, Qt.Key.Key_Return)
    assert "does not open" in viewer.message.text()
    assert text_colour(viewer.message) == red


def test_error_text_and_icons_follow_a_switch_to_a_dark_palette(qtbot, window):
    from PySide6.QtWidgets import QApplication, QToolBar

    from reviewer.gui.theme import show_as_error

    label = QLabel("Not saved: the disk is full", window)
    show_as_error(label)
    box = QLabel("Workpaper not written: the disk is full", window)
    show_as_error(box, boxed=True)
    assert ERROR_COLOURS[0] in box.styleSheet()
    toolbar = window.findChild(QToolBar, "main-toolbar")
    lock = window.lock_action

    def icon_colour() -> QColor:
        image = lock.icon().pixmap(20, 20).toImage()
        opaque = [QColor.fromRgba(image.pixel(x, y)) for x in range(20) for y in range(20)
                  if QColor.fromRgba(image.pixel(x, y)).alpha() == 255]
        return opaque[len(opaque) // 2]

    assert text_colour(label) == QColor(ERROR_COLOURS[0])
    light_icon = icon_colour()
    original = QApplication.palette()
    dark = QPalette(QColor("#2d2d2d"))
    try:
        QApplication.setPalette(dark)
        qtbot.waitUntil(lambda: text_colour(label) == QColor(ERROR_COLOURS[1]))
        qtbot.waitUntil(lambda: ERROR_COLOURS[1] in box.styleSheet())
        assert contrast(text_colour(label), label.palette().color(QPalette.ColorRole.Window)) >= 4.5
        qtbot.waitUntil(lambda: icon_colour() != light_icon)
        # the icon is drawn in the dark tool bar's text colour: light on dark
        assert icon_colour().lightness() > toolbar.palette().color(QPalette.ColorRole.Button).lightness()
    finally:
        QApplication.setPalette(original)
    qtbot.waitUntil(lambda: text_colour(label) == QColor(ERROR_COLOURS[0]))
    qtbot.wait(200)  # settled: no label keeps restyling itself
    assert text_colour(label) == QColor(ERROR_COLOURS[0])
