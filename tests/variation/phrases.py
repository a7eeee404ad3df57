"""How a plan's facts are worded: dates, period phrases, titles, section headings, opinions and assertions
(the PRIMER's phrasing). Every date string printed is recorded in the plan's `printed_dates`.
"""

from __future__ import annotations

import datetime as dt

from .plan import Plan

ROMAN = ("I", "II", "III", "IV", "V", "VI")


def date_text(plan: Plan, d: dt.date, field: str | None = None, style: str | None = None) -> str:
    style = style or plan.axes["date_style"]
    if style == "numeric":
        text = f"{d.month:02d}/{d.day:02d}/{d.year}"
    elif style == "iso":
        text = d.isoformat()
    elif style == "day_month_year":
        text = f"{d.day} {d.strftime('%B')} {d.year}"
    else:
        text = f"{d.strftime('%B')} {d.day}, {d.year}"
    if field:
        seen = plan.printed_dates.setdefault(field, [])
        if text not in seen:
            seen.append(text)
    return text


def period_words(plan: Plan) -> str:
    """The period (Type 2, SOC 3) or as-of phrase (Type 1) as printed in prose, starting with a preposition."""
    if plan.as_of is not None:
        d = date_text(plan, plan.as_of, "as_of")
        return f"as of {d}" if plan.rng.random() < 0.7 else f"placed in operation as of {d}"
    phrase = plan.axes["period_phrase"]
    style = "numeric" if phrase == "numeric_review" else None
    assert plan.period_start and plan.period_end
    if phrase == "twelve_months_ended":
        return f"for the twelve months ended {date_text(plan, plan.period_end, 'period_end', style)}"
    s = date_text(plan, plan.period_start, "period_start", style)
    e = date_text(plan, plan.period_end, "period_end", style)
    return {"to": f"for the period {s} to {e}", "from_through": f"for the period from {s} through {e}",
            "throughout": f"throughout the period {s} to {e}", "comma_after_year": f"for the Period {s}, to {e}",
            "no_word": f"for {s}, to {e}", "numeric_review": f"for the period {s} to {e}",
            "en_dash": f"for the period {s} – {e}", "em_dash": f"for the period {s}—{e}"}[phrase]


def period_ref(plan: Plan) -> str:
    """What prose says about the period: the dates, or only a reference to the title or cover."""
    where = plan.axes["period_location"]
    if where == "prose":
        return period_words(plan)
    if plan.as_of is not None:
        return "as of the date stated in the title of this report" if where == "long_title_only" else \
            "as of the date shown on the cover of this report"
    return "throughout the period stated in the title of this report" if where == "long_title_only" else \
        "throughout the review period shown on the cover of this report"


def categories_words(plan: Plan) -> str:
    cats = [c.lower() for c in plan.categories]
    if len(cats) == 1:
        return cats[0]
    if len(cats) == 2:
        return f"{cats[0]} and {cats[1]}"
    return ", ".join(cats[:-1]) + ", and " + cats[-1]


def report_kind_words(plan: Plan, roman: bool = False) -> str:
    if plan.framework == "SOC 3":
        return "SOC 3"
    t = plan.type or "Type 2"
    if roman:
        t = t.replace("2", "II").replace("1", "I")
    return f"{plan.framework} {t}"


