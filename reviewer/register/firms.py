"""Audit firms: one normal form of a CPA firm's name, and the user's list of accepted firms kept in the register.

Firms sign the same name many ways: "Okafor & Lindqvist, P.C.", "Okafor and Lindqvist PC", "OKAFOR & LINDQVIST".
`firm_key` folds case, "&"/"and", punctuation, dotted abbreviations and the trailing legal or professional
suffixes (LLP, P.C., PLLC, CPAs, "& Co.", "Certified Public Accountants") into one key; two names with the same
key are one firm. The accepted list lives in the register (table `accepted_firms`, migration 5), so the desktop
app's Settings and `reviewer signals` read the same list.
"""

from __future__ import annotations

import re
from typing import Any

from reviewer.register import audit
from reviewer.register.connection import transaction
from reviewer.register.errors import RegisterError

# trailing words that say what kind of firm it is, not which firm (compared after punctuation is gone)
FIRM_SUFFIXES = {
    "llp", "llc", "lllp", "pc", "pllc", "pa", "ps", "sc", "plc", "inc", "ltd", "limited", "lp", "corp",
    "cpa", "cpas", "co", "company", "and co", "group", "partners", "partnership", "professional corporation",
    "certified public accountants", "chartered accountants", "accountants", "advisors", "advisory",
}
_DOTTED = re.compile(r"\b((?:[a-z]\.){2,})")  # "p.c." -> "pc"
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SORTED_SUFFIXES = sorted(FIRM_SUFFIXES, key=lambda s: -len(s.split()))


def firm_key(name: str | None) -> str:
    """The firm's name reduced to what identifies it ("" for no name)."""
    if not name:
        return ""
    text = name.lower().replace("&", " and ").replace("+", " and ")
    text = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)
    words = [w for w in _NON_WORD.sub(" ", text).split() if w]
    if words and words[0] == "the" and len(words) > 1:
        words.pop(0)
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        for suffix in _SORTED_SUFFIXES:
            parts = suffix.split()
            if len(words) > len(parts) and words[-len(parts):] == parts:
                del words[-len(parts):]
                stripped = True
                break
    while len(words) > 1 and words[-1] == "and":  # "Smith and" left from "Smith & Co."
        words.pop()
    return " ".join(words)


def same_firm(a: str | None, b: str | None) -> bool:
    return bool(firm_key(a)) and firm_key(a) == firm_key(b)


def accepted_firms(conn: Any) -> list[str]:
    """The accepted firms' names as the user typed them, in alphabetical order."""
    return [name for (name,) in conn.execute("SELECT name FROM accepted_firms ORDER BY name COLLATE NOCASE")]


def accepted_keys(conn: Any) -> set[str]:
    return {key for (key,) in conn.execute("SELECT normalized_name FROM accepted_firms")}


def set_accepted_firms(conn: Any, names: list[str], who: str) -> list[str]:
    """Replace the list (names with the same key kept once); each addition and removal is logged."""
    wanted: dict[str, str] = {}
    for name in names:
        clean = " ".join(name.split())
        key = firm_key(clean)
        if key and key not in wanted:
            wanted[key] = clean
    with transaction(conn):
        current = dict(conn.execute("SELECT normalized_name, name FROM accepted_firms").fetchall())
        for key, name in current.items():
            if key not in wanted:
                conn.execute("DELETE FROM accepted_firms WHERE normalized_name = ?", (key,))
                audit.record(conn, who=who, report_id=None, entity="accepted_firm", entity_id=None, field="removed",
                             old=name, new=None)
        now = audit.utc_now()
        for key, name in wanted.items():
            if key in current:
                if current[key] != name:
                    conn.execute("UPDATE accepted_firms SET name = ? WHERE normalized_name = ?", (name, key))
                continue
            conn.execute("INSERT INTO accepted_firms (name, normalized_name, added_at) VALUES (?, ?, ?)",
                         (name, key, now))
            audit.record(conn, who=who, report_id=None, entity="accepted_firm", entity_id=None, field="added",
                         old=None, new=name, at=now)
    return accepted_firms(conn)


def add_accepted_firm(conn: Any, name: str, who: str) -> list[str]:
    if not firm_key(name):
        raise RegisterError("give the firm's name")
    return set_accepted_firms(conn, [*accepted_firms(conn), name], who)


def remove_accepted_firm(conn: Any, name: str, who: str) -> list[str]:
    key = firm_key(name)
    kept = [n for n in accepted_firms(conn) if firm_key(n) != key]
    return set_accepted_firms(conn, kept, who)
