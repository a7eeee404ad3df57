"""The system libraries Qt's X11 platform plugin needs, checked before Qt tries to load it, and whether an X server
answers on DISPLAY.

Qt loads its platform plugin (`libqxcb.so`, with its platform-integration library `libQt6XcbQpa.so.6`) only when
the QApplication is made; when a library of the plugin is missing, Qt aborts with a guess of its own (it names
`libxcb-cursor0` whatever is missing). So we ask the dynamic loader ourselves: `ldd` of the plugin and of its
integration library lists every library that is "not found"; where there is no `ldd`, loading them with ctypes names
the first missing one. Imports no Qt: this runs where Qt cannot start.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path

# shared library -> Debian/Ubuntu package that provides it: what the X11 plugin of Qt's wheels links
XCB_PACKAGES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}

PLUGIN = Path("plugins") / "platforms" / "libqxcb.so"
INTEGRATION = Path("lib") / "libQt6XcbQpa.so.6"
LDD_TIMEOUT_S = 20.0
X_CONNECT_TIMEOUT_S = 10.0

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.M)
_CANNOT_OPEN = re.compile(r"(lib[\w.+-]+\.so[\w.]*): cannot open shared object file")


def qt_root() -> Path | None:
    """PySide6's bundled Qt folder (`.../PySide6/Qt`), found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.origin:
        return None
    root = Path(spec.origin).parent / "Qt"
    return root if root.is_dir() else None


def parse_ldd(output: str) -> list[str]:
    """The libraries `ldd` reports as "not found", in its order, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def missing_by_ldd(files: list[Path], ldd: str) -> list[str]:
    found: list[str] = []
    for file in files:
        done = subprocess.run([ldd, str(file)], capture_output=True, text=True, timeout=LDD_TIMEOUT_S, check=False)
        found.extend(parse_ldd(done.stdout))
    return list(dict.fromkeys(found))


def missing_by_loading(files: list[Path]) -> list[str]:
    """The first library the loader cannot find for each file (ctypes stops at the first)."""
    found: list[str] = []
    for file in files:
        try:
            ctypes.CDLL(str(file))
        except OSError as err:
            match = _CANNOT_OPEN.search(str(err))
            found.append(match.group(1) if match else f"{file.name} ({err})")
    return list(dict.fromkeys(found))


def missing_xcb_libraries(root: Path | None = None) -> list[str]:
    """The libraries missing for Qt's X11 plugin (and its integration library) under `root` (PySide6's Qt)."""
    root = root if root is not None else qt_root()
    if root is None:
        return []
    plugin = root / PLUGIN
    if not plugin.is_file():
        return [PLUGIN.name]
    files = [plugin] + ([root / INTEGRATION] if (root / INTEGRATION).is_file() else [])
    ldd = shutil.which("ldd")
    if ldd:
        try:
            return missing_by_ldd(files, ldd)
        except (OSError, subprocess.SubprocessError):
            pass
    return missing_by_loading(files)


def describe_missing(libraries: list[str]) -> str:
    """The user's line: which libraries are missing and the packages that provide them."""
    packages = [XCB_PACKAGES[lib] for lib in libraries if lib in XCB_PACKAGES]
    ours = [lib for lib in libraries if lib.startswith("libQt6") or lib == PLUGIN.name]
    unknown = [lib for lib in libraries if lib not in XCB_PACKAGES and lib not in ours]
    plural = "ies are" if len(libraries) != 1 else "y is"
    line = f"Qt cannot open a window: the system librar{plural} missing: {', '.join(libraries)}"
    hints = []
    if packages:
        hints.append(f"install {'them' if len(packages) > 1 else 'it'} with 'sudo apt-get install "
                     f"{' '.join(packages)}'")
    if ours:
        hints.append("PySide6 is incomplete: reinstall it ('make install')")
    if unknown:
        hints.append("install the system package that provides " + ", ".join(unknown))
    return line + "; " + "; ".join(hints) + "."


def uses_xcb(environ: dict[str, str] | None = None) -> bool:
    """Whether Qt will pick its X11 plugin: QT_QPA_PLATFORM says xcb, or is unset in an X11 (not Wayland) session."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0].strip() == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def x_server_problem(display: str, timeout_s: float = X_CONNECT_TIMEOUT_S) -> str | None:
    """None when an X server accepts a connection on `display`; otherwise why not, in one line.

    Connects as Qt would, through libxcb (which reads DISPLAY's every form: ":0", "host:0", a socket path). A
    remote display that does not answer within `timeout_s` is left for Qt to try (a slow network is not "no
    server")."""
    found: list[str | None] = []
    probe = threading.Thread(target=lambda: found.append(_xcb_connect_problem(display)), daemon=True)
    probe.start()
    probe.join(timeout_s)
    return found[0] if found else None


def _xcb_connect_problem(display: str) -> str | None:
    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return describe_missing(["libxcb.so.1"])
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        failed = xcb.xcb_connection_has_error(connection)
    finally:
        xcb.xcb_disconnect(connection)  # also frees the error object xcb returns when the connection failed
    if failed:
        return f"no X server answers on DISPLAY={display} (the session has ended, or DISPLAY is stale)"
    return None
