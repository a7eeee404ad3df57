"""The theme: badge colours for currency statuses that follow the light or dark palette, and their labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's window colour is dark (the system follows a dark theme)."""
    pal = palette if palette is not None else QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


# currency status -> (background on light, background on dark); text colour is chosen for contrast
_BADGE_COLOURS: dict[str, tuple[str, str]] = {
    "current": ("#2e7d32", "#81c784"),
    "bridged": ("#1565c0", "#64b5f6"),
    "next_report_expected": ("#6a1b9a", "#ce93d8"),
    "bridge_due": ("#ef6c00", "#ffb74d"),
    "gap": ("#c62828", "#e57373"),
    "stale": ("#616161", "#bdbdbd"),
}

STATUS_LABELS: dict[str, str] = {
    "current": "Current",
    "bridged": "Bridged",
    "next_report_expected": "Next report expected",
    "bridge_due": "Bridge letter due",
    "gap": "Gap",
    "stale": "Stale",
}


def badge_colours(status: str | None, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(background, text) for a currency status, readable on the current light or dark palette."""
    pal = palette if palette is not None else QApplication.palette()
    pair = _BADGE_COLOURS.get(status or "")
    if pair is None:
        return pal.color(QPalette.ColorRole.AlternateBase), pal.color(QPalette.ColorRole.Text)
    background = QColor(pair[1] if is_dark(pal) else pair[0])
    # dark backgrounds get white text, light ones black: contrast holds in both themes
    text = QColor(Qt.GlobalColor.black) if background.lightness() > 140 else QColor(Qt.GlobalColor.white)
    return background, text
