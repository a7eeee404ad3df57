"""Passwords of password-protected PDFs on the command line: where they come from, in this order.

1. `--password PW` (kept because the CLI contract has it; anyone on the machine can read it in `ps` or
   /proc/<pid>/cmdline while the command runs, and the shell may keep it in its history: docs/security.md);
2. the environment variable REVIEWER_PDF_PASSWORD (readable only by the same user and root);
3. a prompt without echo, asked when a PDF turns out to need a password and a terminal is there.
The password goes to the extraction child inside its request, never in its command line or environment.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import warnings

ENV_PDF_PASSWORD = "REVIEWER_PDF_PASSWORD"


def has_terminal() -> bool:
    if sys.stdin is not None and sys.stdin.isatty():
        return True
    if sys.platform == "win32":
        return False
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return False
    os.close(fd)
    return True


def pdf_password(args: argparse.Namespace) -> str | None:
    """The password given up front (option, then environment), or None."""
    given = getattr(args, "password", None)
    if given is not None:
        return given
    return os.environ.get(ENV_PDF_PASSWORD) or None


def ask_pdf_password(name: str, *, wrong: bool) -> str | None:
    """Ask on the terminal for the password of `name`; None without a terminal or when the answer is empty."""
    if not has_terminal():
        return None
    prompt = f"{'That password is wrong. ' if wrong else ''}Password for the PDF {name} (Enter to skip): "
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", getpass.GetPassWarning)
            return getpass.getpass(prompt) or None
    except EOFError:
        return None
