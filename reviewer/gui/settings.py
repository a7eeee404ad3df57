"""The app's settings: typed options over QSettings (after picard's config), the window state, and the dialog.

What is kept here is never report text: dates, thresholds, the reviewer's name and the window's geometry. The
accepted audit firms the dialog also edits are kept in the register (`firms_editor`, `FirmsDialog`).
Tests pass their own QSettings (an INI file in tmp_path) so that they never touch the user's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.theme import show_as_error
from reviewer.register.currency import CurrencyThresholds

if TYPE_CHECKING:
    from reviewer.register import Register


@dataclass(frozen=True)
class Option:
    """One typed setting: its key in QSettings, its Python type and its default."""

    key: str
    kind: type
    default: object

    def read(self, store: QSettings) -> object:
        raw = store.value(self.key, self.default)
        try:
            if self.kind is bool:
                return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            return self.kind(raw)
        except (TypeError, ValueError):
            return self.default


OPTIONS: dict[str, Option] = {
    "fiscal_year_end_month": Option("finance/fiscal_year_end_month", int, 12),
    "fiscal_year_end_day": Option("finance/fiscal_year_end_day", int, 31),
    "stale_after_months": Option("currency/stale_after_months", int, 12),
    "bridge_due_after_months": Option("currency/bridge_due_after_months", int, 3),
    "bridge_max_days": Option("currency/bridge_max_days", int, 90),
    "next_report_weeks": Option("currency/next_report_weeks", int, 6),
    "idle_lock_minutes": Option("security/idle_lock_minutes", int, 10),
    "reviewer_name": Option("review/reviewer_name", str, ""),
}


class AppSettings:
    """Typed access to the settings. Attribute names are the keys of `OPTIONS`."""

    if TYPE_CHECKING:  # what __getattr__ returns for each key of OPTIONS (its Option's kind)
        fiscal_year_end_month: int
        fiscal_year_end_day: int
        stale_after_months: int
        bridge_due_after_months: int
        bridge_max_days: int
        next_report_weeks: int
        idle_lock_minutes: int
        reviewer_name: str

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings("reviewer", "reviewer")

    @classmethod
    def at(cls, path: Path) -> AppSettings:
        """Settings kept in an INI file (tests, screenshots)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def __getattr__(self, name: str) -> object:
        option = OPTIONS.get(name)
        if option is None:
            raise AttributeError(name)
        return option.read(self.store)

    def __setattr__(self, name: str, value: object) -> None:
        option = OPTIONS.get(name)
        if option is None:
            super().__setattr__(name, value)
            return
        self.store.setValue(option.key, option.kind(value))

    # typed views the rest of the app uses
    @property
    def fiscal_year_end(self) -> tuple[int, int]:
        return (int(self.fiscal_year_end_month), int(self.fiscal_year_end_day))

    @fiscal_year_end.setter
    def fiscal_year_end(self, month_day: tuple[int, int]) -> None:
        month, day = month_day
        date(2001, month, day)  # raises ValueError for a day the month does not have (29 Feb excluded)
        self.fiscal_year_end_month = month
        self.fiscal_year_end_day = day

    def fiscal_year_end_for(self, today: date) -> date:
        """The end of the fiscal year that contains `today`."""
        month, day = self.fiscal_year_end
        end = date(today.year, month, day)
        return end if end >= today else date(today.year + 1, month, day)

    @property
    def thresholds(self) -> CurrencyThresholds:
        return CurrencyThresholds(
            stale_after_months=int(self.stale_after_months),
            bridge_due_after_months=int(self.bridge_due_after_months),
            bridge_max_days=int(self.bridge_max_days),
            next_report_weeks=int(self.next_report_weeks),
        )

    @thresholds.setter
    def thresholds(self, value: CurrencyThresholds) -> None:
        self.stale_after_months = value.stale_after_months
        self.bridge_due_after_months = value.bridge_due_after_months
        self.bridge_max_days = value.bridge_max_days
        self.next_report_weeks = value.next_report_weeks

    # the main window's geometry and dock/toolbar state
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.store.value("window/geometry")
        state = self.store.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def sync(self) -> None:
        self.store.sync()