def title(plan: Plan) -> tuple[str, str | None]:
    """(title, subtitle) of the cover."""
    form = plan.axes.peek("title_form")
    if plan.axes.peek("period_location") == "long_title_only" and plan.framework != "SOC 3":
        form = "long_management_description" if form != "long_no_type_word" else form
    if form == "ssae16_legacy" and plan.framework != "SOC 1":
        form = "soc_type_roman"
    plan.axes.use("title_form", form)
    design = "Design" if plan.type == "Type 1" else "Design and Operating Effectiveness"
    relevant = ("User Entities' Internal Control Over Financial Reporting" if plan.is_soc1 else
                categories_words(plan).title().replace(" And ", " and "))
    if plan.framework == "SOC 3":
        main = {"soc_type_arabic": "System and Organization Controls (SOC) 3 Report"}.get(form, "SOC 3® Report")
        sub = f"Report on {plan.vendor}'s {plan.system} Relevant to {relevant}"
        if plan.axes["period_location"] == "long_title_only":
            sub += " " + period_words(plan)
        return main, sub
    if form == "soc_type_roman":
        main, sub = f"{report_kind_words(plan, roman=True).replace('SOC 1', 'SOC 1®').replace('SOC 2', 'SOC 2®')} " \
                    f"Report", None
    elif form == "soc_type_arabic":
        main, sub = f"System and Organization Controls (SOC) {plan.framework[-1]} {plan.type} Report", None
    elif form == "ssae16_legacy":
        main = ("SSAE 16 Report on Controls Placed in Operation and Tests of Operating Effectiveness"
                if plan.type == "Type 2" else "SSAE 16 Report on Controls Placed in Operation")
        sub = None
    elif form == "long_no_type_word":
        main = f"Report on {plan.vendor}'s Description of Its {plan.system} and the Suitability of the {design} " \
               f"of Its Controls"
        sub = None
    else:
        main = f"Report on Management's Description of {plan.vendor}'s {plan.system} and on the Suitability of " \
               f"the {design} of Its Controls Relevant to {relevant}"
        sub = None
    if plan.axes["period_location"] == "long_title_only":
        main += " " + period_words(plan)
    return main, sub


SECTION_TITLES = {
    "auditor": ("Independent Service Auditor's Report", "Report of Independent Service Auditors",
                "Independent Service Auditor's Report"),
    "assertion": ("Management's Assertion", "Assertion of {vendor} Management", "{vendor}'s Management Assertion"),
    "description": ("Description of the System", "{vendor}'s Description of Its {system}",
                    "Description of the {system}"),
    "tests": ("Trust Services Criteria, Related Controls, and Tests of Controls",
              "Description of Criteria, Controls, Tests and Results of Tests",
              "Applicable Trust Services Criteria, Controls and Tests of Operating Effectiveness"),
    "tests_soc1": ("Control Objectives, Related Controls, and Tests of Operating Effectiveness",
                   "Control Objectives and Related Controls and Results of Testing",
                   "Description of Control Objectives, Controls, Tests and Results of Tests"),
    "controls_t1": ("Trust Services Criteria and Related Controls", "Description of Criteria and Related Controls",
                    "Criteria and Controls"),
    "controls_t1_soc1": ("Control Objectives and Related Controls", "Control Objectives and Controls",
                         "Description of Control Objectives and Related Controls"),
    "other": ("Other Information Provided by {vendor}", "Other Information Provided by Management",
              "Additional Information Provided by {vendor}"),
}


class Sections:
    """Numbers and titles of the report's parts in the drawn heading style."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.style = plan.axes["heading_style"]
        self.variant = plan.rng.randrange(3)
        self.count = 0

    def title(self, role: str) -> str:
        text = SECTION_TITLES[role][self.variant].format(vendor=self.plan.vendor_short, system=self.plan.system)
        return self.numbered(text)

    def numbered(self, text: str) -> str:
        self.count += 1
        n = self.count
        if self.style == "section_roman":
            return f"Section {ROMAN[n - 1]} – {text}" if self.variant != 1 else f"Section {ROMAN[n - 1]}: {text}"
        if self.style == "section_arabic":
            return f"Section {n}: {text}" if self.variant != 2 else f"Section {n} – {text}"
        if self.style == "part_letter":
            return f"Part {'ABCDEF'[n - 1]} – {text}"
        return text

    def peek_next(self) -> str:
        n = self.count + 1
        return {"section_roman": f"Section {ROMAN[n - 1]}", "section_arabic": f"Section {n}",
                "part_letter": f"Part {'ABCDEF'[n - 1]}"}.get(self.style, "the following section")
