"""`reviewer search QUERY [--json]`: full-text search over every report's pages (see shared/spec/cli.md).

Word forms and prefixes match ("penetration test" finds "penetration tests", "encrypt" finds "encryption"); any
text is safe to type (it is quoted for FTS5, `reg.search`). Readable: a hit per line, `report ID (file, vendor)
page N: snippet`, the matched words in bold when the output is a terminal. JSON: an array of
`{report_id, vendor, file_name, page, snippet}`. Exit 0, also when nothing matches.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reviewer.cli import EXIT_OK, register_cmds
from reviewer.cli.register_cmds import CommandError, _open
from reviewer.register.records import SearchHit

BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


def run(args: argparse.Namespace) -> int:
    return register_cmds.run(args, _search)


def _search(args: argparse.Namespace) -> int:
    query = " ".join(args.query).strip()
    if not query:
        raise CommandError("give the words to search for, e.g. reviewer search \"penetration test\"")
    if args.limit < 1:
        raise CommandError(f"--limit {args.limit} is not a number of hits; give 1 or more")
    with _open(args, create=False) as reg:
        hits = reg.search.pages(query, limit=args.limit)
    if args.json:
        print(json.dumps([hit_json(h) for h in hits], ensure_ascii=False, indent=1))
    elif not hits:
        print(f"No page matches {query!r}.")
    else:
        bold = sys.stdout.isatty()
        for hit in hits:
            print(hit_line(hit, bold=bold))
    return EXIT_OK


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {"report_id": hit.report_id, "vendor": hit.vendor, "file_name": hit.file_name, "page": hit.page,
            "snippet": hit.snippet}


def hit_line(hit: SearchHit, *, bold: bool = False) -> str:
    """`report 7 (file.pdf, Vendor) page 12: ...snippet...`, the hits in bold if asked."""
    snippet = hit.snippet
    if bold:
        for start, end in sorted(hit.highlights, reverse=True):
            snippet = snippet[:start] + BOLD + snippet[start:end] + PLAIN + snippet[end:]
    return f"report {hit.report_id} ({hit.file_name}, {hit.vendor or 'vendor unknown'}) page {hit.page}: {snippet}"
