"""`report(...)`: a complete holdout `Report` from a few choices, filled in with an RNG seeded by the document id."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from . import words
from .model import EN, Csoc, Ctl, Cuec, Report, Sub

AUDITORS = {
    "vantwell": ("Vantwell Kessler LLP", "Chicago, Illinois"),
    "oakhurst": ("Oakhurst Bramley LLP", "Boston, Massachusetts"),
    "praxis": ("Praxis Lind CPAs, LLC", "Austin, Texas"),
    "greystoke": ("Greystoke Ainsley CPAs, PLLC", "Nashville, Tennessee"),
    "bellmoor": ("Bellmoor & Tate LLP", "Seattle, Washington"),
}

SUBSERVICES = {
    "AWS": ("Amazon Web Services", "AWS", "infrastructure-as-a-service hosting of the production environment"),
    "Azure": ("Microsoft Azure", "Azure", "cloud hosting of the production database and file storage"),
    "GCP": ("Google Cloud Platform", "GCP", "hosting, managed databases and object storage"),
    "Norrland": ("Norrland Data Centres Ltd.", "Norrland", "colocation of the disaster recovery site"),
    "Quayside": ("Quayside Print & Mail, Inc.", "Quayside", "printing and mailing of participant statements"),
}

SERIES = {"CC1": "Control Environment", "CC2": "Communication and Information", "CC3": "Risk Assessment",
          "CC4": "Monitoring Activities", "CC5": "Control Activities", "CC6": "Logical and Physical Access Controls",
          "CC7": "System Operations", "CC8": "Change Management", "CC9": "Risk Mitigation",
          "A1": "Additional Criteria for Availability", "C1": "Additional Criteria for Confidentiality",
          "PI1": "Additional Criteria for Processing Integrity", "P": "Privacy Criteria"}


def series_name(criterion: str) -> str:
    head = criterion.split(".")[0]
    return SERIES.get(head, SERIES["P"] if head.startswith("P") and not head.startswith("PI") else "")


def crit_key(c: str) -> tuple[int, int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)\.(\d+)", c)
    assert m, c
    return ("CC", "A", "PI", "C", "P").index(m.group(1)), int(m.group(2)), int(m.group(3))


def _category(criterion: str) -> str:
    if criterion.startswith("CC"):
        return "Security"
    for prefix, cat in (("A1", "Availability"), ("C1", "Confidentiality"), ("PI1", "Processing Integrity")):
        if criterion.startswith(prefix):
            return cat
    return "Privacy"


def report(doc_id: str, template: str, vendor: str, brand: str, system: str, *, framework: str = "SOC 2",
           type: str | None = "Type 2", end: date = date(2024, 9, 30), months: int = 12,
           categories: tuple[str, ...] = ("Security",), n_controls: int = 14, exceptions: tuple[int, ...] = (),
           exc_style: str = "sample", opinion: str = "unmodified", period_style: str = "from_through",
           date_style: str = "us", id_style: str = "crit_seq", pass_text: str = "No exceptions noted.",
           not_occurred: tuple[int, ...] = (), missing_responses: tuple[int, ...] = (), n_cuecs: int = 4,
           cuec_form: str = "table", subs: tuple[tuple[str, str, str], ...] = (("AWS", "carve-out", "named"),),
           n_csocs: int = 0, csoc_heading: str = "Complementary Subservice Organization Controls",
           recipient: str = "Northgate Federal Credit Union", prior: bool = False, lag: int = 38,
           roman: bool = False, n_objectives: int = 5) -> Report:
    rng = random.Random(doc_id)
    auditor, city = AUDITORS[template]
    over_period = type == "Type 2" or framework == "SOC 3"
    start = _months_before(end, months) if over_period else None
    r = Report(doc_id=doc_id, template=template, framework=framework, type=type, vendor=vendor, brand=brand,
               system=system, auditor=auditor, auditor_city=city, recipient=recipient,
               report_date=end + timedelta(days=lag), period_start=start, period_end=end if start else None,
               as_of=None if start else end, period_style=period_style, date_style=date_style, opinion=opinion,
               categories=list(categories) if framework != "SOC 1" else [], cuec_form=cuec_form,
               csoc_heading=csoc_heading, assertion_date=end + timedelta(days=lag - 2), roman=roman,
               numeric_dates=template == "praxis" and over_period)
    if prior and start:
        r.prior_period = (_months_before(start - timedelta(days=1), months), start - timedelta(days=1))
    if framework == "SOC 1":
        _soc1_controls(r, rng, n_objectives, id_style)
    elif framework == "SOC 2":
        _soc2_controls(r, rng, n_controls, id_style)
    if type == "Type 2" and framework != "SOC 3":
        _results(r, rng, exceptions, exc_style, pass_text, not_occurred, missing_responses)
    r.subservices = [Sub(*SUBSERVICES[key], method=method, phrasing=phrasing) for key, method, phrasing in subs]
    _complementary(r, rng, n_cuecs, n_csocs)
    return r


def _months_before(end: date, months: int) -> date:
    y, m = end.year, end.month - months + 1
    while m < 1:
        m += 12
        y -= 1
    return date(y, m, 1)


def _soc2_controls(r: Report, rng: random.Random, n: int, id_style: str) -> None:
    pool = [row for row in words.SOC2 if all(_category(c) in r.categories for c in row[1])]
    extra = [row for row in pool if not row[1][0].startswith("CC")]
    core = [row for row in pool if row[1][0].startswith("CC")]
    keep = set(map(id, rng.sample(core, min(len(core), max(n - len(extra), 4))))) | set(map(id, extra))
    rows = [row for row in pool if id(row) in keep]
    counters: dict[str, int] = {}
    for i, (fam, crit, act, test, pop, fail) in enumerate(rows, start=1):
        first = crit[0]
        key = {"crit_seq": first, "family": fam}.get(id_style, "all")
        counters[key] = counters.get(key, 0) + 1
        cid = {"crit_seq": f"{first}.{counters[key]}", "family": f"{fam}-{counters[key]:02d}",
               "c_num": f"C-{100 + 4 * i}", "sec": f"SEC-{i + 6:02d}"}[id_style]
        r.controls.append(Ctl(cid, act, test, criteria=list(crit), population=pop, failure=fail))


def _soc1_controls(r: Report, rng: random.Random, n_obj: int, id_style: str) -> None:
    for o, (text, rows) in enumerate(words.SOC1[:n_obj], start=1):
        r.objectives.append((str(o), text))
        for j, (act, test, pop, fail) in enumerate(rows, start=1):
            cid = {"obj_dot": f"{o}.{j}", "co": f"CO{o}-{j:02d}"}[id_style]
            r.controls.append(Ctl(cid, act, test, objective=str(o), population=pop, failure=fail))


def _exception_text(c: Ctl, rng: random.Random, style: str, i: int) -> str:
    n = rng.choice((25, 40, 60))
    k = 1 + (i % 2)
    if style == "see_response":
        return f"Exceptions noted {EN} see management response."
    if style == "deviation":
        return f"Deviation noted: for {k} of {n} {c.population} inspected, {c.failure}."
    if style == "auditor_noted":
        return (f"The service auditor noted that for {k} of {n} {c.population} selected, {c.failure}. "
                "No other exceptions were noted.")
    return (f"Exception noted. For {k} of {n} samples selected, {c.failure}. The service auditor inquired of "
            "management regarding the cause and was informed that the instance was an oversight during a period "
            f"of staff turnover; an additional sample of {n // 5} was selected and no further exceptions were noted.")


def _results(r: Report, rng: random.Random, exc: tuple[int, ...], style: str, pass_text: str,
             not_occurred: tuple[int, ...], missing: tuple[int, ...]) -> None:
    first = rng.randrange(len(words.RESPONSES))
    for i, c in enumerate(r.controls):
        if i in exc:
            j = exc.index(i)
            c.exception = True
            c.result = _exception_text(c, rng, style, j)
            c.response = None if i in missing else words.RESPONSES[(first + j) % len(words.RESPONSES)]
        elif i in not_occurred:
            c.result = words.NOT_OCCURRED if i % 2 == 0 or r.template != "praxis" else words.NOT_OCCURRED_ALT
        else:
            c.result = pass_text


def _complementary(r: Report, rng: random.Random, n_cuecs: int, n_csocs: int) -> None:
    in_scope = {c for ctl in r.controls for c in ctl.criteria}
    if r.framework == "SOC 1":
        objs = {o for o, _ in r.objectives}
        r.cuecs = [Cuec(t, objective=o) for o, t in words.SOC1_CUECS if o in objs][:n_cuecs]
    else:
        pool = []
        for text, crit in words.CUECS:
            printed = [c for c in crit if c in in_scope] if r.framework == "SOC 2" else []
            if r.cuec_form == "table" and not printed:
                continue
            pool.append(Cuec(text, printed))
        r.cuecs = pool[:n_cuecs]
    csocs = []
    for s in r.subservices:
        for text, crit in words.CSOCS.get(s.short, []):
            csocs.append(Csoc(text, s.name, [c for c in crit if c in in_scope]))
    r.csocs = csocs[:n_csocs]
