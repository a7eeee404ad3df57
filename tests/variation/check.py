"""The checker: is a document's truth printed in its PDF? Every truth string is looked up in the pypdfium2 text of
the page the truth states (whitespace-normalised); an item may run on to the next page. Text in a table cell is
interleaved line by line with its neighbours, so a string not found whole is accepted when its words stand on
the page in order with short gaps.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

MAX_GAP = 40  # words of neighbouring cells between two consecutive words of one cell
SPAN_FACTOR = 4  # a cell's words interleaved with at most three neighbouring cells' words


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


MARKERS = str.maketrans("", "", "\u2022\uf0b7\uf0a7\u2013\u25aa\u25a0\u25cf\u25e6")  # list markers, dashes


@functools.lru_cache(maxsize=256)
def squash(s: str) -> str:
    """s without whitespace, list-marker glyphs and dashes: markers print between a lead-in and its items."""
    return "".join(s.split()).translate(MARKERS)


def words(s: str) -> list[str]:
    return s.split()


@functools.lru_cache(maxsize=64)
def positions(hay: str) -> dict[str, list[int]]:
    """Where each word of a page text stands."""
    where: dict[str, list[int]] = {}
    for i, w in enumerate(hay.split()):
        where.setdefault(w, []).append(i)
    return where


def in_order(needle: list[str], hay: str) -> bool:
    """needle's words appear in hay in order, each within MAX_GAP words of the previous one, the whole match
    spanning at most SPAN_FACTOR times the needle's length (plus MAX_GAP). Every reachable position of each word is
    kept, so a nearer later occurrence is not lost to an earlier one."""
    if not needle:
        return True
    where = positions(hay)
    limit = SPAN_FACTOR * len(needle) + MAX_GAP
    for start in where.get(needle[0], []):
        reach = [start]
        for w in needle[1:]:
            reach = [j for j in where.get(w, []) if j - start <= limit
                     and any(i < j <= i + MAX_GAP for i in reach[bisect.bisect_left(reach, j - MAX_GAP):])]
            if not reach:
                break
        if reach:
            return True
    return False


def match(text: str, pages: list[str], page: int) -> int:
    """How text begins on `page` (1-based): 2 printed whole (possibly running on to the next page), 1 its words in
    order with short gaps (a table cell interleaved with its neighbours), 0 not found."""
    if not 1 <= page <= len(pages):
        return 0
    here = pages[page - 1]
    both = here + " " + (pages[page] if page < len(pages) else "")
    t = squash(text)
    if t in squash(here) or (t in squash(both) and t[:25] in squash(here)):
        return 2
    w = words(text)
    if in_order(w, here) or (in_order(w, both) and in_order(w[:2], here)):
        return 1
    return 0


def on_page(text: str, pages: list[str], page: int) -> bool:
    """text begins on `page` (1-based), possibly continuing on the next page."""
    return match(text, pages, page) > 0


def anywhere(text: str, pages: list[str]) -> bool:
    return any(on_page(text, pages, p) for p in range(1, len(pages) + 1))


MONTHS = {m: i for i, m in enumerate(("January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December"), start=1)}


def parse_date(s: str) -> str | None:
    """ISO form of a printed date (January 1, 2024 / 1 January 2024 / 01/31/2024 / 2024-01-31), else None."""
    m = re.fullmatch(r"(\w+) (\d{1,2}), (\d{4})", s) or re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", s)
    try:
        if m and m.group(1).isdigit():
            return dt.date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))).isoformat()
        if m:
            return dt.date(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2))).isoformat()
        if re.fullmatch(r"\d\d/\d\d/\d{4}", s):
            return dt.date(int(s[6:]), int(s[:2]), int(s[3:5])).isoformat()
        return dt.date.fromisoformat(s).isoformat()
    except (KeyError, ValueError):
        return None


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
    for key in ("period_start", "period_end", "as_of", "report_date", "bridge_period_end"):
        want = rep.get(key)
        strings = printed_dates.get(key, [])
        if want and not strings and not (key == "period_start" and anywhere("twelve months ended", pages)):
            problems.append(f"{key} {want} is in the truth but no printed form is recorded")
        for s in strings:
            if parse_date(s) != want:
                problems.append(f"{key} printed as {s!r}, which is not {want}")
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
