"""Register test fixtures: an open register in a temporary folder (helpers: `tests.support.register`).

Tests of the import itself use real PDFs from the fixtures corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.register import Register
from tests.support.register import PASSPHRASE


@pytest.fixture
def register_path(tmp_path: Path) -> Path:
    return tmp_path / "reg" / "register.db"


@pytest.fixture
def reg(register_path: Path):
    register = Register.open(register_path, PASSPHRASE)
    yield register
    register.close()
