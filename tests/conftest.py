"""Suite-wide test setup: Qt offscreen, no network, an isolated user data folder.

pytest-socket (`--disable-socket` in pyproject) makes any network socket fail a test: the app is offline.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# keep Qt, platformdirs and everything else away from the real user's folders: the XDG folders point into one
# private temporary folder for the session (Qt reads them once, so before anything imports it)
TEST_HOME = tempfile.mkdtemp(prefix="reviewer-test-home-")
atexit.register(shutil.rmtree, TEST_HOME, ignore_errors=True)
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):
    os.environ[_name] = os.path.join(TEST_HOME, _name.lower())
    os.makedirs(os.environ[_name], mode=0o700, exist_ok=True)

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

CORPUS_DIR = Path(__file__).resolve().parent / ".corpus"


@pytest.fixture(scope="session")
def corpus():
    """The fixtures corpus (tests/fixtures): SOC-like PDFs with their ground truth, built once and cached."""
    from tests.fixtures import Corpus, build_corpus

    return Corpus(build_corpus(CORPUS_DIR))


@pytest.fixture(scope="session")
def large_report() -> Path:
    """The ~250-page SOC 2 Type 2 report (for benchmarks and a few slow tests)."""
    from tests.fixtures import build_large_report

    return build_large_report(CORPUS_DIR)
