"""Showing text read from reports (or typed by users) in Qt widgets exactly as it is.

Qt reads some strings as markup: a button's or a tab's "&" marks a keyboard mnemonic ("Harlow & Finch LLP"
showed as "Harlow  Finch LLP"), and a label or a tool tip that looks like HTML ("<b>", "<Acme>") is rendered as
rich text. Every place that shows such text goes through one of these helpers.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def mnemonic_safe(text: str) -> str:
    """Text for a button, radio button, check box, tab or menu: each "&" doubled, so it shows as one."""
    return text.replace("&", "&&")


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that always shows its text as plain text (never as HTML)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def tooltip_text(text: str) -> str:
    """A tool tip showing `text` as is: escaped inside rich text (tool tips have no plain-text switch), with line
    breaks kept and long lines wrapped."""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>' if text else ""
