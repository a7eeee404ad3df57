"""Controls the auditor did not test: "The circumstances that warrant the operation of the control did not occur
during the period; therefore, no testing was performed."

Such a result is no exception (`results.py` gives it a meaning of its own), so `exceptions.py` passes over it; a
reviewer still wants the list, since those controls give no assurance for the period. They are read from the same
results tables (or, in a report without one, the labelled result blocks) the exceptions are read from.
"""

from __future__ import annotations

import re

from reviewer.extract.blocks import read_result_blocks
from reviewer.extract.exceptions import _leading_id
from reviewer.extract.layout import Document, norm
from reviewer.extract.model import NotTestedControl
from reviewer.extract.results import not_tested
from reviewer.extract.tables import OBJECTIVE_LINE, Table
from reviewer.extract.vocabulary import CRITERION


def read_not_tested(doc: Document, tables: list[Table]) -> list[NotTestedControl]:
    """Every tested-controls row (or block) whose result says no testing was performed, in reading order."""
    out: list[NotTestedControl] = []
    for table in tables:
        if table.result_column is None:
            continue
        for row in table.rows:
            result = row.text(table.result_column)
            if not result or not not_tested(result):
                continue
            cid = row.text(table.id_column) if table.id_column else _leading_id(row.text(table.columns[0].name))
            criteria_text = row.text(table.criteria_column) if table.criteria_column else (cid or "")
            if cid and " " in cid:
                cid = cid.partition(" ")[0]  # an id cell holding the criteria on its second line
            criteria = [m.group(1) for m in CRITERION.finditer(criteria_text)]
            objective = OBJECTIVE_LINE.search(row.context) if row.context else None
            if not criteria and row.context and not objective:
                # a criteria band above the rows: "CC6.1: The entity implements ..." (the ids before the text)
                head = re.split(r"[:\u2013\u2014]|\s[-]\s|\s[A-Z][a-z]", row.context, maxsplit=1)[0]
                criteria = [m.group(1) for m in CRITERION.finditer(head)]
            box = row.boxes.get(table.result_column)
            out.append(NotTestedControl(
                control_id=cid or None, result=result, page=row.cell_pages.get(table.result_column, row.page),
                criteria=list(dict.fromkeys(criteria)),
                control_objective=norm(objective.group("id")) if objective else None,
                bbox=(box[0], box[1], box[2], box[3]) if box else None,
                control_text=row.text(table.control_column) or None if table.control_column else None))
    if not any(t.result_column is not None and t.rows for t in tables):
        out.extend(NotTestedControl(b.control_id, b.result, b.page, b.criteria, b.objective, b.bbox)
                   for b in read_result_blocks(doc) if not_tested(b.result))
    return out
