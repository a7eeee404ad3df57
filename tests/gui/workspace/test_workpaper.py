"""The review workpaper: a PDF (Qt's writer) whose text holds the verdict, the sign-off, triage, mapping, log."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from reviewer.gui.dates import human_time
from reviewer.gui.workspace.workpaper import export_workpaper
from tests.gui.workspace.conftest import REVIEWER


def pdf_text(path) -> str:
    doc = pdfium.PdfDocument(path.read_bytes())
    try:
        text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()
    return " ".join(text.split())


def reviewed(register, report_id: int) -> None:
    ex = register.reviews.exceptions(report_id)[0]
    register.reviews.update_triage(ex.id, REVIEWER, nature="systemic", compensating_control="Quarterly recertification")
    control = register.reviews.add_own_control("IAM-01", "User provisioning", "IT Security", REVIEWER)
    register.reviews.map_cuec(register.reviews.cuecs(report_id)[0].id, control.id, REVIEWER)
    register.reviews.update(report_id, REVIEWER, status="accepted_with_conditions",
                           rationale="Exceptions are compensated by our quarterly access review.")
    register.reviews.sign_off(report_id, REVIEWER)


def test_workpaper_holds_the_verdict_sign_off_triage_mapping_and_log(register, tmp_path, qapp, imported):
    report_id = imported["harlow-soc2-t2-exc3"]
    reviewed(register, report_id)
    path = export_workpaper(register, report_id, tmp_path / "workpaper.pdf")
    assert path == tmp_path / "workpaper.pdf" and path.read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "workpaper.pdf.part").exists()
    text = pdf_text(path)
    review = register.reviews.get(report_id)
    assert "Accepted with conditions" in text
    assert "Exceptions are compensated by our quarterly access review." in text
    assert f"Signed off by {REVIEWER} on {human_time(review.signed_off_at)}" in text
    for ex in register.reviews.exceptions(report_id):
        assert ex.finding.control_id in text
    assert "systemic" in text and "Quarterly recertification" in text
    assert "1 of 4 mapped" in text and "IAM-01 User provisioning" in text
    assert "Amazon Web Services" in text and "carved out, no report on file" in text
    assert "Audit log" in text and "signed off by" in text
    assert register.reports.get(report_id).sha256 in text


def test_unsigned_workpaper_says_so(register, tmp_path, qapp, imported):
    report_id = imported["harlow-soc2-t2-clean"]
    text = pdf_text(export_workpaper(register, report_id, tmp_path / "clean.pdf"))
    assert "Not signed off" in text and "New" in text and "No exceptions reported." in text


def test_workpaper_into_a_missing_folder_is_refused(register, tmp_path, qapp, imported):
    with pytest.raises(OSError, match="no folder"):
        export_workpaper(register, imported["harlow-soc2-t2-clean"], tmp_path / "nope" / "w.pdf")


def test_export_action_writes_the_workpaper(open_workspace, register, tmp_path, qtbot):
    ws = open_workspace("harlow-soc2-t2-exc3")
    reviewed(register, ws.report_id)
    target = tmp_path / "from-workspace.pdf"
    dialog = ws.open_export_dialog()
    with qtbot.waitSignal(ws.exported) as blocker:
        dialog.selectFile(str(target))
        dialog.accept()
    assert blocker.args == [str(target)]
    assert f"Signed off by {REVIEWER}" in pdf_text(target)
