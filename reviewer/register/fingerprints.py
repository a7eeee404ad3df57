"""Fingerprints of a report's description and tests sections: bottom-k MinHash sketches of their word shingles.

Two vendors' reports that are near copies of each other (one compliance outfit's template filled in twice) share
their description of the system and their tests of controls, word for word but for the names. A report's page text
is split into its parts by their headings (the TOC page and the running headers and footers left out); each part's
words, without numbers and without the report's own names (service organization, system, service auditor), become
overlapping 5-word shingles, hashed to 64 bits once each (cheap in pure Python), and kept as a one-permutation
MinHash: 64 bins, each holding the smallest hash that fell in it. The Jaccard similarity of two parts is estimated
as the share of bins holding the same hash; aligned bins also give the bands that `signals` buckets reports by.

Sketches are computed once, when a report is stored (`store_fingerprint`, called by `reports.store_report`), and
kept in `report_fingerprints` (migration 5); `signals.ensure_fingerprints` fills in reports stored before that.
"""

from __future__ import annotations

import hashlib
import re
import struct
import sys
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

VERSION = 2  # bump when the recipe changes: older fingerprints are recomputed
SHINGLE_WORDS = 5
SKETCH_BINS = 64  # a power of two
EMPTY = (1 << 64) - 1
PARTS = ("description", "tests")
MIN_SHINGLES = 20  # a part smaller than this is not compared (a heading and a line say nothing)

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_SECTION = re.compile(r"^(?:(?i:section|part)\s+(?:[IVXivx]+|\d+|[A-Ea-e])\b|[IVX]{1,4}\.\s+[A-Z]|"
                      r"\d{1,2}\s*[\u2013\u2014:-]\s+[A-Z]|\d{1,2}\.\s+[A-Z]{2,})")
_LEADER = re.compile(r"(?:\.\s?){4,}|\u2026")
_DESCRIPTION = re.compile(r"\bdescription\s+of\b|\bsystem\s+description\b|\bdescription\s+of\s+the\s+system\b", re.I)
_TESTS = re.compile(r"\btests?\s+of\b|\btesting\s+(?:matri|of\b|procedures)|\bresults\s+of\s+tests\b|"
                    r"\btests?\s+performed\s+and\s+results\b|\bcontrol\s+activities\s+and\s+tests\b|"
                    r"\btests?\s+and\s+results\b|\bcontrols?,\s+tests\b", re.I)
_OTHER = re.compile(r"(?:^|\b)other\s+information\b|\bmanagement[\u2019']?s?\s+(?:assertion|responses?)\b|"
                    r"\bindependent\s+service\s+auditor|\bassertion\s+of\b|^(?:appendix|attachment|exhibit)\b", re.I)
_TOC = re.compile(r"^\s*(?:table\s+of\s+)?contents\s*$", re.I)
_END_PUNCT = re.compile(r"[.;,:]$")
# words that name no one: legal suffixes, and the "s" an apostrophe leaves of "Inc.'s"
_NOISE = {"inc", "llc", "llp", "ltd", "corp", "co", "pc", "plc", "lp", "pllc", "gmbh", "s", "p", "c", "l"}
_LEADING = {"the", "a", "an"}
_TRAILING_SUFFIX = re.compile(r"[\s,]*\b(?:inc|llc|llp|ltd|corp|co|pc|plc|lp|pllc|gmbh|l\.l\.c|l\.l\.p|p\.c)\.?$", re.I)


@dataclass
class Fingerprint:
    report_id: int
    description: Sequence[int]  # a sketch: SKETCH_BINS hashes (an array('Q'): compact, read without int objects)
    description_shingles: int
    tests: Sequence[int]
    tests_shingles: int

    def part(self, name: str) -> tuple[Sequence[int], int]:
        return (self.description, self.description_shingles) if name == "description" else \
            (self.tests, self.tests_shingles)


def _heading(line: str, *, strong_only: bool) -> str | None:
    """Which part a heading line starts ("description", "tests", "other"), or None for a line of text.

    A strong heading starts with a section marker ("Section III:", "IV.", "3 -"); with `strong_only` False (a
    report without numbered sections) a short line that starts with the part's words counts too."""
    text = line.strip()
    words = text.split()
    if not words or len(words) > 16 or _END_PUNCT.search(text) or text[:1].islower() or _LEADER.search(text):
        return None
    strong = _SECTION.match(text)
    if not strong and (strong_only or len(words) > 10):
        return None
    head = text if strong else " ".join(words[:6])
    if _TESTS.search(head):
        return "tests"
    if _DESCRIPTION.search(head) and not _OTHER.search(head):
        return "description"
    if strong or _OTHER.match(head):
        return "other"
    return None


