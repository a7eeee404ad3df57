"""Register helpers: the passphrase tests use, and reports stored through the real insert path.

`mark_low(reg, report_id, field, reason)` makes one stored value low-confidence, as the extractor would.
`store(reg, ...)` builds an ExtractionResult with exactly the facts a test needs, plus a real one-page-per-text PDF,
and stores it with `reports.store_report` inside one transaction of the register (its public `transaction()`), as an
import does.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

from reviewer.extract.model import Cuec, ExceptionFinding, ExtractionResult, FileInfo, Report, SubserviceOrganization
from reviewer.register import Register
from reviewer.register.audit import utc_now
from reviewer.register.reports import store_report
from tests.support.pdfs import text_pdf

PASSPHRASE = "correct horse battery staple"


def store(
    reg: Register,
    vendor: str | None = "Acme Cloud, Inc.",
    *,
    document_type: str = "soc_report",
    framework: str | None = "SOC 2",
    type: str | None = "Type 2",  # noqa: A002
    period_start: date | None = date(2024, 1, 1),
    period_end: date | None = date(2024, 12, 31),
    as_of: date | None = None,
    bridge_period_end: date | None = None,
    pages: list[str] | None = None,
    exceptions: list[str] = (),
    cuecs: list[str] = (),
    subservice: list[tuple[str, str | None]] = (),
    salt: str = "",
) -> int:
    texts = pages or [f"{vendor} {framework} {type} report {period_end} {salt}"]
    pdf = text_pdf(texts)
    result = ExtractionResult(
        file=FileInfo(f"{vendor}-{period_end}.pdf", hashlib.sha256(pdf).hexdigest(), len(texts), False, "full"),
        document_type=document_type,  # type: ignore[arg-type]
        report=Report(
            framework=framework, type=type, service_organization=vendor,  # type: ignore[arg-type]
            period_start=period_start, period_end=period_end, as_of=as_of, bridge_period_end=bridge_period_end,
            report_date=period_end, opinion="unmodified" if document_type == "soc_report" else None,
            exceptions=[ExceptionFinding("CC6.1", text, page=1, criteria=["CC6.1"]) for text in exceptions],
            cuecs=[Cuec(text, page=1) for text in cuecs],
            subservice_organizations=[SubserviceOrganization(n, "hosting", m, 1) for n, m in subservice],
        ),
    )
    with reg.transaction() as conn:
        report_id, _ = store_report(conn, pdf=pdf, extraction=result, page_texts=texts,
                                    file_name=result.file.name, now=utc_now())
    return report_id


def mark_low(reg: Register, report_id: int, field: str, reason: str) -> None:
    """One value of a stored extraction read with low confidence, for `reason` (its evidence kept, or page 1)."""
    conn = reg.connection
    assert conn is not None
    data = json.loads(conn.execute("SELECT json FROM extractions WHERE report_id = ?", (report_id,)).fetchone()[0])
    evidence = data["evidence"].get(field) or {"page": 1, "text": "x"}
    data["evidence"][field] = {**evidence, "confidence": "low", "confidence_reason": reason}
    conn.execute("UPDATE extractions SET json = ? WHERE report_id = ?", (json.dumps(data), report_id))
