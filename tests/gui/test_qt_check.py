"""`make run` chooses between the window and the headless demo with this check."""

import subprocess
import sys

from reviewer.gui import qt_check


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
