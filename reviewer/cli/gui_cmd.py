"""`reviewer gui [--register FILE]`: checks that Qt can start, then opens the unlock dialog and the app."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from reviewer.gui.qt_check import has_display, qt_import_problem

    problem = qt_import_problem()
    if problem:
        print(f"reviewer: {problem}", file=sys.stderr)
        return 1
    if not has_display():
        print("reviewer: no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
              "try 'reviewer demo' or the other commands.", file=sys.stderr)
        return 1

    from reviewer.gui.app import ErrorHook, Launcher, application
    from reviewer.gui.settings import AppSettings
    from reviewer.register import default_register_path

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    path = Path(args.register).expanduser() if getattr(args, "register", None) else default_register_path()
    app = application(sys.argv[:1])
    hook = ErrorHook(lambda: app.activeWindow())
    hook.install()
    launcher = Launcher(path, AppSettings())
    launcher.start()
    try:
        return int(app.exec())
    finally:
        hook.uninstall()
