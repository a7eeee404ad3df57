"""Whether Qt can start here: its system libraries, its X11 plugin's, and a display (an X server that answers).
Says which package to install when not.

Imports PySide6 lazily so that the check itself runs where Qt is broken; the X11 plugin's libraries and the X
server are checked by `qt_platform_libs`, without Qt.
"""

from __future__ import annotations

import os
import re
import sys

from reviewer.gui import qt_platform_libs

# shared library -> Debian/Ubuntu package that provides it (the names Qt's wheels need most often)
DEBIAN_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libX11-xcb.so.1": "libx11-xcb1",
}

EXIT_NO_DISPLAY = 75


def qt_import_problem() -> str | None:
    """None when PySide6's widgets import; otherwise one line that says what to install."""
    try:
        import PySide6.QtGui  # noqa: F401
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as err:
        return describe_import_error(str(err))
    return None


def describe_import_error(text: str) -> str:
    """The user's line for Qt's ImportError text, e.g. "libEGL.so.1: cannot open shared object file"."""
    match = re.search(r"(lib[\w.+-]+\.so[\w.]*)", text)
    if not match:
        return f"Qt cannot start: {text}"
    lib = match.group(1)
    package = DEBIAN_PACKAGES.get(lib)
    hint = (f"install the system package {package!r} (e.g. 'sudo apt-get install {package}')" if package
            else "install the system package that provides it")
    return f"Qt cannot start: the system library {lib} is missing; {hint}."


def has_display() -> bool:
    """True where a window can be shown: Windows, macOS, an X11 or Wayland session, or a Qt platform set."""
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


NO_DISPLAY = "no display found (DISPLAY and WAYLAND_DISPLAY are unset)"


def startup_problem() -> tuple[int, str] | None:
    """None when a window can open here; otherwise (exit code, one line): 1 Qt broken (with the fix), 75 no display
    (none set, or no X server behind DISPLAY)."""
    problem = qt_import_problem()
    if problem:
        return 1, problem
    if not has_display():
        return EXIT_NO_DISPLAY, NO_DISPLAY
    if sys.platform.startswith("linux") and qt_platform_libs.uses_xcb():
        missing = qt_platform_libs.missing_xcb_libraries()
        if missing:
            return 1, qt_platform_libs.describe_missing(missing)
        display = os.environ.get("DISPLAY", "")
        if not display:
            return EXIT_NO_DISPLAY, "no display found (QT_QPA_PLATFORM asks for xcb, and DISPLAY is unset)"
        no_server = qt_platform_libs.x_server_problem(display)
        if no_server:
            return EXIT_NO_DISPLAY, no_server
    return None


def main() -> int:
    """`python -m reviewer.gui.launch_check` (`make run`): 0 ready, 75 no display (run the demo), 1 Qt broken."""
    found = startup_problem()
    if found is None:
        return 0
    code, problem = found
    suffix = "; running the headless demo instead." if code == EXIT_NO_DISPLAY else ""
    print(f"reviewer: {problem}{suffix}", file=sys.stderr)
    return code
