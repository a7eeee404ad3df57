"""The reviews-due notice: after the register is unlocked (at start and after a lock), a line in the status bar
says how many next reviews are due or overdue ("3 reviews are due, 1 overdue"), with a button that shows them in
the register table and one that dismisses the notice. Non-modal: the user works on while it stands."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStatusBar, QTabWidget, QToolButton, QWidget

from reviewer.gui.text import plain_label
from reviewer.register.review_dates import DUE_WITHIN_DAYS, DueReview, due_by, reminder_text

if TYPE_CHECKING:
    from reviewer.gui.register_view.view import RegisterView
    from reviewer.register import Register


class Window(Protocol):
    """What the notice needs of the main window (which sits above this module)."""

    register: Register | None
    register_view: RegisterView
    tabs: QTabWidget
    unlocked: SignalInstance

    def statusBar(self) -> QStatusBar: ...  # noqa: N802


class ReviewsDueNotice(QWidget):
    """`show_requested(due_by)` from its button; hidden while no review is due."""

    show_requested = Signal(object)  # a date: the last next-review date that counts as due

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.today = today  # tests and screenshots pin the day
        self.due: list[DueReview] = []
        self.text: QLabel = plain_label("", self)
        self.show_button = QPushButton("Show them", self)
        self.show_button.setToolTip(f"List the reports whose next review falls within {DUE_WITHIN_DAYS} days "
                                    "or has passed")
        self.show_button.clicked.connect(self._show_them)
        self.dismiss = QToolButton(self)
        self.dismiss.setText("\u00d7")
        self.dismiss.setToolTip("Dismiss")
        self.dismiss.setAutoRaise(True)
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.show_button)
        layout.addWidget(self.dismiss)
        self.hide()

    @classmethod
    def install(cls, window: Window) -> ReviewsDueNotice:
        """The notice in `window`'s status bar, checked now (the register was just unlocked); "Show them" lists
        the due reports in the register tab."""
        notice = cls(window.tabs.window())
        window.statusBar().addPermanentWidget(notice)

        def show_them(last_day: date) -> None:
            window.register_view.show_reviews_due(last_day)
            window.tabs.setCurrentWidget(window.register_view)
            notice.hide()

        notice.show_requested.connect(show_them)
        window.unlocked.connect(lambda: notice.check(window.register))
        notice.check(window.register)
        return notice

    def check(self, register: Register | None) -> str:
        """Read the due reviews and show (or hide) the notice; returns its text ("" when none is due)."""
        self.due = [] if register is None else register.reviews.due(self.today())
        line = reminder_text(self.due)
        self.text.setText(line + "." if line else "")
        self.setVisible(bool(line))
        return line

    def _show_them(self) -> None:
        self.show_requested.emit(due_by(self.today()))
