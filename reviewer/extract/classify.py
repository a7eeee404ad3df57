"""What the document is: SOC report, bridge letter or other; and the report's framework and type.

Reads the language, not a layout: a SOC report has a service auditor's report with an opinion; a bridge
letter is a short letter from management bridging a report's period to a later date; anything else that
merely mentions SOC reports (an ISO certificate, a pen-test letter) is "other". The framework and type come
from the title words ("SOC 2 Type II", "System and Organization Controls (SOC) 2 Type 2") on the first pages,
then from the standard named (SSAE 16, AT-C 320, Trust Services Criteria) and the report's own words
("operating effectiveness throughout the period" is a Type 2; "suitability of the design ... as of" a Type 1).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reviewer.extract.layout import Document, evidence_at
from reviewer.extract.model import Evidence
from reviewer.extract.vocabulary import OPINION_SENTENCE

_SOC = re.compile(
    r"\b(?:SOC|Service\s+Organi[sz]ation\s+Controls?|System\s+and\s+Organi[sz]ation\s+Controls?"
    r"(?:\s*\(SOC\))?)\s*(?:for\s+Service\s+Organi[sz]ations\s*:?\s*)?(?P<n>[123])(?!\d)(?:\s*\u00ae|\s*\(r\))?"
    r"(?P<tail>(?:[\s\-\u2013:,]*(?:\u00ae|\(R\)))?[\s\-\u2013:,]*(?:Type|TYPE)\s*(?P<t>1|2|I{1,2}|One|Two)\b)?",
    re.I)
# the AICPA's own names for the reports: "SOC for Service Organizations: Trust Services Criteria" is a SOC 2
_SOC_NAMED = re.compile(r"\bSOC\s+for\s+Service\s+Organi[sz]ations\s*:\s*(?:(?P<tsc>Trust\s+Services\s+Criteria)"
                        r"(?P<general>\s+for\s+General\s+Use)?|"
                        r"(?:ICFR|Internal\s+Control\s+over\s+Financial\s+Reporting))", re.I)
_ISAE = re.compile(r"\bISAE\s*(?:No\.?\s*)?3402\b", re.I)
# a SOC report names itself, its standard or a service organization; an attestation that only shares the
# wording (an examination of compliance under SSAE 21, with an assertion and an opinion) is not one
_SOC_SUBJECT = re.compile(r"\bSOC\s?[123]\b|service\s+organi[sz]ation|\bservice\s+auditor|\bISAE\s*3402\b|"
                          r"trust\s+services?\s+(?:criteria|principles)|\bSSAE\s*1[68]\b|\bSAS\s*(?:No\.\s*)?70\b|"
                          r"AT-C\s*(?:section\s*)?(?:205|320)", re.I)
_SOC_TIGHT = re.compile(r"\bSOC\s?(?P<n>[123])(?!\d)")
_TYPE = re.compile(r"\bType\s*(?P<t>1|2|II|I|One|Two)\b(?!\.\d)")
_SOC1_HINTS = re.compile(r"\b(?:SSAE\s*1[68]|SAS\s*(?:No\.\s*)?70|AT-C\s*(?:section\s*)?320|ISAE\s*3402|"
                         r"internal\s+control\s+over\s+financial\s+reporting|control\s+objectives?)\b", re.I)
_SOC2_HINTS = re.compile(r"\b(?:trust\s+services?\s+(?:criteria|principles|categories)|AT-C\s*(?:section\s*)?205|"
                         r"TSP\s*(?:section\s*)?100)\b", re.I)
_AUDITOR = re.compile(r"independent\s+service\s+auditor|service\s+auditor[\u2019']s\s+report|"
                      r"independent\s+(?:accountant|auditor)[\u2019']?s?[\u2019']?\s+(?:examination\s+)?report|"
                      r"report\s+of\s+independent\s+(?:accountants|auditors)", re.I)
_OPINION = re.compile(r"\bin\s+our\s+opinion\b|\bwe\s+do\s+not\s+express\s+an\s+opinion\b|\bopinion\b", re.I)
_REPORT_WORDS = re.compile(r"management[\u2019']s\s+assertion|assertion\s+of|description\s+of|"
                           r"service\s+organi[sz]ation", re.I)
_BRIDGE = re.compile(r"\bbridge\s+letter\b|\bgap\s+letter\b|\bbridging\s+letter\b|\bbridge\s+the\s+(?:gap|period)\b|"
                     r"\bbridge\s+period\b|\bletter\s+of\s+(?:representation\s+)?(?:no\s+)?(?:material\s+)?change",
                     re.I)
_MATERIAL = r"(?:(?:material|significant|substantive)\s+)?"
_NO_CHANGE = re.compile(rf"\bno\s+{_MATERIAL}changes?\b|\bnot\s+aware\s+of\s+any\s+{_MATERIAL}changes?\b|"
                        rf"\bha(?:s|ve)\s+not\s+(?:made|been)\s+(?:any\s+)?{_MATERIAL}change", re.I)
_OPERATING = re.compile(r"operating\s+effectiveness|operated\s+effectively|tests\s+of\s+operating", re.I)
_NOT_PERFORMED = re.compile(r"\b(?:not|never)\s+(?:been\s+)?(?:performed|tested|evaluated|examined)\b|"
                            r"\bno\s+tests?\s+of\s+operating", re.I)
_DESIGN_ONLY = re.compile(r"placed\s+in\s+operation|suitability\s+of\s+(?:the\s+)?design|suitably\s+designed", re.I)


# a sentence about another report than this one: the previous or next one, a companion report, one it replaces
_OTHER_REPORT = re.compile(r"\b(?:prior|previous|preceding|last\s+year|next|upcoming|subsequent|future|"
                           r"also\s+available|available\s+(?:on\s+request|upon\s+request|separately)|supersed\w*|"
                           r"replac\w*|follows\s+our|companion)\b", re.I)


_LETTER_PAGES = 6  # a bridge letter beside a service auditor's report is at most this long


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end] (bounded by full stops or blank lines)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n\n", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1:right]


@dataclass
class Classification:
    """document type, framework and type, with where each was read."""

    document_type: str | None
    framework: str | None = None
    type: str | None = None
    evidence: dict[str, Evidence] | None = None
    notes: list[str] = field(default_factory=list)  # warnings about the classification itself


def _type_value(t: str) -> str:
    return "Type 2" if t.upper() in ("2", "II", "TWO") else "Type 1"


def classify(doc: Document) -> Classification:
    pages = doc.text_pages
    if not pages:
        return Classification(None)
    ev: dict[str, Evidence] = {}
    head = pages[:4]
    head_text = "\n".join(p.text for p in head)
    all_text_len = sum(len(p.text) for p in pages)
    auditor = any(_AUDITOR.search(p.text) for p in pages[:25])
    opinion = any(_OPINION.search(p.text) for p in pages[:30])
    report_words = any(_REPORT_WORDS.search(p.text) for p in pages[:30])
    bridge = _BRIDGE.search(head_text)
    # a bridge letter exists to say that nothing changed since the report; a letter that only mentions one
    # (an attestation relying on a SOC report and its bridge letter) is not one. A letter is short, unless what
    # follows it is attachments: a document in which no auditor states an opinion is a letter at any length
    letter_length = len(pages) <= _LETTER_PAGES or not any(OPINION_SENTENCE.search(p.text) for p in pages)
    if letter_length and _NO_CHANGE.search(head_text) and (bridge or (_SOC_TIGHT.search(head_text) and not auditor)):
        kind = "bridge_letter"
    elif auditor and opinion and report_words and all_text_len > 600 and any(
            _SOC_SUBJECT.search(p.text) for p in pages[:30]):
        kind = "soc_report"
    else:
        return Classification("other")

    framework, ftype = _framework_and_type(doc, kind, ev)
    if kind == "soc_report" and ftype is None and framework in ("SOC 1", "SOC 2"):
        ftype = _type_from_wording(doc, ev)
    if framework == "SOC 3":
        ftype = None
        ev.pop("type", None)
    notes = []
    isae = next((p for p in pages[:6] if _ISAE.search(p.text)), None)
    if isae is not None and framework == "SOC 1" and not _SOC_TIGHT.search(isae.text):
        notes.append("the report is an ISAE 3402 report (the international standard), read as its equivalent, "
                     "a SOC 1 report")
    return Classification(kind, framework, ftype, ev, notes)


def _framework_and_type(doc: Document, kind: str, ev: dict[str, Evidence]) -> tuple[str | None, str | None]:
    """The first explicit "SOC n [Type m]" on the first pages (title), else the most frequent in the report."""
    pages = doc.text_pages
    framework = ftype = None
    counts: Counter[str] = Counter()
    first: dict[str, tuple] = {}
    for page in pages[: 6 if kind == "soc_report" else len(pages)]:
        for m in _SOC.finditer(page.text):
            if "SOC" not in m.group(0).upper() and "ORGANI" not in m.group(0).upper():
                continue
            if kind == "soc_report" and _OTHER_REPORT.search(_sentence_around(page.text, m.start(), m.end())):
                continue  # "our prior SOC 2 Type 1 report", "a SOC 3 report is also available": another report
            fw = f"SOC {m.group('n')}"
            counts[fw] += 1
            first.setdefault(fw, (page, m))
            if framework is None:
                framework = fw
                ev["framework"] = evidence_at(page, m.start(), m.end())
                if m.group("t"):
                    ftype = _type_value(m.group("t"))
                    ev["type"] = evidence_at(page, m.start(), m.end())
        named = _SOC_NAMED.search(page.text) if framework is None else None
        if named:
            framework = "SOC 3" if named.group("general") else "SOC 2" if named.group("tsc") else "SOC 1"
            ev["framework"] = evidence_at(page, named.start(), named.end())
        if framework:
            break
    if framework is None:
        # older and unlabelled reports: name the standard instead
        for page in pages[:12]:
            m1 = _SOC1_HINTS.search(page.text)
            m2 = _SOC2_HINTS.search(page.text)
            m = m2 or m1
            if m:
                framework = "SOC 2" if m2 else "SOC 1"
                ev["framework"] = evidence_at(page, m.start(), m.end()).unsure(
                    "the report never names itself SOC 1, 2 or 3: the framework was read from the standard it cites")
                break
    if framework and ftype is None:
        # "Type 2" printed apart from "SOC 2" on the cover or in the title
        for page in pages[:3]:
            m = _TYPE.search(page.text)
            if m:
                ftype = _type_value(m.group("t"))
                ev["type"] = evidence_at(page, m.start(), m.end())
                break
    return framework, ftype


def _type_from_wording(doc: Document, ev: dict[str, Evidence]) -> str | None:
    """The type from the words that describe the examination, page by page from the front: the first page that
    speaks of operating effectiveness (not of its tests being "not performed") makes it a Type 2, the first that
    speaks only of the suitability of the design, or of controls placed in operation as of a date, a Type 1."""
    for page in doc.text_pages[:8]:
        if doc.toc_pages and page.number in doc.toc_pages:
            continue
        operating = next((m for m in _OPERATING.finditer(page.text)
                          if not _NOT_PERFORMED.search(_sentence_around(page.text, m.start(), m.end()))), None)
        if operating:
            ev["type"] = evidence_at(page, operating.start(), operating.end()).unsure(
                "the report states no type: Type 2 was read from its wording (operating effectiveness)")
            return "Type 2"
        design = _DESIGN_ONLY.search(page.text)
        if design:
            ev["type"] = evidence_at(page, design.start(), design.end()).unsure(
                "the report states no type: Type 1 was read from its wording (design only)")
            return "Type 1"
    return None
