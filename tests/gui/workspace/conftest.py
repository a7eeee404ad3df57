"""Fixtures for the workspace engineer's tests (review workspace, PDF viewer, workpaper)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.register import PASSPHRASE

HERE = Path(__file__).parent

# The offscreen platform plugin says this whenever a top-level window is shown; it is about the plugin, not us.
OFFSCREEN_NOTICE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOTICE))

REVIEWER = "Dana Reviewer"


@pytest.fixture
def register_path(tmp_path: Path) -> Path:
    return tmp_path / "register.db"


IMPORTED = ("harlow-soc2-t2-exc3", "meridian-soc2-t2-exc2", "harlow-soc2-t2-clean", "meridian-soc2-t2-qualified")


@pytest.fixture
def register(register_path: Path, corpus):
    """A real encrypted register in tmp_path with four corpus reports imported (three with exceptions)."""
    from reviewer.register.register import Register

    reg = Register.open(register_path, PASSPHRASE)
    for doc_id in IMPORTED:
        outcome = reg.reports.import_file(corpus.by_id(doc_id).path)
        assert outcome.status == "imported", outcome.message
    yield reg
    reg.close()


@pytest.fixture
def imported(register, corpus) -> dict[str, int]:
    """Corpus id -> report id of the reports the `register` fixture imported (read back by file name)."""
    by_name = {row.file_name: row.id for row in register.reports.rows(limit=None)}
    return {doc_id: by_name[corpus.by_id(doc_id).path.name] for doc_id in IMPORTED}


@pytest.fixture
def settings(tmp_path: Path):
    from reviewer.gui.settings import AppSettings

    s = AppSettings.at(tmp_path / "settings.ini")
    s.reviewer_name = REVIEWER
    return s


@pytest.fixture
def open_workspace(qtbot, register, imported, settings):
    """Open a ReviewWorkspace on a corpus report, shown at a realistic size."""
    from reviewer.gui.workspace import ReviewWorkspace

    def open_(doc_id: str, reg=None, sett=None) -> ReviewWorkspace:
        # on the fixture's register a corpus id; on another register (`reg`) the report id itself
        report_id = imported[doc_id] if reg is None else doc_id
        ws = ReviewWorkspace(reg or register, report_id, sett or settings)
        qtbot.addWidget(ws)
        ws.resize(1400, 900)
        ws.show()
        qtbot.waitExposed(ws)
        ws.activateWindow()  # keys and shortcuts go to the focused widget of the active window
        qtbot.waitUntil(ws.isActiveWindow)
        return ws

    return open_
