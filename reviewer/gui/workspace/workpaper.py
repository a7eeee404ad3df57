"""The review workpaper: one report's review as a PDF an auditor can file (Qt's own PDF writer, no extra package).

It holds the report's facts (with the page each was read on), the extraction's warnings, the exceptions with
their management responses and triage, the CUEC mapping, the fourth parties, the verdict and its rationale, the
sign-off, and the audit log. Built as HTML in a QTextDocument and printed through QPdfWriter; every value from
the report or the user is escaped.
"""

from __future__ import annotations

import html
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from reviewer.gui.workspace.carried_tab import carried_forward_html, repeat_labels
from reviewer.gui.workspace.fields import field_values
from reviewer.gui.workspace.review_tab import status_label
from reviewer.gui.workspace.subservice_tab import GAP_TEXT, is_gap
from reviewer.gui.workspace.workpaper_corrections import corrections_html, fact_notes

if TYPE_CHECKING:
    from reviewer.register.register import Register

STYLE = """
body { font-family: sans-serif; font-size: 9pt; }
h1 { font-size: 15pt; margin-bottom: 2pt; }
h2 { font-size: 11.5pt; margin-top: 12pt; border-bottom: 1px solid #888; }
table { border-collapse: collapse; }
th { background: #e8e8e8; text-align: left; }
td, th { padding: 2pt 4pt; vertical-align: top; }
.muted { color: #666; }
.flag { color: #b0281e; font-weight: bold; }
"""


def e(value: object) -> str:
    """Escaped text; an unknown value shows as an em dash."""
    return "\u2014" if value is None or value == "" else html.escape(str(value))


def table(headers: list[str], rows: list[list[str]]) -> str:
    """An HTML table from already-escaped cells."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0" width="100%"><tr>{head}</tr>{body}</table>'


def workpaper_html(register: Register, report_id: int, *, generated_at: str | None = None) -> str:
    """The workpaper as HTML (what the PDF prints)."""
    stored = register.reports.get(report_id)
    extraction = stored.extraction
    review = register.reviews.get(report_id)
    generated_at = generated_at or datetime.now(UTC).isoformat(timespec="seconds")
    parts: list[str] = [f"<html><head><style>{STYLE}</style></head><body>"]
    title = stored.vendor or extraction.report.service_organization or stored.file_name
    parts.append(f"<h1>Vendor SOC report review: {e(title)}</h1>")
    parts.append(f'<p class="muted">File {e(stored.file_name)} (SHA-256 {e(stored.sha256)}), imported '
                 f"{e(stored.imported_at)}. Workpaper generated {e(generated_at)} UTC. Confidential.</p>")

    parts.append("<h2>Verdict</h2>")
    signed = (f"Signed off by <b>{e(review.signed_off_by)}</b> at {e(review.signed_off_at)} UTC"
              if review.signed_off_by else '<span class="flag">Not signed off</span>')
    parts.append(table(["Verdict", "Reviewer", "Next review", "Sign-off"],
                       [[f"<b>{e(status_label(review.status))}</b>", e(review.reviewer),
                         e(review.next_review_date.isoformat() if review.next_review_date else None), signed]]))
    parts.append(f"<p><b>Rationale:</b> {e(review.rationale)}</p>")
    carried = register.insights.carried_forward(report_id)
    parts.append(carried_forward_html(carried, e, table))
    repeats = repeat_labels(carried)

    parts.append("<h2>Report facts</h2>")
    notes = fact_notes(register, report_id)
    rows = [[e(label), e(value) + notes.get(key, ""), e(f"p. {ev.page}") if ev else "\u2014"]
            for key, label, value, ev in field_values(extraction)]
    parts.append(table(["Fact", "Value", "Evidence"], rows))
    if extraction.warnings:
        parts.append("<p><b>Extraction warnings:</b></p><ul>"
                     + "".join(f"<li>{e(w)}</li>" for w in extraction.warnings) + "</ul>")

    exceptions = register.reviews.exceptions(report_id)
    parts.append(f"<h2>Exceptions ({len(exceptions)})</h2>")
    if exceptions:
        rows = []
        for rec in exceptions:
            f, t = rec.finding, rec.triage
            scope = ", ".join(f.criteria + ([f"CO {f.control_objective}"] if f.control_objective else []))
            repeat = f'<br><span class="flag">{e(repeats[rec.id])}</span>' if rec.id in repeats else ""
            rows.append([e(f.control_id) + repeat, e(scope),
                         e(f.description) + f' <span class="muted">(p. {f.page})</span>',
                         e(f.management_response or "none printed"), e(t.relevance), e(t.nature),
                         e(t.compensating_control), e(t.follow_up)])
        parts.append(table(["Control", "Criteria", "Test result", "Management response", "Relevance",
                            "Nature", "Compensating control", "Follow-up"], rows))
    else:
        parts.append("<p>No exceptions reported.</p>")

    cuecs = register.reviews.cuecs(report_id)
    mapped = sum(1 for c in cuecs if c.mapping)
    parts.append(f"<h2>Complementary user entity controls ({mapped} of {len(cuecs)} mapped)</h2>")
    if cuecs:
        rows = []
        for cuec in cuecs:
            m = cuec.mapping
            ours = (f"{e(m.own_control.ref)} {e(m.own_control.title)}" if m else '<span class="flag">not mapped</span>')
            rows.append([e(cuec.index + 1), e(cuec.cuec.text), ours, e(m.own_control.owner if m else None)])
        parts.append(table(["#", "CUEC", "Our control", "Owner"], rows))
    else:
        parts.append("<p>The report lists no CUECs.</p>")

    subservice = register.reports.subservice(report_id)
    parts.append(f"<h2>Subservice organizations ({len(subservice)})</h2>")
    if subservice:
        rows = [[e(s.name), e(s.services), e(s.method or "not stated"),
                 f'<span class="flag">{GAP_TEXT}</span>' if is_gap(s) else
                 ("report on file" if s.has_report_on_file else "inclusive")] for s in subservice]
        parts.append(table(["Organization", "Services", "Method", "Our assurance"], rows))
    else:
        parts.append("<p>None named.</p>")

    parts.append(corrections_html(register, report_id, table))

    log = register.audit.entries(report_id)
    parts.append(f"<h2>Audit log ({len(log)} entries)</h2>")
    if log:
        rows = [[e(a.at), e(a.who), e(a.entity), e(a.field), e(a.old), e(a.new)] for a in log]
        parts.append(table(["When (UTC)", "Who", "What", "Field", "From", "To"], rows))
    parts.append("</body></html>")
    return "".join(parts)


def export_workpaper(register: Register, report_id: int, path: Path) -> Path:
    """Write the review workpaper of `report_id` as a PDF at `path` (replaced whole, never left half-written)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise OSError(f"no folder {path.parent}")
    document = QTextDocument()
    document.setHtml(workpaper_html(register, report_id))
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setTitle(f"SOC report review workpaper {report_id}")
    writer.setCreator("reviewer")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    document.print_(writer)
    del writer  # finishes the file
    if not partial.exists() or partial.stat().st_size == 0:
        raise OSError(f"could not write {path}")
    os.replace(partial, path)
    return path
