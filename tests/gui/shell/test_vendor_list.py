"""The register seen by vendor: the Vendors view lists each vendor with its latest report, its status and its
report count (sortable, the status worst first), shows a chosen vendor's reports oldest first, and is reached from
the register table's row (Ctrl+H)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.gui.theme import badge_colours
from reviewer.gui.vendor_view.vendor_list import COUNT, LATEST, STATUS, VENDOR
from reviewer.register import Register
from reviewer.register.currency import SEVERITY
from tests.support.register import PASSPHRASE

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text())
SAMPLE_DAY = date.fromisoformat(MANIFEST["reference_date"])
RAVENSCAR = "Ravenscar Cloud Software, Inc."


@pytest.fixture(scope="module")
def samples_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("vendor-samples") / "register.db"
    with Register.open(path, PASSPHRASE) as reg:
        for f in MANIFEST["files"]:
            assert reg.reports.import_file(SAMPLES / f["file"]).status == "imported"
    return path


@pytest.fixture
def window(qtbot, samples_template, tmp_path, settings):
    from reviewer.gui.main_window import MainWindow

    shutil.copyfile(samples_template, tmp_path / "register.db")
    register = Register.open(tmp_path / "register.db", PASSPHRASE, create=False)
    settings.idle_lock_minutes = 0
    win = MainWindow(register, settings)
    win.vendor_view.today = SAMPLE_DAY
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.close()


def _rows(tree) -> list[list[str]]:
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())] for i in range(tree.topLevelItemCount())]


def test_the_vendor_list_shows_latest_report_status_and_count(qtbot, window):
    view = window.vendor_view
    window.tabs.setCurrentWidget(view)
    rows = {r[VENDOR]: r for r in _rows(view.vendors)}
    intended = {f["vendor"]: f["intended_status"] for f in MANIFEST["files"]}
    assert set(rows) == set(intended)
    ravenscar = rows[RAVENSCAR]
    assert ravenscar[LATEST] == "SOC 2 Type 2 to 30 Sep 2026" and ravenscar[STATUS] == "Current"
    assert ravenscar[COUNT] == "2"  # two years of reports
    assert rows["Larchfield Colocation, Inc."][STATUS] == "Bridge letter lapsed on 29 Jul 2026"
    assert rows["Larchfield Colocation, Inc."][COUNT] == "1"  # the report; its bridge letter is no SOC report
    assert rows["Brackenridge Analytics, Inc."][STATUS] == "Overdue: no report since 30 Jun 2025"
    # the status cell wears the status's badge colour
    item = next(view.vendors.topLevelItem(i) for i in range(view.vendors.topLevelItemCount())
                if view.vendors.topLevelItem(i).text(VENDOR) == RAVENSCAR)
    assert item.background(STATUS).color() == badge_colours("current", view.vendors.palette())[0]


def test_sorting_by_status_puts_the_worst_first(qtbot, window):
    view = window.vendor_view
    window.tabs.setCurrentWidget(view)
    view.vendors.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
    intended = {f["vendor"]: f["intended_status"] for f in MANIFEST["files"]}
    order = [intended[r[VENDOR]] for r in _rows(view.vendors)]
    assert order == sorted(order, key=SEVERITY.__getitem__)
    assert order[0] == "next_report_expected" and order[-1] == "current"
    view.vendors.sortByColumn(COUNT, Qt.SortOrder.DescendingOrder)
    assert _rows(view.vendors)[0][VENDOR] == RAVENSCAR


def test_choosing_a_vendor_shows_its_reports_oldest_first(qtbot, window):
    view = window.vendor_view
    window.tabs.setCurrentWidget(view)
    (vendor_id, _), = window.register.insights.find_vendors(RAVENSCAR)
    assert view.show_vendor(vendor_id)
    files = [view.reports.topLevelItem(i).text(0) for i in range(view.reports.topLevelItemCount())]
    assert files == ["ravenscar-soc2-type2-2025.pdf", "ravenscar-soc2-type2.pdf"]
    assert view.title.text().startswith(f"{RAVENSCAR}: 2 SOC report(s), oldest first")


def test_ctrl_h_on_a_register_row_opens_its_vendor_in_the_vendors_view(qtbot, window):
    table = window.register_view.table
    model = window.register_view.model
    row = next(i for i in range(model.rowCount()) if model.row_record(i).vendor == RAVENSCAR)
    table.setCurrentIndex(model.index(row, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    view = window.vendor_view
    assert window.tabs.currentWidget() is view
    assert view.vendors.currentItem().text(VENDOR) == RAVENSCAR
    assert view.reports.topLevelItemCount() == 2


def test_the_vendor_names_read_whole_at_1280_by_800(qtbot, window):
    view = window.vendor_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.vendors.topLevelItemCount() > 0)
    width = view.vendors.columnWidth(VENDOR)
    metrics = view.vendors.fontMetrics()
    names = [view.vendors.topLevelItem(i).text(VENDOR) for i in range(view.vendors.topLevelItemCount())]
    # once it was 25 px ("L\u2026"): most names now fit whole, and every one shows at least its first word
    assert width >= 150
    assert sum(metrics.horizontalAdvance(n) + 16 <= width for n in names) >= len(names) // 2
    assert all(metrics.horizontalAdvance(n.split()[0]) + 16 <= width for n in names)
