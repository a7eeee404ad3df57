"""The register window's table: paged model (qtmodeltester), sorting, filters, full-text search, badges."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from reviewer.gui.register_view.model import PAGE_SIZE, ReportTableModel
from reviewer.register import ReportFilter


def test_model_passes_qtmodeltester(qtmodeltester, filled_register):
    model = ReportTableModel(filled_register)
    assert model.rowCount() == filled_register.reports.count() > 0
    qtmodeltester.check(model, force_py=True)


def test_rows_show_vendor_kind_period_and_opinion(filled_register):
    model = ReportTableModel(filled_register)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    rows = {model.row_record(r).file_name: [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())}
    assert rows["meridian-soc1-t2.pdf"][:4] == [
        "Wrenfield Treasury Systems, Inc.", "SOC 1 Type 2", "2023-07-01 to 2024-06-30", "Unmodified"]
    assert rows["harlow-soc2-t1.pdf"][2] == "as of 2024-03-31"
    assert rows["meridian-soc2-t2-qualified.pdf"][3] == "Qualified"
    assert rows["bridge-soc1-wrenfield.pdf"][1] == "Bridge letter"
    assert rows["harlow-soc2-t2-exc3.pdf"][4] == "3"


def test_sorting_goes_to_the_register(filled_register):
    model = ReportTableModel(filled_register)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    vendors = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert vendors == sorted(vendors, key=str.lower, reverse=True)
    model.sort(4, Qt.SortOrder.AscendingOrder)
    counts = [int(model.index(r, 4).data()) for r in range(model.rowCount())]
    assert counts == sorted(counts)


def test_pages_rows_as_the_view_scrolls(filled_register, monkeypatch):
    # a page of 2 rows stands in for the 200-row page: the same code path, with the corpus's few reports
    monkeypatch.setattr("reviewer.gui.register_view.model.PAGE_SIZE", 2)
    model = ReportTableModel(filled_register)
    total = filled_register.reports.count()
    assert total > 4 and PAGE_SIZE == 200
    assert model.rowCount() == 2 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 4
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert len({model.report_id(r) for r in range(total)}) == total


def test_filter_bar_filters_by_framework_and_text(qtbot, window):
    view = window.register_view
    bar = view.filter_bar
    total = view.model.rowCount()
    bar.framework.setCurrentIndex(bar.framework.findData("SOC 1"))
    assert 0 < view.model.rowCount() < total
    assert {view.model.row_record(r).framework for r in range(view.model.rowCount())} == {"SOC 1"}
    assert "SOC 1 Type 2" in {view.model.index(r, 1).data() for r in range(view.model.rowCount())}
    bar.framework.setCurrentIndex(0)
    qtbot.keyClicks(bar.text, "cobalt")
    qtbot.waitUntil(lambda: view.model.rowCount() < total)
    assert {view.model.index(r, 0).data() for r in range(view.model.rowCount())} == {"Cobalt Harbor Analytics, Inc."}
    assert view.count.text() == f"{view.model.rowCount()} reports"


def test_review_status_filter(window, filled_register):
    view = window.register_view
    some = view.model.report_id(0)
    filled_register.reviews.update(some, "tests", status="in_review")
    view.refresh()
    bar = view.filter_bar
    bar.review_status.setCurrentIndex(bar.review_status.findData("in_review"))
    assert [view.model.report_id(r) for r in range(view.model.rowCount())] == [some]
    assert view.model.index(0, 6).data() == "In review"


def test_full_text_search_shows_hits_with_page_and_snippet(qtbot, window, filled_register):
    view = window.register_view
    window.search_action.trigger()
    assert view.filter_bar.search.hasFocus() or not window.isActiveWindow()
    qtbot.keyClicks(view.filter_bar.search, "payroll")
    qtbot.keyClick(view.filter_bar.search, Qt.Key.Key_Return)
    hits = view.results.hits()
    assert hits and view.results.isVisible()
    copperleaf = filled_register.reports.rows(ReportFilter(text="Copperleaf"))[0].id
    assert any(report_id == copperleaf and page >= 1 and "payroll" in snippet.lower()
               for report_id, page, snippet in hits)
    assert "hit" in view.results.summary.text()


def test_currency_badges_follow_the_settings_thresholds_like_procurement(qtbot, window, filled_register, settings):
    settings.stale_after_months = 60  # the corpus's 2023-2024 reports are no longer stale under this setting
    window.procurement.today = None  # both views judge as of the real today
    window._settings_changed()
    model = window.register_view.model
    table = {model.row_record(r).vendor: model.row_record(r).currency_status for r in range(model.rowCount())
             if model.row_record(r).currency_status}
    window.tabs.setCurrentWidget(window.procurement)
    lanes = window.procurement.shown_statuses()
    assert table and all(lanes[vendor] == status for vendor, status in table.items())
    default = {r.vendor: r.currency_status for r in filled_register.reports.rows(limit=None)}
    assert any(default[vendor] != status for vendor, status in table.items())  # the setting made a difference


def test_the_currency_column_sorts_worst_first(qtbot, window):
    from reviewer.gui.register_view.model import CURRENCY_COLUMN
    from reviewer.register.reports import CURRENCY_ORDER

    view = window.register_view
    view.table.sortByColumn(CURRENCY_COLUMN, Qt.SortOrder.AscendingOrder)
    rank = {status: i for i, status in enumerate(CURRENCY_ORDER)}
    ranks = [rank.get(view.model.row_record(r).currency_status, len(rank)) for r in range(view.model.rowCount())]
    assert ranks == sorted(ranks) and len(set(ranks)) > 1
    assert view.model.index(0, CURRENCY_COLUMN).data()  # a badge, not an empty cell, comes first


def _select(view, report_ids):
    view.select_reports(report_ids, report_ids[0])


def test_delete_report_asks_first_and_cancel_changes_nothing(qtbot, window, filled_register):
    view = window.register_view
    assert not window.delete_action.isEnabled()  # nothing selected
    total = filled_register.reports.count()
    _select(view, [view.model.report_id(0)])
    assert window.delete_action.isEnabled()
    box = window.ask_delete_reports()
    assert box.isVisible() and view.model.row_record(0).file_name in box.informativeText()
    assert box.defaultButton() is box.button(box.StandardButton.Cancel)
    box.button(box.StandardButton.Cancel).click()
    assert filled_register.reports.count() == total
    assert not [e for e in filled_register.audit.entries() if e.field == "deleted"]


def test_deleting_selected_reports_removes_them_closes_their_tab_and_logs_who(qtbot, window, filled_register,
                                                                             settings):
    settings.reviewer_name = "Dana Reviewer"
    view = window.register_view
    total = filled_register.reports.count()
    doomed = [view.model.report_id(0), view.model.report_id(1)]
    window.open_report(doomed[0])
    assert window.report_tab(doomed[0]) is not None
    window.tabs.setCurrentWidget(view)
    _select(view, doomed)
    assert window.delete_action.text() == "&Delete 2 reports\u2026"
    box = window.ask_delete_reports()
    [delete] = [b for b in box.buttons() if b.text() == "Delete"]
    delete.click()
    assert filled_register.reports.count() == view.model.rowCount() == total - 2
    assert not set(doomed) & {view.model.report_id(r) for r in range(view.model.rowCount())}
    assert window.report_tab(doomed[0]) is None
    deleted = [e for e in filled_register.audit.entries() if e.field == "deleted"]
    assert sorted(e.report_id for e in deleted) == sorted(doomed) and {e.who for e in deleted} == {"Dana Reviewer"}
    assert "2 reports deleted" in window.statusBar().currentMessage()
    assert not window.delete_action.isEnabled()
