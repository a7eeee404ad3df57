"""Makes the committed variation documents (tests/variation/committed/) with system producers, from the same axes,
plans and blocks as the reportlab corpus: HTML printed by Chromium, and Word documents (python-docx) converted by
LibreOffice. Pages of truth items are located in the PDF text; every document is checked before it is written.
Run by hand, never by tests: `.venv/bin/python -m tests.variation.make_committed [count]` (needs python-docx,
chromium and soffice).
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .axes import draw
from .check import check, match, on_page, page_texts
from .compose import compose
from .plan import Plan, make_plan
from .render_html import HtmlRenderer
from .truth import truth

OUT = Path(__file__).resolve().parent / "committed"
SEED = 99017
CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer"]


def chromium_pdf(html: str, work: Path) -> bytes:
    src, pdf = work / "doc.html", work / "doc.pdf"
    src.write_text(html, encoding="utf-8")
    pdf.unlink(missing_ok=True)
    subprocess.run([*CHROMIUM, f"--user-data-dir={work / 'profile'}", f"--print-to-pdf={pdf}", src.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return pdf.read_bytes()


def soffice_pdf(docx_bytes: bytes, work: Path) -> bytes:
    src = work / "doc.docx"
    src.write_bytes(docx_bytes)
    (work / "doc.pdf").unlink(missing_ok=True)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(src)], check=True, capture_output=True,
                   timeout=180)
    return (work / "doc.pdf").read_bytes()


def locate(plan: Plan, texts: list[str]) -> dict[str, int]:
    """The page on which each truth item begins, found in the page texts (first page that holds it)."""
    want: dict[str, tuple[str, str | None]] = {f"exc:{c.id}": (c.description(), c.id) for c in plan.exceptions()} \
        if plan.tested else {}
    want |= {f"cuec:{i}": (c.text, None) for i, c in enumerate(plan.cuecs)}
    want |= {f"csoc:{i}": (c.text, None) for i, c in enumerate(plan.csocs)}
    pages: dict[str, int] = {}
    for tag, (text, cid) in want.items():
        # best match first; for an exception, a page showing its id (an opinion may quote the result)
        scores = [(match(text, texts, p), bool(cid) and (on_page(cid, texts, p) or on_page(cid, texts, p - 1)))
                  for p in range(1, len(texts) + 1)]
        best = max(scores)
        pages[tag] = scores.index(best) + 1 if best[0] else 0
    return pages


def section_pages(texts: list[str], entries: list[tuple[str, str]]) -> dict[str, int]:
    """Pages of the TOC's sections: the first page after the TOC whose text holds the title."""
    out = {}
    for title, tag in entries:
        out[tag] = next((p for p in range(3, len(texts) + 1) if " ".join(title.split()) in texts[p - 1]), 0)
    return out


def produce(index: int, producer: str, work: Path) -> dict[str, Any]:
    axes = draw(random.Random(f"axes-{SEED}-{index}"))
    plan = make_plan(index, SEED, axes)
    composed = compose(plan)
    paper = axes["paper"]
    toc = next((b for b in composed.blocks if type(b).__name__ == "Toc"), None)
    if producer == "chromium":
        def render(toc_pages: dict[str, int]) -> tuple[bytes, dict[str, str]]:
            r = HtmlRenderer(composed, paper, toc_pages)
            html = r.html()
            return chromium_pdf(html, work), r.applied
    else:
        from .render_docx import DocxRenderer

        def render(toc_pages: dict[str, int]) -> tuple[bytes, dict[str, str]]:
            r = DocxRenderer(composed, paper, toc_pages)
            return soffice_pdf(r.docx(), work), r.applied
    data, applied = render({})
    texts = page_texts(data)
    if toc is not None:
        data, applied = render(section_pages(texts, toc.entries))
        texts = page_texts(data)
    for name, value in applied.items():
        axes.use(name, value)
    axes.use("producer", producer)
    t = truth(plan, locate(plan, texts), len(texts))
    doc_id = f"{producer}-{index:03d}-{plan.kind}"
    problems = check(t, plan.printed_dates, data)
    return {"id": doc_id, "data": data, "truth": t, "printed_dates": plan.printed_dates, "kind": plan.kind,
            "axes": dict(sorted(axes.applied.items())), "problems": problems}


def main(count: int = 40) -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    entries, failures = [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for index in range(count):
            producer = "chromium" if index % 2 == 0 else "libreoffice"
            doc = produce(index, producer, work)
            if doc["problems"]:
                failures.append((doc["id"], doc["problems"]))
                print("NOT WRITTEN", doc["id"], doc["problems"][:3], flush=True)
                continue
            (OUT / f"{doc['id']}.pdf").write_bytes(doc["data"])
            (OUT / f"{doc['id']}.truth.json").write_text(json.dumps(doc["truth"], indent=1, ensure_ascii=False))
            (OUT / f"{doc['id']}.axes.json").write_text(json.dumps(doc["axes"], indent=1))
            entries.append({"id": doc["id"], "file": f"{doc['id']}.pdf", "truth": f"{doc['id']}.truth.json",
                            "template": f"variation-{producer}", "kind": doc["kind"],
                            "printed_dates": doc["printed_dates"]})
            print(doc["id"], doc["truth"]["file"]["pages"], "pages", flush=True)
        shutil.rmtree(work / "profile", ignore_errors=True)
    manifest = {"producer": "Chromium headless --print-to-pdf (HTML) and LibreOffice soffice --convert-to pdf "
                            "(python-docx), from tests/variation axes", "seed": SEED, "documents": entries}
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    print(len(entries), "written,", len(failures), "failed")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
