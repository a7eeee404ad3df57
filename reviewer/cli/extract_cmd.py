"""`reviewer extract [--json] [--password PW] [--no-ocr] FILE...`: read PDFs and print what was extracted.

Scanned pages (no text layer) are read by OCR unless --no-ocr. Touches no register. With --json, one
`ExtractionResult.to_json()` object per line (JSON Lines); without, a short readable summary per file. A file
that cannot be read gets one line on stderr naming it; the other files are still read, and the exit status is 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reviewer.extract import ExtractionResult, PdfReadError, extract_pdf

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def run(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        path = Path(name)
        try:
            if not path.exists():
                raise PdfReadError("no such file")
            if path.is_dir():
                raise PdfReadError("is a folder, not a PDF file")
            result = extract_pdf(path, password=args.password, ocr=getattr(args, "ocr", True))
        except PdfReadError as err:
            print(f"reviewer: {name}: {err}", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        except OSError as err:
            print(f"reviewer: {name}: cannot read the file ({err.strerror or err})", file=sys.stderr)
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

    kind = " ".join(x for x in (rep.framework, rep.type) if x)
    add("report", kind)
    add("service organization", rep.service_organization)
    add("system", rep.system)
    if rep.period_start or rep.period_end:
        add("period", f"{rep.period_start or '?'} to {rep.period_end or '?'}")
    add("as of", rep.as_of)
    add("report date", rep.report_date)
    add("bridge period end", rep.bridge_period_end)
    add("service auditor", rep.service_auditor)
    add("opinion", rep.opinion)
    add("categories", ", ".join(rep.categories))
    if rep.criteria:
        add("criteria", f"{len(rep.criteria)} mapped")
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
