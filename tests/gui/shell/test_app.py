"""Settings (typed, dialog), window geometry across restarts, shortcuts, the error hook, badge colours,
and the screenshots script."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QColor, QKeySequence, QPalette

from reviewer.gui.errors import ErrorHook
from reviewer.gui.main_window import FIXED_TABS
from reviewer.gui.settings import AppSettings, SettingsDialog
from reviewer.gui.theme import badge_colours
from reviewer.register import CurrencyThresholds
from reviewer.register.currency import CURRENCY_STATUSES


def test_settings_are_typed_and_saved_by_the_dialog(qtbot, tmp_path):
    settings = AppSettings.at(tmp_path / "s.ini")
    assert settings.fiscal_year_end == (12, 31) and settings.thresholds == CurrencyThresholds()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.fy_month.setValue(2)
    dialog.fy_day.setValue(30)
    dialog.accept()
    assert dialog.isVisible() and "no such day" in dialog.message.text()  # 30 February is refused
    dialog.fy_month.setValue(6)
    dialog.stale.setValue(18)
    dialog.idle.setValue(5)
    dialog.reviewer.setText("  Dana Reviewer ")
    dialog.accept()
    assert not dialog.isVisible()
    again = AppSettings.at(tmp_path / "s.ini")  # a new session reads what was saved
    assert again.fiscal_year_end == (6, 30)
    assert again.thresholds.stale_after_months == 18 and again.idle_lock_minutes == 5
    assert again.reviewer_name == "Dana Reviewer"


def test_window_geometry_is_restored_on_restart(qtbot, filled_register, settings):
    from reviewer.gui.main_window import MainWindow

    first = MainWindow(filled_register, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(777, 555)  # within the offscreen screen (800 wide): restoreGeometry keeps windows on screen
    qtbot.wait(20)
    size = (first.width(), first.height())
    assert size != (1280, 800)  # not the first-run default
    first.close()
    assert settings.window_state()[0] is not None
    from reviewer.register import Register
    from tests.support.register import PASSPHRASE

    register = Register.open(filled_register.path, PASSPHRASE, create=False)
    second = MainWindow(register, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size
    second.close()


def test_shortcuts_for_the_main_actions(window):
    shortcuts = {a.shortcut().toString(QKeySequence.SequenceFormat.PortableText) for a in window.actions()}
    for key in ("Ctrl+O", "Ctrl+F", "Ctrl+L", "Ctrl+,", "Ctrl+W", "F5"):
        assert key in shortcuts
    window.settings_action.trigger()
    dialogs = [w for w in window.findChildren(SettingsDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()


def test_ctrl_w_closes_a_report_tab_but_never_the_fixed_tabs(qtbot, window):
    window.open_report(window.register_view.model.report_id(0))
    assert window.tabs.count() == FIXED_TABS + 1
    window.close_tab_action.trigger()
    assert window.tabs.count() == FIXED_TABS
    window.close_tab_action.trigger()
    assert window.tabs.count() == FIXED_TABS


def test_error_hook_logs_type_and_frames_but_not_the_message(qtbot, caplog):
    hook = ErrorHook()
    secret = "Exception noted for 3 of 25 samples at Confidential Vendor Inc"
    try:
        raise ValueError(secret)
    except ValueError:
        kind, value, tb = sys.exc_info()
    with caplog.at_level(logging.ERROR, logger="reviewer.gui"):
        hook(kind, value, tb)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "ValueError" in logged and "test_app.py" in logged
    assert secret not in logged and "Confidential" not in logged
    dialog = hook.last_dialog
    assert dialog.isVisible() and "ValueError" in dialog.text()
    dialog.close()  # deletes itself on close


def test_badge_colours_stay_readable_in_light_and_dark():
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    for status in CURRENCY_STATUSES:
        for palette in (light, dark):
            background, text = badge_colours(status, palette)
            assert abs(background.lightness() - text.lightness()) > 100, (status, background.name())
        assert badge_colours(status, light)[0] != badge_colours(status, dark)[0]


def test_screenshots_render_the_main_views(qtbot, tmp_path):
    from reviewer.gui.screenshots import render

    written = render(tmp_path / "shots")
    names = {p.name for p in written}
    assert {"create-register.png", "register.png", "search.png", "procurement.png", "finance.png"} <= names
    for path in written:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 5000


def test_actions_say_their_shortcut_close_tab_only_on_a_report(qtbot, window):
    assert window.import_action.toolTip() == "Import PDFs (Ctrl+O)"
    assert window.lock_action.toolTip() == "Lock (Ctrl+L)"
    assert window.delete_action.toolTip() == "Delete report (Del)"
    assert not window.close_tab_action.isEnabled()  # the register tab cannot be closed
    window.open_report(window.register_view.model.report_id(0))
    assert window.close_tab_action.isEnabled()
    window.close_tab_action.trigger()
    assert window.tabs.count() == FIXED_TABS and not window.close_tab_action.isEnabled()


def test_an_empty_firms_list_says_it_is_empty(qtbot, filled_register, settings):
    from reviewer.gui.settings import firms_editor

    editor = firms_editor(filled_register, None)
    qtbot.addWidget(editor)
    assert editor.toPlainText() == ""
    # its placeholder once read like two listed firms; it says the list is empty and what a line holds
    assert editor.placeholderText().startswith("No firms listed")
