"""The data of one holdout document, from which both its PDF and its ground truth are made.

The truth has exactly the shape of the main corpus (notes/CORPUS_CONTRACT.md, `tests.fixtures.spec`): the
same helpers normalise text and print dates, so a date is never typed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tests.fixtures.spec import CATEGORY_ORDER, empty_report, fmt_date, norm, twelve_months_start

EM, EN = "\u2014", "\u2013"


@dataclass
class Ctl:
    id: str
    activity: str
    test: str
    criteria: list[str] = field(default_factory=list)
    objective: str | None = None
    population: str = ""
    failure: str = ""
    result: str = ""
    exception: bool = False
    response: str | None = None


@dataclass
class Sub:
    name: str
    short: str
    services: str
    method: str  # "carve-out" | "inclusive"
    phrasing: str = "named"  # named: the method is said; silent: only "did not extend to" says carve-out


@dataclass
class Cuec:
    text: str
    criteria: list[str] = field(default_factory=list)
    objective: str | None = None


@dataclass
class Csoc:
    text: str
    org: str
    criteria: list[str] = field(default_factory=list)


@dataclass
class Report:
    doc_id: str
    template: str
    framework: str  # SOC 1 | SOC 2 | SOC 3
    type: str | None  # Type 1 | Type 2 | None
    vendor: str  # legal name, as truth expects it
    brand: str  # what the logo prints
    system: str
    auditor: str
    auditor_city: str
    recipient: str
    report_date: date
    period_start: date | None = None
    period_end: date | None = None
    as_of: date | None = None
    period_style: str = "from_through"  # from_through | to | em_dash | twelve_months | throughout
    date_style: str = "us"
    opinion: str = "unmodified"
    categories: list[str] = field(default_factory=list)
    controls: list[Ctl] = field(default_factory=list)
    objectives: list[tuple[str, str]] = field(default_factory=list)  # (id, text)
    cuecs: list[Cuec] = field(default_factory=list)
    cuec_form: str = "table"  # table (criteria | control) | numbered | lettered | objective_table
    subservices: list[Sub] = field(default_factory=list)
    csocs: list[Csoc] = field(default_factory=list)
    csoc_heading: str = "Complementary Subservice Organization Controls"
    prior_period: tuple[date, date] | None = None
    assertion_date: date | None = None
    roman: bool = False  # "Type II" rather than "Type 2"
    numeric_dates: bool = False  # the template also prints the period as "01/01/2024 - 06/30/2024"

    def fmt(self, d: date) -> str:
        return fmt_date(d, self.date_style)

    @property
    def type_word(self) -> str:
        if not self.type:
            return ""
        return {"Type 1": "Type I", "Type 2": "Type II"}[self.type] if self.roman else self.type

    @property
    def exceptions(self) -> list[Ctl]:
        return [c for c in self.controls if c.exception]

    def period(self) -> str:
        """The period words as the opinion prints them."""
        f = self.fmt
        if self.as_of:
            return f"as of {f(self.as_of)}"
        s, e = self.period_start, self.period_end
        return {
            "from_through": f"for the period from {f(s)} through {f(e)}",
            "to": f"for the period {f(s)} to {f(e)}",
            "em_dash": f"for the period {f(s)} {EM} {f(e)}",
            "twelve_months": f"for the twelve months ended {f(e)}",
            "throughout": f"throughout the period {f(s)} to {f(e)}",
        }[self.period_style]

    def scope(self) -> str:
        cats = [c.lower() for c in CATEGORY_ORDER if c in self.categories]
        if len(cats) <= 2:
            return " and ".join(cats)
        return ", ".join(cats[:-1]) + ", and " + cats[-1]

    def truth_report(self, pages: dict[str, int]) -> dict[str, Any]:
        soc2 = self.framework == "SOC 2"
        start = twelve_months_start(self.period_end) if self.period_style == "twelve_months" else self.period_start
        return {
            "framework": self.framework, "type": self.type, "service_organization": self.vendor,
            "system": self.system, "period_start": _iso(start if self.period_end else None),
            "period_end": _iso(self.period_end), "as_of": _iso(self.as_of), "report_date": _iso(self.report_date),
            "bridge_period_end": None, "service_auditor": self.auditor, "opinion": self.opinion,
            "categories": [c for c in CATEGORY_ORDER if c in self.categories],
            "criteria": sorted({c for ctl in self.controls for c in ctl.criteria}) if soc2 else [],
            "control_objectives": [{"id": i, "text": t} for i, t in self.objectives],
            "exceptions": [{
                "control_id": c.id, "criteria": sorted(c.criteria), "control_objective": c.objective,
                "description": norm(c.result), "management_response": norm(c.response) if c.response else None,
                "page": pages[f"result:{c.id}"]} for c in self.exceptions],
            # a CUEC's criteria count only where the report prints them beside it (the criteria | control table)
            "cuecs": [{"text": norm(c.text), "criteria": sorted(c.criteria) if self.cuec_form == "table" else [],
                       "page": pages[f"cuec:{i}"]} for i, c in enumerate(self.cuecs)],
            "subservice_organizations": [{"name": s.name, "services": s.services, "method": s.method}
                                         for s in self.subservices],
            "csocs": [{"text": norm(c.text), "subservice_organization": c.org, "page": pages[f"csoc:{i}"]}
                      for i, c in enumerate(self.csocs)],
        }

    def printed_dates(self) -> dict[str, list[str]]:
        out = {"report_date": [self.fmt(self.report_date)]}
        if self.period_end:
            out["period_end"] = [self.fmt(self.period_end)]
            if self.period_style != "twelve_months":
                out["period_start"] = [self.fmt(self.period_start)]
            if self.numeric_dates:
                out["period_end"].append(fmt_date(self.period_end, "numeric"))
                out["period_start"].append(fmt_date(self.period_start, "numeric"))
        if self.as_of:
            out["as_of"] = [self.fmt(self.as_of)]
        return out


@dataclass
class Letter:
    """A bridge letter (signed by the vendor's management) or a document that is not a SOC report."""

    doc_id: str
    template: str
    kind: str  # bridge | hipaa | pci
    vendor: str
    brand: str
    system: str
    letter_date: date
    signer: str
    signer_title: str
    date_style: str = "us"
    framework: str | None = None
    type: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    as_of: date | None = None
    covers_to: date | None = None
    auditor: str | None = None
    roman: bool = False
    issuer: str = ""
    recipient: str = ""

    def fmt(self, d: date) -> str:
        return fmt_date(d, self.date_style)

    @property
    def type_word(self) -> str:
        return {"Type 1": "Type I", "Type 2": "Type II"}[self.type] if self.roman else (self.type or "")

    def truth_report(self, pages: dict[str, int]) -> dict[str, Any]:
        rep = empty_report()
        if self.kind == "bridge":
            rep.update({"framework": self.framework, "type": self.type, "service_organization": self.vendor,
                        "system": self.system, "period_start": _iso(self.period_start),
                        "period_end": _iso(self.period_end), "as_of": _iso(self.as_of),
                        "report_date": _iso(self.letter_date), "bridge_period_end": _iso(self.covers_to),
                        "service_auditor": self.auditor})
        return rep

    def printed_dates(self) -> dict[str, list[str]]:
        if self.kind != "bridge":
            return {}
        out = {"report_date": [self.fmt(self.letter_date)], "bridge_period_end": [self.fmt(self.covers_to)]}
        for key, d in (("period_start", self.period_start), ("period_end", self.period_end),
                       ("as_of", self.as_of)):
            if d:
                out[key] = [self.fmt(d)]
        return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
