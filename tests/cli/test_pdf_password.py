"""Passwords of protected PDFs without `--password` (issue 10, item 7): from REVIEWER_PDF_PASSWORD, or from a prompt
without echo when a PDF needs one; `--password` keeps working (the CLI contract) and docs/security.md says why to
avoid it."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time

import pytest

from .test_register_cli import PASS, reviewer


@pytest.fixture
def protected(corpus):
    return next(d for d in corpus.documents if d.password and d.truth)


def test_the_password_comes_from_the_environment(tmp_path, protected):
    db = tmp_path / "r.db"
    done = reviewer("import", "--register", db, protected.path, env={"REVIEWER_PDF_PASSWORD": protected.password})
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("imported: ")
    extracted = reviewer("extract", protected.path, env={"REVIEWER_PDF_PASSWORD": protected.password})
    assert extracted.returncode == 0 and "encrypted" in extracted.stdout


def test_the_option_still_works(tmp_path, protected):
    done = reviewer("import", "--register", tmp_path / "r.db", "--password", protected.password, protected.path)
    assert done.returncode == 0 and done.stdout.startswith("imported: ")


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_a_prompt_asks_for_it_on_a_terminal(tmp_path, protected):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWER_")}
    environ["REVIEWER_PASSPHRASE"] = PASS
    leader, follower = pty.openpty()
    child = subprocess.Popen([sys.executable, "-m", "reviewer", "import", "--register", str(tmp_path / "r.db"),
                              str(protected.path)], stdin=follower, stdout=follower, stderr=follower, env=environ,
                             start_new_session=True, preexec_fn=None)
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 120
    answered = 0
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if seen.count(b"Password for the PDF") > answered:
                os.write(leader, (("wrong one" if answered == 0 else protected.password) + "\n").encode())
                answered += 1
        elif child.poll() is not None:
            break
    child.wait(30)
    os.close(leader)
    text = seen.decode(errors="replace")
    assert child.returncode == 0, text
    assert "That password is wrong." in text
    assert "imported: " in text
    assert protected.password not in text.split("Password for the PDF")[-1].split("imported")[0]  # not echoed
