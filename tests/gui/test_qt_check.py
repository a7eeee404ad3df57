"""`make run` chooses between the window and the headless demo with this check."""

import shutil
import subprocess
import sys
from pathlib import Path

from reviewer.gui import qt_check, qt_platform_libs


def test_qt_imports_here():
    assert qt_check.qt_import_problem() is None


def test_no_display_means_demo_exit_code():
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    done = subprocess.run([sys.executable, "-m", "reviewer.gui.launch_check"], env=env,
                          capture_output=True, text=True)
    assert done.returncode == qt_check.EXIT_NO_DISPLAY
    assert "no display" in done.stderr
    assert "demo" in done.stderr


def test_a_missing_qt_system_library_names_the_package_to_install():
    line = qt_check.describe_import_error("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert "libEGL.so.1 is missing" in line
    assert "apt-get install libegl1" in line
    unknown = qt_check.describe_import_error("libfoo.so.3: cannot open shared object file")
    assert "libfoo.so.3 is missing" in unknown and "provides it" in unknown


# -- the X11 plugin's libraries, and an X server behind DISPLAY ---------------------------------------------------
def _ldd(path: Path) -> str:
    return subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True).stdout


def _qt_tree_without(tmp_path: Path, hidden: str) -> Path:
    """A copy of PySide6's Qt folder as the loader sees it (the X11 plugin, the Qt libraries linked) without
    `hidden`: the plugin finds its Qt libraries through its RUNPATH, $ORIGIN/../../lib."""
    real = qt_platform_libs.qt_root()
    assert real is not None
    root = tmp_path / "Qt"
    (root / "plugins" / "platforms").mkdir(parents=True)
    (root / "lib").mkdir()
    shutil.copy2(real / qt_platform_libs.PLUGIN, root / qt_platform_libs.PLUGIN)
    for lib in (real / "lib").glob("*.so*"):
        if lib.name != hidden:
            (root / "lib" / lib.name).symlink_to(lib.resolve())
    return root


def test_the_real_x11_plugin_loads_here_and_ldd_of_it_reads_as_nothing_missing():
    root = qt_platform_libs.qt_root()
    assert root is not None and (root / qt_platform_libs.PLUGIN).is_file()
    output = _ldd(root / qt_platform_libs.PLUGIN)
    assert "libxcb-icccm.so.4 =>" in output  # the real plugin links the libraries the issue was about
    assert qt_platform_libs.parse_ldd(output) == []
    assert qt_platform_libs.missing_xcb_libraries() == []


def test_a_hidden_library_of_the_plugin_is_named_by_ldd_and_by_loading(tmp_path):
    root = _qt_tree_without(tmp_path, "libQt6XcbQpa.so.6")
    assert qt_platform_libs.parse_ldd(_ldd(root / qt_platform_libs.PLUGIN)) == ["libQt6XcbQpa.so.6"]
    assert qt_platform_libs.missing_xcb_libraries(root) == ["libQt6XcbQpa.so.6"]
    assert qt_platform_libs.missing_by_loading([root / qt_platform_libs.PLUGIN]) == ["libQt6XcbQpa.so.6"]
    line = qt_platform_libs.describe_missing(["libQt6XcbQpa.so.6"])
    assert "libQt6XcbQpa.so.6" in line and "reinstall" in line


def test_the_missing_xcb_libraries_are_named_with_their_packages_not_xcb_cursor():
    # what the machine lacked, as ldd prints it
    output = _ldd(qt_platform_libs.qt_root() / qt_platform_libs.PLUGIN)
    lacking = output.replace("libxcb-icccm.so.4 => /", "libxcb-icccm.so.4 => not found\n/").replace(
        "libxcb-keysyms.so.1 => /", "libxcb-keysyms.so.1 => not found\n/")
    missing = qt_platform_libs.parse_ldd(lacking)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    line = qt_platform_libs.describe_missing(missing)
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in line
    assert "cursor" not in line


def _free_display() -> str:
    for number in range(93, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return f":{number}"
    raise AssertionError("no free display number")


def test_a_display_without_an_x_server_says_so_and_exits_for_the_demo():
    display = _free_display()
    assert qt_platform_libs.x_server_problem(display) is not None
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "DISPLAY": display}
    done = subprocess.run([sys.executable, "-m", "reviewer.gui.launch_check"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == qt_check.EXIT_NO_DISPLAY
    assert f"no X server answers on DISPLAY={display}" in done.stderr
    assert "headless demo" in done.stderr


def test_reviewer_gui_on_a_display_without_a_server_fails_with_one_line_not_a_qt_abort():
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "DISPLAY": _free_display()}
    done = subprocess.run([sys.executable, "-m", "reviewer", "gui"], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1
    assert "no X server answers" in done.stderr and "reviewer demo" in done.stderr
    assert "xcb-cursor0" not in done.stderr and "Aborted" not in done.stderr
