"""The command line: `reviewer [COMMAND] ...`, as `docs/cli.md` fixes it.

This module owns the parser and the dispatch only. Each command lives in its own module and exposes
`run(args: argparse.Namespace) -> int`; it is imported when the command runs, so that `reviewer --help`
stays fast and the Qt libraries load only for the GUI.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from reviewer import __version__

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_WRONG_PASSPHRASE = 3

# command -> module under reviewer.cli that runs it
COMMANDS: dict[str, str] = {
    "gui": "gui_cmd",
    "extract": "extract_cmd",
    "import": "register_cmds",
    "list": "register_cmds",
    "currency": "register_cmds",
    "export": "register_cmds",
    "passwd": "register_cmds",
    "demo": "history_cmds",  # register_cmds' demo, then a vendor's history and the signals
    "show": "show_cmd",
    "search": "search_cmd",
    "history": "history_cmds",
    "signals": "history_cmds",
    "firms": "history_cmds",
}


PASSWORD_HELP = ("password for password-protected PDFs (other users can see it in ps: prefer REVIEWER_PDF_PASSWORD "
                 "or the prompt)")


class CliArgumentParser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, not a usage dump, on bad usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"reviewer: {message} (see 'reviewer --help')\n")


def _add_register_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--register",
        metavar="FILE",
        help="the register's database file (default: register.db in the user data folder); "
        "the passphrase comes from REVIEWER_PASSPHRASE or a prompt",
    )


def _add_ocr_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-ocr", dest="ocr", action="store_false",
                   help="leave scanned pages (no text layer) unread instead of reading them by OCR")


def build_parser() -> argparse.ArgumentParser:
    parser = CliArgumentParser(
        prog="reviewer",
        description="Review vendors' SOC 1, SOC 2 and SOC 3 reports offline, "
        "with an encrypted local register. Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CliArgumentParser)

    p = sub.add_parser("gui", help="open the desktop app on the register (the default)")
    p.add_argument("files", nargs="*", metavar="FILE", help="PDFs or folders to import once the register is unlocked")
    _add_register_option(p)

    p = sub.add_parser("extract", help="read PDFs and print what was extracted; touches no register")
    p.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    p.add_argument("--password", metavar="PW", help=PASSWORD_HELP)
    _add_ocr_option(p)
    p.add_argument("files", nargs="+", metavar="FILE")

    p = sub.add_parser("import", help="import PDFs (files or folders) into the register")
    p.add_argument("--password", metavar="PW", help=PASSWORD_HELP)
    p.add_argument("--keep-copies", action="store_true",
                   help="import copies of reports already in the register too (the same report re-saved, "
                   "re-encrypted or watermarked); by default they are skipped")
    p.add_argument("--who", default="cli", help="the name written into the audit log (default: cli)")
    _add_ocr_option(p)
    p.add_argument("paths", nargs="+", metavar="PATH")
    _add_register_option(p)

    p = sub.add_parser("list", help="the register's reports")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    _add_register_option(p)

    p = sub.add_parser("currency", help="one row per vendor: latest report, bridge letter, status")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    p.add_argument("--as-of", metavar="DATE", help="judge currency as of this date (YYYY-MM-DD; default today)")
    _add_register_option(p)

    p = sub.add_parser("export", help="export the register for procurement and audit")
    p.add_argument("--format", choices=["csv", "xlsx"], required=True)
    p.add_argument("--output", metavar="PATH", required=True)
    _add_register_option(p)

    p = sub.add_parser("show", help="one report as the register holds it: values, evidence, confidence, corrections")
    p.add_argument("report", metavar="REPORT", help="the report's id (see 'reviewer list') or its file name")
    p.add_argument("--json", action="store_true", help="one JSON object")
    _add_register_option(p)

    p = sub.add_parser("search", help="full-text search over every report's pages (word forms and prefixes match)")
    p.add_argument("query", nargs="+", metavar="QUERY", help="words to find; \"quoted words\" as a phrase")
    p.add_argument("--json", action="store_true", help="a JSON array instead of lines")
    p.add_argument("--limit", type=int, default=100, metavar="N", help="at most N hits, best first (default 100)")
    _add_register_option(p)

    p = sub.add_parser("passwd", help="change the register's passphrase")
    _add_register_option(p)

    p = sub.add_parser("history", help="a vendor's reports oldest first and what changed between each pair")
    p.add_argument("vendor", metavar="VENDOR", help="the vendor's name (or part of it) or id")
    p.add_argument("--json", action="store_true", help="one JSON object instead of text")
    _add_register_option(p)

    p = sub.add_parser("signals", help="trust signals: near-copied reports, implausible timelines, unknown auditors")
    p.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    _add_register_option(p)

    p = sub.add_parser("firms", help="the accepted audit firms that 'signals' checks auditors against")
    p.add_argument("action", nargs="?", choices=["list", "add", "remove"], default="list")
    p.add_argument("names", nargs="*", metavar="NAME")
    p.add_argument("--who", default="cli", help="the name written into the audit log (default: cli)")
    p.add_argument("--json", action="store_true", help="a JSON array instead of lines")
    _add_register_option(p)

    sub.add_parser("demo", help="import the fictional sample reports into a throwaway register and print it")
    return parser


def _no_core_dumps() -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reviewer` console script."""
    # everything this process creates (register, -wal, -shm, exports, workpapers) is private from the start, and a
    # crash leaves no core dump holding the key or decrypted pages
    os.umask(0o077)
    _no_core_dumps()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "gui"
        args.register = None
        args.files = []
    module = importlib.import_module(f"reviewer.cli.{COMMANDS[args.command]}")
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        print("reviewer: interrupted", file=sys.stderr)
        return 130
