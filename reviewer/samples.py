"""The fictional sample reports shipped with the app (`resources/samples/`): where they are, and their PDFs.

One place for the folder: the command line's `reviewer demo`, the empty register's "Import the sample reports"
button and the screenshots all read it from here.
"""

from __future__ import annotations

import sys
from pathlib import Path


def samples_dir() -> Path:
    """`resources/samples` beside the package (or inside a PyInstaller bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return base / "resources" / "samples"


def sample_pdfs() -> list[Path]:
    """The sample PDFs, by name (none when the folder is missing)."""
    folder = samples_dir()
    return sorted(folder.glob("*.pdf")) if folder.is_dir() else []
