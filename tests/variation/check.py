"""The checker: is a document's truth printed in its PDF? Every truth string is looked up in the pypdfium2 text of
the page the truth states (whitespace-normalised); an item may run on to the next page. Text in a table cell is
interleaved line by line with its neighbours, so a string not found whole is accepted when its words stand on
the page in order with short gaps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

MAX_GAP = 60  # words of neighbouring cells between two consecutive words of one cell


def page_texts(pdf: bytes | Path) -> list[str]:
    doc = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            out.append(normalise(tp.get_text_range()))
            tp.close()
            page.close()
        return out
    finally:
        doc.close()


def normalise(s: str) -> str:
    s = s.replace("\x02", "-").replace("\ufffe", "-").replace("\xad", "")
    return " ".join(s.split())


def squash(s: str) -> str:
    return "".join(s.split())


def words(s: str) -> list[str]:
    return s.split()


def in_order(needle: list[str], hay: list[str]) -> bool:
    """needle's words appear in hay in order, each within MAX_GAP words of the previous one."""
    if not needle:
        return True
    starts = [i for i, w in enumerate(hay) if w == needle[0]]
    for start in starts:
        pos, ok = start, True
        for w in needle[1:]:
            nxt = next((j for j in range(pos + 1, min(len(hay), pos + 1 + MAX_GAP)) if hay[j] == w), None)
            if nxt is None:
                ok = False
                break
            pos = nxt
        if ok:
            return True
    return False


def on_page(text: str, pages: list[str], page: int) -> bool:
    """text begins on `page` (1-based), possibly continuing on the next page."""
    if not 1 <= page <= len(pages):
        return False
    here = pages[page - 1]
    both = here + " " + (pages[page] if page < len(pages) else "")
    t = squash(text)
    if t in squash(here):
        return True
    if t in squash(both) and t[:25] in squash(here):
        return True
    w = words(text)
    return in_order(w, words(here)) or (in_order(w, words(both)) and in_order(w[:2], words(here)))


def anywhere(text: str, pages: list[str]) -> bool:
    return any(on_page(text, pages, p) for p in range(1, len(pages) + 1))


def check(truth: dict[str, Any], printed_dates: dict[str, list[str]], pdf: bytes | Path) -> list[str]:
    """Problems found: each a sentence naming the truth value that is not printed where the truth says."""
    pages = page_texts(pdf)
    rep = truth["report"]
    problems: list[str] = []
    if truth["file"]["pages"] != len(pages):
        problems.append(f"page count {truth['file']['pages']} != {len(pages)}")
    for key in ("service_organization", "system", "service_auditor"):
        if rep.get(key) and not anywhere(rep[key], pages):
            problems.append(f"{key} {rep[key]!r} not printed")
    for key, strings in printed_dates.items():
        for s in strings:
            if not anywhere(s, pages):
                problems.append(f"{key} date {s!r} not printed")
    for crit in rep["criteria"]:
        if not anywhere(crit, pages):
            problems.append(f"criterion {crit} not printed")
    for obj in rep["control_objectives"]:
        if not anywhere(obj["text"], pages):
            problems.append(f"control objective {obj['id']} text not printed")
    for e in rep["exceptions"]:
        if not on_page(e["description"], pages, e["page"]):
            problems.append(f"exception {e['control_id']}: description not on page {e['page']}")
        if e["control_id"] and not (on_page(e["control_id"], pages, e["page"])
                                    or on_page(e["control_id"], pages, max(1, e["page"] - 1))):
            problems.append(f"exception {e['control_id']}: id not on page {e['page']} or the one before")
        if e["management_response"] and not anywhere(e["management_response"], pages):
            problems.append(f"exception {e['control_id']}: response not printed")
    for i, c in enumerate(rep["cuecs"]):
        if not on_page(c["text"], pages, c["page"]):
            problems.append(f"cuec {i}: text not on page {c['page']}")
        for crit in c["criteria"]:
            if not on_page(crit, pages, c["page"]):
                problems.append(f"cuec {i}: criterion {crit} not on page {c['page']}")
    for i, c in enumerate(rep["csocs"]):
        if not on_page(c["text"], pages, c["page"]):
            problems.append(f"csoc {i}: text not on page {c['page']}")
        org = c["subservice_organization"]
        if org and not (on_page(org, pages, c["page"]) or on_page(org, pages, max(1, c["page"] - 1))):
            problems.append(f"csoc {i}: organization {org!r} not printed near page {c['page']}")
    for s in rep["subservice_organizations"]:
        if not anywhere(s["name"], pages):
            problems.append(f"subservice organization {s['name']!r} not printed")
        if s["services"] and not anywhere(s["services"], pages):
            problems.append(f"subservice organization {s['name']!r}: services not printed")
    return problems
