"""`reg.search`: full-text search over every page of every report (FTS5), and the user's text as an FTS5 query."""

from __future__ import annotations

from dataclasses import replace

from reviewer.register import reports
from reviewer.register.parts.base import Part
from reviewer.register.records import ReportFilter, SearchHit


class Search(Part):
    def pages(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Pages matching the user's `query`, best first, each with a snippet around the hit."""
        return reports.search(self._conn, fts_query(query), limit)


def fts_query(text: str) -> str:
    """A user's search text as an FTS5 query: plain words (and AND/OR/NOT, "phrases", prefix*) pass as they are;
    a word with other punctuation ("C-112", "CC6.1") is quoted as a phrase so FTS5 does not read it as syntax."""
    out = []
    for token in text.split():
        core = token.strip('"')
        if core.rstrip("*").replace("_", "").isalnum() or token in ("AND", "OR", "NOT"):
            out.append(token)
        else:
            out.append('"' + core.replace('"', '""') + '"')
    return " ".join(out)


def fts_safe(filter: ReportFilter | None) -> ReportFilter | None:  # noqa: A002
    """The filter with its full-text part made an FTS5 query (`fts_query`)."""
    if filter is None or not filter.fulltext:
        return filter
    return replace(filter, fulltext=fts_query(filter.fulltext))
