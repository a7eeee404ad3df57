"""No plaintext outside the register (issue 10, item 9): Qt's file dialogs keep no folder history in QtProject.conf,
and the test suite's XDG folders are a private temporary folder, never the real home."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings


def test_the_suite_writes_no_settings_into_the_real_home():
    config = Path(os.environ["XDG_CONFIG_HOME"])
    assert config.is_relative_to(tempfile.gettempdir()) and not config.is_relative_to(Path.home())
    assert Path(QSettings("reviewer", "reviewer").fileName()).is_relative_to(config)
    assert Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName()).is_relative_to(config)
    from reviewer.register import default_register_path

    assert default_register_path().is_relative_to(Path(os.environ["XDG_DATA_HOME"]))


def test_file_dialogs_leave_no_folder_history(qtbot, tmp_path, empty_register, settings):
    from reviewer.gui.main_window import MainWindow

    window = MainWindow(empty_register, settings)
    qtbot.addWidget(window)
    secret = tmp_path / "NDA Acme Holdings 2024"
    secret.mkdir()
    for ask in (window.ask_import_folder, window.ask_import):
        dialog = ask()
        dialog.setDirectory(str(secret))
        dialog.selectFile(str(secret))
        dialog.accept()
        shiboken6.delete(dialog)  # what closing the window does to its dialogs, at the latest
    conf = Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName())
    written = conf.read_text(encoding="utf-8", errors="replace") if conf.exists() else ""
    assert "NDA Acme" not in written and "NDA%20Acme" not in written
