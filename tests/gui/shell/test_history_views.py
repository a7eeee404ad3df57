"""The Vendors and Signals views, the workspace's "Last year" tab and repeat findings, on the real sample PDFs
(resources/samples: a vendor's two years and a copied report) in a real encrypted register."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.gui.settings import SettingsDialog
from reviewer.register import Register
from tests.support.register import PASSPHRASE

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text())
RAVENSCAR = "Ravenscar Cloud Software, Inc."


@pytest.fixture(scope="module")
def samples_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("samples") / "register.db"
    with Register.open(path, PASSPHRASE) as reg:
        for f in MANIFEST["files"]:
            assert reg.reports.import_file(SAMPLES / f["file"]).status == "imported"
    return path


@pytest.fixture
def samples_window(qtbot, samples_template, tmp_path, settings):
    import shutil

    from reviewer.gui.main_window import MainWindow

    shutil.copyfile(samples_template, tmp_path / "register.db")
    register = Register.open(tmp_path / "register.db", PASSPHRASE, create=False)
    settings.idle_lock_minutes = 0
    settings.reviewer_name = "Alex Example"
    win = MainWindow(register, settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.close()


def _truth(name):
    return next(f["truth"]["report"] for f in MANIFEST["files"] if f["file"] == name)


def test_the_vendor_view_shows_the_history_and_what_changed(qtbot, samples_window):
    window = samples_window
    view = window.vendor_view
    window.tabs.setCurrentWidget(view)
    (vendor_id, _), = window.register.insights.find_vendors(RAVENSCAR)
    assert view.show_vendor(vendor_id)
    files = [view.reports.topLevelItem(i).text(0) for i in range(view.reports.topLevelItemCount())]
    assert files == ["ravenscar-soc2-type2-2025.pdf", "ravenscar-soc2-type2.pdf"]
    (title, rows), = view.change_texts()
    assert "ravenscar-soc2-type2-2025.pdf" in title and "ravenscar-soc2-type2.pdf" in title
    changes = dict(rows)
    old, new = _truth("ravenscar-soc2-type2-2025.pdf"), _truth("ravenscar-soc2-type2.pdf")
    old_ids = [e["control_id"] for e in old["exceptions"]]
    new_ids = [e["control_id"] for e in new["exceptions"]]
    assert changes["Exceptions repeated"] == ", ".join(i for i in new_ids if i in old_ids)
    assert changes["Exceptions new"] == ", ".join(i for i in new_ids if i not in old_ids)
    assert changes["Exceptions resolved"] == ", ".join(i for i in old_ids if i not in new_ids)
    assert changes["Period"].startswith("continuous")
    assert "added Confidentiality" in changes["Categories"]
    assert "Larchfield Colocation, Inc." in changes["Subservice organizations"]
    assert changes["New CUEC not mapped"] in {c["text"] for c in new["cuecs"]} - {c["text"] for c in old["cuecs"]}

    # a double-click on a change opens the newer report's review
    top = view.changes.topLevelItem(0)
    view.changes.itemDoubleClicked.emit(top.child(0), 0)
    workspace = window.tabs.currentWidget()
    assert workspace.report_id == new_report_id(window)


def new_report_id(window):
    return next(r.id for r in window.register.reports.rows(limit=None) if r.file_name == "ravenscar-soc2-type2.pdf")


def old_report_id(window):
    return next(r.id for r in window.register.reports.rows(limit=None)
                if r.file_name == "ravenscar-soc2-type2-2025.pdf")


def test_the_workspace_carries_last_years_review_forward(qtbot, samples_window):
    window = samples_window
    reg = window.register
    old = old_report_id(window)
    reg.reviews.update(old, "Alex Example", status="accepted_with_conditions", rationale="Fix change review by Q2")
    old_exc = next(e for e in reg.reviews.exceptions(old) if e.finding.control_id == "CC8.1.1")
    reg.reviews.update_triage(old_exc.id, "Alex Example", nature="systemic")
    control = reg.reviews.add_own_control("IAM-3", "Quarterly access review", "IT", "Alex Example")
    first_cuec = reg.reviews.cuecs(old)[0]
    reg.reviews.map_cuec(first_cuec.id, control.id, "Alex Example")

    workspace = window.open_report(new_report_id(window))
    titles = [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())]
    assert "Last year" in titles
    tab = workspace.carried_tab
    assert "Accepted with conditions" in tab.summary.text() or "accepted" in tab.summary.text().lower()
    assert "Fix change review by Q2" in tab.summary.text()
    repeat = tab.repeats.topLevelItem(0)
    assert (repeat.text(0), repeat.text(1)) == ("CC8.1.1", "CC8.1.1") and "systemic" in repeat.text(3)

    # the repeat finding is marked in the Exceptions tab and in the workpaper
    model = workspace.exceptions_tab.model
    marked = [model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    # the id's line says so; the control's description follows on the next
    assert [m.split("\n")[0] for m in marked if "repeat" in m] == ["CC8.1.1 \u21bb repeat"]
    tips = [model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert "CC8.1.1: repeat finding (CC8.1.1 in ravenscar-soc2-type2-2025.pdf)" in tips
    from reviewer.gui.workspace.workpaper import workpaper_html

    html = workpaper_html(reg, new_report_id(window))
    assert "Carried forward from ravenscar-soc2-type2-2025.pdf" in html and "repeat finding" in html

    # last year's CUEC mapping, reused at a click
    assert tab.reuse.isEnabled()
    tab.reuse.click()
    mapped = next(c for c in reg.reviews.cuecs(new_report_id(window)) if c.cuec.text == first_cuec.cuec.text)
    assert mapped.mapping is not None and mapped.mapping.own_control.ref == "IAM-3"
    assert not tab.reuse.isEnabled()


def test_the_signals_view_lists_the_copy_the_timeline_and_unknown_auditors(qtbot, samples_window):
    window = samples_window
    view = window.signals_view
    window.tabs.setCurrentWidget(view)
    kinds = [(s.kind, sorted(s.file_names)) for s in view.shown()]
    assert ("near_duplicate", ["quillon-soc2-type2.pdf", "ravenscar-soc2-type2.pdf"]) in kinds
    assert ("timeline", ["quillon-soc2-type2.pdf"]) in kinds
    assert "auditors are not checked" in view.summary.text()
    view.kind.setCurrentIndex(view.kind.findData("near_duplicate"))
    assert view.tree.topLevelItemCount() == 1
    row = view.tree.topLevelItem(0)
    assert row.text(1) == "Near copy" and float(row.text(4)) > 0.85 and "description" in row.text(5)

    dialog = view.edit_firms()
    dialog.editor.setPlainText("\n".join(MANIFEST["accepted_firms"]))
    dialog.accept()
    view.kind.setCurrentIndex(view.kind.findData("auditor"))
    flagged = {s.file_names[0] for s in view.shown()}
    assert flagged == {f["file"] for f in MANIFEST["files"] if f["truth"]["document_type"] == "soc_report"
                       and f["truth"]["report"]["service_auditor"] not in MANIFEST["accepted_firms"]}
    view.tree.itemDoubleClicked.emit(view.tree.topLevelItem(0), 0)
    assert window.tabs.currentWidget().report_id == view.shown()[0].report_ids[0]


def test_settings_edit_the_accepted_firms_in_the_register(qtbot, samples_window):
    window = samples_window
    dialog = SettingsDialog(window.settings, window, register=window.register)
    qtbot.addWidget(dialog)
    dialog.firms.setPlainText("Okafor and Lindqvist PC\n\nHarlow & Finch LLP\n")
    dialog.accept()
    assert window.register.insights.accepted_firms() == ["Harlow & Finch LLP", "Okafor and Lindqvist PC"]
    again = SettingsDialog(window.settings, window, register=window.register)
    qtbot.addWidget(again)
    assert again.firms.toPlainText() == "Harlow & Finch LLP\nOkafor and Lindqvist PC"
    assert "Okafor" not in Path(window.settings.store.fileName()).read_text()  # not in the settings file