def split_parts(page_texts: list[str]) -> dict[str, list[str]]:
    """The lines of each part; with no headings found at all, every line counts as the description."""
    pages = [[ln.strip() for ln in text.splitlines() if ln.strip()] for text in page_texts]
    pages = [lines for lines in pages if not any(_TOC.match(ln) for ln in lines[:6])]
    repeated = Counter(ln for lines in pages for ln in set(lines))
    furniture = {ln for ln, n in repeated.items() if n >= 3 and n >= len(pages) * 0.3}
    lines = [ln for page in pages for ln in page if ln not in furniture]
    strong_only = any(_heading(ln, strong_only=True) for ln in lines)
    parts: dict[str, list[str]] = {"description": [], "tests": [], "other": [], "front": []}
    current = "front"
    for line in lines:
        current = _heading(line, strong_only=strong_only) or current
        parts[current].append(line)
    if not parts["description"] and not parts["tests"]:
        parts["description"] = parts["front"] + parts["other"]
    return parts


def name_pattern(names: list[str | None]) -> re.Pattern[str] | None:
    """The report's own names as they appear in its text: each whole name, the name without its legal suffix, and
    its first word (the brand: "Ravenscar" of "Ravenscar Cloud Software, Inc."), whatever the case."""
    phrases: set[str] = set()
    for name in names:
        words = " ".join((name or "").split())
        if not words:
            continue
        phrases.add(words)
        core = words
        while True:
            shorter = _TRAILING_SUFFIX.sub("", core)
            if shorter == core or not shorter:
                break
            core = shorter
        phrases.add(core)
        first = next((w.strip(",.") for w in core.split() if w.lower().strip(",.") not in _LEADING), "")
        phrases.add(first)
    phrases = {p for p in phrases if len(p) >= 3}
    if not phrases:
        return None
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I)


def shingles(lines: list[str], names: re.Pattern[str] | None) -> set[bytes]:
    """The part's 5-word shingles: numbers, the report's own names (`names`) and legal suffixes left out."""
    words = []
    for line in lines:
        text = names.sub(" ", line) if names is not None else line
        for word in _WORD.findall(text):
            base = word.removesuffix("'s").removesuffix("\u2019s").lower()
            if base not in _NOISE:
                words.append(base)
    n = SHINGLE_WORDS
    return {" ".join(words[i:i + n]).encode() for i in range(max(0, len(words) - n + 1))}


def sketch(items: set[bytes], bins: int = SKETCH_BINS) -> list[int]:
    """One-permutation MinHash: each shingle's 64-bit hash falls in one of `bins` bins by its low bits; each bin
    keeps its smallest hash (EMPTY when none fell in it). Aligned bins make the sketches comparable bin by bin."""
    blake = hashlib.blake2b
    sig = [EMPTY] * bins
    mask = bins - 1
    for item in items:
        h = int.from_bytes(blake(item, digest_size=8).digest(), "little")
        b = h & mask
        if h < sig[b]:
            sig[b] = h
    return sig


def fingerprint_of(page_texts: list[str], names: list[str | None], report_id: int = 0) -> Fingerprint:
    parts = split_parts(page_texts)
    own = name_pattern(names)
    desc = shingles(parts["description"], own)
    tests = shingles(parts["tests"], own)
    return Fingerprint(report_id, array("Q", sketch(desc)), len(desc), array("Q", sketch(tests)), len(tests))


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets the sketches `a` and `b` were drawn from: the share of
    bins holding the same hash, among the bins not empty in both."""
    if not a or not b:
        return 0.0
    same = both_empty = 0
    for x, y in zip(a, b, strict=True):
        if x == y:
            if x == EMPTY:
                both_empty += 1
            else:
                same += 1
    used = len(a) - both_empty
    return same / used if used else 0.0


def _pack(values: Sequence[int]) -> bytes:
    return struct.pack(f"<{len(values)}Q", *values)


def _unpack(blob: bytes) -> array[int]:
    values = array("Q")
    values.frombytes(blob)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def raw(values: Sequence[int]) -> bytes:
    """The sketch's bytes in this machine's order (for bucketing within one process)."""
    return values.tobytes() if isinstance(values, array) else struct.pack(f"={len(values)}Q", *values)


def store_fingerprint(conn: Any, report_id: int, page_texts: list[str], names: list[str | None]) -> Fingerprint:
    """Compute and keep one report's fingerprint (inside the caller's transaction)."""
    fp = fingerprint_of(page_texts, names, report_id)
    conn.execute(
        "INSERT OR REPLACE INTO report_fingerprints (report_id, version, description_shingles, description, "
        "tests_shingles, tests) VALUES (?, ?, ?, ?, ?, ?)",
        (report_id, VERSION, fp.description_shingles, _pack(fp.description), fp.tests_shingles, _pack(fp.tests)),
    )
    return fp


def load_fingerprints(conn: Any) -> list[Fingerprint]:
    """Every stored fingerprint (only SOC reports have one; deleting a report deletes it)."""
    return [
        Fingerprint(rid, _unpack(desc), n_desc, _unpack(tests), n_tests)
        for rid, n_desc, desc, n_tests, tests in conn.execute(
            "SELECT report_id, description_shingles, description, tests_shingles, tests FROM report_fingerprints")
    ]
