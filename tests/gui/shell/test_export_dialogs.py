"""The register exports from the app: the save dialog starts in the documents folder, and a message names every
file the export wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths


@pytest.fixture
def documents(tmp_path, monkeypatch) -> Path:
    """A home of the test's own with a documents folder (the platform's rules find it there)."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert folder == home / "Documents"
    return folder


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_export_dialog_starts_in_documents_and_lists_what_it_wrote(qtbot, window, documents, kind):
    view = window.procurement
    dialog = view._ask_export(kind)
    assert Path(dialog.directory().absolutePath()) == documents
    target = documents / f"vendors.{kind}"
    with qtbot.waitSignal(view.message):
        dialog.selectFile(str(target))
        dialog.accept()
    box = view.written_message
    assert box is not None and box.isVisible()
    written = sorted(documents.iterdir())
    assert written and target in written
    assert len(written) == (6 if kind == "csv" else 1)
    assert all(str(path) in box.text() for path in written)
    assert box.text().startswith(f"Wrote {len(written)} file")
    box.accept()
