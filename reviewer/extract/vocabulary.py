"""The words SOC reports use, as named patterns: result wording, response labels, part titles, criterion ids.

One place for each pattern, so that every reader recognises the same phrase the same way. Patterns are compiled
case-insensitive unless a comment says why not.
"""

from __future__ import annotations

import re
import unicodedata

from reviewer.extract.dates import DATE

APOS = "[\u2019']"

# a report's defined short name for the vendor, in the possessive: "the Company's Ledger Service" names the Ledger
# Service (the words before a system's name, never part of it)
DEFINED_OWNER = r"(?:(?:Company|Organi[sz]ation|Entity|Service\s+Organi[sz]ation)['\u2019]s)"

# --- the auditor's report --------------------------------------------------------------------------------------
OPINION_SENTENCE = re.compile(r"\bin\s+our\s+opinion\b|\bwe\s+do\s+not\s+express\s+an\s+opinion\b", re.I)
# the auditor's report's own sub-headings that name another part's subject
AUDITOR_SUBHEADING = re.compile(r"^\s*(?:description\s+of\s+(?:the\s+)?tests\s+of\s+controls|other\s+information)\s*$",
                                re.I)
# the date under the auditor's signature, alone on its line ("May 3, 2024", "Dated: 3 May 2024")
DATE_ONLY_LINE = re.compile(rf"^\s*(?:(?:report\s+)?dated?\s*:?\s*|issued\s*:?\s*)?(?P<d>{DATE})\s*\.?\s*$", re.I)

# --- lists -------------------------------------------------------------------------------------------------------
# a list item's marker glyph: bullets, dashes, arrows, check marks, and any private-use glyph (Word's Symbol and
# Wingdings bullets come out as U+F0B7, U+F0A7; other fonts map theirs elsewhere in the private-use area)
BULLET_GLYPHS = ("\u2022\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u25c6\u25c7\u25ba\u25b6\u2023\u2043\u2219\u00b7"
                 "\u27a2\u27a4\u2192\u2713\u2714\ue000-\uf8ff")

# a glyph standing alone before an entry's text is its marker whatever it is mapped to: a font's bullet may come out
# of the text layer as any symbol (a guillemet, a square, an arrow), an opening quote being the one symbol that
# begins text (and it never stands alone, apart from the word it opens)
_MARKER_CATEGORIES = frozenset({"So", "Sm", "Sk", "Co", "Pi", "Pf"})
_NOT_MARKERS = frozenset("\u201c\u2018\"'<=+^`")


def is_marker_glyph(token: str) -> bool:
    """Whether a word is one symbol glyph that can only be a list marker (a bullet mapped to any symbol)."""
    return (len(token) == 1 and token not in _NOT_MARKERS
            and unicodedata.category(token) in _MARKER_CATEGORIES)


BULLET_TOKEN = re.compile(rf"(?:^|(?<=\s))[{BULLET_GLYPHS}](?=\s|$)\s*|(?:^|(?<=\s))[{BULLET_GLYPHS}](?=\S)")


# a dash that opens a list entry after a colon or a sentence's end ("Exceptions noted: \u2013 For 2 of 25 ...")
DASH_MARKER = re.compile(r"(?<=[:.;])\s+[\u2013\u2014\-](?=\s)")


def without_bullets(text: str) -> str:
    """A text with its list markers left out ("Exceptions noted: \u2022 For 2 of 25 ..." -> "... For 2 of 25")."""
    return " ".join(DASH_MARKER.sub(" ", BULLET_TOKEN.sub(" ", text)).split())


# --- criteria ----------------------------------------------------------------------------------------------------
# a 2017 Trust Services Criteria id; numbers start at 1: "CC1.0 Control Environment" heads a group, it is no criterion
CRITERION_ID = r"(?:CC[1-9]\.[1-9]\d?|A1\.[1-9]|C1\.[1-9]|PI1\.[1-9]|P[1-8]\.[1-9])"
CRITERION = re.compile(rf"(?<![\w.])({CRITERION_ID})(?![\d]|\.\d)")
# a control numbered under its criterion ("CC6.1.2" is the second control for CC6.1) names that criterion
CONTROL_OF_CRITERION = re.compile(rf"(?<![\w.])({CRITERION_ID})\.\d{{1,2}}(?![\d.])")
CRITERIA_RUN = rf"(?:{CRITERION_ID}[,;]?\s*)+"  # "CC6.1, CC6.2; CC7.1"

