"""The theme: badge colours for currency statuses (by their severity) that follow the light or dark palette, and
their short names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reviewer.register.currency import STATUSES


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's window colour is dark (the system follows a dark theme)."""
    pal = palette if palette is not None else QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


# colour role (register/currency.py gives each status one, by severity) -> (background on light, on dark);
# the text colour is chosen for contrast
_ROLE_COLOURS: dict[str, tuple[str, str]] = {
    "critical": ("#c62828", "#ef5350"),
    "serious": ("#d84315", "#ff8a65"),
    "warning": ("#ef6c00", "#ffb74d"),
    "caution": ("#f9a825", "#ffe082"),
    "covered": ("#1565c0", "#64b5f6"),
    "good": ("#2e7d32", "#81c784"),
}
_BADGE_COLOURS: dict[str, tuple[str, str]] = {info.status: _ROLE_COLOURS[info.colour_role] for info in STATUSES}

# status -> its short name, worst first (the filters list them in this order)
STATUS_LABELS: dict[str, str] = {info.status: info.name for info in STATUSES}


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


def role_colour(role: str, palette: QPalette | None = None) -> QColor:
    """A colour role's colour (register/currency.py's roles), for text on the palette's base: a reminder's date."""
    pal = palette if palette is not None else QApplication.palette()
    light, dark = _ROLE_COLOURS[role]
    return QColor(dark if is_dark(pal) else light)
