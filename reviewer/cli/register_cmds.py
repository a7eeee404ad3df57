"""The register's commands: `import`, `list`, `currency`, `export`, `passwd`, `demo` (see docs/cli.md).

Each `run(args)` opens the register (passphrase from REVIEWER_PASSPHRASE or a prompt without echo), does one
thing, and closes it. Errors are one line on stderr; exit 2 for bad input or usage (and a register in use),
3 for a wrong register passphrase, 1 when some file of an import failed.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import secrets
import sys
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from reviewer.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, EXIT_WRONG_PASSPHRASE
from reviewer.cli.pdf_password import ask_pdf_password, has_terminal, pdf_password
from reviewer.register import (
    IsolatedExtractor,
    Register,
    RegisterError,
    WrongPassphrase,
    default_register_path,
    iter_pdf_paths,
)
from reviewer.register.kdf import passphrase_problem
from reviewer.sandbox.limits import ExtractionLimits

ENV_PASSPHRASE = "REVIEWER_PASSPHRASE"
ENV_NEW_PASSPHRASE = "REVIEWER_NEW_PASSPHRASE"


class CommandError(Exception):
    """A one-line error for stderr, with the exit status to return."""

    def __init__(self, message: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status


def run(args: argparse.Namespace, handler: Callable[[argparse.Namespace], int] | None = None) -> int:
    """Run the command (or `handler`, another module's command) with the register commands' error handling."""
    handler = handler or {
        "import": _import, "list": _list, "currency": _currency, "export": _export, "passwd": _passwd,
        "demo": _demo,
    }[args.command]
    try:
        return handler(args)
    except CommandError as err:
        print(f"reviewer: {err}", file=sys.stderr)
        return err.status
    except WrongPassphrase as err:
        print(f"reviewer: {err}; check REVIEWER_PASSPHRASE or retype it", file=sys.stderr)
        return EXIT_WRONG_PASSPHRASE
    except RegisterError as err:
        print(f"reviewer: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT


# -- passphrase and opening ------------------------------------------------------------------------------------
def _has_terminal() -> bool:
    return has_terminal()


def _ask(prompt: str) -> str:
    """A prompt without echo; without a terminal, a clear error instead of reading stdin."""
    if not _has_terminal():
        raise CommandError(f"no passphrase given: set {ENV_PASSPHRASE} or run in a terminal")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", getpass.GetPassWarning)
            return getpass.getpass(prompt)
    except EOFError:
        raise CommandError(f"no passphrase given: set {ENV_PASSPHRASE} or run in a terminal") from None


def _new_passphrase(env: str, what: str) -> str:
    value = os.environ.get(env)
    if value is None:
        value = _ask(f"{what}: ")
        if _ask(f"{what} again: ") != value:
            raise CommandError("the two passphrases differ; nothing was changed")
    problem = passphrase_problem(value)
    if problem:
        raise CommandError(f"{problem}; nothing was changed")
    return value


def _register_path(args: argparse.Namespace) -> Path:
    given = getattr(args, "register", None)
    return Path(given).expanduser() if given else default_register_path()


def _open(args: argparse.Namespace, *, create: bool = True) -> Register:
    path = _register_path(args)
    if path.is_dir():
        raise CommandError(f"--register {path} is a folder; give the register's file")
    exists = Register.exists(path)
    if not exists and not create:
        raise CommandError(f"no register at {path}; import some reports first")
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if passphrase is None:
        if exists:
            passphrase = _ask(f"Passphrase for the register {path}: ")
        else:
            if _has_terminal():
                print(f"Creating a new register at {path}.", file=sys.stderr)
            passphrase = _new_passphrase(ENV_PASSPHRASE, "New register passphrase")
    return Register.open(path, passphrase, create=create)


# -- tables ----------------------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return value.isoformat() if isinstance(value, date) else str(value)


def format_table(header: Sequence[str], rows: list[Sequence[Any]], *, max_width: int = 40) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def _period(start: date | None, end: date | None, as_of: date | None) -> str:
    if end:
        return f"{_cell(start)} to {end.isoformat()}"
    return f"as of {as_of.isoformat()}" if as_of else "-"


def reports_table(reg: Register) -> str:
    rows = reg.reports.rows(limit=None)
    if not rows:
        return "The register holds no reports yet."
    header = ("ID", "VENDOR", "DOCUMENT", "FRAMEWORK", "TYPE", "PERIOD", "OPINION", "EXC", "CURRENCY", "REVIEW")
    return format_table(header, [
        (r.id, r.vendor, r.document_type, r.framework, r.type, _period(r.period_start, r.period_end, r.as_of),
         r.opinion, r.exceptions_count, r.currency_status, r.review_status) for r in rows
    ])


def currency_table(reg: Register, as_of: date) -> str:
    rows = reg.currency.by_vendor(as_of)
    if not rows:
        return "No vendor has a report in the register yet."
    header = ("VENDOR", "LATEST", "FRAMEWORK", "TYPE", "PERIOD END", "BRIDGED TO", "STATUS", "NEXT EXPECTED")
    return format_table(header, [
        (r.vendor, r.latest_report_id, r.framework, r.type, r.period_end, r.bridge_period_end,
         r.status or "unknown", r.next_report_expected) for r in rows
    ])


def _jsonable(record: Any) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(record).items()}


# -- commands --------------------------------------------------------------------------------------------------
def _import(args: argparse.Namespace) -> int:
    paths = iter_pdf_paths([Path(p) for p in args.paths])
    if not paths:
        raise CommandError(f"no PDF files found in {', '.join(args.paths)}")
    with _open(args) as reg:
        return import_paths(reg, paths, password=pdf_password(args), ask=True,
                            ocr=getattr(args, "ocr", True), keep_copies=getattr(args, "keep_copies", False),
                            who=getattr(args, "who", None) or "cli")


def import_paths(reg: Register, paths: list[Path], *, password: str | None, ask: bool = False,
                 ocr: bool = True, keep_copies: bool = False, who: str = "cli") -> int:
    """Each file through the same sandbox child as the GUI's import, under `ExtractionLimits` (defaults, tuned by
    REVIEWER_EXTRACT_LIMITS); one line per file, and a bad file never stops the batch. `ocr=False` leaves scanned
    pages unread. A copy of a report already in the register (other bytes, the same report) is a "duplicate" line
    saying of which, and is skipped (logged as `who`'s decision) unless `keep_copies`."""
    failed = 0
    with IsolatedExtractor(ExtractionLimits.from_environment(), ocr=ocr) as extractor:
        for path in paths:
            outcome = reg.reports.import_file(path, password=password, extractor=extractor, keep_copies=keep_copies,
                                              who=who)
            while ask and outcome.status == "password_needed":
                typed = ask_pdf_password(path.name, wrong="wrong" in outcome.message)
                if typed is None:
                    break
                outcome = reg.reports.import_file(path, password=typed, extractor=extractor,
                                                  keep_copies=keep_copies, who=who)
            message = outcome.message
            if outcome.status == "copy":
                reg.reports.skip_copy(outcome, who=who)
                message += "; skipped (--keep-copies imports it too)"
            label = {"imported": "imported", "duplicate": "duplicate", "copy": "duplicate"}.get(outcome.status,
                                                                                                 "failed")
            failed += label == "failed"
            print(f"{label}: {outcome.path_or_name}: {message}", flush=True)
    if failed:
        print(f"reviewer: {failed} of {len(paths)} file(s) failed to import; the register is unchanged for them",
              file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        if args.json:
            print(json.dumps([_jsonable(r) for r in reg.reports.rows(limit=None)], ensure_ascii=False, indent=1))
        else:
            print(reports_table(reg))
    return EXIT_OK


def _currency(args: argparse.Namespace) -> int:
    as_of = date.today()
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            raise CommandError(f"--as-of {args.as_of!r} is not a date; use YYYY-MM-DD") from None
    with _open(args) as reg:
        if args.json:
            print(json.dumps([_jsonable(r) for r in reg.currency.by_vendor(as_of)], ensure_ascii=False, indent=1))
        else:
            print(f"Currency as of {as_of.isoformat()}")
            print(currency_table(reg, as_of))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    out = Path(args.output).expanduser()
    if out.is_dir():
        raise CommandError(f"--output {out} is a folder; give a file name")
    if not out.parent.is_dir():
        raise CommandError(f"the folder {out.parent} does not exist")
    with _open(args, create=False) as reg:
        count = reg.reports.count()
        try:
            written = reg.exports.csv(out) if args.format == "csv" else reg.exports.xlsx(out)
        except OSError as err:
            raise CommandError(f"cannot write {out}: {err.strerror or err}") from None
    print(f"exported {count} report(s); wrote {len(written)} file(s):")
    for path in written:
        print(f"  {path}")
    return EXIT_OK


def _passwd(args: argparse.Namespace) -> int:
    with _open(args, create=False) as reg:
        new = _new_passphrase(ENV_NEW_PASSPHRASE, "New passphrase")
        reg.change_passphrase(new)
    print(f"the passphrase of {_register_path(args)} was changed")
    return EXIT_OK


def samples_dir() -> Path:
    """`resources/samples` beside the package (or inside a PyInstaller bundle): `reviewer.resources`."""
    from reviewer.resources import samples_dir as shipped_samples

    return shipped_samples()


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _reference_date(folder: Path) -> str | None:
    manifest = _manifest(folder)
    if manifest:
        for key in ("reference_date", "as_of", "reference_as_of"):
            if manifest.get(key):
                return str(manifest[key])
    return None


def _demo(args: argparse.Namespace, after: Callable[[Register, dict[str, Any]], None] | None = None) -> int:
    """The demo; `after(reg, manifest)` prints more before the throwaway register goes (the history, the signals)."""
    folder = samples_dir()
    pdfs = sorted(folder.glob("*.pdf"))
    if not pdfs:
        raise CommandError(f"no sample reports in {folder}", EXIT_FAILED)
    with tempfile.TemporaryDirectory(prefix="reviewer-demo-") as tmp:
        reg = Register.open(Path(tmp) / "demo.db", secrets.token_urlsafe(24))
        try:
            print(f"Demo: importing {len(pdfs)} fictional sample report(s) into a throwaway register "
                  "(deleted afterwards)")
            status = import_paths(reg, pdfs, password=None)
            print()
            print("Register")
            print(reports_table(reg))
            print()
            today = date.today()
            print(f"Currency as of today, {today.isoformat()}")
            print(currency_table(reg, today))
            reference = _reference_date(folder)
            if reference:
                print()
                if reference == today.isoformat():
                    print(f"The samples were written for a reference date of {reference} (today).")
                else:
                    print(f"The samples were written for a reference date of {reference}. Currency as of then:")
                    try:
                        print(currency_table(reg, date.fromisoformat(reference)))
                    except ValueError:
                        print(f"(the manifest's reference date {reference!r} is not a date)")
            if after is not None:
                after(reg, _manifest(folder))
        finally:
            reg.close()
    return status