# --- test results -------------------------------------------------------------------------------------------
# an exception or deviation as a result states it; the names of reports and processes that merely contain the
# word ("the exception report", "exception handling") state none
EXCEPTION_WORD = re.compile(r"\b(?:exceptions?|deviations?)(?:\(s\))?\b(?!\s*(?:reports?|logs?|handling|lists?|"
                            r"monitoring|queues?|tickets?|process(?:es|ing)?|requests?|approvals?|register)\b)",
                            re.I)
NEGATED_EXCEPTION = re.compile(
    r"\bno\s+(?:relevant\s+|significant\s+|material\s+|reportable\s+)?(?:exceptions?|deviations?)(?:\(s\))?\b"
    r"(?:\s+(?:were|was)?\s*(?:noted|identified|found|observed|detected))?|"
    r"\bwithout\s+(?:any\s+)?(?:exceptions?|deviations?)\b|"
    r"\b(?:noted|identified|found|observed)\s+no\s+(?:exceptions?|deviations?)\b|"
    r"\bdid\s+not\s+(?:note|identify|find|observe)\s+any\s+(?:exceptions?|deviations?)\b", re.I)
# "No exceptions noted, except as follows: ...", "No other exceptions were noted" (after a described finding)
OTHER_THAN_FOLLOWING = re.compile(
    r"\bno\s+(?:other|further|additional)\s+(?:exceptions?|deviations?)\b|"
    r"\bno\s+(?:exceptions?|deviations?)(?:\(s\))?\s+(?:were\s+|was\s+)?(?:noted|identified|found)"
    r",?\s+(?:except|other\s+than|with\s+the\s+exception)\b", re.I)
NOT_TESTED = re.compile(r"\bdid\s+not\s+(?:occur|operate)\b|\bno\s+testing\s+(?:was\s+|were\s+)?(?:performed|"
                        r"conducted|done)|\bnot\s+tested\b|\bno\s+(?:instances?|occurrences?)\s+(?:of|occurred|"
                        r"were)\b|\bwere\s+no\s+(?:instances?|occurrences?)\b", re.I)
# a clause ends at a full stop, semicolon or colon followed by the next clause's first word
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\"\u201c\u2022\uf0b7\uf0a7-])")

# --- management responses ------------------------------------------------------------------------------------
# the label a response stands under: "Management's Response", "Management Response", "Response from Management",
# "Response of Management", "Management's Comments", "Service Organization's Response", "Corrective Action Plan"
RESPONSE_WORDS = (rf"(?:management{APOS}?s?\s+(?:responses?|comments?)|responses?\s+(?:from|of|by)\s+(?:the\s+)?"
                  rf"management|service\s+organi[sz]ation{APOS}?s?\s+responses?|corrective\s+action\s+plan)")
RESPONSE_TO = r"(?:\s+to\s+(?:the\s+)?(?:testing\s+)?(?:exceptions?|deviations?|results?))?"
RESPONSE_LABEL = re.compile(rf"\b{RESPONSE_WORDS}{RESPONSE_TO}\s*[:\-\u2013\u2014]\s*", re.I)
RESPONSE_AT_START = re.compile(rf"^\s*{RESPONSE_WORDS}{RESPONSE_TO}\s*[:\uff1a\-\u2013\u2014]\s*", re.I)
NO_RESPONSE = re.compile(r"^\s*(?:none(?:\s+provided)?|n/?a|not\s+applicable|no\s+response(?:\s+provided)?|"
                         r"management\s+(?:did\s+not|has\s+not|declined\s+to)\s+provide[d]?\s+(?:a\s+)?"
                         r"(?:management\s+)?response)\s*\.?\s*$", re.I)


def response_or_none(text: str | None) -> str | None:
    """A response's text, or None when it says there is none ("None provided.")."""
    if text is None:
        return None
    text = " ".join(text.split())
    return None if not text or NO_RESPONSE.match(text) else text