class SettingsDialog(QDialog):
    """Fiscal year end, currency thresholds, idle lock minutes, reviewer name. `accept()` validates and saves."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None, *,
                 register: Register | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.register = register  # given: the accepted audit firms (kept in the register) are edited here too
        self.setWindowTitle("Settings")

        def spin(low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
            box = QSpinBox(self)
            box.setRange(low, high)
            box.setValue(int(value))
            box.setSuffix(suffix)
            return box

        month, day = settings.fiscal_year_end
        self.fy_month = spin(1, 12, month)
        self.fy_day = spin(1, 31, day)
        t = settings.thresholds
        self.stale = spin(1, 60, t.stale_after_months, " months")
        self.bridge_due = spin(0, 24, t.bridge_due_after_months, " months")
        self.bridge_max = spin(1, 365, t.bridge_max_days, " days")
        self.next_report = spin(0, 52, t.next_report_weeks, " weeks")
        self.idle = spin(0, 240, settings.idle_lock_minutes, " minutes")
        self.idle.setSpecialValueText("never")
        self.reviewer = QLineEdit(str(settings.reviewer_name), self)
        self.reviewer.setPlaceholderText("your name, written into the audit log and sign-offs")
        self.message = QLabel(self)
        show_as_error(self.message)  # it only ever says why the settings were not saved

        form = QFormLayout(self)
        form.addRow("Fiscal year ends (month)", self.fy_month)
        form.addRow("Fiscal year ends (day)", self.fy_day)
        form.addRow("A report is stale after", self.stale)
        form.addRow("A bridge letter is due after", self.bridge_due)
        form.addRow("A bridge letter covers at most", self.bridge_max)
        form.addRow("Next report expected after a year plus", self.next_report)
        form.addRow("Lock after idle for", self.idle)
        form.addRow("Reviewer name", self.reviewer)
        self.firms: QPlainTextEdit | None = None
        if register is not None:
            self.firms = firms_editor(register, self)
            self.firms.setToolTip("One firm per line; reports signed by other firms are shown in Signals")
            form.addRow("Accepted audit firms", self.firms)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            self.settings.fiscal_year_end = (self.fy_month.value(), self.fy_day.value())
        except ValueError:
            self.message.setText("That month has no such day: choose a real fiscal year end.")
            return
        self.settings.thresholds = CurrencyThresholds(
            stale_after_months=self.stale.value(),
            bridge_due_after_months=self.bridge_due.value(),
            bridge_max_days=self.bridge_max.value(),
            next_report_weeks=self.next_report.value(),
        )
        self.settings.idle_lock_minutes = self.idle.value()
        self.settings.reviewer_name = self.reviewer.text().strip()
        self.settings.sync()
        if self.firms is not None and self.register is not None:
            save_firms(self.register, self.firms, str(self.settings.reviewer_name) or "unknown")
        super().accept()


# -- the accepted audit firms (kept in the register, so that `reviewer signals` reads the same list) -----------------
FIRMS_HELP = ("The CPA firms whose reports you accept, one per line. A report signed by a firm not listed is shown "
              "in Signals. Names are compared loosely: \u201cOkafor & Lindqvist, P.C.\u201d and \u201cOkafor and "
              "Lindqvist PC\u201d are one firm. Leave the list empty to check no auditors.")


def firms_editor(register: Register, parent: QWidget) -> QPlainTextEdit:
    editor = QPlainTextEdit(parent)
    # an empty list must not look filled in: the placeholder says it is empty and what a line holds
    editor.setPlaceholderText("No firms listed: auditors are not checked.\nOne firm a line, e.g. Harlow & Finch LLP")
    editor.setPlainText("\n".join(register.insights.accepted_firms()))
    return editor


def save_firms(register: Register, editor: QPlainTextEdit, who: str) -> list[str]:
    names = [line.strip() for line in editor.toPlainText().splitlines() if line.strip()]
    return register.insights.set_accepted_firms(names, who=who or "unknown")


class FirmsDialog(QDialog):
    """The accepted audit firms alone (opened from the Signals view); `accept()` saves them."""

    def __init__(self, register: Register, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.who = who
        self.setWindowTitle("Accepted audit firms")
        self.editor = firms_editor(register, self)
        intro = QLabel(FIRMS_HELP, self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def accept(self) -> None:
        save_firms(self.register, self.editor, self.who)
        super().accept()
