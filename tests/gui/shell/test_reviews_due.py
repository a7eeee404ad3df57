"""Next reviews remind: the register table marks a due or overdue next-review date, and after unlocking (at start
and after a lock) a non-modal notice says how many are due, with a button that lists them."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from reviewer.gui.main_window import MainWindow
from reviewer.gui.register_view.model import NEXT_REVIEW_COLUMN
from reviewer.gui.theme import role_colour
from tests.support.register import PASSPHRASE

TODAY = date.today()


def _latest_reports(register) -> list[int]:
    """One report per vendor: the vendor's latest SOC report (the one whose review is kept up)."""
    return [c.latest_report_id for c in register.currency.by_vendor(TODAY) if c.latest_report_id and c.period_end]


def _window(qtbot, register, settings) -> MainWindow:
    settings.idle_lock_minutes = 0
    window = MainWindow(register, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_table_marks_due_and_overdue_next_reviews(qtbot, filled_register, settings):
    overdue, due, later = _latest_reports(filled_register)[:3]
    for report, days in ((overdue, -3), (due, 10), (later, 120)):
        filled_register.reviews.update(report, "tests", next_review_date=TODAY + timedelta(days=days))
    window = _window(qtbot, filled_register, settings)
    model = window.register_view.model

    def cell(report_id: int, role=Qt.ItemDataRole.DisplayRole):
        return model.index(model.row_of(report_id), NEXT_REVIEW_COLUMN).data(role)

    assert cell(overdue) == f"{(TODAY - timedelta(days=3)).isoformat()} \u00b7 overdue"
    assert cell(due) == f"{(TODAY + timedelta(days=10)).isoformat()} \u00b7 due"
    assert cell(later) == (TODAY + timedelta(days=120)).isoformat()
    assert cell(overdue, Qt.ItemDataRole.ForegroundRole) == role_colour("critical")
    assert cell(due, Qt.ItemDataRole.ForegroundRole) == role_colour("warning")
    assert cell(later, Qt.ItemDataRole.ForegroundRole) is None
    window.close()


def test_a_notice_after_unlock_counts_the_due_reviews_and_shows_them(qtbot, filled_register, settings):
    first, second, third, far = _latest_reports(filled_register)[:4]
    for report, days in ((first, -5), (second, 0), (third, 29), (far, 60)):
        filled_register.reviews.update(report, "tests", next_review_date=TODAY + timedelta(days=days))
    window = _window(qtbot, filled_register, settings)
    notice = window.reviews_due
    assert notice.isVisible() and not notice.isWindow()  # in the window, not a dialog that blocks it
    assert notice.text.text() == "3 reviews are due, 1 overdue."
    window.tabs.setCurrentWidget(window.finance)

    qtbot.mouseClick(notice.show_button, Qt.MouseButton.LeftButton)
    view = window.register_view
    assert window.tabs.currentWidget() is view
    shown = [view.model.report_id(row) for row in range(view.model.rowCount())]
    assert shown == [first, second, third]  # earliest first
    assert view.count.text().startswith("3 reports with a review due by ")
    assert not notice.isVisible()

    # after a lock, unlocking counts them again
    window.lock()
    dialog = window.unlock_dialog
    dialog.passphrase.setText(PASSPHRASE)
    dialog.accept()
    assert window.reviews_due.isVisible()
    assert window.reviews_due.text.text() == "3 reviews are due, 1 overdue."
    window.close()


def test_no_notice_when_nothing_is_due(qtbot, filled_register, settings):
    window = _window(qtbot, filled_register, settings)
    assert not window.reviews_due.isVisible()
    window.close()
