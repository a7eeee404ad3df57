"""One app per register: a second `reviewer gui FILE...` (a real second process) hands its files to the window
already open, which imports them; the socket is the user's only, and named per register."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from reviewer.gui.launcher import STARTED, Launcher
from reviewer.gui.single_instance import socket_path
from reviewer.register import Register
from tests.gui.shell.conftest import OFFSCREEN_NOISE
from tests.gui.shell.import_helpers import finish_import
from tests.support.pdf_copies import SAMPLES
from tests.support.register import PASSPHRASE

# the window comes to the front on a hand-off; the offscreen test platform has no front to come to
NO_RAISE = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, r"^This plugin does not support raise\(\)$")


def _second_app(register_path, *files):
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    return subprocess.Popen([sys.executable, "-m", "reviewer", "gui", "--register", str(register_path),
                             *map(str, files)], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for(qtbot, process, timeout_ms=90_000):
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=timeout_ms)  # the event loop serves it meanwhile
    return process.communicate(timeout=10)


def _unlocked_app(qtbot, register_path, settings):
    Register.open(register_path, PASSPHRASE).close()
    settings.idle_lock_minutes = 0
    launcher = Launcher(register_path, settings)
    qtbot.addWidget(launcher.dialog)
    assert launcher.start() == STARTED
    launcher.dialog.passphrase.setText(PASSPHRASE)
    launcher.dialog.accept()
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    return launcher


def _close(launcher):
    """End the app as a user would: the progress list and the window closed (a later test's lock() would find
    this test's progress list still showing among the top-level windows), the socket gone."""
    launcher.server.close()
    if launcher.window is not None:
        launcher.window.importer.dialog.hide()
        launcher.window.close()


@NO_RAISE
def test_a_second_reviewer_gui_hands_its_files_to_the_open_window(qtbot, register_path, settings):
    launcher = _unlocked_app(qtbot, register_path, settings)
    files = [SAMPLES / "oakhurst-soc2-type2.pdf", SAMPLES / "wrenmoor-soc1-type2.pdf"]
    second = _second_app(register_path, *files)
    out, err = _wait_for(qtbot, second)
    assert second.returncode == 0, err
    assert "2 file(s) handed to it" in out
    window = launcher.window
    assert set(window.importer.dialog.rows) == set(files)
    finish_import(qtbot, window.importer)
    assert {r.file_name for r in window.register.reports.rows()} == {f.name for f in files}
    _close(launcher)


@NO_RAISE
def test_files_handed_to_the_unlock_dialog_are_imported_once_unlocked(qtbot, register_path, settings):
    Register.open(register_path, PASSPHRASE).close()
    launcher = Launcher(register_path, settings)
    qtbot.addWidget(launcher.dialog)
    assert launcher.start() == STARTED
    second = _second_app(register_path, SAMPLES / "quillon-soc2-type2.pdf")
    _out, err = _wait_for(qtbot, second)
    assert second.returncode == 0, err
    assert launcher.window is None and launcher.files == [SAMPLES / "quillon-soc2-type2.pdf"]
    launcher.dialog.passphrase.setText(PASSPHRASE)
    launcher.dialog.accept()
    qtbot.addWidget(launcher.window)
    finish_import(qtbot, launcher.window.importer)
    assert [r.file_name for r in launcher.window.register.reports.rows()] == ["quillon-soc2-type2.pdf"]
    _close(launcher)


def test_the_socket_is_private_and_named_per_register(qtbot, tmp_path, register_path, settings):
    launcher = Launcher(register_path, settings)
    qtbot.addWidget(launcher.dialog)
    assert launcher.start() == STARTED
    path = launcher.server.socket_path()
    assert stat.S_ISSOCK(os.stat(path).st_mode)
    assert os.stat(path).st_mode & 0o077 == 0  # the user's only
    assert os.stat(os.path.dirname(path)).st_mode & 0o077 == 0  # in a folder of the user's only
    assert socket_path(register_path) != socket_path(tmp_path / "other" / "register.db")
    launcher.server.close()
    assert not os.path.exists(path)


@NO_RAISE
def test_files_handed_to_a_locked_window_wait_for_the_unlock(qtbot, register_path, settings):
    launcher = _unlocked_app(qtbot, register_path, settings)
    window = launcher.window
    unlock = window.lock()
    second = _second_app(register_path, SAMPLES / "wrenmoor-soc1-type2.pdf")
    _out, err = _wait_for(qtbot, second)
    assert second.returncode == 0, err
    assert window.register is None and launcher.files == [SAMPLES / "wrenmoor-soc1-type2.pdf"]
    unlock.passphrase.setText(PASSPHRASE)
    unlock.accept()
    assert window.register is not None and launcher.files == []
    finish_import(qtbot, window.importer)
    assert [r.file_name for r in window.register.reports.rows()] == ["wrenmoor-soc1-type2.pdf"]
    _close(launcher)
