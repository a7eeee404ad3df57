"""Section IV test matrices in the layouts the holdout firms use.

`matrix` lays the controls out in one table per report (criterion or objective headings as full-width band
rows inside it, a control repeated under each criterion it maps to) or one table per objective; rows may
split across a page break. A result cell is a `Mark` so the truth records the page where it is printed.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer

from .engine import Look, Tracker
from .make import crit_key, series_name
from .model import EN, Ctl, Report

Column = tuple[str, str, float]  # (key, header, weight); keys: id, activity, criteria, test, result, response


def matrix(r: Report, k: Look, tr: Tracker, width: float, columns: list[Column], grouping: str,
           split_in_row: bool = False, response_label: str | None = None, band_form: str = "colon") -> list:
    if r.type != "Type 2":
        columns = [c for c in columns if c[0] not in ("test", "result", "response")]
    total = sum(w for _, _, w in columns)
    widths = [width * w / total for _, _, w in columns]
    header = [h for _, h, _ in columns]
    keys = [key for key, _, _ in columns]

    def row(c: Ctl) -> list:
        return [_cell(c, key, k, tr, response_label) for key in keys]

    if grouping == "objective_tables":
        out: list = []
        for oid, text in r.objectives:
            out += [_objective_heading(k, oid, text, band_form, as_band=False),
                    k.table(header, [row(c) for c in r.controls if c.objective == oid], widths,
                            split_in_row=split_in_row), Spacer(1, 8)]
        return out
    rows: list[list] = []
    bands: list[int] = []
    if grouping == "criteria_bands":
        for crit in sorted({c for ctl in r.controls for c in ctl.criteria}, key=crit_key):
            bands.append(len(rows))
            rows.append([k.cell(f"{crit} {EN} {series_name(crit)}", bold=True)] + [""] * (len(keys) - 1))
            rows += [row(c) for c in r.controls if crit in c.criteria]
    elif grouping == "objective_bands":
        for oid, text in r.objectives:
            bands.append(len(rows))
            rows.append([_objective_heading(k, oid, text, band_form, as_band=True)] + [""] * (len(keys) - 1))
            rows += [row(c) for c in r.controls if c.objective == oid]
    else:
        rows = [row(c) for c in r.controls]
    return [k.table(header, rows, widths, bands=tuple(bands), split_in_row=split_in_row)]


def _objective_heading(k: Look, oid: str, text: str, form: str, as_band: bool) -> object:
    style = "cellb" if as_band else "h3"
    if form == "twoline":  # "Control Objective 3" on its own line, the objective's words below it
        return Paragraph(f"Control Objective {oid}<br/>{escape(text)}", k.styles[style])
    return Paragraph(escape(f"Control Objective {oid}: {text}"), k.styles[style])


def _cell(c: Ctl, key: str, k: Look, tr: Tracker, response_label: str | None) -> object:
    if key == "id":
        return c.id
    if key == "criteria":
        return ", ".join(c.criteria)
    if key == "activity":
        return k.cell(c.activity)
    if key == "test":
        return k.cell(c.test)
    if key == "response":
        return k.cell(c.response) if c.exception and c.response else ""
    cell: list = [k.p(c.result, "cell", tr, f"result:{c.id}")]
    if response_label and c.exception and c.response:
        cell += [Spacer(1, 3), Paragraph(f"<b>{escape(response_label)}</b> {escape(c.response)}", k.styles["cell"])]
    return cell
