"""`ViewerKeys`: the viewer's keyboard shortcuts, a base of `PdfPageViewer` (above its search, `TextSearch`).

The shortcuts live on the viewer with its children in context, so a table next to it (in the workspace) keeps its
own keys. Ctrl+F, F3 and Shift+F3 are the viewer's own only when `own_find_keys`: a host that takes them
everywhere inside it (the workspace, inside a main window whose own Ctrl+F is a window shortcut: two Ctrl+F
shortcuts would be ambiguous and neither would fire) routes them through `find_key_action` instead. In the find
field, Enter and Shift+Enter go to the next and previous match and Esc closes find (`find_field_key`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut

from reviewer.gui.viewer.search import TextSearch


class ViewerKeys(TextSearch):
    """Keys for the viewer's pages, zoom, side panel and find."""

    # what the viewer provides
    def zoom_in(self) -> None:
        raise NotImplementedError

    def zoom_out(self) -> None:
        raise NotImplementedError

    def fit_width(self) -> None:
        raise NotImplementedError

    def scroll_by_screen(self, screens: int) -> None:
        raise NotImplementedError

    def first_page(self) -> None:
        raise NotImplementedError

    def last_page(self) -> None:
        raise NotImplementedError

    def toggle_side_panel(self) -> None:
        raise NotImplementedError

    def install_keys(self, own_find_keys: bool) -> None:
        def shortcut(keys: QKeySequence | QKeySequence.StandardKey | str, slot: Callable[[], object], what: str,
                     enabled: bool = True) -> None:
            s = QShortcut(QKeySequence(keys), self)
            s.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            s.setWhatsThis(what)  # the Help menu's list of keys reads it
            s.setEnabled(enabled)
            s.activated.connect(slot)

        shortcut(QKeySequence.StandardKey.ZoomIn, self.zoom_in, "Zoom in")
        shortcut("Ctrl+=", self.zoom_in, "Zoom in")
        shortcut(QKeySequence.StandardKey.ZoomOut, self.zoom_out, "Zoom out")
        shortcut("Ctrl+0", self.fit_width, "Fit the page to the width")
        shortcut("PgDown", lambda: self.scroll_by_screen(1), "Next screen of pages")
        shortcut("PgUp", lambda: self.scroll_by_screen(-1), "Previous screen of pages")
        # in the find field and the page box, Home and End stay theirs (line edits claim them first)
        shortcut("Home", self.first_page, "First page")
        shortcut("End", self.last_page, "Last page")
        shortcut("F4", self.toggle_side_panel, "Show or hide the thumbnails and outline")
        # a host that takes the find keys itself (find_key_action) keeps these disabled: listed, never fired
        shortcut(QKeySequence.StandardKey.Find, self.focus_search, "Find in this PDF", own_find_keys)
        shortcut("F3", self.find_next, "Find next", own_find_keys)
        shortcut("Shift+F3", self.find_previous, "Find previous", own_find_keys)

    def find_key_action(self, event: QKeyEvent) -> Callable[[], object] | None:
        """What Ctrl+F, F3 or Shift+F3 do, for a host that takes these keys itself (see the module docstring)."""
        if event.matches(QKeySequence.StandardKey.Find):
            return self.focus_search
        combo = QKeySequence(event.keyCombination())
        for keys, action in (("F3", self.find_next), ("Shift+F3", self.find_previous)):
            if combo.matches(QKeySequence(keys)) == QKeySequence.SequenceMatch.ExactMatch:
                return action
        return None

    def find_field_key(self, event: QEvent) -> bool:
        """Shift+Enter (previous match) and Esc (close find) in the find field; True when the key was used."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() == Qt.Key.Key_Escape:
            self.close_search()
            return True
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.find_previous()
            return True
        return False
