"""Importing own controls from a file in the CUECs tab: a preview with its summary, the import, undo and redo,
and a clear error for a bad file."""

from __future__ import annotations

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.gui.workspace.conftest import REVIEWER

ROWS = [["Control ID", "Control title", "Owner"], *[[f"OPS-{n:02d}", f"Operations control {n}", "Ops"]
                                                   for n in range(1, 13)],
        ["IAM-01", "User provisioning", "IT Security"], ["IAM-02", "MFA for admins", None], [None, "no id", None]]


def workbook(path):
    book = Workbook()
    for row in ROWS:
        book.active.append(row)
    book.save(path)
    return path


def test_an_xlsx_list_is_previewed_imported_and_undone(open_workspace, register, qtbot, tmp_path):
    register.reviews.add_own_control("IAM-01", "User provisioning", "IT Security", REVIEWER)
    register.reviews.add_own_control("IAM-02", "MFA for admins", None, REVIEWER)
    ws = open_workspace("harlow-soc2-t2-exc3")
    tab = ws.cuecs_tab
    ws.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    chooser = next(d for d in ws.findChildren(QFileDialog) if d.isVisible())
    assert "*.xlsx" in " ".join(chooser.nameFilters())
    chooser.reject()

    preview = ws.controls_import.preview_file(workbook(tmp_path / "our controls.xlsx"))
    assert preview is not None and preview.isVisible()
    assert preview.summary.text() == "12 controls to import, 2 already present, 1 row skipped."
    assert preview.table.rowCount() == 14
    assert [preview.table.item(r, 3).text() for r in (0, 12)] == ["new", "already present"]
    assert "row 16: no id" in preview.skipped.text()
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)

    refs = [c.ref for c in register.reviews.own_controls()]
    assert len(refs) == 14 and "OPS-12" in refs
    assert tab.notice.isVisibleTo(ws)
    assert tab.notice.text() == "12 controls imported, 2 already present, 1 row skipped."
    assert len(tab.controls) == 14  # the CUECs' combos offer them at once

    ws.undo_action.trigger()
    assert [c.ref for c in register.reviews.own_controls()] == ["IAM-01", "IAM-02"]
    assert len(tab.controls) == 2
    ws.redo_action.trigger()
    assert len(register.reviews.own_controls()) == 14


def test_a_bad_file_says_what_is_wrong_and_imports_nothing(open_workspace, register, tmp_path):
    path = tmp_path / "controls.csv"
    path.write_text("Name,Owner\nBackups,Ops\n", encoding="utf-8")
    ws = open_workspace("harlow-soc2-t2-exc3")
    assert ws.controls_import.preview_file(path) is None
    assert ws.error.isVisibleTo(ws)
    assert ws.error.text().startswith("Own controls not imported: No id column found.")
    assert register.reviews.own_controls() == []
