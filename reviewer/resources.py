"""The files shipped beside the package (`resources/`): where they are, in the source tree or in a PyInstaller
bundle, and the fictional sample reports among them.

One place for the folder: the command line's `reviewer demo`, the empty register's "Import the sample reports"
button, the toolbar icons and the screenshots all read it from here.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """`resources/` beside the package (or inside a PyInstaller bundle, at the same place relative to it)."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return base / "resources"


def samples_dir() -> Path:
    """`resources/samples`: the fictional sample reports and their manifest."""
    return resources_dir() / "samples"


def sample_pdfs() -> list[Path]:
    """The sample PDFs, by name (none when the folder is missing)."""
    folder = samples_dir()
    return sorted(folder.glob("*.pdf")) if folder.is_dir() else []
