"""Write the chromium holdout: every document's HTML printed to PDF by headless Chromium, its truth with the pages
of exceptions, CUECs and CSOCs found in the printed text, and manifest.json. Fails when a truth value is not
printed where the truth says (tests/support/truth_check.py).

Run: .venv/bin/python -m tests.chromium_holdout.generate   (needs the `chromium` binary)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support.truth_check import norm, page_texts, pages_with, problems

from . import DOCUMENTS_DIR, kestrel, larkspur, letters, tamsin
from .bank import Built

BUILDERS = [kestrel.soc2_type2, kestrel.soc2_type1, larkspur.soc2_grouped, larkspur.soc3, tamsin.soc1_type2,
            tamsin.soc2_qualified, letters.bridge, letters.dpa]


def print_pdf(html: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.html"
        src.write_text(html, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer", f"--print-to-pdf={out}",
                        src.as_uri()], check=True, capture_output=True, timeout=120)


def first_page(pages: list[str], text: str, what: str, doc_id: str) -> int:
    found = pages_with(pages, text)
    if not found:
        raise SystemExit(f"{doc_id}: {what} {norm(text)[:60]!r} is on no single page of the printed PDF")
    return found[0]


def build(b: Built) -> dict:
    pdf = DOCUMENTS_DIR / f"{b.id}.pdf"
    print_pdf(b.html, pdf)
    pages = page_texts(pdf)
    rep = b.report
    for exc in rep["exceptions"]:
        exc["page"] = first_page(pages, exc["description"], "exception", b.id)
    for key in ("cuecs", "csocs"):
        for item in rep[key]:
            item["page"] = first_page(pages, item["text"], key, b.id)
    truth = {"document_type": b.document_type, "file": {"pages": len(pages), "encrypted": False,
                                                        "text_layer": "full"}, "report": rep}
    if found := problems(b.id, truth, b.printed_dates, pages):
        raise SystemExit("\n".join(found))
    (DOCUMENTS_DIR / f"{b.id}.truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
    return {"id": b.id, "file": pdf.name, "truth": f"{b.id}.truth.json", "template": b.template, "kind": b.kind,
            "printed_dates": b.printed_dates}


def main() -> int:
    DOCUMENTS_DIR.mkdir(parents=True, exist_ok=True)
    entries = [build(make()) for make in BUILDERS]
    manifest = {"producer": "Chromium headless --print-to-pdf", "documents": entries}
    (DOCUMENTS_DIR / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(entries)} documents in {DOCUMENTS_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
