"""What goes into the bundle and what stays out: the rules `reviewer.spec` applies, kept apart so tests can
check them without PyInstaller (which only the `package` extra installs).

The spec asks PyInstaller for everything the code imports, then filters with `keep` (by destination path in the
bundle) and `without_orphans` (the libraries only the dropped files needed). `unused_qt_imported` stops the
build when the app starts importing a Qt module this file excludes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

# Qt modules the app has no use for. PyInstaller collects a Qt module only when something imports it, yet
# PySide6's own package imports them all for its type stubs, so each needs excluding by name.
UNUSED_QT = [
    "QtNetwork", "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtQuickTest", "QtQmlFeatures",
    "QtSql", "QtTest", "QtDesigner", "QtHelp", "QtUiTools", "QtLabsStyleKit", "QtConcurrent", "QtDBus",
    "QtOpenGL", "QtOpenGLWidgets", "QtXml",
]

# Python packages that are build or test tools, never run by the app.
UNUSED_PYTHON = [
    "tkinter", "_tkinter", "turtle", "idlelib", "lib2to3", "ensurepip", "venv", "pydoc_data", "test",
    "pytest", "_pytest", "pytestqt", "pytest_socket", "pytest_timeout", "hypothesis", "reportlab",
    "jsonschema", "jsonschema_specifications", "referencing", "rpds", "ruff", "importlinter", "grimp",
    "setuptools", "pkg_resources", "pip", "wheel", "IPython", "matplotlib", "numpy",
    "PyInstaller", "_pyinstaller_hooks_contrib", "rich", "pygments", "markdown_it",
]
# Pillow: installed for the tests (reportlab); the app would need it only for pypdfium2's to_pil
PILLOW = ["PIL"]

# Qt platform plugins to ship: offscreen (tests, headless use), xcb and wayland (Linux desktops), windows, cocoa;
# minimal is tiny and handy for diagnosis. The others (eglfs, linuxfb, vnc, vkkhrdisplay) are for embedded
# devices, and vnc links QtNetwork.
KEEP_PLATFORMS = {"offscreen", "xcb", "wayland", "wayland-egl", "wayland-generic", "windows", "cocoa", "minimal"}
DROP_PLUGIN_FILES = {
    "platforminputcontexts/libqtvirtualkeyboardplugin",  # Qt Quick, Qml and Network for an on-screen keyboard
    "platforminputcontexts/qtvirtualkeyboardplugin",
    "imageformats/libqpdf", "imageformats/qpdf",  # QtPdf: pages are rendered by pypdfium2
    "generic/libqtuiotouchplugin", "generic/qtuiotouchplugin",  # TUIO touch over the network
    # GTK3 theme: it links the system's GTK, which PyInstaller would half-bundle (glib, pango, cairo from the
    # build machine beside the user's GTK); the xdg-desktop-portal theme gives native dialogs without it
    "platformthemes/libqgtk3",
}
DROP_PLUGIN_DIRS = {"egldeviceintegrations", "tls", "networkinformation", "networkaccess", "qmltooling",
                    "sqldrivers", "designer", "printsupport", "vectorimageformats",
                    "wayland-graphics-integration-server"}
DROP_LIBRARIES = ("Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6VirtualKeyboard", "Qt6Pdf", "Qt6EglFS",
                  "Qt6OpenGLWidgets", "Qt6Designer", "Qt6Test", "Qt6Sql", "Qt6Help", "Qt6Labs", "Qt6Lottie",
                  "Qt6ShaderTools", "Qt6WebSockets")


def package_modules(package: Path) -> list[str]:
    """Every module of the package, found on disk.

    The CLI imports its commands by name (importlib), which PyInstaller cannot follow. Walking the package by
    importing it (collect_submodules) would silently skip a subpackage whose import fails, and the app would
    break only when a user reached it; listing the files makes the build see every module.
    """
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def source_imports(source: str, module: str) -> bool:
    """True when `source` imports `module` or a submodule of it (`import a.b`, `from a.b import c`,
    `from a import b`)."""
    top, _, rest = module.partition(".")
    pattern = rf"(^|\n)\s*(import|from)\s+{re.escape(module)}\b"
    if rest:
        pattern += rf"|(^|\n)\s*from\s+{re.escape(top)}\s+import\s+[^\n]*\b{re.escape(rest)}\b"
    return re.search(pattern, source) is not None


def unused_qt_imported(source: str) -> list[str]:
    """The Qt modules in UNUSED_QT that the app's source imports after all (the build must stop)."""
    return [name for name in UNUSED_QT if source_imports(source, f"PySide6.{name}")]


def excluded_modules(source: str) -> list[str]:
    """The modules PyInstaller must leave out, given the app's source text."""
    excluded = [f"PySide6.{name}" for name in UNUSED_QT] + UNUSED_PYTHON
    if not (source_imports(source, "PIL") or "to_pil" in source or "to_image" in source):
        excluded += PILLOW
    return excluded


def keep(dest: str) -> bool:
    """Whether a collected file, by its destination path in the bundle, belongs in the app."""
    path = dest.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    if "/Qt/translations/" in f"/{path}":
        return False  # Qt's own translations (its dialogs in other languages); the app's texts are English
    if "/plugins/" in path:
        plugin_dir, _, plugin = path.split("/plugins/", 1)[1].rpartition("/")
        stem = plugin.split(".")[0]
        if plugin_dir in DROP_PLUGIN_DIRS:
            return False
        if plugin_dir == "platforms":
            return re.sub(r"^(lib)?q", "", stem) in KEEP_PLATFORMS
        return f"{plugin_dir}/{stem}" not in DROP_PLUGIN_FILES
    return not name.startswith(tuple(f"lib{lib}" for lib in DROP_LIBRARIES) + DROP_LIBRARIES)


def without_orphans(kept: list[tuple], dropped: list[tuple], imports: Callable[[str], Iterable[str]]) -> list[tuple]:
    """`kept` minus the libraries that only the dropped files link to.

    Entries are PyInstaller TOC tuples (destination, source, type); `imports(source)` names the libraries a
    binary links to. PyInstaller collects a plugin's dependencies before the spec can drop the plugin, so the
    GTK theme, say, leaves pango and cairo behind. A library goes only if a dropped file needs it (directly or
    through others) and no other kept file does; a library nothing links to (loaded by ctypes, or the
    bootloader's libpython) stays.
    """
    by_name: dict[str, tuple] = {}
    for entry in kept + dropped:
        by_name.setdefault(Path(entry[0]).name, entry)

    def needs(name: str) -> set[str]:
        return {Path(lib).name for lib in imports(by_name[name][1])} & by_name.keys()

    def reach(names: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(names)
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(needs(name) - seen)
        return seen

    candidates = reach(Path(entry[0]).name for entry in dropped)
    roots = [Path(entry[0]).name for entry in kept if Path(entry[0]).name not in candidates]
    orphans = candidates - reach(roots)
    return [entry for entry in kept if Path(entry[0]).name not in orphans]
