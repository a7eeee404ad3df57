"""Reports a test describes in a few words, stored through the real insert path (a real PDF, real SQLCipher).

`Year` holds one report's facts; `store_year` turns it into an ExtractionResult and page texts (a description and a
tests section made from the same facts) and stores it with `reports.store_report`, as an import does. The tests'
expected values are computed from the same `Year`s.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from reviewer.extract.model import Cuec, ExceptionFinding, ExtractionResult, FileInfo, Report, SubserviceOrganization
from reviewer.register import Register
from reviewer.register.audit import utc_now
from reviewer.register.reports import store_report
from tests.support.pdfs import text_pdf

WORDS = ("access review change management logical security backup encryption incident response monitoring vendor "
         "risk assessment onboarding termination firewall network segmentation vulnerability scanning patching "
         "availability capacity recovery data retention disposal training awareness policy governance approval "
         "ticket quarterly annual sample inspected observed configuration production database privileged").split()


@dataclass
class Year:
    vendor: str
    start: date | None
    end: date | None
    framework: str = "SOC 2"
    type: str = "Type 2"
    as_of: date | None = None
    report_date: date | None = None
    auditor: str | None = "Harlow & Finch LLP"
    opinion: str = "unmodified"
    system: str | None = "Service Desk Platform"
    categories: list[str] = field(default_factory=lambda: ["Security"])
    criteria: list[str] = field(default_factory=lambda: ["CC6.1"])
    exceptions: list[tuple[str | None, str, list[str]]] = field(default_factory=list)  # (control, text, criteria)
    cuecs: list[str] = field(default_factory=list)
    subservice: list[tuple[str, str | None]] = field(default_factory=list)
    text_seed: str | None = None  # the description and tests wording (same seed: the same words)
    file_name: str | None = None

    @property
    def name(self) -> str:
        return self.file_name or f"{self.vendor.split()[0].lower()}-{(self.end or self.as_of)}.pdf"


def section_text(seed: str, words: int = 400) -> tuple[str, str]:
    """A description and a tests section of random words from one seed."""
    rng = random.Random(seed)
    return (" ".join(rng.choices(WORDS, k=words)), " ".join(rng.choices(WORDS, k=words)))


def _lines(text: str, per_line: int = 12) -> list[str]:
    words = text.split()
    return [" ".join(words[i:i + per_line]) for i in range(0, len(words), per_line)]


def pages_of(year: Year) -> list[str]:
    description, tests = section_text(year.text_seed or year.name)
    org = year.vendor
    return [
        f"{org}\nSOC 2 Type 2 Report\nSection I: Independent Service Auditor's Report\nWe have examined {org}.",
        "Section III: Description of the System\n" + f"{org} provides its services.\n"
        + "\n".join(_lines(description)),
        "Section IV: Trust Services Criteria, Related Controls and Tests of Controls\n"
        + f"The tests performed by {year.auditor} are described below.\n" + "\n".join(_lines(tests)),
    ]


def store_year(reg: Register, year: Year) -> int:
    texts = pages_of(year)
    pdf = text_pdf(texts)
    report = Report(
        framework=year.framework, type=year.type, service_organization=year.vendor,  # type: ignore[arg-type]
        system=year.system, period_start=year.start, period_end=year.end, as_of=year.as_of,
        report_date=year.report_date or ((year.end or year.as_of) + timedelta(days=45)),
        service_auditor=year.auditor, opinion=year.opinion, categories=list(year.categories),  # type: ignore[arg-type]
        criteria=list(year.criteria),
        exceptions=[ExceptionFinding(cid, text, page=3, criteria=list(crit)) for cid, text, crit in year.exceptions],
        cuecs=[Cuec(text, page=2) for text in year.cuecs],
        subservice_organizations=[SubserviceOrganization(n, "hosting", m, 2) for n, m in year.subservice],  # type: ignore[arg-type]
    )
    result = ExtractionResult(
        file=FileInfo(year.name, hashlib.sha256(pdf).hexdigest(), len(texts), False, "full"),
        document_type="soc_report", report=report)
    with reg.transaction() as conn:
        report_id, match = store_report(conn, pdf=pdf, extraction=result, page_texts=texts, file_name=year.name,
                                        now=utc_now())
    if not match.certain:
        reg.vendors.confirm(report_id, match.vendor_id, new_name=year.vendor, who="tests")
    return report_id
