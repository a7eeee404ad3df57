"""The CUECs table reads well at 1280x800 once CUECs are mapped: the text keeps its width and wraps, the mapped
control is painted (also after scrolling) and chosen through the cell's own combo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from reviewer.gui.workspace.cuecs_model import COL_CONTROL, COL_SUGGESTION, COL_TEXT

LONG = Path(__file__).resolve().parents[2] / "blind" / "set3" / "documents" / "cal-soc2-t2-long.pdf"
TITLE = "User provisioning, password management and the quarterly recertification of access"


def dark_pixels(image, rect) -> int:
    """Pixels dark enough to be text (the grid and the background are light) inside `rect`, its edges left out."""
    inner = rect.adjusted(3, 3, -3, -3)
    return sum(1 for x in range(inner.left(), inner.right()) for y in range(inner.top(), inner.bottom())
               if image.pixelColor(x, y).lightness() < 90)


def choose_in_editor(tab, qtbot, row: int, control_id: int) -> None:
    """Map CUEC `row` as a user does: Enter on its "Our control" cell opens the combo; pick the control in it."""
    index = tab.model.index(row, COL_CONTROL)
    tab.table.setCurrentIndex(index)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    combo = tab.table.indexWidget(index)
    assert isinstance(combo, QComboBox) and combo.isVisible()
    position = combo.findData(control_id)
    combo.setCurrentIndex(position)
    combo.activated.emit(position)


def test_after_mapping_the_text_keeps_its_width_and_wraps_and_the_control_shows_after_scrolling(
        open_workspace, register, qtbot):
    outcome = register.reports.import_file(LONG)
    assert outcome.status == "imported", outcome.message
    report_id = next(r.id for r in register.reports.rows(limit=None) if r.file_name == LONG.name)
    control = register.reviews.add_own_control("IAM-01", TITLE, "IT Security", "Dana Reviewer")
    ws = open_workspace(report_id, reg=register)
    ws.resize(1280, 800)
    tab = ws.cuecs_tab
    ws.tabs.setCurrentWidget(tab)
    qtbot.waitExposed(tab.table)
    table, last = tab.table, len(tab.records) - 1
    assert last >= 10

    choose_in_editor(tab, qtbot, 0, control.id)
    qtbot.waitUntil(lambda: tab.mapped_id(0) == control.id)  # saved once the editor has closed
    choose_in_editor(tab, qtbot, last, control.id)
    qtbot.waitUntil(lambda: tab.mapped_id(last) == control.id)
    assert register.reviews.cuecs(report_id)[last].mapping.own_control.ref == "IAM-01"
    qtbot.waitUntil(lambda: table.indexWidget(tab.model.index(last, COL_CONTROL)) is None)  # the editor closed

    header = table.horizontalHeader()
    viewport = table.viewport()
    assert header.sectionSize(COL_TEXT) >= max(250, viewport.width() * 0.4)
    text = tab.records[0].cuec.text
    metrics = table.fontMetrics()
    assert metrics.horizontalAdvance(text) > header.sectionSize(COL_TEXT)  # too long for one line ...
    assert table.rowHeight(0) >= 2 * metrics.lineSpacing()  # ... so it wraps onto several
    suggestion_right = header.sectionViewportPosition(COL_SUGGESTION) + header.sectionSize(COL_SUGGESTION)
    assert suggestion_right <= viewport.width()  # every column on screen without scrolling sideways

    table.setCurrentIndex(tab.model.index(0, COL_TEXT))  # the checked row is not drawn selected
    assert table.verticalScrollBar().maximum() > 0
    table.scrollToBottom()
    mapped_index = tab.model.index(last, COL_CONTROL)
    qtbot.waitUntil(lambda: viewport.rect().contains(table.visualRect(mapped_index)))
    assert table.rowViewportPosition(0) < 0  # scrolled: the first row is out of sight
    image = viewport.grab().toImage()
    mapped = table.visualRect(mapped_index)
    assert tab.model.index(last, COL_CONTROL).data().startswith("IAM-01 \u2014 User provisioning")
    assert dark_pixels(image, mapped) > 100  # the control's text is painted, not a blank cell
    table.setCurrentIndex(tab.model.index(last // 2, COL_TEXT))  # back up, the first row not drawn selected
    table.scrollToTop()
    qtbot.waitUntil(lambda: table.rowViewportPosition(0) == 0)
    image = viewport.grab().toImage()
    assert dark_pixels(image, table.visualRect(tab.model.index(0, COL_CONTROL))) > 100
