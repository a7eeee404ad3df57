"""Controls the auditor did not test: "The circumstances that warrant the operation of the control did not occur
during the period; therefore, no testing was performed."

Such a result is no exception (`results.py` gives it a meaning of its own), so `exceptions.py` passes over it; a
reviewer still wants the list, since those controls give no assurance for the period. They are read from the same
results tables (or, in a report without one, the labelled result blocks) the exceptions are read from.
"""

from __future__ import annotations

from reviewer.extract.blocks import read_result_blocks
from reviewer.extract.exceptions import row_identity
from reviewer.extract.layout import Document
from reviewer.extract.model import NotTestedControl
from reviewer.extract.results import not_tested
from reviewer.extract.tables import Table, has_results_table, result_rows


def read_not_tested(doc: Document, tables: list[Table]) -> list[NotTestedControl]:
    """Every tested-controls row (or block) whose result says no testing was performed, in reading order."""
    out: list[NotTestedControl] = []
    for table, row, column, result in result_rows(tables, not_tested):
        cid, criteria, objective = row_identity(table, row)
        box = row.boxes.get(column)
        out.append(NotTestedControl(
            control_id=cid, result=result, page=row.cell_pages.get(column, row.page),
            criteria=criteria, control_objective=objective,
            bbox=(box[0], box[1], box[2], box[3]) if box else None, control_text=table.control_text(row)))
    if not has_results_table(tables):
        out.extend(NotTestedControl(b.control_id, b.result, b.page, b.criteria, b.objective, b.bbox)
                   for b in read_result_blocks(doc) if not_tested(b.result))
    return out
