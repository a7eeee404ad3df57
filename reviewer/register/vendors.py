"""Vendors: matching service organization names to vendors, and linking subservice organizations to them.

Names are compared after normalising case, punctuation and legal suffixes, so "Acme Cloud, Inc." and
"ACME Cloud Inc" are one vendor; a parenthesised abbreviation ("Amazon Web Services (AWS)") is an alias.
Close names are scored with rapidfuzz; the score is kept so the GUI can ask when unsure.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from reviewer.register.dbapi import Connection
from reviewer.register.records import VendorMatch

# at or above: the same vendor, linked automatically (the GUI confirms unless the names are equal)
AUTO_MATCH = 90.0
AUTO_CERTAIN = 100.0  # only an identical normalised name is certain
# at or above (and below AUTO_MATCH): a new vendor is created, but the user is asked
ASK_BELOW = 75.0

LEGAL_SUFFIXES = {
    "inc", "incorporated", "llc", "l l c", "ltd", "limited", "corp", "corporation", "co", "company", "plc",
    "gmbh", "ag", "sa", "sas", "bv", "nv", "lp", "llp", "pty", "srl", "spa", "ab", "as", "oy", "kk",
}
_PAREN = re.compile(r"\(([^)]*)\)")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_DOTTED = re.compile(r"\b((?:\w\.){2,})")  # "L.L.C." -> "LLC"


def normalize_name(name: str) -> str:
    """Lower case, no punctuation, no parenthesised parts, no trailing legal suffixes, one space between words."""
    text = _PAREN.sub(" ", name).replace("&", " and ").lower()
    text = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)
    words = [w for w in _NON_WORD.sub(" ", text).split() if w]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    if words and words[0] == "the" and len(words) > 1:
        words.pop(0)
    return " ".join(words)


def name_aliases(name: str) -> list[str]:
    """The normalised name, plus any parenthesised abbreviation ("Amazon Web Services (AWS)" -> "aws")."""
    out = [normalize_name(name)]
    for inner in _PAREN.findall(name):
        alias = normalize_name(inner)
        if alias and alias not in out:
            out.append(alias)
    return [a for a in out if a]


def match_vendor(name: str | None, vendors: list[tuple[int, str, str]]) -> VendorMatch:
    """Match a service organization name against (id, name, normalized_name) vendors.

    Returns a VendorMatch whose vendor_id is None when a new vendor should be created (named `name`).
    """
    if not name or not normalize_name(name):
        return VendorMatch(None, None, 0.0, certain=False, candidates=[])
    keys = name_aliases(name)
    best: dict[int, tuple[str, float]] = {}
    choices = {vid: norm for vid, _, norm in vendors}
    names = {vid: vname for vid, vname, _ in vendors}
    for key in keys:
        for _norm, score, vid in process.extract(key, choices, scorer=fuzz.token_sort_ratio, limit=5):
            if score > best.get(vid, ("", -1.0))[1]:
                best[vid] = (names[vid], float(score))
    digits = _numbers(keys[0])
    for vid, (vname, score) in best.items():
        if _numbers(normalize_name(vname)) != digits and score >= ASK_BELOW:
            # "Acme Cloud 2" is not "Acme Cloud 3": never merged automatically, only offered
            best[vid] = (vname, min(score, AUTO_MATCH - 1))
    candidates = sorted(((vid, n, s) for vid, (n, s) in best.items()), key=lambda c: -c[2])
    candidates = [c for c in candidates if c[2] >= ASK_BELOW][:5]
    if candidates and candidates[0][2] >= AUTO_MATCH:
        vid, vname, score = candidates[0]
        return VendorMatch(vid, vname, score, certain=score >= AUTO_CERTAIN, candidates=candidates)
    if candidates:
        # a new vendor, but close to an existing one: ask
        return VendorMatch(None, name, candidates[0][2], certain=False, candidates=candidates)
    return VendorMatch(None, name, 100.0, certain=True, candidates=[])


def _numbers(normalized: str) -> set[str]:
    return {w for w in normalized.split() if any(ch.isdigit() for ch in w)}


def find_vendor_for_subservice(name: str, vendors: list[tuple[int, str, str]]) -> int | None:
    """The vendor a subservice organization name refers to, when the match is confident."""
    match = match_vendor(name, vendors)
    return match.vendor_id if match.vendor_id is not None and match.score >= AUTO_MATCH else None


def all_vendors(conn: Connection) -> list[tuple[int, str, str]]:
    return [tuple(r) for r in conn.execute("SELECT id, name, normalized_name FROM vendors")]


def insert_vendor(conn: Connection, name: str, now: str) -> int:
    """Insert a vendor (inside the caller's transaction) and link unlinked subservice rows that name it."""
    cur = conn.execute(
        "INSERT INTO vendors (name, normalized_name, created_at) VALUES (?, ?, ?)", (name, normalize_name(name), now)
    )
    vendor_id = int(cur.lastrowid)
    relink_subservice(conn, [(vendor_id, name, normalize_name(name))])
    return vendor_id


def relink_subservice(conn: Connection, vendors: list[tuple[int, str, str]]) -> None:
    """Link subservice rows not yet linked to any of `vendors` whose names match them."""
    rows = conn.execute("SELECT DISTINCT name FROM subservice WHERE linked_vendor_id IS NULL").fetchall()
    for (sub_name,) in rows:
        vid = find_vendor_for_subservice(sub_name, vendors)
        if vid is not None:
            conn.execute(
                "UPDATE subservice SET linked_vendor_id = ? WHERE name = ? AND linked_vendor_id IS NULL",
                (vid, sub_name),
            )


def vendors_named_in(text: str, vendors: list[tuple[int, str, str]]) -> list[int]:
    """Vendors whose normalised name appears (as whole words) in the normalised text: for a bridge letter whose
    service organization was not read, the vendor it names."""
    haystack = f" {normalize_name(text)} "
    return [vid for vid, _, norm in vendors if norm and len(norm) >= 4 and f" {norm} " in haystack]
