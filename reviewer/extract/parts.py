"""The report's parts, identified by role from their titles, in whatever order and numbering a firm uses.

A SOC report is a sequence of parts: the service auditor's report (with the opinion), management's assertion, the
description of the system (with its subservice, CSOC and CUEC passages), the tests of controls and their results,
and other information provided by management. Each part starts at its title: a short line outside the table of
contents and the running headers that names the part ("Section III – Description of the System", "Assertion of
Acme Management", "SECTION 4" then "Trust Services Criteria, Related Controls and Tests of Controls"). A part runs
to the next part's title. Lines before the first title (the cover, the contents) have no role. Field readers ask
`role_of(line)` so that each reads only the part where its field lives.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum

from reviewer.extract.layout import Document, segments
from reviewer.extract.page import Line
from reviewer.extract.vocabulary import APOS, AUDITOR_SUBHEADING, DATE_ONLY_LINE, OPINION_SENTENCE, RESPONSE_WORDS


class Role(Enum):
    AUDITOR_REPORT = "auditor's report"
    ASSERTION = "management's assertion"
    DESCRIPTION = "description of the system"
    TESTS = "tests of controls"
    OTHER_INFORMATION = "other information"


_SPELLED = r"one|two|three|four|five|six|seven|eight|nine|ten"
_NUMBERING = re.compile(rf"^\s*(?:(?:section|part|attachment|exhibit|appendix|schedule)\s+"
                        rf"(?:[IVX]+|\d{{1,2}}|[A-Z]|{_SPELLED})\b|"
                        # an outline number alone: "1 Report of ...", "2.5 ..."
                        r"\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+(?=[A-Z])|"
                        r"(?:[IVX]+|\d{1,2}|[A-E])(?:[.):]|\s+[\u2013\u2014\-]))\s*[.:\u2013\u2014\-]*\s*", re.I)
# a title's outline number: its first level, and whether it has more ("2.5" is a sub-section of part "2")
_OUTLINE = re.compile(r"^\s*(?:(?:section|part)\s+)?(?P<top>\d{1,2}|[IVX]{1,4})(?P<sub>(?:\.\d{1,2})+)?\.?(?=[\s:)])",
                      re.I)
# tried in this order: a tests part's title may say "Description of Criteria, Controls, Tests and Results"
_ROLE_TITLES: list[tuple[Role, re.Pattern[str]]] = [
    (Role.OTHER_INFORMATION, re.compile(rf"^(?:other|additional|supplemental)\s+information\b|"
                                        rf"^{RESPONSE_WORDS}\s+to\b", re.I)),
    (Role.TESTS, re.compile(r"\btests?\s+of\s+(?:the\s+)?(?:controls|operating\s+effectiveness)|"
                            r"\btesting\s+(?:of\s+)?(?:the\s+)?controls|\bresults\s+of\s+(?:tests|testing)\b|"
                            r"\brelated\s+controls\b|\binformation\s+provided\s+by\s+(?:the\s+)?(?:independent\s+)?"
                            r"service\s+auditor|\bcontrol\s+objectives?\s+and\s+(?:related\s+)?controls|"
                            r"\bcriteria\s+and\s+(?:related\s+)?controls|\bcriteria,\s+controls|\bcontrols,\s+tests\b|"
                            r"\btests\s+and\s+results\b|\bcontrol\s+objectives,\s+(?:related\s+)?controls", re.I)),
    (Role.AUDITOR_REPORT, re.compile(rf"^(?:independent\s+)?(?:service\s+)?(?:auditor|accountant)s?{APOS}?s?{APOS}?"
                                     r"\s+(?:examination\s+)?report|^report\s+of\s+(?:the\s+)?independent", re.I)),
    (Role.ASSERTION, re.compile(r"\bassertion\b", re.I)),
    (Role.DESCRIPTION, re.compile(r"^(?!report\s+on\b).*(?:\bdescription\s+of\b|\bsystem\s+description\b|"
                                  r"\bdescription\s+of\s+(?:the\s+)?system\b)|^overview\s+of\s+(?:the\s+)?"
                                  r"(?:services|operations|company|organi[sz]ation)\b", re.I)),
]
_MAX_TITLE_WORDS = 16
_COVER_PAGES = 4  # a document longer than this has a cover page: its title names no part
_TITLE_SCALE = 1.12  # a part's title is set at least this much taller than the body's usual line
_PROSE_WORDS = 8  # a line of at least this many words in one run is running prose
_SENTENCE_END = re.compile(r"[.,;]$")


def _sub_section_of(text: str, part_title: Line | None) -> bool:
    """Whether a title is numbered as a sub-section of the current part ("2.5 Description of Tests of Controls"
    inside "2. Independent Service Auditor's Report"): a sub-heading of that part, not a part of its own."""
    inner = _OUTLINE.match(text)
    outer = _OUTLINE.match(part_title.text) if part_title is not None else None
    return (inner is not None and outer is not None and inner.group("sub") is not None
            and inner.group("top").upper() == outer.group("top").upper())


@dataclass(frozen=True)
class Part:
    """One part: its role and its title line; it runs to the next part's title."""

    role: Role
    title: Line


