"""Text read from a report shows exactly as printed: an "&" is not a keyboard mnemonic ("Harlow & Finch LLP" once
showed as "Harlow  Finch LLP"), and text that looks like HTML is not rendered as HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from reviewer.extract.model import Evidence, ExtractionResult, FileInfo, Report
from reviewer.gui.workspace.fields import FieldsPanel


def _extraction() -> ExtractionResult:
    report = Report(framework="SOC 2", type="Type 2", service_organization="Brackenridge <Analytics> & Co.",
                    service_auditor="Harlow & Finch LLP", system="<b>Insight</b> Cloud")
    return ExtractionResult(
        file=FileInfo("r.pdf", "0" * 64, 3, False, "full"), document_type="soc_report", report=report,
        evidence={"service_auditor": Evidence(3, "Harlow & Finch LLP", (72.0, 80.0, 200.0, 92.0)),
                  "service_organization": Evidence(1, "Brackenridge <Analytics> & Co.", None)},
    )


def test_an_ampersand_in_a_fact_is_shown_not_eaten(qtbot):
    panel = FieldsPanel(_extraction())
    qtbot.addWidget(panel)
    link = panel.links["service_auditor"]
    assert link.value == "Harlow & Finch LLP"
    # Qt shows "&&" as one "&" and takes no mnemonic from it; a single "&" would have been eaten
    assert link.text() == "Harlow && Finch LLP" and QKeySequence.mnemonic(link.text()).isEmpty()
    assert not QKeySequence.mnemonic("Harlow & Finch LLP").isEmpty()  # what the old text did
    assert "page 3: Harlow &amp; Finch LLP" in link.toolTip()  # the tool tip is escaped rich text


def test_text_that_looks_like_html_stays_text(qtbot):
    panel = FieldsPanel(_extraction())
    qtbot.addWidget(panel)
    plain = panel.values["system"]  # no evidence: a plain label
    assert plain.textFormat() == Qt.TextFormat.PlainText and plain.text() == "<b>Insight</b> Cloud"
    assert panel.links["service_organization"].text() == "Brackenridge <Analytics> && Co."
