"""The finance view's coverage after a lock, its uncovered date ranges, a Type 1 as a point in time, and its
export (CSV and XLSX, from a save dialog that starts in the documents folder)."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QColor

from reviewer.register.coverage import ranges_text
from reviewer.register.export_tables import heading
from tests.support.register import PASSPHRASE, store


def _show_finance(qtbot, window, year: int = 2024):
    view = window.finance
    window.settings.fiscal_year_end = (12, 31)
    window.tabs.setCurrentWidget(view)
    view.year.setValue(year)
    qtbot.waitUntil(lambda: bool(view.chart.rows))
    return view


def test_the_coverage_comes_back_after_lock_and_unlock(qtbot, window):
    view = _show_finance(qtbot, window)
    before = [(c.vendor, c.overlap_days) for c in view.chart.rows]
    summary = view.summary.text()
    window.lock()
    assert view.chart.rows == []  # nothing of the register on screen while locked
    dialog = window.unlock_dialog
    dialog.passphrase.setText(PASSPHRASE)
    dialog.accept()
    assert not window.is_locked() and window.tabs.currentWidget() is view
    assert [(c.vendor, c.overlap_days) for c in view.chart.rows] == before
    assert view.summary.text() == summary


def test_each_row_names_its_uncovered_dates(qtbot, window):
    view = _show_finance(qtbot, window)
    copperleaf = next(c for c in view.chart.rows if c.vendor == "Copperleaf Payroll Services, Inc.")
    # its period 2023-04-01..2024-03-31 leaves April to December 2024 uncovered
    assert copperleaf.uncovered_ranges == [(date(2024, 4, 1), date(2024, 12, 31))]
    assert view.chart.uncovered_line(copperleaf) == "Uncovered: 1 Apr 2024 \u2013 31 Dec 2024"
    view.show_details(copperleaf.report_id)
    assert "Uncovered this fiscal year: 1 Apr 2024 \u2013 31 Dec 2024." in view.details.text()
    # hovering the row tells the same in full (the offscreen platform cannot raise a real tooltip window)
    chart = view.chart
    hover = chart.tooltip_at(chart.bar_rect(chart.rows.index(copperleaf)).center().y())
    assert hover is not None and "Uncovered: 1 Apr 2024 \u2013 31 Dec 2024" in hover


def test_a_type1_shows_as_a_point_in_time_not_a_day_covered(qtbot, empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    store(empty_register, "Design Only Ltd", framework="SOC 1", type="Type 1", period_start=None, period_end=None,
          as_of=date(2024, 6, 30))
    settings.idle_lock_minutes = 0
    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    window.show()
    view = _show_finance(qtbot, window)
    (row,) = view.chart.rows
    assert view.chart.figures(row) == "Type 1 as of 30 Jun 2024: design only, no period covered"
    assert not re.search(r"\d+ d covered", view.chart.figures(row))  # not "1 d covered"
    assert view.chart.uncovered_line(row) == "Uncovered: 1 Jan 2024 \u2013 31 Dec 2024"
    # painted: no covered (green) span anywhere on the bar; a tick on 30 June
    image = view.chart.grab().toImage()
    bar = view.chart.bar_rect(0)
    green = view.chart.colours()["covered"]
    y = int(bar.center().y())
    assert all(QColor(image.pixel(x, y)) != green for x in range(int(bar.left()) + 2, int(bar.right()) - 2))
    window.close()


def _read_xlsx(path: Path) -> list[tuple]:
    from openpyxl import load_workbook

    return list(load_workbook(path).active.iter_rows(values_only=True))


def test_the_coverage_exports_as_csv_and_xlsx(qtbot, window, tmp_path):
    view = _show_finance(qtbot, window)
    rows = {c.vendor: c for c in view.chart.rows}
    written = view.export(tmp_path / "coverage.csv")
    assert written.stat().st_mode & 0o077 == 0  # private, like every export
    with written.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert {r["vendor"] for r in table} == set(rows)
    copperleaf = next(r for r in table if r["vendor"] == "Copperleaf Payroll Services, Inc.")
    assert copperleaf["days_covered"] == "91" and copperleaf["six_months_or_more"] == "no"
    assert copperleaf["uncovered_dates"] == "1 Apr 2024 \u2013 31 Dec 2024"
    assert copperleaf["fiscal_year_start"] == "2024-01-01"

    sheet = _read_xlsx(view.export(tmp_path / "coverage.xlsx"))
    header = sheet[0]
    assert "Uncovered dates" in header  # the sheet reads as every export's: human headers
    by_vendor = {r[header.index(heading("vendor"))]: r for r in sheet[1:]}
    assert set(by_vendor) == set(rows)
    wrenfield = rows["Wrenfield Treasury Systems, Inc."]
    uncovered = header.index(heading("uncovered_dates"))
    assert by_vendor[wrenfield.vendor][uncovered] == ranges_text(wrenfield.uncovered_ranges)


def test_the_export_dialog_starts_in_the_documents_folder(qtbot, window, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs: Documents under home
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert documents == home / "Documents"
    view = _show_finance(qtbot, window)
    dialog = view.ask_export("xlsx")
    assert Path(dialog.directory().absolutePath()) == documents
    assert dialog.selectedFiles()[0].endswith("soc1-coverage-fy2024.xlsx")
    target = tmp_path / "chosen.xlsx"
    with qtbot.waitSignal(view.message, timeout=5000) as said:
        dialog.selectFile(str(target))
        dialog.accept()
    assert target.read_bytes()[:2] == b"PK" and str(target) in said.args[0]
    shiboken6.delete(dialog)  # what closing the window does to its dialogs, at the latest
