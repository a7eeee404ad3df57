"""The main window: tabs (register, procurement, finance, open reports), menus, shortcuts, drag and drop,
and the lock (idle or Ctrl+L) that closes the register and restores the same view after unlocking.

The window owns the GUI thread's register connection. Imports run on their own connection (importing/);
each view reads through the window's connection and is handed a new one after an unlock.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from reviewer.gui.actions import name_shortcut, window_action
from reviewer.gui.confirm_delete import confirm_delete
from reviewer.gui.dialog_history import forget_file_dialog_history, private_dialog
from reviewer.gui.errors import show_error
from reviewer.gui.finance import FinanceView
from reviewer.gui.importing import ImportController
from reviewer.gui.procurement import ProcurementView
from reviewer.gui.register_view import RegisterView, ReviewsDueNotice
from reviewer.gui.settings import AppSettings, SettingsDialog
from reviewer.gui.signals_view import SignalsView
from reviewer.gui.text import mnemonic_safe, tooltip_text
from reviewer.gui.theme import show_status
from reviewer.gui.unlock import IdleLock, UnlockDialog
from reviewer.gui.vendor_view import VendorView
from reviewer.gui.view import View, show_tab
from reviewer.gui.viewer.render import RenderService
from reviewer.gui.window_menus import add_menus_and_toolbar
from reviewer.gui.workspace import ReviewWorkspace
from reviewer.resources import sample_pdfs

if TYPE_CHECKING:
    from reviewer.register import Register

log = logging.getLogger("reviewer.gui")
FIXED_TABS = 5  # register, procurement, finance, vendors, signals: never closed


class MainWindow(QMainWindow):
    """`locked()` after locking, `unlocked()` after the view is back."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, register: Register, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        forget_file_dialog_history()  # what a crash may have left (reviewer/gui/dialog_history.py)
        RenderService.shared().start()  # the viewer's render child starts now, so the first report opens at once
        self.register: Register | None = register
        self.register_path = Path(register.path)
        self.settings = settings
        self.setWindowTitle(f"reviewer \u2014 {self.register_path.name}")
        self.setAcceptDrops(True)
        self.unlock_dialog: UnlockDialog | None = None
        self._saved_view: dict[str, Any] | None = None
        self._hidden_windows: list[QWidget] = []
        self.delete_dialog: QMessageBox | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        # the table's currency badges follow the same thresholds as the procurement view
        self.register_view = RegisterView(register, self, thresholds=lambda: settings.thresholds)
        self.procurement = ProcurementView(register, settings, self)
        self.finance = FinanceView(register, settings, self)
        self.vendor_view = VendorView(register, self, thresholds=lambda: settings.thresholds)
        self.signals_view = SignalsView(register, settings, self)
        # the fixed views, listed once: the window drives them only through the `View` protocol
        self.views: dict[str, View] = {"register": self.register_view, "procurement": self.procurement,
                                       "finance": self.finance, "vendors": self.vendor_view,
                                       "signals": self.signals_view}
        # the views that read the whole register: refreshed when shown
        self.whole_register_views: tuple[View, ...] = (self.procurement, self.finance, self.vendor_view,
                                                       self.signals_view)
        for view, title in ((self.register_view, "Register"), (self.procurement, "Procurement"),
                            (self.finance, "Finance"), (self.vendor_view, "Vendors"), (self.signals_view, "Signals")):
            self.tabs.addTab(view, title)
            self.tabs.tabBar().setTabButton(self.tabs.count() - 1, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.setCentralWidget(self.tabs)
        self.register_view.open_report.connect(self.open_report)
        self.register_view.import_samples_requested.connect(lambda: self.import_paths(sample_pdfs()))
        self.procurement.vendor_activated.connect(self._show_vendor)
        self.vendor_view.open_report.connect(self.open_report)
        self.register_view.vendor_history_requested.connect(self.vendor_view.reveal)
        self.signals_view.open_report.connect(self.open_report)

        self.importer = ImportController(register, self, who=lambda: str(settings.reviewer_name) or "unknown")
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(300)  # one refresh for a burst of imported files
        self._refresh_soon.timeout.connect(self.refresh)
        self.importer.report_imported.connect(lambda _id: self._refresh_soon.start())
        self.importer.vendor_confirmed.connect(lambda _id: self._refresh_soon.start())
        self.importer.finished.connect(self._refresh_soon.start)
        self.importer.finished.connect(self._import_finished)
        for view_with_news in (self.procurement, self.finance, self.signals_view):
            view_with_news.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.idle_lock = IdleLock(int(settings.idle_lock_minutes) * 60_000, self)
        self.idle_lock.idle.connect(self.lock)
        self._build_actions()
        self.close_tab_action.setEnabled(False)  # the register, procurement and finance tabs stay
        self.tabs.currentChanged.connect(self._tab_changed)
        self._restore_geometry()
        self.statusBar().showMessage("Drop PDF files or folders here to import them.")
        self.reviews_due = ReviewsDueNotice.install(self)

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot: Any) -> QAction:
        return window_action(self, text, shortcut, slot)

    def _build_actions(self) -> None:
        self.import_action = self._action("&Import PDFs\u2026", "Ctrl+O", self.ask_import)
        self.import_folder_action = self._action("Import a &folder\u2026", "Ctrl+Shift+O", self.ask_import_folder)
        self.search_action = self._action("&Search all reports", "Ctrl+F", self.focus_search)
        self.lock_action = self._action("&Lock", "Ctrl+L", self.lock)
        self.settings_action = self._action("Se&ttings\u2026", "Ctrl+,", self.open_settings)
        self.close_tab_action = self._action("&Close tab", "Ctrl+W", self.close_current_tab)
        self.refresh_action = self._action("&Refresh", "F5", self.refresh)
        self.delete_action = self._action("&Delete report\u2026", None, self.ask_delete_reports)
        # Delete acts on the table's selection only: in a text field it still deletes a character
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        name_shortcut(self.delete_action)
        self.removeAction(self.delete_action)
        self.register_view.add_row_action(self.delete_action)
        self.delete_action.setEnabled(False)
        self.register_view.selection_changed.connect(self._selection_changed)
        self.quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        for i, title in enumerate(("&Register", "&Procurement", "&Finance", "&Vendors", "&Signals")):
            self._action(f"Show {title}", f"Ctrl+{i + 1}", lambda i=i: self.tabs.setCurrentIndex(i))

        self.help_menu = add_menus_and_toolbar(self)

    # importing
    def ask_import(self) -> QFileDialog:
        dialog = private_dialog(QFileDialog(self, "Import SOC reports", "", "PDF files (*.pdf)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda names: self.import_paths([Path(n) for n in names]))
        dialog.open()
        return dialog

    def ask_import_folder(self) -> QFileDialog:
        dialog = private_dialog(QFileDialog(self, "Import a folder of SOC reports"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(lambda name: self.import_paths([Path(name)]))
        dialog.open()
        return dialog

    def import_paths(self, paths: list[Path]) -> int:
        count = self.importer.import_paths(paths)
        if not count:
            show_status(self.statusBar(), "No PDF files there to import.", 5000, error=True)
        return count

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # deleting reports
    def _selection_changed(self, *_args: object) -> None:
        count = len(self.register_view.selected_report_ids()) if self.register is not None else 0
        self.delete_action.setEnabled(count > 0)
        self.delete_action.setText("&Delete report\u2026" if count <= 1 else f"&Delete {count} reports\u2026")

    def ask_delete_reports(self) -> QMessageBox | None:
        """Confirm, then destroy the selected reports (their PDFs, extractions, page text, findings, reviews)."""
        report_ids = self.register_view.selected_report_ids() if self.register is not None else []
        if not report_ids:
            return None
        rows = self.register_view.report_rows(report_ids)
        names = [f"{row.vendor or 'vendor unknown'} \u2014 {row.file_name}" for row in rows]
        box = confirm_delete(self, names, lambda: self.delete_reports(report_ids))
        self.delete_dialog = box
        return box

    def delete_reports(self, report_ids: list[int]) -> int:
        """Delete reports (closing their tabs first); returns how many were deleted."""
        from reviewer.register import RegisterError

        if self.register is None:
            return 0
        register = self.register
        who = str(self.settings.reviewer_name) or "unknown"
        deleted = 0
        for report_id in report_ids:
            index = self.report_tab(report_id)
            if index is not None:
                self.close_tab(index)
            try:
                register.reports.delete(report_id, who)
                deleted += 1
            except RegisterError as err:
                show_error(self, "Delete report", str(err))
        self.refresh()
        self.statusBar().showMessage(f"{deleted} report{'s' if deleted != 1 else ''} deleted.", 8000)
        return deleted

    # views
    def refresh(self) -> None:
        if self.register is None:
            return
        self.register_view.refresh()
        # the procurement, finance, vendor and signals views read the whole register: refreshed when shown
        current = self.tabs.currentWidget()
        for view in self.whole_register_views:
            if current is view:
                view.refresh()

    def _import_finished(self) -> None:
        show_status(self.statusBar(), self.importer.summary_line(), 10_000, error=self.importer.dialog.failures() > 0)

    def _tab_changed(self, index: int) -> None:
        self.close_tab_action.setEnabled(index >= FIXED_TABS)
        # the procurement and finance views read the whole register: only when shown
        shown = self.tabs.widget(index)
        if self.register is not None:
            for view in self.whole_register_views:
                if shown is view:
                    view.refresh()

    def _show_vendor(self, vendor_id: int) -> None:
        self.register_view.show_vendor(vendor_id)
        self.tabs.setCurrentWidget(self.register_view)

    def focus_search(self) -> None:
        """Ctrl+F finds in the pane in front: a report's document in its tab, else the register's search."""
        shown = self.tabs.currentWidget()
        if isinstance(shown, ReviewWorkspace):
            shown.viewer.focus_search()
            return
        self.tabs.setCurrentWidget(self.register_view)
        self.register_view.focus_search()

    def report_tab(self, report_id: int) -> int | None:
        for i in range(FIXED_TABS, self.tabs.count()):
            if self._tab_report_id(i) == report_id:
                return i
        return None

    def _tab_report_id(self, index: int) -> object:
        widget = self.tabs.widget(index)
        return widget.property("report_id") if widget is not None else None

    def open_report(self, report_id: int, page: int = 0) -> QWidget | None:
        """Open a report's review workspace in a tab (or switch to it)."""
        if self.register is None:
            return None
        index = self.report_tab(report_id)
        if index is None:
            workspace = ReviewWorkspace(self.register, report_id, self.settings, self)
            workspace.setProperty("report_id", report_id)
            workspace.changed.connect(lambda _id: self._refresh_soon.start())
            workspace.changed.connect(lambda _id: self.statusBar().showMessage("Saved.", 3000))
            workspace.exported.connect(lambda path: self.statusBar().showMessage(f"Workpaper written to {path}.", 8000))
            row = self.register.reports.get(report_id)
            title = row.vendor or row.file_name
            index = self.tabs.addTab(workspace, mnemonic_safe(title if len(title) <= 40 else title[:39] + "\u2026"))
            self.tabs.setTabToolTip(index, tooltip_text(f"{title}\n{row.file_name}"))
        self.tabs.setCurrentIndex(index)
        shown = self.tabs.widget(index)
        if page and isinstance(shown, ReviewWorkspace):
            shown.show_page(page)  # a full-text search hit: its page, the searched words highlighted on it
            shown.viewer.search_field.setText(self.register_view.results.query.strip('"'))
        return shown

    def close_tab(self, index: int) -> None:
        if index < FIXED_TABS:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if widget is not None:
            widget.close()
            widget.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self, register=self.register)
        dialog.accepted.connect(self._settings_changed)
        dialog.open()
        return dialog

    def _settings_changed(self) -> None:
        self.statusBar().showMessage("Settings saved.", 5000)
        self.idle_lock.set_timeout(int(self.settings.idle_lock_minutes) * 60_000)
        for workspace in self.findChildren(ReviewWorkspace):  # e.g. the reviewer's name: sign-off follows at once
            workspace.settings_changed()
        self.refresh()

    # locking
    def is_locked(self) -> bool:
        return self.register is None

    def view_state(self) -> dict[str, Any]:
        return {
            "views": {name: view.state() for name, view in self.views.items()},
            "tabs": [self._tab_report_id(i) for i in range(FIXED_TABS, self.tabs.count())],
            "current_tab": self.tabs.currentIndex(),
        }

    def lock(self) -> UnlockDialog | None:
        """Close the register, hide every window behind the unlock dialog; unlocking restores the view."""
        if self.register is None:
            return self.unlock_dialog
        self.idle_lock.pause()
        self.importer.shutdown()  # the worker's own connection closes with its batch
        self._saved_view = self.view_state()
        while self.tabs.count() > FIXED_TABS:
            self.close_tab(self.tabs.count() - 1)
        RenderService.shared().stop()  # its memory held the open tabs' decrypted PDFs
        self.register.close()
        self.register = None
        for view in self.views.values():
            view.set_register(None)
        self.importer.set_register(None)
        self._hidden_windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for window in self._hidden_windows:
            window.hide()
        self.unlock_dialog = UnlockDialog(self.register_path, None, relock=True)
        self.unlock_dialog.unlocked.connect(self._unlocked)
        self.unlock_dialog.rejected.connect(self.close)
        self.unlock_dialog.open()
        self.locked.emit()
        log.info("locked")
        return self.unlock_dialog

    def _unlocked(self, register: Register) -> None:
        self.register = register
        RenderService.shared().start()
        self.unlock_dialog = None
        self.importer.set_register(register)
        state = self._saved_view or {}
        for name, view in self.views.items():
            view.set_register(register)
            view.restore(state.get("views", {}).get(name, {}))
        for window in self._hidden_windows:
            window.show()
        self._hidden_windows = []
        for report_id in state.get("tabs", []):
            if report_id is not None:
                self.open_report(int(report_id))
        show_tab(self.tabs, min(state.get("current_tab", 0), self.tabs.count() - 1), self._tab_changed)
        self._saved_view = None
        self.idle_lock.resume()
        self.statusBar().showMessage("Unlocked.", 5000)
        self.unlocked.emit()
        log.info("unlocked")

    # window state
    def _restore_geometry(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.unlock_dialog is None:
            self.settings.save_window_state(self.saveGeometry(), self.saveState())
            self.settings.sync()
        self.importer.shutdown()
        self.idle_lock.stop()
        while self.tabs.count() > FIXED_TABS:
            self.close_tab(self.tabs.count() - 1)
        if self.register is not None:
            self.register.close()
            self.register = None
        if self.unlock_dialog is not None:
            dialog, self.unlock_dialog = self.unlock_dialog, None
            dialog.rejected.disconnect()
            dialog.reject()
        event.accept()
