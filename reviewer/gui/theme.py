"""The theme, the one place of the app's look: badge colours for currency statuses and their labels, the colour
of error text and of notices, and the tool bars' icons. Each colour follows the light or dark palette.

Error text goes through `show_as_error` (labels, progress rows, boxes) and `show_status` (the status bar), never
through a colour picked on the spot: the palette's link and highlight blues read as "click here", not "wrong".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStatusBar, QToolBar, QWidget

from reviewer.register.currency import STATUSES
from reviewer.resources import resources_dir


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


# -- error text and notices -----------------------------------------------------------------------------------------
# (on a light window, on a dark one): each reads at 4.5:1 or better against the palette's window and base colours
ERROR_COLOURS = ("#b3261e", "#ff8a80")
# a notice box (an extraction's warnings, a disagreement): (background, text, border) on light, on dark
NOTICE_COLOURS = (("#fff4ce", "#5c4400", "#e0c36c"), ("#3d3200", "#ffe08a", "#8a7020"))


def error_colour(palette: QPalette | None = None) -> QColor:
    """The colour of error text on this palette (the application's by default)."""
    return QColor(ERROR_COLOURS[1] if is_dark(palette) else ERROR_COLOURS[0])


class _FollowsPalette(QObject):
    """Runs `again()` when the application's palette changes (the system switched between light and dark), for
    colours worked out from the palette once. Qt tells a child widget by a PaletteChange, which setting the
    owner's own palette or style sheet also sends: `again()` runs only when the application's window colour is
    another one (never the owner's, which its own error box changes)."""

    def __init__(self, owner: QWidget, again: Callable[[], None]) -> None:
        super().__init__(owner)
        self.owner = owner
        self.again = again
        self.window_colour = self._window_colour()
        owner.installEventFilter(self)

    @staticmethod
    def _window_colour() -> str:
        return QApplication.palette().color(QPalette.ColorRole.Window).name()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            colour = self._window_colour()
            if colour != self.window_colour:
                self.window_colour = colour
                QTimer.singleShot(0, self, self.again)  # once the palette change has gone through
        return False


def _follow_palette(widget: QWidget, name: str, again: Callable[[], None]) -> None:
    """`again()` on every palette change of the application, installed once per widget and `name`."""
    key = f"follows_palette_{name}"
    if not widget.property(key):
        widget.setProperty(key, True)
        _FollowsPalette(widget, again)


def show_as_error(widget: QWidget, error: bool = True, *, boxed: bool = False) -> None:
    """The widget's text in the error colour (`error=False`: back to the palette's own text colour). `boxed`: a
    tinted box around it too, for an error that must not be missed beside other text. The colour follows a
    switch between light and dark."""
    widget.setProperty("error", error)
    widget.setProperty("error_boxed", boxed)
    _follow_palette(widget, "error", lambda: _recolour_error(widget))
    _colour_error(widget, error, boxed)


def _recolour_error(widget: QWidget) -> None:
    if not widget.property("error"):
        return
    boxed = bool(widget.property("error_boxed"))
    if not boxed:
        widget.setPalette(QPalette())  # the new palette's own colours first, then the error colour on them
    _colour_error(widget, True, boxed)


def _colour_error(widget: QWidget, error: bool, boxed: bool) -> None:
    if boxed:
        # the application's palette: the box's own carries its tint once styled
        around = QApplication.palette()
        colour = error_colour(around)
        tint = _blend(colour, around.color(QPalette.ColorRole.Window), 0.14)
        widget.setStyleSheet(f"QLabel {{ background: {tint.name()}; color: {colour.name()}; "
                             f"border: 1px solid {colour.name()}; padding: 4px; }}" if error else "")
        return
    if not error:
        widget.setPalette(QPalette())  # no role set on the widget: it follows its parent's palette again
        return
    palette = QPalette(widget.palette())
    colour = error_colour(palette)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(role, colour)
    widget.setPalette(palette)


def show_status(bar: QStatusBar, text: str, timeout_ms: int = 0, *, error: bool = False) -> None:
    """A status bar message, in the error colour when it says something failed; the next message (from here or
    any `showMessage`) is in the normal colour again."""
    if not bar.property("error_colour_follows"):
        bar.setProperty("error_colour_follows", True)

        def message_changed(message: str) -> None:
            if message != bar.property("error_message"):
                show_as_error(bar, False)

        bar.messageChanged.connect(message_changed)
    bar.setProperty("error_message", text if error else None)
    show_as_error(bar, error)
    bar.showMessage(text, timeout_ms)


def notice_style(palette: QPalette | None = None) -> str:
    """The style sheet of a notice box: a label that must be read, but is no error."""
    background, text, border = NOTICE_COLOURS[1 if is_dark(palette) else 0]
    return f"QLabel {{ background: {background}; color: {text}; border: 1px solid {border}; padding: 4px; }}"


def _blend(colour: QColor, base: QColor, amount: float) -> QColor:
    def mix(a: int, b: int) -> int:
        return round(a * amount + b * (1 - amount))

    return QColor(mix(colour.red(), base.red()), mix(colour.green(), base.green()), mix(colour.blue(), base.blue()))


# -- tool bars ------------------------------------------------------------------------------------------------------
TOOLBAR_ICON_SIZE = 20
ICON_DIR = resources_dir() / "icons" / "toolbar"


def toolbar_icon(name: str, palette: QPalette | None = None) -> QIcon:
    """`resources/icons/toolbar/<name>.svg`, drawn in the palette's button text colour (and its disabled text
    colour when the action is disabled), so that it reads on light and dark tool bars alike."""
    pal = palette if palette is not None else QApplication.palette()
    source = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
    icon = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        colour = pal.color(group, QPalette.ColorRole.ButtonText).name()
        renderer = QSvgRenderer(QByteArray(source.replace("currentColor", colour).encode("utf-8")))
        for scale in (1, 2):  # sharp on high-density screens too
            side = TOOLBAR_ICON_SIZE * scale
            image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            renderer.render(painter, QRectF(0, 0, side, side))
            painter.end()
            icon.addPixmap(QPixmap.fromImage(image), mode)
    return icon


def give_icons(toolbar: QToolBar, icons: dict[QAction, str]) -> None:
    """The tool bar's one look: each action with its icon, its name beside it."""
    toolbar.setIconSize(QSize(TOOLBAR_ICON_SIZE, TOOLBAR_ICON_SIZE))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def draw() -> None:
        for action, name in icons.items():
            action.setIcon(toolbar_icon(name, toolbar.palette()))

    draw()
    _follow_palette(toolbar, "icons", draw)
