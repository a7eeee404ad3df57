"""Fixtures for the workspace engineer's tests (review workspace, PDF viewer, workpaper)."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent

# The offscreen platform plugin says this whenever a top-level window is shown; it is about the plugin, not us.
OFFSCREEN_NOTICE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOTICE))
