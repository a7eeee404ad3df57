"""Write the office holdout with LibreOffice: each document as flat ODT, converted to PDF by
`soffice --headless --convert-to pdf`; tables of contents filled in by a second conversion; exception, CUEC and
CSOC pages found in the PDFs' text; generation fails when any truth value is not printed where it says.

Run where LibreOffice is installed: python -m tests.office_holdout.generate [--out DIR]
(default: tests/office_holdout/documents, the committed set).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.support.truth_check import page_texts, pages_with, problems

from . import DOCUMENTS_DIR
from .catalog import reports
from .letters import letter_blocks, letter_style, letters
from .model import Report, truth_report
from .odt import document
from .render import FIRMS, house_style
from .sections import report_blocks


def convert(sources: list[Path], out_dir: Path, profile: Path) -> None:
    """PDF export of every .fodt in one LibreOffice run (its own profile, so a user's instance is untouched)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is not installed")
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), *map(str, sources)], check=True, capture_output=True, timeout=600)


def heading_pages(pages: list[str], titles: list[str]) -> list[int]:
    """The page of each section title after the table of contents (page 2), which also prints it."""
    found = []
    for title in titles:
        hits = [p for p in pages_with(pages, title) if p > 2]
        if not hits:
            raise SystemExit(f"section title {title!r} not found")
        found.append(hits[0])
    return found


def item_pages(r: Report, pages: list[str]) -> dict[str, int]:
    """The single page where each exception (with its control id), CUEC and CSOC is printed whole."""
    found: dict[str, int] = {}
    wanted = [(f"exception:{c.id}", c.result, c.id) for c in r.exceptions]
    wanted += [(f"cuec:{t}", t, None) for t, _c in r.cuecs] + [(f"csoc:{t}", t, None) for t, _o in r.csocs]
    for key, text, ident in wanted:
        hits = [p for p in pages_with(pages, text) if ident is None or ident in pages[p - 1]]
        if len(hits) != 1:
            raise SystemExit(f"{r.id}: {key} printed on pages {hits}, expected exactly one")
        found[key] = hits[0]
    return found


def build(out_dir: Path) -> None:
    docs = reports() + letters()
    assert all(len({c.id for c in r.controls}) == len(r.controls) for r in docs), "duplicate control ids"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="office-holdout-") as tmp:
        work, profile = Path(tmp), Path(tmp) / "profile"
        toc: dict[str, list[int]] = {r.id: [] for r in docs}
        for _attempt in range(3):  # the TOC's page numbers come from the previous conversion
            sources = []
            titles: dict[str, list[str]] = {}
            for r in docs:
                if r.kind in ("bridge", "other"):
                    text = document(letter_style(r), letter_blocks(r))
                else:
                    blocks, titles[r.id] = report_blocks(r, toc[r.id])
                    text = document(house_style(r), blocks)
                src = work / f"{r.id}.fodt"
                src.write_text(text, encoding="utf-8")
                sources.append(src)
            convert(sources, work, profile)
            fresh = {i: heading_pages(page_texts(work / f"{i}.pdf"), t) for i, t in titles.items()}
            if fresh == toc:
                break
            toc = fresh
        else:
            raise SystemExit("table of contents pages did not settle")
        manifest = []
        for r in docs:
            pdf = work / f"{r.id}.pdf"
            pages = page_texts(pdf)
            if r.kind not in ("bridge", "other"):
                r.auditor = FIRMS[r.firm].name
            truth = {"document_type": {"bridge": "bridge_letter", "other": "other"}.get(r.kind, "soc_report"),
                     "file": {"pages": len(pages), "encrypted": False, "text_layer": "full"},
                     "report": truth_report(r, item_pages(r, pages))}
            wrong = problems(r.id, truth, r.printed_dates, pages)
            if wrong:
                raise SystemExit("truth not printed where it says:\n" + "\n".join(wrong))
            shutil.copyfile(pdf, out_dir / pdf.name)
            (out_dir / f"{r.id}.truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
            manifest.append({"id": r.id, "file": pdf.name, "truth": f"{r.id}.truth.json",
                             "template": r.firm, "kind": r.kind, "printed_dates": r.printed_dates})
    (out_dir / "manifest.json").write_text(json.dumps({"producer": "LibreOffice (soffice --convert-to pdf)",
                                                       "documents": manifest}, indent=1, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DOCUMENTS_DIR)
    build(parser.parse_args(argv).out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
