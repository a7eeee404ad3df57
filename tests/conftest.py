"""Suite-wide test setup: Qt offscreen, no network, an isolated user data folder.

pytest-socket (`--disable-socket` in pyproject) makes any network socket fail a test: the app is offline.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# keep Qt and platformdirs away from the real user's folders
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/reviewer-test-runtime")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
