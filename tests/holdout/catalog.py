"""The holdout documents: id, template, kind, and the choices each is made from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import letters, tpl_bellmoor, tpl_greystoke, tpl_oakhurst, tpl_praxis, tpl_vantwell
from .make import report
from .model import Letter, Report

TEMPLATES: dict[str, Callable[[Report], tuple[bytes, dict[str, int], int]]] = {
    "vantwell": tpl_vantwell.render, "oakhurst": tpl_oakhurst.render, "praxis": tpl_praxis.render,
    "greystoke": tpl_greystoke.render, "bellmoor": tpl_bellmoor.render}


@dataclass
class Entry:
    id: str
    template: str
    kind: str
    spec: Callable[[], Report | Letter]


def _r(doc_id: str, template: str, vendor: str, brand: str, system: str, **kw: Any) -> Entry:
    fw = str(kw.get("framework", "SOC 2"))
    kind = fw.replace(" ", "").lower() + ("" if fw == "SOC 3" else "-type" + str(kw.get("type", "Type 2"))[-1])
    if fw == "SOC 3":
        kw["type"] = None
    return Entry(doc_id, template, kind, lambda: report(doc_id, template, vendor, brand, system, **kw))


def _letter(doc_id: str, template: str, kind: str, **kw: Any) -> Entry:
    return Entry(doc_id, template, "bridge" if kind == "bridge" else "other",
                 lambda: Letter(doc_id=doc_id, template=template, kind=kind, **kw))


def entries() -> list[Entry]:
    return [
        # Vantwell Kessler LLP
        _r("vantwell-soc2-t2-exc", "vantwell", "Lumenfold Software, Inc.", "Lumenfold", "Lumenfold Claims Platform",
           categories=("Security", "Availability", "Confidentiality"), n_controls=22, exceptions=(3, 9, 15),
           end=date(2024, 9, 30), n_csocs=3, prior=True),
        _r("vantwell-soc2-t2-all5", "vantwell", "Brackenridge Health Data, Inc.", "Brackenridge",
           "Brackenridge Clinical Exchange", categories=("Security", "Availability", "Processing Integrity",
                                                         "Confidentiality", "Privacy"),
           n_controls=34, not_occurred=(5,), period_style="twelve_months", end=date(2024, 3, 31), roman=True,
           pass_text="No relevant exceptions noted.", n_csocs=2, n_cuecs=5,
           subs=(("Azure", "carve-out", "named"), ("Norrland", "carve-out", "silent"))),
        _r("vantwell-soc2-t1", "vantwell", "Ferncastle Logistics Software LLC", "Ferncastle",
           "Ferncastle Route Optimizer", type="Type 1", categories=("Security", "Availability"), n_controls=14,
           end=date(2024, 6, 30), n_cuecs=3),
        # Oakhurst Bramley LLP
        _r("oakhurst-soc1-t2-dev", "oakhurst", "Harrowgate Pension Administration, Inc.", "Harrowgate",
           "Retirement Plan Recordkeeping Services", framework="SOC 1", n_objectives=6, exceptions=(2, 8),
           missing_responses=(8,), exc_style="deviation", pass_text="No deviations noted.", period_style="to",
           date_style="dayfirst", end=date(2024, 6, 30), id_style="obj_dot", cuec_form="objective_table",
           subs=(("Quayside", "inclusive", "named"), ("Azure", "carve-out", "silent")), roman=True, prior=True),
        _r("oakhurst-soc1-t1", "oakhurst", "Kelbrook Fund Administration LLC", "Kelbrook",
           "Fund Administration Platform", framework="SOC 1", type="Type 1", n_objectives=4, period_style="to",
           date_style="dayfirst", end=date(2024, 12, 31), id_style="obj_dot", cuec_form="objective_table", subs=(),
           roman=True),
        _r("oakhurst-soc1-t2-qualified", "oakhurst", "Ashcombe Benefits Trust Company", "Ashcombe",
           "Participant Accounting System", framework="SOC 1", n_objectives=7, exceptions=(4, 11),
           exc_style="deviation", opinion="qualified", pass_text="No deviations noted.", period_style="to",
           date_style="dayfirst", end=date(2023, 12, 31), id_style="obj_dot", cuec_form="objective_table",
           subs=(("Azure", "carve-out", "named"),), roman=True),
        _r("oakhurst-soc2-t2", "oakhurst", "Wyvern Signal Analytics, Inc.", "Wyvern", "Wyvern Fraud Scoring Service",
           categories=("Security", "Processing Integrity"), n_controls=18, exceptions=(6,), exc_style="deviation",
           period_style="to", date_style="dayfirst", end=date(2024, 3, 31), id_style="sec", cuec_form="numbered",
           subs=(("GCP", "carve-out", "named"),), roman=True, n_cuecs=5),
        # Praxis Lind CPAs, LLC
        _r("praxis-soc2-t2-qualified", "praxis", "Quillon Labs, Inc.", "Quillon", "Quillon Expense Management Platform",
           categories=("Security", "Availability", "Confidentiality"), n_controls=20, exceptions=(2, 7, 12),
           missing_responses=(12,), opinion="qualified", period_style="to", end=date(2024, 6, 30), months=6,
           id_style="family", subs=(("GCP", "carve-out", "named"),), csoc_heading="Complementary Controls",
           n_csocs=3, cuec_form="numbered", not_occurred=(9,), roman=True),
        _r("praxis-soc2-t1", "praxis", "Tidewell Software, Inc.", "Tidewell", "Tidewell Scheduling Platform",
           type="Type 1", n_controls=12, end=date(2024, 6, 30), id_style="family", cuec_form="numbered",
           subs=(("GCP", "carve-out", "named"),), csoc_heading="Complementary Controls", n_csocs=2, roman=True),
        _r("praxis-soc2-t2-clean", "praxis", "Sparrowhawk Data Co.", "Sparrowhawk",
           "Sparrowhawk Customer Data Platform", n_controls=14, not_occurred=(3, 8), period_style="em_dash",
           end=date(2024, 12, 31), id_style="family", cuec_form="numbered", n_cuecs=5),
        # Greystoke Ainsley CPAs, PLLC
        _r("greystoke-soc2-t2-adverse", "greystoke", "Marlowe Street Payments, Inc.", "Marlowe",
           "Marlowe Merchant Services Platform", categories=("Security", "Processing Integrity"), n_controls=22,
           exceptions=(0, 3, 5, 8, 11, 14, 17, 20), exc_style="see_response", opinion="adverse",
           period_style="em_dash", end=date(2023, 12, 31), id_style="c_num", cuec_form="lettered",
           subs=(("AWS", "carve-out", "named"),)),
        _r("greystoke-soc2-t2-noted", "greystoke", "Penhallow Records Management, Inc.", "Penhallow",
           "Penhallow Digital Vault", categories=("Security", "Confidentiality"), n_controls=18,
           exceptions=(1, 10), exc_style="auditor_noted", period_style="throughout", end=date(2024, 10, 31),
           id_style="c_num", cuec_form="lettered", pass_text="No exceptions noted.", prior=True,
           subs=(("Norrland", "inclusive", "named"), ("Azure", "carve-out", "silent"))),
        _r("greystoke-soc1-t2-12mo", "greystoke", "Calloway Trust Operations, Inc.", "Calloway",
           "Trust Accounting and Custody System", framework="SOC 1", n_objectives=7, exceptions=(3,),
           exc_style="see_response", period_style="twelve_months", end=date(2024, 3, 31), id_style="co",
           cuec_form="lettered", subs=(("Quayside", "inclusive", "named"),), pass_text="No deviations noted."),
        _r("greystoke-soc2-t2-disclaimer", "greystoke", "Elmstead Clinical Software, Inc.", "Elmstead",
           "Elmstead EHR Hosting Service", categories=("Security", "Availability", "Privacy"), n_controls=16,
           exceptions=(2, 4), exc_style="auditor_noted", opinion="disclaimer", end=date(2024, 5, 31),
           id_style="c_num", cuec_form="lettered", subs=(("AWS", "carve-out", "named"),)),
        # Bellmoor & Tate LLP (SOC 3)
        _r("bellmoor-soc3", "bellmoor", "Corvid Mesh Networks, Inc.", "Corvid", "Corvid Secure Messaging Service",
           framework="SOC 3", categories=("Security", "Availability", "Confidentiality"), period_style="throughout",
           end=date(2024, 9, 30), cuec_form="numbered", n_cuecs=3, subs=(("AWS", "carve-out", "silent"),)),
        _r("bellmoor-soc3-sec", "bellmoor", "Halverson Geospatial, Inc.", "Halverson", "Halverson Mapping API",
           framework="SOC 3", end=date(2024, 12, 31), n_cuecs=0, subs=(("GCP", "carve-out", "named"),)),
        # bridge letters and documents that are not SOC reports
        _letter("bridge-grid-lumenfold", "bridge-grid", "bridge", vendor="Lumenfold Software, Inc.", brand="Lumenfold",
                system="Lumenfold Claims Platform", letter_date=date(2025, 1, 8), signer="Dana Whitcombe",
                signer_title="Chief Operating Officer", framework="SOC 2", type="Type 2",
                period_start=date(2023, 10, 1), period_end=date(2024, 9, 30), covers_to=date(2024, 12, 31),
                auditor="Vantwell Kessler LLP", recipient="Northgate Federal Credit Union"),
        _letter("bridge-grid-tidewell-t1", "bridge-grid", "bridge", vendor="Tidewell Software, Inc.", brand="Tidewell",
                system="Tidewell Scheduling Platform", letter_date=date(2024, 10, 3), signer="Marcus Oyelaran",
                signer_title="Co-Founder and CTO", framework="SOC 2", type="Type 1", as_of=date(2024, 6, 30),
                covers_to=date(2024, 9, 30), auditor="Praxis Lind CPAs, LLC", roman=True),
        _letter("bridge-continuity-harrowgate", "bridge-continuity", "bridge",
                vendor="Harrowgate Pension Administration, Inc.", brand="Harrowgate",
                system="Retirement Plan Recordkeeping Services", letter_date=date(2024, 10, 4),
                signer="Priya Ramaswamy", signer_title="Chief Executive Officer", date_style="dayfirst",
                framework="SOC 1", type="Type 2", period_start=date(2023, 7, 1), period_end=date(2024, 6, 30),
                covers_to=date(2024, 9, 30), auditor="Oakhurst Bramley LLP", roman=True),
        _letter("bridge-continuity-calloway", "bridge-continuity", "bridge", vendor="Calloway Trust Operations, Inc.",
                brand="Calloway", system="Trust Accounting and Custody System", letter_date=date(2024, 7, 15),
                signer="Theodora Quist", signer_title="President", framework="SOC 1", type="Type 2",
                period_start=date(2023, 4, 1), period_end=date(2024, 3, 31), covers_to=date(2024, 6, 30)),
        _letter("other-hipaa-elmstead", "hipaa", "hipaa", vendor="Elmstead Clinical Software, Inc.", brand="Elmstead",
                system="Elmstead EHR Hosting Service", letter_date=date(2024, 11, 18), signer="Rowan Achterberg",
                signer_title="Principal", issuer="Cartwright Compliance Partners"),
        _letter("other-pci-aoc-marlowe", "pci", "pci", vendor="Marlowe Street Payments, Inc.", brand="Marlowe",
                system="Card-not-present payment gateway", letter_date=date(2024, 8, 30), signer="Lena Vukovic",
                signer_title="QSA", issuer="Ironvale Security Assessors LLC"),
    ]


def render(spec: Report | Letter) -> tuple[bytes, dict[str, int], int]:
    if isinstance(spec, Letter):
        return letters.render(spec)
    return TEMPLATES[spec.template](spec)


def doc_type(spec: Report | Letter) -> str:
    if isinstance(spec, Report):
        return "soc_report"
    return "bridge_letter" if spec.kind == "bridge" else "other"
