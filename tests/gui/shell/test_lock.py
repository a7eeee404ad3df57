"""Locking: Ctrl+L and the idle timer close the register and hide the windows; unlocking brings back the
same view (filter, selection, open report tabs, current tab)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.gui.main_window import FIXED_TABS
from tests.support.register import PASSPHRASE


def _arrange_view(qtbot, window):
    view = window.register_view
    bar = view.filter_bar
    bar.framework.setCurrentIndex(bar.framework.findData("SOC 2"))
    assert view.model.rowCount() >= 2
    view.select_reports([view.model.report_id(1)], view.model.report_id(1))
    selected = view.selected_report_ids()
    opened = window.open_report(view.model.report_id(0))
    assert opened is not None and window.tabs.count() == FIXED_TABS + 1
    window.tabs.setCurrentIndex(FIXED_TABS)
    return selected, window.view_state()


def _unlock(window, passphrase=PASSPHRASE):
    dialog = window.unlock_dialog
    dialog.passphrase.setText(passphrase)
    dialog.accept()
    return dialog


def test_ctrl_l_locks_and_unlocking_restores_the_view(qtbot, window):
    selected, before = _arrange_view(qtbot, window)
    old_register = window.register
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked()
    assert old_register.connection is None  # the connection is closed
    assert not window.isVisible()
    assert window.unlock_dialog is not None and window.unlock_dialog.isVisible()
    assert window.register_view.model.rowCount() == 0  # nothing of the register stays on screen
    assert window.tabs.count() == FIXED_TABS

    dialog = _unlock(window, "wrong passphrase here")
    assert dialog.message.text() == "Wrong passphrase. Try again." and window.is_locked()
    _unlock(window)
    assert not window.is_locked() and window.isVisible()
    assert window.register_view.selected_report_ids() == selected
    assert window.view_state() == before
    assert window.register_view.filter_bar.framework.currentData() == "SOC 2"
    assert window.tabs.currentIndex() == FIXED_TABS


def test_idle_timer_locks_and_input_postpones_it(qtbot, window):
    _selected, before = _arrange_view(qtbot, window)
    window.idle_lock.set_timeout(300)
    # activity keeps resetting the timer: no lock while the user works
    for _ in range(4):
        qtbot.wait(120)
        qtbot.mouseMove(window.register_view.table.viewport())
        QApplication.sendEvent(window.register_view.table, _key_event())
        assert not window.is_locked()
    with qtbot.waitSignal(window.locked, timeout=3000):
        pass
    assert window.is_locked() and not window.isVisible()
    _unlock(window)
    assert window.view_state() == before


def test_an_open_import_dialog_is_hidden_while_locked(qtbot, window):
    window.importer.dialog.show()
    window.lock()
    assert not window.importer.dialog.isVisible()
    _unlock(window)
    assert window.importer.dialog.isVisible()


def _key_event():
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)


def test_locking_drops_the_key_material(qtbot, window):
    """Issue 10, item 7: the lock closes the connection and overwrites the raw key it was opened with."""
    import gc

    from reviewer.register import RegisterKey

    key = window.register.key
    raw_hex = key.raw.hex()
    window.lock()
    assert window.is_locked() and window.register is None
    assert key.raw == bytes(32)
    gc.collect()
    live = [o for o in gc.get_objects() if isinstance(o, RegisterKey) and o.raw.hex() == raw_hex]
    assert live == []  # no copy of the key is left anywhere in the app
    _unlock(window)
    assert not window.is_locked() and window.register.key.raw.hex() == raw_hex