def title_role(text: str) -> Role | None:
    """The role a title names, after any numbering ("Section III –", "4.", "Part B:")."""
    stripped = _NUMBERING.sub("", text.strip(), count=1).strip(" :.-\u2013\u2014")
    if not stripped:
        return None
    for role, pattern in _ROLE_TITLES:
        if pattern.search(stripped):
            return role
    return None


_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with its their our".split())
_LEADER = re.compile(r"\.{2,}|\u2026|\s\d{1,3}$")


def _is_title(line: Line, nxt: Line | None) -> bool:
    """A short line that names something: not a sentence's first line, not a contents entry."""
    text = line.text.strip()
    words = text.split()
    if not 0 < len(words) <= _MAX_TITLE_WORDS or _SENTENCE_END.search(text) or text[:1].islower():
        return False
    if len(segments(line)) != 1 or _LEADER.search(text):
        return False
    # a sentence wrapped onto the next line reads on in lower case ("We have examined Acme's description ...")
    lower = sum(1 for w in words if w[:1].islower() and w.lower() not in _SMALL_WORDS)
    if lower > 2:
        return False
    return not (nxt is not None and nxt.page == line.page and 0 <= nxt.top - line.bottom < line.height * 0.5
                and nxt.text[:1].islower())


def _usual_height(doc: Document) -> float:
    """The body text's line height: the median over lines of running prose (tables are often set smaller)."""
    heights = sorted(round(ln.height, 1) for p in doc.text_pages for ln in p.lines
                     if not ln.furniture and len(ln.words) >= _PROSE_WORDS and len(segments(ln)) == 1)
    return heights[len(heights) // 2] if heights else 10.0


def _stands_out(line: Line, first_on_page: bool, usual: float) -> bool:
    """Whether a title line looks like a part's title rather than a sub-heading: numbered as a section, set
    larger or in capitals than the body, or opening its page."""
    text = line.text.strip()
    return (first_on_page or bool(_NUMBERING.match(text)) or line.height >= usual * _TITLE_SCALE
            or (text.upper() == text and any(c.isalpha() for c in text)))


def _continues_title(line: Line) -> bool:
    """Whether a line can be the rest of a title wrapped onto it ("and Tests of Controls")."""
    text = line.text.strip()
    return 0 < len(text.split()) <= 10 and not _SENTENCE_END.search(text) and len(segments(line)) == 1


def _joined(line: Line, nxt: Line) -> Line:
    """A title's two lines as one (for the title tests)."""
    return Line(line.words + nxt.words, line.page, f"{line.text} {nxt.text}")


def _wraps_onto(line: Line, nxt: Line) -> bool:
    """Whether a title goes on onto the next line (same size, no paragraph gap)."""
    return (nxt.page == line.page and 0 <= nxt.top - line.bottom < line.height * 0.8
            and abs(nxt.height - line.height) < 1.0)


class Parts:
    """The parts of one document, and the role of any line.

    The auditor's report ends with its signature: the date line after the opinion. What follows it without a
    title of its own (a CUEC passage printed after the signature) belongs to no part. Inside the auditor's
    report, only a numbered, larger or capitalised title starts another part: its own sub-headings ("Description
    of Tests of Controls") do not.
    """

    def __init__(self, doc: Document) -> None:
        self.parts: list[Part] = []
        self._starts: list[float] = []  # the reading order at which each role starts
        self._roles: list[Role | None] = []
        usual = _usual_height(doc)
        role: Role | None = None
        opinion_seen = False
        for page in doc.text_pages:
            if page.number in doc.toc_pages:
                continue
            body = [ln for ln in doc.body_lines(page) if not doc.is_toc_line(ln)]
            for k, line in enumerate(body):
                nxt = body[k + 1] if k + 1 < len(body) else None
                if role is Role.AUDITOR_REPORT:
                    opinion_seen = opinion_seen or bool(OPINION_SENTENCE.search(line.text))
                    if opinion_seen and DATE_ONLY_LINE.match(line.text):
                        self._mark(None, line, after=True)
                        role = None
                        continue
                wrapped = nxt is not None and _wraps_onto(line, nxt) and _continues_title(nxt)
                # a title set large may wrap onto a line that reads on in lower case ("... and Tests" / "of
                # Operating Effectiveness"); a body-sized line doing so is a sentence, unless it ends with a comma
                wraps_title = wrapped and nxt is not None and (
                    line.text.rstrip().endswith(",") or line.height >= usual * _TITLE_SCALE)
                if not (_is_title(line, nxt) or (wraps_title and nxt is not None
                                                 and _is_title(_joined(line, nxt), None))):
                    continue
                inside_report = role is Role.AUDITOR_REPORT
                if not _stands_out(line, k < 2 and not inside_report, usual):
                    continue
                found = title_role(line.text)
                if found is None and wrapped and nxt is not None and not DATE_ONLY_LINE.match(line.text):
                    found = title_role(f"{line.text} {nxt.text}")
                if found is None or found is role or (inside_report and AUDITOR_SUBHEADING.match(line.text)):
                    continue
                if role is not None and self.parts and _sub_section_of(line.text, self.parts[-1].title):
                    continue
                if found is not Role.AUDITOR_REPORT and page.number == 1 and len(doc.pages) > _COVER_PAGES:
                    continue  # the cover's title ("Report on Acme's Description of Its ... System")
                self.parts.append(Part(found, line))
                self._mark(found, line)
                role = found
                opinion_seen = False

    def _mark(self, role: Role | None, line: Line, after: bool = False) -> None:
        self._starts.append(line.order + 0.5 if after else line.order)
        self._roles.append(role)

    def role_of(self, line: Line) -> Role | None:
        """The role of the part holding `line` (None before the first part's title, or after the auditor's
        signature until the next title)."""
        i = bisect_right(self._starts, line.order) - 1
        return self._roles[i] if i >= 0 else None

    def has(self, role: Role) -> bool:
        return any(p.role is role for p in self.parts)

    def roles(self) -> list[Role]:
        return [p.role for p in self.parts]


def role_of(doc: Document, line: Line) -> Role | None:
    """The role of the part holding `line`, when the document's parts were found."""
    parts = doc.parts
    return parts.role_of(line) if isinstance(parts, Parts) else None


OUTSIDE_DESCRIPTION = (Role.AUDITOR_REPORT, Role.ASSERTION)
"""Parts that may mention user entity or subservice controls but never list them."""
