"""The Qt binding keeps Python's reference counts: the app's models return None for roles they do not serve.

PySide6 6.12.0 dropped a reference to None each time a Python override returned None to C++ (QAbstractItemModel
.data() called by a view), so after some thousands of repaints Python aborted with "deallocating None". Scrolling
the register table is exactly that, so the pinned version must not do it.
"""

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt


class _NoneModel(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 3

    def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_none_returned_to_cpp_keeps_its_reference_count(qapp):
    proxy = QSortFilterProxyModel()
    model = _NoneModel()
    proxy.setSourceModel(model)
    index = proxy.index(1, 1)
    before = sys.getrefcount(None)
    for _ in range(500):
        proxy.data(index, Qt.ItemDataRole.ToolTipRole)  # C++ calls the Python override
    assert sys.getrefcount(None) >= before - 10
