"""The program's entry points: --version, --help, `python -m reviewer`, and the offline rule."""

import socket
import subprocess
import sys

import pytest

from reviewer import __version__
from reviewer.cli import main


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"reviewer {__version__}"


def test_help_lists_every_command_of_the_spec(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("gui", "extract", "import", "list", "currency", "export", "passwd", "demo"):
        assert command in out


def test_python_dash_m_is_the_same_program():
    done = subprocess.run([sys.executable, "-m", "reviewer", "--version"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.strip() == f"reviewer {__version__}"


def test_bad_usage_is_one_line_and_exit_2():
    done = subprocess.run([sys.executable, "-m", "reviewer", "extract"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_network_is_forbidden_during_tests():
    with pytest.raises(Exception, match="(?i)socket"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
