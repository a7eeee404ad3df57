"""`CorrectionDialog`: correct one value or item (or add a missed item), with a reason and evidence from the page.

One field per editable attribute (a date as YYYY-MM-DD, a list as comma-separated values), an optional reason, and
"use the selection as evidence" when text is selected on the page. Opened with `open()` (never `exec()`), so tests
fill it and call `accept()`; `values()` gives the corrected JSON (an item's dict, or a scalar's JSON value).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.extract.model import CATEGORIES
from reviewer.gui.text import plain_label
from reviewer.gui.theme import show_as_error
from reviewer.gui.viewer.selection import PageSelection
from reviewer.register.corrections import CHOICES as SCALAR_CHOICES
from reviewer.register.corrections import DATE_FIELDS, LIST_FIELDS, invalid_scalar, target_label

# per list: (attribute, label, multi-line, a list) that a reviewer can correct
ITEM_FIELDS: dict[str, tuple[tuple[str, str, bool, bool], ...]] = {
    "exceptions": (("control_id", "Control", False, False), ("description", "Test result", True, False),
                   ("management_response", "Management response", True, False),
                   ("criteria", "Criteria", False, True), ("control_objective", "Control objective", False, False)),
    "cuecs": (("text", "CUEC", True, False), ("criteria", "Criteria", False, True)),
    "subservice_organizations": (("name", "Name", False, False), ("services", "Services", True, False),
                                 ("method", "Method", False, False)),
    "csocs": (("text", "CSOC", True, False), ("subservice_organization", "Subservice organization", False, False)),
    "control_objectives": (("id", "Objective", False, False), ("text", "Text", True, False)),
}
# the main text of a new item, filled from the selection
MAIN_FIELD = {"exceptions": "description", "cuecs": "text", "subservice_organizations": "name", "csocs": "text",
              "control_objectives": "text"}
CHOICES: dict[str, tuple[str, ...]] = {**SCALAR_CHOICES, "method": ("carve-out", "inclusive")}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


class CorrectionDialog(QDialog):
    """Correct `target` (a scalar name or "list/key"), whose current JSON is `current`; or add to a list when
    `adding` (then `current` is the new item's start, e.g. the selected text)."""

    def __init__(self, target: str, current: Any, selection: PageSelection | None, parent: QWidget | None = None,
                 *, adding: bool = False) -> None:
        super().__init__(parent)
        self.target = target
        self.list_name = target.split("/", 1)[0] if "/" in target else None
        self.current = current
        self.selection = selection
        self.inputs: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        label = target_label(target, current if isinstance(current, dict) else None)
        self.setWindowTitle(f"Add {label}" if adding else f"Correct {label}")
        form = QFormLayout()
        if self.list_name is None:
            self._add_input(form, target, target_label(target), current, multi=False)
        else:
            for name, text, multi, _is_list in ITEM_FIELDS[self.list_name]:
                self._add_input(form, name, text, (current or {}).get(name), multi=multi)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText("optional: why (kept in the audit log)")
        form.addRow("Reason", self.reason)
        self.use_selection = QCheckBox(self)
        if selection is not None:
            self.use_selection.setText(f"Use the selection on page {selection.page} as evidence")
            self.use_selection.setChecked(adding)
            form.addRow("", self.use_selection)
            shown = plain_label(f"\u201c{selection.text[:160]}\u201d", self)
            shown.setWordWrap(True)
            form.addRow("Selected", shown)
        else:
            self.use_selection.hide()
            form.addRow("", QLabel("Tip: drag over the page to pick this value's evidence.", self))
        self.error = plain_label("", self)
        show_as_error(self.error)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _add_input(self, form: QFormLayout, name: str, label: str, value: Any, *, multi: bool) -> None:
        widget: QLineEdit | QPlainTextEdit | QComboBox
        if name in CHOICES:
            widget = QComboBox(self)
            widget.addItem("\u2014 not stated", None)
            for choice in CHOICES[name]:
                widget.addItem(choice, choice)
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif multi:
            widget = QPlainTextEdit(_text(value), self)
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(72)
        else:
            widget = QLineEdit(_text(value), self)
            if name in DATE_FIELDS:
                widget.setPlaceholderText("YYYY-MM-DD, or empty when the report does not state it")
            elif name == "categories":
                widget.setPlaceholderText(", ".join(CATEGORIES))
        self.inputs[name] = widget
        form.addRow(label, widget)

    def set_field(self, name: str, text: str) -> None:
        """Type `text` into one field (a choice by its value)."""
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(text)))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        else:
            widget.setText(text)

    def _read(self, name: str, *, is_list: bool) -> Any:
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        text = (widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()).strip()
        if is_list or name in LIST_FIELDS:
            return [part.strip() for part in text.split(",") if part.strip()]
        return (" ".join(text.split()) if isinstance(widget, QLineEdit) else text) or None

    def values(self) -> Any:
        """The corrected value: a scalar's JSON value, or the item's changed attributes (with page and box when the
        selection is its evidence). Raises ValueError for a malformed date or an item without its text."""
        if self.list_name is None:
            value = self._read(self.target, is_list=False) or ([] if self.target in LIST_FIELDS else None)
            problem = invalid_scalar(self.target, value)
            if problem:
                raise ValueError(problem)
            return value
        out: dict[str, Any] = {}
        for name, _label, _multi, is_list in ITEM_FIELDS[self.list_name]:
            out[name] = self._read(name, is_list=is_list)
        if not out.get(MAIN_FIELD[self.list_name]):
            raise ValueError("the item needs its text")
        if self.evidence() is not None:
            assert self.selection is not None
            out["page"] = self.selection.page
            out["bbox"] = list(self.selection.bbox)
        return out

    def evidence(self) -> dict[str, Any] | None:
        if self.selection is None or not self.use_selection.isChecked():
            return None
        return self.selection.evidence_json()

    def reason_text(self) -> str | None:
        return self.reason.text().strip() or None

    def accept(self) -> None:
        try:
            self.values()
        except ValueError as err:
            self.error.setText(f"Not saved: {err}")
            self.error.show()
            return
        super().accept()
