"""`reg.search`: full-text search over every page of every report (FTS5), and the user's text as an FTS5 query.

The page text is indexed with the Porter stemmer (migration 8), and each plain word the user types is a prefix
term, so word forms and beginnings both match: "penetration test" finds "penetration tests", "encrypt" finds
"encryption". Whatever the user types is quoted: no text makes an FTS5 syntax error.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reviewer.register import reports
from reviewer.register.parts.base import Part
from reviewer.register.records import ReportFilter, SearchHit

# the markers FTS5's snippet() puts around each matched term: control characters no page text holds
HIT_START, HIT_END = "\x02", "\x03"
# a query no page matches (an empty phrase), for user text with no word in it
MATCHES_NOTHING = '""'

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")
_OPERATORS = ("AND", "OR", "NOT")


class Search(Part):
    def pages(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Pages matching the user's `query`, best first, each with a one-line snippet around the hits and where
        in the snippet each hit is (`SearchHit.highlights`)."""
        fts = fts_query(query)
        if not fts:
            return []
        return [_plain_hit(hit) for hit in reports.search(self._conn, fts, limit, markers=(HIT_START, HIT_END))]


def fts_query(text: str) -> str:
    """A user's search text as an FTS5 query ("" when it has no word): each word a prefix term (`"encrypt"*`),
    a "quoted phrase" a phrase, a word with inner punctuation ("CC6.1", "C-112") an exact phrase; AND, OR and
    NOT in capitals between two terms are operators, anywhere else they are dropped."""
    terms: list[str] = []
    operator: str | None = None
    for m in _TOKEN.finditer(text):
        phrase, word = m.group(1), m.group(2)
        if word in _OPERATORS:
            operator = word if terms and word != "AND" else None
            continue
        term = _term(phrase, word)
        if term is None:
            continue
        if operator is not None:
            terms.append(operator)
            operator = None
        terms.append(term)
    return " ".join(terms)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _term(phrase: str | None, word: str | None) -> str | None:
    if phrase is not None:
        return _quoted(phrase) if _WORD.search(phrase) else None
    words = _WORD.findall(word or "")
    if not words:
        return None
    core = (word or "").strip().strip(".,;:!?()[]{}'\"*")
    if _WORD.fullmatch(core):
        return _quoted(core) + "*"
    return _quoted(core)


def _plain_hit(hit: SearchHit) -> SearchHit:
    """The hit with its snippet on one line, the markers taken out and kept as (start, end) offsets."""
    text = re.sub(r"\s+", " ", hit.snippet).strip()
    plain: list[str] = []
    highlights: list[tuple[int, int]] = []
    length = 0
    for i, piece in enumerate(re.split(f"[{HIT_START}{HIT_END}]", text)):
        if i % 2 == 1 and piece:
            highlights.append((length, length + len(piece)))
        plain.append(piece)
        length += len(piece)
    return replace(hit, snippet="".join(plain), highlights=tuple(highlights))


def fts_safe(filter: ReportFilter | None) -> ReportFilter | None:  # noqa: A002
    """The filter with its full-text part made an FTS5 query (`fts_query`)."""
    if filter is None or not filter.fulltext:
        return filter
    return replace(filter, fulltext=fts_query(filter.fulltext) or MATCHES_NOTHING)
