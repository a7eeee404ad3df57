"""What one variation document says, drawn from its seed: vendor, firm, dates, controls and their results,
CUECs, CSOCs and subservice organizations. The composer prints a plan and the truth is computed from it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import bank
from .axes import AxisDraw

CATEGORY_ORDER = ("Security", "Availability", "Processing Integrity", "Confidentiality", "Privacy")
CATEGORY_SETS = {"security": ("Security",), "security_availability": ("Security", "Availability"),
                 "security_availability_confidentiality": ("Security", "Availability", "Confidentiality"),
                 "security_confidentiality": ("Security", "Confidentiality"),
                 "security_processing_integrity": ("Security", "Processing Integrity"), "all_five": CATEGORY_ORDER}
PREFIX_OF_CATEGORY = {"Security": "CC", "Availability": "A1", "Processing Integrity": "PI1", "Confidentiality": "C1",
                      "Privacy": "P"}
SHORT_PREFIX = {"GOV": "HR", "RSK": "RM", "MON": "MO", "POL": "GV", "ACC": "AC", "NET": "NS", "ENC": "EN",
                "END": "EP", "VUL": "VM", "INC": "IR", "CHG": "CM", "VEN": "VR", "BCP": "BC", "AVL": "AV",
                "CON": "CF", "PRI": "PI", "PRV": "PR", "OBJ": "OP"}


@dataclass
class Control:
    id: str
    text: str
    test: str
    criteria: list[str]
    objective: str | None
    result: str  # the result as printed, without any response
    bullets: list[str] = field(default_factory=list)  # "Exceptions noted:" then these items
    exception: bool = False
    response: str | None = None  # the truth: the response, or None
    response_printed: str | None = None  # what is printed as the response ("None provided." when truth is None)
    domain: str = ""

    def description(self) -> str:
        return " ".join([self.result, *self.bullets])


@dataclass
class Cuec:
    text: str
    criteria: list[str]  # as mapped; printed only by some layouts
    group: str


@dataclass
class Subservice:
    name: str
    short: str
    services: str


@dataclass
class Csoc:
    text: str
    org: Subservice


@dataclass
class Plan:
    index: int
    axes: AxisDraw
    rng: random.Random
    kind: str
    framework: str
    type: str | None
    vendor: str
    vendor_short: str
    system: str
    firm: str
    firm_city: str
    recipient: str
    period_start: dt.date | None
    period_end: dt.date | None
    as_of: dt.date | None
    report_date: dt.date
    bridge_end: dt.date | None = None
    categories: list[str] = field(default_factory=list)
    objectives: list[tuple[str, str, str]] = field(default_factory=list)  # (id, title, text)
    controls: list[Control] = field(default_factory=list)
    cuecs: list[Cuec] = field(default_factory=list)
    subservice: list[Subservice] = field(default_factory=list)
    method: str = "carve-out"
    csocs: list[Csoc] = field(default_factory=list)
    opinion: str | None = "unmodified"
    printed_dates: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_soc1(self) -> bool:
        return self.framework == "SOC 1"

    @property
    def tested(self) -> bool:
        return self.type == "Type 2" and self.kind != "bridge"

    def exceptions(self) -> list[Control]:
        return [c for c in self.controls if c.exception]


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def make_plan(index: int, seed: int, axes: AxisDraw) -> Plan:
    rng = random.Random(f"plan-{seed}-{index}")
    kind = axes["kind"]
    framework = {"soc2": "SOC 2", "soc1": "SOC 1", "soc3": "SOC 3"}.get(kind.split("-")[0], "SOC 2")
    rtype = {"type1": "Type 1", "type2": "Type 2"}.get(kind.split("-")[-1])
    if kind == "bridge":
        framework, rtype = rng.choice((("SOC 2", "Type 2"), ("SOC 2", "Type 2"), ("SOC 1", "Type 2")))
    stem = rng.choice(bank.VENDOR_STEMS)
    trade = rng.choice(bank.VENDOR_TRADES if framework != "SOC 1" else bank.VENDOR_TRADES[1::2])
    suffix = rng.choice(bank.VENDOR_SUFFIXES)
    vendor = f"{stem} {trade}{' ' if suffix.startswith(('Holdings', 'Technologies')) else ', '}{suffix}"
    system = f"{stem} {rng.choice(bank.PRODUCTS)}"
    if rng.random() < 0.4:
        system += rng.choice((" Platform", " Service", " System", " Processing System"))
    firm, city = rng.choice(bank.FIRMS)
    end = month_end(rng.choice((2022, 2023, 2024, 2025)), rng.randint(1, 12))
    start = as_of = None
    if rtype == "Type 2" or framework == "SOC 3":
        months = 12 if axes.peek("period_phrase") == "twelve_months_ended" else int(axes["period_months"])
        idx = end.year * 12 + end.month - months  # the first month of the period, counted from year 0
        start = dt.date(idx // 12, idx % 12 + 1, 1)
    else:
        as_of = end
    report_date = end + dt.timedelta(days=rng.randint(18, 80))
    plan = Plan(index=index, axes=axes, rng=rng, kind=kind, framework=framework, type=rtype, vendor=vendor,
                vendor_short=stem, system=system, firm=firm, firm_city=city, recipient=rng.choice(bank.RECIPIENTS),
                period_start=start, period_end=end if as_of is None else None, as_of=as_of, report_date=report_date)
    if kind == "bridge":
        plan.bridge_end = month_end(end.year + (end.month > 9), (end.month + 2) % 12 + 1)
        plan.report_date = plan.bridge_end + dt.timedelta(days=rng.randint(3, 25))
        plan.opinion = None
        return plan
    plan.opinion = axes["opinion"]
    if framework != "SOC 1":
        plan.categories = list(CATEGORY_SETS[axes["categories"]])
    draw_subservice(plan)
    if framework == "SOC 3":
        return plan
    if framework == "SOC 1":
        draw_soc1_controls(plan)
    else:
        draw_soc2_controls(plan)
    ids = [c.id for c in plan.controls]
    assert len(set(ids)) == len(ids), ids
    if plan.tested:
        draw_results(plan)
    draw_cuecs(plan)
    return plan


def in_scope(plan: Plan, criteria: list[str]) -> bool:
    prefixes = [PREFIX_OF_CATEGORY[c] for c in plan.categories]
    return all(any(c.startswith(p) and (p != "P" or not c.startswith("PI")) for p in prefixes) for c in criteria)


def draw_subservice(plan: Plan) -> None:
    rng, axes = plan.rng, plan.axes
    n = int(axes["subservice_count"])
    plan.subservice = [Subservice(name, short, services) for name, short, services in rng.sample(bank.CLOUDS, n)]
    plan.method = "inclusive" if axes["subservice_phrasing"] == "inclusive" else "carve-out"
    if plan.method == "carve-out" and plan.framework != "SOC 3" and axes["csoc_layout"] != "none":
        for org in plan.subservice:
            for text in rng.sample(bank.CSOCS, rng.randint(1, 3)):
                plan.csocs.append(Csoc(text.format(org=org.name, system=plan.system), org))


def control_id(plan: Plan, scheme: str, domain: str, criterion: str, objective: str | None, i: int,
               seen: dict[str, int]) -> str:
    group = objective or str(int(criterion[2]) if criterion.startswith("CC") else 10 + "APCP".index(criterion[0]))
    key = group if scheme == "dotted" else objective or criterion
    seen[key] = seen.get(key, 0) + 1
    n = seen[key]
    if scheme == "criterion":
        return f"CO{objective}-{n:02d}" if objective else f"{criterion}.{n}"
    if scheme == "prefix":
        return f"{SHORT_PREFIX[domain]}-{i:02d}"
    if scheme == "dotted":
        return f"{group}.{n}"
    if scheme == "c_number":
        return f"C-{100 + i}"
    if scheme == "domain":
        return f"{domain}-{i:02d}"
    initials = "".join(w[0] for w in plan.vendor_short.split())[:2].upper()
    initials = initials if len(initials) == 2 else plan.vendor_short[:2].upper()
    return f"{initials}-{i:02d}"


def draw_soc2_controls(plan: Plan) -> None:
    rng = plan.rng
    pool = [c for c in bank.SOC2_CONTROLS if in_scope(plan, c[1])]
    count = min(len(pool), rng.randint(10, 18))
    chosen = sorted(rng.sample(range(len(pool)), count))
    scheme, seen = plan.axes["id_scheme"], {}
    for i, idx in enumerate(chosen, start=1):
        domain, criteria, text, test, _exc, _resp = pool[idx]
        cid = control_id(plan, scheme, domain, criteria[0], None, i, seen)
        plan.controls.append(Control(cid, text.replace("{system}", plan.system), test, sorted(criteria), None,
                                     result="", domain=domain))


def draw_soc1_controls(plan: Plan) -> None:
    rng = plan.rng
    n = rng.randint(4, len(bank.SOC1_OBJECTIVES))
    objectives = sorted(rng.sample(range(len(bank.SOC1_OBJECTIVES)), n))
    scheme, seen, i = plan.axes["id_scheme"], {}, 0
    for number, idx in enumerate(objectives, start=1):
        title, text, controls = bank.SOC1_OBJECTIVES[idx]
        oid = str(number)
        plan.objectives.append((oid, title, f"Controls provide reasonable assurance that {text}"))
        for control, test, _dev, _resp in controls:
            i += 1
            cid = control_id(plan, scheme, "OBJ", "", oid, i, seen)
            plan.controls.append(Control(cid, control, test, [], oid, result="", domain="OBJ"))


def bank_entry(plan: Plan, control: Control) -> tuple[str, str]:
    """(exception template, response) of a control."""
    if plan.is_soc1:
        for _title, _text, controls in bank.SOC1_OBJECTIVES:
            for text, _test, dev, resp in controls:
                if text == control.text:
                    return dev, resp
    for _d, _c, text, _t, exc, resp in bank.SOC2_CONTROLS:
        if text.replace("{system}", plan.system) == control.text:
            return exc, resp
    raise KeyError(control.text)


CLEAN = {"no_exceptions": "No exceptions noted.", "no_exception": "No exception noted.",
         "no_deviations": "No deviations noted.", "no_relevant": "No relevant exceptions noted."}
NOT_OCCURRED = ("The circumstances that warrant the operation of the control did not occur during the period; "
                "therefore, no testing was performed.")
MENTIONS = {"exception_report": " The exception report generated by the monitoring tool was reviewed monthly and "
                                "contained no unresolved items.",
            "policy_exception": " A policy exception for the legacy reporting server was approved by the Chief "
                                "Information Security Officer and documented in the exception register."}
SECOND_BULLETS = ("For 1 of the same sample, evidence of the review was not retained.",
                  "The control owner could not provide the system report used to select the sample for one month.",
                  "For 1 additional item, the approval was recorded by a person without approval authority.")


def draw_results(plan: Plan) -> None:
    rng, axes = plan.rng, plan.axes
    clean = CLEAN[axes["clean_wording"]]
    if plan.is_soc1 and rng.random() < 0.6:
        clean = "No deviations noted."
    for c in plan.controls:
        c.result = clean
    want = min(int(axes["exception_count"]), len(plan.controls) - 2)
    multi = [c for c in plan.controls if len(c.criteria) > 1]
    single = [c for c in plan.controls if len(c.criteria) <= 1]
    picked: list[Control] = []
    if want and not plan.is_soc1:
        if axes["multi_criteria_exception"] == "yes":
            if not multi:
                extra = "CC6.3" if single[0].criteria[0] != "CC6.3" else "CC6.2"
                single[0].criteria = sorted({*single[0].criteria, extra})
                multi = [single.pop(0)]
            picked.append(rng.choice(multi))
        pool = [c for c in single if c not in picked]
        picked += rng.sample(pool, min(len(pool), want - len(picked)))
    elif want:
        picked = rng.sample(plan.controls, want)
    picked = [c for c in plan.controls if c in picked]  # report order
    for n, c in enumerate(picked):
        wording = axes["exception_wording"] if n == 0 else rng.choice(("exception_noted", "see_response",
                                                                        "deviation_colon", "bullets"))
        template, response = bank_entry(plan, c)
        k, total = rng.randint(1, 3), rng.choice((10, 12, 20, 25, 30, 40, 60))
        body = template.format(k=k, n=total)
        c.exception, c.response, c.response_printed = True, response, response
        if wording == "bullets":
            c.result, c.bullets = "Exceptions noted:", [body, rng.choice(SECOND_BULLETS)]
        elif wording == "deviation_colon":
            c.result = "Deviation noted: " + body[0].lower() + body[1:]
        elif wording == "see_response":
            c.result = "Exceptions noted – see management response. " + body
        else:
            c.result = ("Deviation noted. " if plan.is_soc1 else "Exception noted. ") + body
    if picked:
        missing = axes["missing_response"]
        last = picked[-1]
        if missing != "none" and not last.result.startswith("Exceptions noted – see"):
            last.response = None
            last.response_printed = {"none_provided": "None provided.",
                                     "did_not_provide": "Management did not provide a response.",
                                     "not_printed": None}[missing]
    clean_rows = [c for c in plan.controls if not c.exception]
    if axes["clean_not_occurred"] == "yes" and clean_rows:
        rng.choice(clean_rows).result = NOT_OCCURRED
    mention = axes["clean_then_mention"]
    plain = [c for c in clean_rows if c.result == clean]
    if mention != "no" and plain:
        target = rng.choice(plain)
        target.result = clean + MENTIONS[mention]


GROUPS = (("CC6", "Logical Access"), ("CC2", "Communication and Information"), ("CC7", "System Operations"),
          ("CC8", "Change Management"), ("A1", "Availability"), ("PI1", "Processing Integrity"),
          ("C1", "Confidentiality"), ("P", "Privacy"))


def draw_cuecs(plan: Plan) -> None:
    rng = plan.rng
    fill = {"system": plan.system, "vendor": plan.vendor_short}
    if plan.is_soc1:
        texts = rng.sample(bank.SOC1_CUECS, rng.randint(3, len(bank.SOC1_CUECS)))
        for t in texts:
            oid, title, _ = rng.choice(plan.objectives)
            plan.cuecs.append(Cuec(t.format(**fill), [], f"Control Objective {oid} – {title}"))
        order = [o[0] for o in plan.objectives]
        plan.cuecs.sort(key=lambda c: order.index(c.group.split()[2]))
        return
    pool = [c for c in bank.CUECS if in_scope(plan, c[1])]
    for text, criteria in rng.sample(pool, min(len(pool), rng.randint(3, 8))):
        group = next(g for p, g in GROUPS if criteria[0].startswith(p))
        plan.cuecs.append(Cuec(text.format(**fill), sorted(criteria), group))
    if plan.axes.peek("cuec_layout") == "grouped":
        names = [g for _, g in GROUPS]
        plan.cuecs.sort(key=lambda c: names.index(c.group))
