"""The register's parts: each owns the SQL of one subject and reaches the database through its `Register`.

As anki's `Collection` has its managers, an open `Register` has `reports`, `reviews`, `vendors`, `currency`,
`audit`, `search`, `exports`, `corrections` and `insights`; the `Register` itself keeps only the connection, the
lock and transactions.
"""

from reviewer.register.parts.audit import Audit
from reviewer.register.parts.base import Part
from reviewer.register.parts.corrections import Corrections, UnconfirmedValues
from reviewer.register.parts.currency import Currency
from reviewer.register.parts.exports import Exports
from reviewer.register.parts.insights import Insights
from reviewer.register.parts.reports import Reports
from reviewer.register.parts.reviews import Reviews
from reviewer.register.parts.search import Search, fts_query
from reviewer.register.parts.vendors import Vendors

__all__ = [
    "Audit", "Corrections", "Currency", "Exports", "Insights", "Part", "Reports", "Reviews", "Search",
    "UnconfirmedValues", "Vendors", "fts_query",
]
