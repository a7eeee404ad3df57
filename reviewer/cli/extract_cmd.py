"""`reviewer extract [--json] [--password PW] [--no-ocr] FILE...`: read PDFs and print what was extracted.

Touches no register. Each file goes through the same sandbox child and limits as an import (a hostile file costs
one line, never the batch); scanned pages (no text layer) are read by OCR there too, unless --no-ocr. With --json,
one `ExtractionResult.to_json()` object per line (JSON Lines); without, a short readable summary per file. A file
that cannot be read gets one line on stderr naming it; the other files are still read, and the exit status is 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reviewer.cli import EXIT_BAD_INPUT, EXIT_OK
from reviewer.cli.pdf_password import pdf_password
from reviewer.extract import ExtractionResult, PdfReadError
from reviewer.extract.fields_table import summary_lines


def run(args: argparse.Namespace) -> int:
    from reviewer.register import IsolatedExtractor
    from reviewer.register.importer import FileRefused, read_regular_file
    from reviewer.sandbox.limits import ExtractionLimits

    status = EXIT_OK
    password = pdf_password(args)
    ocr = getattr(args, "ocr", True)
    with IsolatedExtractor(ExtractionLimits.from_environment(), ocr=ocr) as extractor:
        for name in args.files:
            path = Path(name)
            try:
                data = read_regular_file(path, extractor.limits.max_file_bytes)
                result, _ = extractor(data, path.name, password)
            except FileRefused as err:
                message = "no such file" if str(err) == "no such file or folder" else str(err)
                print(f"reviewer: {name}: {message}", file=sys.stderr)
                status = EXIT_BAD_INPUT
                continue
            except PdfReadError as err:
                print(f"reviewer: {name}: {err}", file=sys.stderr)
                status = EXIT_BAD_INPUT
                continue
            if args.json:
                sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(summary(result) + "\n")
            sys.stdout.flush()
    return status


def summary(result: ExtractionResult) -> str:
    """A few readable lines about one extraction."""
    rep = result.report
    f = result.file
    head = f"{f.name}: {result.document_type or 'unreadable'}, {f.pages} page{'' if f.pages == 1 else 's'}"
    head += (", encrypted" if f.encrypted else "") + ("" if f.text_layer == "full" else f", text layer {f.text_layer}")
    head += f", {len(f.ocr_pages)} page{'' if len(f.ocr_pages) == 1 else 's'} read by OCR" if f.ocr_pages else ""
    out = [head]

    def add(label: str, value: object) -> None:
        if value not in (None, "", []):
            out.append(f"  {label:<22}{value}")

    for label, value in summary_lines(rep):
        add(label, value)
    if rep.control_objectives:
        add("control objectives", len(rep.control_objectives))
    add("exceptions", len(rep.exceptions) if result.document_type == "soc_report" else None)
    for e in rep.exceptions:
        out.append(f"    - {e.control_id or '?'} (page {e.page}): {e.description[:100]}")
    add("CUECs", len(rep.cuecs) or None)
    add("subservice orgs", ", ".join(f"{s.name} ({s.method or 'method?'})" for s in rep.subservice_organizations))
    add("CSOCs", len(rep.csocs) or None)
    for w in result.warnings:
        out.append(f"  warning: {w}")
    return "\n".join(out)
