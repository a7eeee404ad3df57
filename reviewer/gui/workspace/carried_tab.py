"""The "Last year" tab of the review workspace: what the review of the vendor's previous report carries forward.

Last year's verdict, its conditions (the rationale) and sign-off; the exceptions that repeat, with last year's
triage of them; and last year's CUEC mappings for the CUECs that recur, which one button applies to this year's
still unmapped ones. The same facts go into the workpaper (`carried_forward_html`) and mark the repeat findings in
the Exceptions tab (`repeat_labels`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.gui.text import plain_label, tooltip_text
from reviewer.gui.workspace.review_tab import status_label

NONE_TEXT = "\u2014"


def _triage_text(triage: Any) -> str:
    if triage is None:
        return "not triaged"
    parts = [f"{label}: {value}" for label, value in (
        ("relevance", triage.relevance), ("nature", triage.nature),
        ("compensating control", triage.compensating_control), ("follow-up", triage.follow_up)) if value]
    return "; ".join(parts) or "not triaged"


def repeat_labels(carried: Any) -> dict[int, str]:
    """exception id -> "repeat finding (CC8.1.1 in last-year.pdf)" for this report's repeating exceptions."""
    if carried is None:
        return {}
    return {r.exception_id: f"repeat finding ({r.previous_control_id or 'an exception'} in "
                            f"{carried.previous_file_name})" for r in carried.repeats if r.exception_id is not None}


def carried_forward_html(carried: Any, e: Callable[[object], str], table: Callable[..., str]) -> str:
    """The workpaper's section on last year's review (escaped with `e`, tables by `table`)."""
    if carried is None:
        return ""
    review = carried.previous_review
    out = [f"<h2>Carried forward from {e(carried.previous_file_name)}</h2>",
           table(["Last year's verdict", "Conditions", "Signed off by"],
                 [[f"<b>{e(status_label(review.status))}</b>", e(review.rationale), e(review.signed_off_by)]])]
    if carried.repeats:
        out.append("<p><b>Repeat findings</b> (also reported last year):</p>")
        out.append(table(["This year", "Last year", "Matched by", "Last year's triage"],
                         [[e(r.control_id), e(r.previous_control_id), e(r.matched_by),
                           e(_triage_text(r.previous_triage))] for r in carried.repeats]))
    if carried.mappings:
        out.append(f"<p>{len(carried.mappings)} CUEC mapping(s) recur from last year "
                   f"({sum(m.applied for m in carried.mappings)} applied to this report).</p>")
    return "".join(out)


def _tree(parent: QWidget, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setWordWrap(True)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    tree.header().setStretchLastSection(True)
    return tree


class CarriedForwardTab(QWidget):
    """`reuse_requested()` when the user asks to apply last year's CUEC mappings."""

    reuse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.carried: Any = None
        self.summary = plain_label("", self)
        self.summary.setWordWrap(True)
        self.repeats = _tree(self, ["This year", "Last year", "Matched by", "Last year's triage"])
        self.mappings = _tree(self, ["Recurring CUEC", "Last year's control", "This year"])
        self.reuse = QPushButton("Reuse last year's CUEC mappings", self)
        self.reuse.clicked.connect(self.reuse_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(plain_label("Exceptions that repeat last year's:", self))
        layout.addWidget(self.repeats, 1)
        layout.addWidget(plain_label("CUEC mappings from last year:", self))
        layout.addWidget(self.mappings, 1)
        layout.addWidget(self.reuse)

    @staticmethod
    def _add(tree: QTreeWidget, texts: list[str]) -> None:
        item = QTreeWidgetItem(texts)
        for col, text in enumerate(texts):
            item.setToolTip(col, tooltip_text(text))
        tree.addTopLevelItem(item)

    def set_carried(self, carried: Any) -> None:
        self.carried = carried
        self.repeats.clear()
        self.mappings.clear()
        if carried is None:
            self.summary.setText("No earlier report of this vendor and framework in the register.")
            self.reuse.setEnabled(False)
            return
        review = carried.previous_review
        lines = [f"Last year's report: {carried.previous_file_name}",
                 f"Verdict: {status_label(review.status)}"
                 + (f", signed off by {review.signed_off_by}" if review.signed_off_by else ", not signed off"),
                 f"Conditions: {review.rationale or NONE_TEXT}"]
        if carried.new_cuecs_unmapped:
            lines.append(f"{carried.new_cuecs_unmapped} new CUEC(s) this year are not mapped to an own control yet.")
        self.summary.setText("\n".join(lines))
        for r in carried.repeats:
            self._add(self.repeats, [r.control_id or NONE_TEXT, r.previous_control_id or NONE_TEXT, r.matched_by,
                                     _triage_text(r.previous_triage)])
        for m in carried.mappings:
            self._add(self.mappings, [m.text, f"{m.own_control.ref} {m.own_control.title}",
                                      "mapped the same" if m.applied else "not mapped yet"])
        if not carried.repeats:
            self.repeats.addTopLevelItem(QTreeWidgetItem(["none", "", "", ""]))
        self.repeats.setColumnWidth(0, 110)
        self.repeats.setColumnWidth(1, 110)
        self.repeats.setColumnWidth(2, 90)
        self.mappings.setColumnWidth(0, 300)
        self.mappings.setColumnWidth(1, 170)
        self.reuse.setEnabled(any(not m.applied for m in carried.mappings))
