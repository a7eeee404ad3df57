"""The review workpaper: one report's review as a PDF an auditor can file (Qt's own PDF writer, no extra package).

It holds the report's facts (with the page each was read on, every criterion in full), the extraction's warnings,
the exceptions with their management responses and triage, the CUEC mapping, the CSOCs, the fourth parties, the
verdict and its rationale, the sign-off, the corrections and the audit log. Each section is HTML (every value from
the report or the user escaped); `workpaper_pdf` prints them, the wide tables on landscape pages, with the vendor and
"Page x of y" on every page. Dates read "1 Dec 2026" and times "1 Dec 2026, 06:39 UTC"; the people named are the
names the register recorded (the reviewer name from the settings, `ReviewWorkspace.who`).
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.gui.dates import human_date, human_dates_in, human_time
from reviewer.gui.workspace.carried_tab import carried_forward_html, repeat_labels
from reviewer.gui.workspace.fields import field_values
from reviewer.gui.workspace.review_tab import status_label
from reviewer.gui.workspace.subservice_tab import GAP_TEXT, is_gap
from reviewer.gui.workspace.workpaper_corrections import corrections_html, fact_notes
from reviewer.gui.workspace.workpaper_pdf import PageFrame, Section, write_pdf

if TYPE_CHECKING:
    from reviewer.extract.model import Csoc
    from reviewer.register.register import Register

STYLE = """
body { font-family: sans-serif; font-size: 8.5pt; }
h1 { font-size: 15pt; margin-bottom: 2pt; }
h2 { font-size: 11.5pt; margin-top: 14pt; margin-bottom: 4pt; }
table { border-collapse: collapse; }
th { background: #e8e8e8; text-align: left; }
td, th { vertical-align: top; }
.muted { color: #666; }
.flag { color: #b0281e; font-weight: bold; }
"""

CELL_PADDING = 2  # (Qt reads it in points here): a little air around the text of each cell


def e(value: object) -> str:
    """Escaped text; an unknown value shows as an em dash."""
    return "\u2014" if value is None or value == "" else html.escape(str(value))


def page_ref(page: object) -> str:
    """"p. 7" that never wraps between "p." and its number."""
    return f"p.\u00a0{e(page)}"


def table(headers: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    """An HTML table from already-escaped cells, its header row repeated on each page; `widths` in percent."""
    sizes = widths or [0] * len(headers)
    head = "".join(f'<th width="{w}%">{h}</th>' if w else f"<th>{h}</th>" for h, w in zip(headers, sizes, strict=True))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (f'<table border="1" cellspacing="0" cellpadding="{CELL_PADDING}" width="100%">'
            f"<thead><tr>{head}</tr></thead>{body}</table>")


def pairs(rows: list[tuple[str, str]]) -> str:
    """A two-column table of (label, already-escaped value)."""
    body = "".join(f'<tr><th width="22%">{label}</th><td>{value}</td></tr>' for label, value in rows)
    return f'<table border="1" cellspacing="0" cellpadding="{CELL_PADDING}" width="100%">{body}</table>'


def workpaper_title(register: Register, report_id: int) -> str:
    stored = register.reports.get(report_id)
    return stored.vendor or stored.extraction.report.service_organization or stored.file_name


def workpaper_sections(register: Register, report_id: int, *, generated_at: str | None = None) -> list[Section]:
    """The workpaper's sections in reading order, the wide tables marked for landscape pages."""
    stored = register.reports.get(report_id)
    extraction = stored.extraction
    review = register.reviews.get(report_id)
    generated_at = generated_at or datetime.now(UTC).isoformat(timespec="seconds")
    head: list[str] = [f"<h1>Vendor SOC report review: {e(workpaper_title(register, report_id))}</h1>",
                       f'<p class="muted">File {e(stored.file_name)}, SHA-256 {e(stored.sha256)}. Imported '
                       f"{e(human_time(stored.imported_at))}; workpaper generated {e(human_time(generated_at))}. "
                       "Confidential.</p>"]

    head.append("<h2>Verdict</h2>")
    signed = (f"Signed off by <b>{e(review.signed_off_by)}</b> on {e(human_time(review.signed_off_at))}"
              if review.signed_off_by else '<span class="flag">Not signed off</span>')
    head.append(pairs([("Verdict", f"<b>{e(status_label(review.status))}</b>"),
                       ("Reviewer", e(review.reviewer or review.signed_off_by)),
                       ("Rationale", e(review.rationale)),
                       ("Next review", e(human_date(review.next_review_date))),
                       ("Sign-off", signed)]))
    carried = register.insights.carried_forward(report_id)
    head.append(carried_forward_html(carried, e, table))
    repeats = repeat_labels(carried)

    head.append("<h2>Report facts</h2>")
    notes = fact_notes(register, report_id)
    rows = []
    for key, label, value, ev in field_values(extraction):
        shown = ", ".join(extraction.report.criteria) if key == "criteria" and extraction.report.criteria else value
        rows.append([e(label), e(human_dates_in(shown)) + notes.get(key, ""), page_ref(ev.page) if ev else "\u2014"])
    head.append(table(["Fact", "Value", "Evidence"], rows, [22, 68, 10]))
    if extraction.warnings:
        head.append("<p><b>Extraction warnings:</b></p><ul>"
                    + "".join(f"<li>{e(w)}</li>" for w in extraction.warnings) + "</ul>")

    exceptions = register.reviews.exceptions(report_id)
    wide: list[str] = [f"<h2>Exceptions ({len(exceptions)})</h2>"]
    if exceptions:
        rows = []
        for rec in exceptions:
            f, t = rec.finding, rec.triage
            scope = ", ".join(f.criteria + ([f"CO {f.control_objective}"] if f.control_objective else []))
            repeat = f'<br><span class="flag">{e(repeats[rec.id])}</span>' if rec.id in repeats else ""
            rows.append([e(f.control_id) + repeat, e(scope),
                         e(f.description) + f' <span class="muted">({page_ref(f.page)})</span>',
                         e(f.management_response or "none printed"), e(t.relevance), e(t.nature),
                         e(t.compensating_control), e(t.follow_up)])
        wide.append(table(["Control", "Criteria", "Test result", "Management response", "Relevance",
                           "Nature", "Compensating control", "Follow-up"], rows, [7, 9, 24, 22, 7, 7, 12, 12]))
    else:
        wide.append("<p>No exceptions reported.</p>")

    items = [_cuecs_html(register, report_id), _csocs_html(extraction.report.csocs),
             _subservice_html(register, report_id)]
    log = register.audit.entries(report_id)
    trail = [corrections_html(register, report_id, table), f"<h2>Audit log ({len(log)} entries)</h2>"]
    if log:
        trail.append(table(["When", "Who", "What", "Field", "From", "To"],
                           [[e(human_time(a.at)), e(a.who), e(a.entity), e(a.field.replace("_", " ")),
                             e(audit_value(a.field, a.old)), e(audit_value(a.field, a.new))] for a in log],
                           [14, 12, 9, 13, 26, 26]))
    return [Section("".join(head)), Section("".join(wide), landscape=bool(exceptions)), Section("".join(items)),
            Section("".join(trail), landscape=True)]


def audit_value(field: str, value: str | None) -> str | None:
    """An audit log value as a person reads it: a review status by its label, an ISO time or date in words."""
    if value is None:
        return None
    if field == "status":
        return status_label(value)
    if len(value) >= 16 and value[4:5] == "-" and value[10:11] == "T":
        return human_time(value)
    if len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        return human_date(value)
    return value


def _cuecs_html(register: Register, report_id: int) -> str:
    cuecs = register.reviews.cuecs(report_id)
    mapped = sum(1 for c in cuecs if c.mapping)
    out = [f"<h2>Complementary user entity controls ({mapped} of {len(cuecs)} mapped)</h2>"]
    if not cuecs:
        return out[0] + "<p>The report lists no CUECs.</p>"
    rows = []
    for cuec in cuecs:
        m = cuec.mapping
        ours = (f"{e(m.own_control.ref)} {e(m.own_control.title)}" if m else '<span class="flag">not mapped</span>')
        rows.append([e(cuec.index + 1), e(cuec.cuec.text), ours, e(m.own_control.owner if m else None)])
    out.append(table(["#", "CUEC", "Our control", "Owner"], rows, [4, 58, 24, 14]))
    return "".join(out)


def _csocs_html(csocs: list[Csoc]) -> str:
    out = [f"<h2>Complementary subservice organization controls ({len(csocs)})</h2>"]
    if not csocs:
        return out[0] + "<p>The report lists no CSOCs.</p>"
    rows = [[e(i), e(c.text), e(c.subservice_organization), page_ref(c.page)] for i, c in enumerate(csocs, 1)]
    out.append(table(["#", "CSOC", "Subservice organization", "Page"], rows, [4, 64, 24, 8]))
    return "".join(out)


def _subservice_html(register: Register, report_id: int) -> str:
    subservice = register.reports.subservice(report_id)
    out = [f"<h2>Subservice organizations ({len(subservice)})</h2>"]
    if not subservice:
        return out[0] + "<p>None named.</p>"
    rows = [[e(s.name), e(s.services), e(s.method or "not stated"),
             f'<span class="flag">{GAP_TEXT}</span>' if is_gap(s) else
             ("report on file" if s.has_report_on_file else "inclusive")] for s in subservice]
    out.append(table(["Organization", "Services", "Method", "Our assurance"], rows, [26, 40, 12, 22]))
    return "".join(out)


def workpaper_html(register: Register, report_id: int, *, generated_at: str | None = None) -> str:
    """The workpaper as one HTML page (what the PDF prints, without its page breaks, headers and footers)."""
    sections = workpaper_sections(register, report_id, generated_at=generated_at)
    return (f"<html><head><style>{STYLE}</style></head><body>" + "".join(s.html for s in sections)
            + "</body></html>")


def page_frame(register: Register, report_id: int, generated_at: str) -> PageFrame:
    stored = register.reports.get(report_id)
    return PageFrame(title=f"SOC report review: {workpaper_title(register, report_id)}",
                     note="Confidential",
                     footer=f"{stored.file_name} \u00b7 generated {human_time(generated_at)}")


def export_workpaper(register: Register, report_id: int, path: Path) -> Path:
    """Write the review workpaper of `report_id` as a PDF at `path` (replaced whole, never left half-written)."""
    generated_at = datetime.now(UTC).isoformat(timespec="seconds")
    sections = workpaper_sections(register, report_id, generated_at=generated_at)
    write_pdf(Path(path), sections, page_frame(register, report_id, generated_at), style=STYLE,
              title=f"SOC report review workpaper: {workpaper_title(register, report_id)}")
    return Path(path)
