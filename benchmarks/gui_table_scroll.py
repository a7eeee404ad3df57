"""The register table at scale: scrolling through 10,000 reports, against the same scroll over an in-memory model.

Builds an encrypted register of N reports (the synthetic reports of `register_scale.py`, through the real insert
path), opens the app's `RegisterView` on it (the paged `ReportTableModel`: 200 rows a fetch, currency badges) and
scrolls from top to bottom one screen at a time, repainting after each step, as a user dragging the scroll bar
would. The reference is the same table widget over a QStandardItemModel that holds the same rows in memory, in
the same process. Prints the time per screen for both, the ratio, and the slowest screen (a stutter shows there).
Usage: `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_table_scroll.py [--reports N]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from register_scale import build  # noqa: E402

from reviewer.gui.register_view.view import RegisterView  # noqa: E402


def scroll_through(app: QApplication, table: QTableView) -> list[float]:
    """Seconds per screen from the top to the last row, fetching more rows whenever the model has them."""
    bar = table.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    steps: list[float] = []
    model = table.model()
    while True:
        started = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        if bar.value() >= bar.maximum() and model.canFetchMore(table.rootIndex()):
            model.fetchMore(table.rootIndex())
        table.viewport().repaint()
        app.processEvents()
        steps.append(time.perf_counter() - started)
        if bar.value() >= bar.maximum() and not model.canFetchMore(table.rootIndex()):
            return steps


def reference_table(view: RegisterView) -> tuple[QTableView, QStandardItemModel]:
    """The same rows, all in memory, in a plain table of the same size."""
    source = view.model
    while source.canFetchMore(view.table.rootIndex()):
        source.fetchMore(view.table.rootIndex())
    plain = QStandardItemModel(source.rowCount(), source.columnCount())
    for row in range(source.rowCount()):
        for col in range(source.columnCount()):
            plain.setData(plain.index(row, col), str(source.index(row, col).data() or ""))
    table = QTableView()
    table.setModel(plain)
    table.resize(view.table.size())
    table.verticalHeader().hide()
    table.show()
    return table, plain


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        reg = build(Path(tmp) / "register.db", args.reports, "benchmark passphrase")
        try:
            view = RegisterView(reg)
            view.resize(1400, 800)
            view.show()
            app.processEvents()
            started = time.perf_counter()
            paged = scroll_through(app, view.table)
            paged_total = time.perf_counter() - started
            rows = view.model.rowCount()
            plain_table, _plain = reference_table(view)
            app.processEvents()
            started = time.perf_counter()
            plain = scroll_through(app, plain_table)
            plain_total = time.perf_counter() - started
        finally:
            reg.close()
    per_paged, per_plain = statistics.median(paged), statistics.median(plain)
    print(f"{rows} rows, {len(paged)} screens")
    print(f"paged register model : {paged_total:6.2f} s in all, median {per_paged * 1000:6.2f} ms a screen, "
          f"slowest {max(paged) * 1000:6.1f} ms")
    print(f"in-memory reference  : {plain_total:6.2f} s in all, median {per_plain * 1000:6.2f} ms a screen, "
          f"slowest {max(plain) * 1000:6.1f} ms")
    print(f"ratio (median screen): {per_paged / per_plain:.2f}x; "
          f"ratio (whole scroll): {paged_total / plain_total:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
