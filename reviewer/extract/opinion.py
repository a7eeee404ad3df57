"""The service auditor's opinion: unmodified, qualified, adverse or disclaimer.

Read from the auditor's report only (the opinion paragraph and the "Basis for ... Opinion" headings), so that
a management response saying a control "did not operate effectively" is never taken for an adverse opinion,
and "exceptions ... did not result in a modification of the opinion" never for a qualified one.
"""

from __future__ import annotations

import re

from reviewer.extract.layout import Document, evidence_at
from reviewer.extract.model import Evidence
from reviewer.extract.pdf import Page

_IN_OUR_OPINION = re.compile(r"\bin\s+our\s+opinion\b", re.I)
_DISCLAIMER = re.compile(r"\bwe\s+do\s+not\s+express\s+an\s+opinion\b|\bdisclaimer\s+of\s+opinion\b|"
                         r"\bwe\s+(?:were\s+unable|have\s+not\s+been\s+able)\s+to\s+obtain\s+sufficient\s+appropriate"
                         r"[^.]*(?:do\s+not|not\s+able\s+to)\s+express", re.I)
_BASIS = re.compile(r"\bbasis\s+for\s+(?P<k>qualified|adverse|disclaimer\s+of)\s+opinion\b|"
                    r"^\s*(?P<h>qualified|adverse)\s+opinion\s*$", re.I | re.M)
_ADVERSE_WORDS = re.compile(r"\bdo(?:es)?\s+not\s+(?:present\s+fairly|fairly\s+present)|\bwere\s+not\s+suitably\s+"
                            r"designed|\bdid\s+not\s+operate\s+effectively|\bis\s+not\s+fairly\s+stated|"
                            r"\bnot\s+fairly\s+presented", re.I)
_EXCEPT_FOR = re.compile(r"\bexcept\s+for\s+the\s+(?:effects?\s+of\s+the\s+|possible\s+effects?\s+of\s+the\s+)?"
                         r"(?:matters?|deviations?|exceptions?|issues?)|\bexcept\s+for\b", re.I)
_UNMODIFIED = re.compile(r"\bin\s+all\s+material\s+respects\b|\bfairly\s+(?:stated|presented|presents)\b|"
                         r"\bunqualified\b", re.I)


def _opinion_paragraph(doc: Document, page: Page, start: int) -> str:
    """The text from "In our opinion" to the end of its paragraph (a wider gap between lines), <= 1500 chars; a
    paragraph that runs to the foot of its page without ending its sentence goes on at the top of the next."""
    i = page.line_at(start)
    lines = page.lines
    j = i
    while j + 1 < len(lines) and lines[j + 1].top - lines[j].bottom < max(lines[j].height * 0.6, 2.0):
        j += 1
    end = lines[j].start + len(lines[j].text)
    text = page.text[start:min(end, start + 1500)]
    body = doc.body_lines(page)
    if body and lines[j] is body[-1] and not text.rstrip().endswith(".") and page.number < len(doc.pages):
        following = doc.body_lines(doc.pages[page.number])
        k = 0
        while k < len(following) and (k == 0 or following[k].top - following[k - 1].bottom
                                      < max(following[k - 1].height * 0.6, 2.0)):
            k += 1
        text += " " + " ".join(ln.text for ln in following[:k])
    return text[:1500]


def read_opinion(doc: Document) -> tuple[str | None, Evidence | None]:
    pages = [p for p in doc.text_pages if p.number not in doc.toc_pages][:40]
    for page in pages:
        m = _DISCLAIMER.search(page.text)
        if m:
            return "disclaimer", evidence_at(page, m.start(), m.end())
    for page in pages:
        m = _BASIS.search(page.text)
        if m:
            kind = (m.group("k") or m.group("h") or "").lower()
            value = "disclaimer" if kind.startswith("disclaimer") else kind
            return value, evidence_at(page, m.start(), m.end())
    for page in pages:
        for m in _IN_OUR_OPINION.finditer(page.text):
            para = _opinion_paragraph(doc, page, m.start())
            end = m.start() + min(len(para), 300)
            if _ADVERSE_WORDS.search(para[:600]) and not _EXCEPT_FOR.search(para[:400]):
                return "adverse", evidence_at(page, m.start(), end)
            if _EXCEPT_FOR.search(para[:400]):
                return "qualified", evidence_at(page, m.start(), end)
            if _UNMODIFIED.search(para[:900]):
                return "unmodified", evidence_at(page, m.start(), end)
    return None, None
