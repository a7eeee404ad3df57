"""`reviewer gui [--register FILE] [FILE...]`: checks that Qt can start, then opens the unlock dialog and the app;
PDF files or folders given (the desktop entry passes %F) are imported once the register is unlocked. When an app
is already open on the register, the files are handed to it and this process ends (`gui.single_instance`)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.gui.launcher import Launcher
    from reviewer.gui.settings import AppSettings


def files_to_import(args: argparse.Namespace) -> list[Path]:
    """The FILE arguments as absolute paths (the app may later change folder; the import dialog shows them)."""
    return [Path(name).expanduser().absolute() for name in getattr(args, "files", None) or []]


def launcher_for(args: argparse.Namespace, settings: AppSettings | None = None) -> Launcher:
    """The start-up (unlock dialog, then the window and the import of the files) for these arguments."""
    from reviewer.gui.launcher import Launcher
    from reviewer.gui.settings import AppSettings
    from reviewer.register import default_register_path

    path = Path(args.register).expanduser() if getattr(args, "register", None) else default_register_path()
    return Launcher(path, settings if settings is not None else AppSettings(), files_to_import(args))


def run(args: argparse.Namespace) -> int:
    from reviewer.gui.qt_check import EXIT_NO_DISPLAY, startup_problem

    found = startup_problem()
    if found is not None:
        code, problem = found
        hint = "; try 'reviewer demo' or the other commands." if code == EXIT_NO_DISPLAY else ""
        print(f"reviewer: {problem}{hint}", file=sys.stderr)
        return 1

    from reviewer.gui.errors import ErrorHook
    from reviewer.gui.launcher import application

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = application(sys.argv[:1])
    hook = ErrorHook(lambda: app.activeWindow())
    hook.install()
    from reviewer.gui.launcher import HANDED_OFF, IN_USE, IN_USE_TEXT

    launcher = launcher_for(args)
    try:
        started = launcher.start()
        if started == HANDED_OFF:
            count = len(launcher.files)
            print(f"reviewer: the register is open in a reviewer window; "
                  f"{count} file(s) handed to it" if count else "reviewer: the register is open in a reviewer window")
            return 0
        if started == IN_USE:
            print(f"reviewer: {IN_USE_TEXT}", file=sys.stderr)
            app.exec()  # the message box, until closed
            return 1
        return int(app.exec())
    finally:
        hook.uninstall()
