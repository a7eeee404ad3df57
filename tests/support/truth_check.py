"""Where each truth value is printed in a converted PDF: the generator uses it to find pages and to refuse a
truth it cannot see, the committed-holdout tests to catch drift between the committed truth and PDFs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


def norm(text: str) -> str:
    return " ".join(text.split())


def page_texts(path: Path, password: str | None = None) -> list[str]:
    """Each page's text, whitespace-normalised."""
    pdf = pdfium.PdfDocument(str(path), password=password)
    try:
        return [norm(page.get_textpage().get_text_range()) for page in pdf]
    finally:
        pdf.close()


def parse_printed(text: str) -> date:
    """'January 1, 2024', '1 April 2023' or '01/01/2024' as a date."""
    if m := re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", text):
        return date(int(m[3]), int(m[1]), int(m[2]))
    if m := re.fullmatch(r"([A-Za-z]+) (\d{1,2}), (\d{4})", text):
        return date(int(m[3]), MONTHS.index(m[1].lower()) + 1, int(m[2]))
    m = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", text)
    if not m:
        raise ValueError(text)
    return date(int(m[3]), MONTHS.index(m[2].lower()) + 1, int(m[1]))


def pages_with(pages: list[str], value: str) -> list[int]:
    """1-based pages whose text holds value (whitespace-normalised)."""
    want = norm(value)
    return [i + 1 for i, text in enumerate(pages) if want in text]


def problems(doc_id: str, truth: dict[str, Any], printed_dates: dict[str, list[str]], pages: list[str]) -> list[str]:
    """Every truth value not printed where the truth says (empty when the truth is honest)."""
    out: list[str] = []
    rep = truth["report"]
    whole = " ".join(pages)

    def on_page(value: str, page: int, what: str) -> None:
        if not 1 <= page <= len(pages) or norm(value) not in pages[page - 1]:
            out.append(f"{doc_id}: {what} {value!r} not on page {page}")

    def anywhere(value: str | None, what: str) -> None:
        if value and norm(value) not in whole:
            out.append(f"{doc_id}: {what} {value!r} not in the document")

    if truth["file"]["pages"] != len(pages):
        out.append(f"{doc_id}: {len(pages)} pages, truth says {truth['file']['pages']}")
    if not all(pages):
        out.append(f"{doc_id}: a page without text")
    for key in ("service_organization", "system", "service_auditor"):
        anywhere(rep[key], key)
    for key in ("period_start", "period_end", "as_of", "report_date", "bridge_period_end"):
        printed = printed_dates.get(key, [])
        if rep[key] and not printed and not (key == "period_start" and "twelve months ended" in whole):
            out.append(f"{doc_id}: {key} {rep[key]} has no printed form")
        for text in printed:
            anywhere(text, key)
            if parse_printed(text).isoformat() != rep[key]:
                out.append(f"{doc_id}: {key} printed {text!r} but truth says {rep[key]}")
    for cat in rep["categories"]:
        if cat.lower() not in whole.lower():
            out.append(f"{doc_id}: category {cat} not in the document")
    for crit in rep["criteria"]:
        anywhere(crit, "criterion")
    for obj in rep["control_objectives"]:
        anywhere(f"Control Objective {obj['id']} ", "control objective id")
        anywhere(obj["text"], "control objective")
    for exc in rep["exceptions"]:
        on_page(exc["description"], exc["page"], "exception")
        on_page(exc["control_id"], exc["page"], "exception's control id")
        anywhere(exc["management_response"], "management response")
        for crit in exc["criteria"]:
            on_page(crit, exc["page"], "exception's criterion")
    for cuec in rep["cuecs"]:
        on_page(cuec["text"], cuec["page"], "CUEC")
    for csoc in rep["csocs"]:
        on_page(csoc["text"], csoc["page"], "CSOC")
        anywhere(csoc["subservice_organization"], "CSOC's subservice organization")
    for sub in rep["subservice_organizations"]:
        anywhere(sub["name"], "subservice organization")
        anywhere(sub["services"], "subservice services")
    return out
