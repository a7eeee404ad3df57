"""Start-up: creating the register on first run, unlocking with a wrong then the right passphrase, a register
held by another process; and the `reviewer gui` command's Qt check."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from reviewer.gui.launcher import IN_USE, STARTED, Launcher
from reviewer.gui.main_window import MainWindow
from reviewer.gui.unlock import passphrase_strength
from tests.support.register import PASSPHRASE


def test_first_run_creates_the_register(qtbot, register_path, settings):
    launcher = Launcher(register_path, settings)
    dialog = launcher.dialog
    qtbot.addWidget(dialog)
    launcher.start()
    assert dialog.creating and dialog.confirm.isVisible() and dialog.strength.isVisible()

    qtbot.keyClicks(dialog.passphrase, "short")
    assert "Too short" in dialog.strength.text()
    dialog.accept()
    assert "at least" in dialog.message.text() and dialog.isVisible()
    assert not register_path.exists()

    dialog.passphrase.setText(PASSPHRASE)
    assert "Strong" in dialog.strength.text()
    dialog.confirm.setText(PASSPHRASE + "x")
    dialog.accept()
    assert "differ" in dialog.message.text() and dialog.isVisible()
    assert not register_path.exists()

    dialog.confirm.setText(PASSPHRASE)
    dialog.accept()
    assert not dialog.isVisible()
    assert isinstance(launcher.window, MainWindow) and launcher.window.isVisible()
    assert register_path.stat().st_size > 0
    qtbot.addWidget(launcher.window)
    launcher.window.close()


def test_wrong_then_right_passphrase(qtbot, filled_register, register_path, settings):
    filled_register.close()
    launcher = Launcher(register_path, settings)
    dialog = launcher.dialog
    qtbot.addWidget(dialog)
    launcher.start()
    assert not dialog.creating and not dialog.confirm.isVisible()
    dialog.passphrase.setText("not the passphrase")
    dialog.accept()
    assert dialog.message.text() == "Wrong passphrase. Try again."
    assert dialog.isVisible() and launcher.window is None
    dialog.passphrase.setText(PASSPHRASE)
    dialog.accept()
    assert launcher.window is not None and launcher.window.isVisible()
    qtbot.addWidget(launcher.window)
    assert launcher.window.register_view.model.rowCount() > 0
    launcher.window.close()


def test_register_in_use_by_another_process(qtbot, filled_register, register_path, settings):
    filled_register.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from reviewer.register import Register
            r = Register.open({str(register_path)!r}, {PASSPHRASE!r}, create=False)
            print("open", flush=True)
            sys.stdin.readline()
            r.close()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        launcher = Launcher(register_path, settings)
        qtbot.addWidget(launcher.dialog)
        assert launcher.start() == IN_USE  # said before any passphrase is asked
        assert not launcher.dialog.isVisible() and launcher.window is None
        box = launcher.in_use_box
        assert box is not None and box.isVisible() and "in use by another reviewer process" in box.text()
        box.close()
    finally:
        holder.communicate("\n", timeout=30)
    launcher = Launcher(register_path, settings)  # the other process has let go: now it opens
    qtbot.addWidget(launcher.dialog)
    assert launcher.start() == STARTED and launcher.dialog.isVisible()
    launcher.dialog.passphrase.setText(PASSPHRASE)
    launcher.dialog.accept()
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    launcher.window.close()


def test_strength_hint_prefers_length():
    assert passphrase_strength("")[0] == 0
    assert passphrase_strength("Ab1!")[0] == 0
    assert passphrase_strength("correct horse battery staple")[0] == 3
    assert passphrase_strength("abcdefghijk")[0] == 1


def test_gui_command_reports_a_missing_display(monkeypatch, capsys):
    from reviewer.cli import main

    monkeypatch.setattr("reviewer.gui.qt_check.has_display", lambda: False)
    assert main(["gui", "--register", "/nonexistent/register.db"]) == 1
    assert "no display" in capsys.readouterr().err


def test_gui_command_reports_a_broken_qt(monkeypatch, capsys):
    from reviewer.cli import main

    problem = "Qt cannot start: the system library libEGL.so.1 is missing; install the system package 'libegl1'."
    monkeypatch.setattr("reviewer.gui.qt_check.qt_import_problem", lambda: problem)
    assert main(["gui"]) == 1
    assert capsys.readouterr().err.strip() == f"reviewer: {problem}"


def test_gui_command_files_are_imported_after_unlocking(qtbot, corpus, empty_register, register_path, settings,
                                                        tmp_path, monkeypatch):
    import argparse

    from reviewer.cli.gui_cmd import launcher_for
    from tests.gui.shell.import_helpers import finish_import

    empty_register.close()
    docs = [d for d in corpus.readable() if not d.password][:2]
    monkeypatch.chdir(docs[0].path.parent)  # a relative name, as typed in a terminal
    args = argparse.Namespace(register=str(register_path), files=[docs[0].path.name, str(docs[1].path),
                                                                  str(tmp_path / "missing.pdf")])
    launcher = launcher_for(args, settings)
    dialog = launcher.dialog
    qtbot.addWidget(dialog)
    launcher.start()
    assert launcher.window is None  # nothing is imported before the register is unlocked
    dialog.passphrase.setText(PASSPHRASE)
    dialog.accept()
    window = launcher.window
    qtbot.addWidget(window)
    progress = window.importer.dialog
    assert progress.isVisible() and set(progress.rows) == {docs[0].path, docs[1].path, tmp_path / "missing.pdf"}
    finish_import(qtbot, window.importer)
    statuses = {path.name: status for path, (status, _msg) in progress.outcomes.items()}
    assert statuses == {docs[0].path.name: "imported", docs[1].path.name: "imported", "missing.pdf": "failed"}
    qtbot.waitUntil(lambda: window.register_view.model.rowCount() == 2)
    window.close()
