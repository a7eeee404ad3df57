"""The workpaper's pages as an auditor reads them, rendered to images (pypdfium2) and read back: a header and
"Page x of N" on every page, the wide tables on landscape pages, no word broken inside, no "(+14 more)", dates in
words, one name for the reviewer, the CSOCs."""

from __future__ import annotations

import getpass
import re

import pypdfium2 as pdfium
from PySide6.QtGui import QTextDocument

from reviewer.gui.dates import human_date, human_time
from reviewer.gui.workspace.workpaper import export_workpaper, workpaper_html
from reviewer.gui.workspace.workpaper_pdf import BAND_MM, MARGIN_MM
from tests.gui.workspace.conftest import REVIEWER

WORD = re.compile(r"\w+")
MM = 72 / 25.4  # PDF points per millimetre (the pages are rendered at one pixel per point)
LONG_NOTE = ("Management confirmed that the remediation of privileged provisioning completed; the "
             "reviewer inspected the recertification evidence and the segregation of responsibilities. ")


def _reviewed(register, report_id: int) -> None:
    exceptions = register.reviews.exceptions(report_id)
    for n, ex in enumerate(exceptions):
        register.reviews.update_triage(ex.id, REVIEWER, relevance="high", nature="systemic",
                                       compensating_control=f"Quarterly recertification of privileged access {n}",
                                       follow_up="Request the bridge letter and remediation evidence")
    control = register.reviews.add_own_control("IAM-01", "User provisioning", "IT Security", REVIEWER)
    register.reviews.map_cuec(register.reviews.cuecs(report_id)[0].id, control.id, REVIEWER)
    for n in range(12):  # a long audit log: the trail runs over more than one page
        register.reviews.update(report_id, REVIEWER, rationale=f"{n}: " + LONG_NOTE * 3)
    register.reviews.update(report_id, REVIEWER, status="accepted_with_conditions",
                            rationale="Exceptions are compensated by our quarterly access review.")
    register.reviews.sign_off(report_id, REVIEWER)


def _pages(path, out_dir):
    """(text, width, height, image) of each page; each page also saved as a PNG beside the PDF."""
    doc = pdfium.PdfDocument(path.read_bytes())
    try:
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            width, height = page.get_size()
            image = page.render(scale=1).to_pil().convert("L")
            image.save(out_dir / f"page-{i + 1}.png")
            pages.append((page.get_textpage().get_text_range(), width, height, image))
        return pages
    finally:
        doc.close()


def _words(text: str) -> set[str]:
    return set(WORD.findall(text))


def test_every_page_has_the_header_and_page_x_of_n(register, tmp_path, qapp, imported):
    report_id = imported["harlow-soc2-t2-exc3"]
    _reviewed(register, report_id)
    path = export_workpaper(register, report_id, tmp_path / "workpaper.pdf")
    pages = _pages(path, tmp_path)
    total = len(pages)
    assert total >= 4
    vendor = register.reports.get(report_id).vendor
    for number, (text, width, height, image) in enumerate(pages, start=1):
        flat = " ".join(text.split())
        assert f"Page {number} of {total}" in flat, number
        assert f"SOC report review: {vendor}" in flat and "Confidential" in flat, number
        # ink in the header band and the footer band of the rendered page (not only in the text layer)
        top, bottom = int(MARGIN_MM * MM), int((MARGIN_MM + BAND_MM * 0.7) * MM)  # where the header prints
        assert min(image.crop((0, top, int(width), bottom)).getextrema()) < 128, number
        footer = (0, int(height) - bottom, int(width), int(height) - top)
        assert min(image.crop(footer).getextrema()) < 128, number
    orientations = ["landscape" if w > h else "portrait" for _, w, h, _ in pages]
    assert orientations[0] == "portrait"
    exceptions_page = next(i for i, (text, *_rest) in enumerate(pages) if "Exceptions (3)" in text)
    assert orientations[exceptions_page] == "landscape"  # the eight-column table has the width it needs
    audit_pages = [i for i, (text, *_rest) in enumerate(pages) if "Audit log" in text or "When" in text]
    assert audit_pages and all(orientations[i] == "landscape" for i in audit_pages)


def test_no_word_is_broken_and_nothing_is_cut(register, tmp_path, qapp, imported):
    report_id = imported["harlow-soc2-t2-exc3"]
    _reviewed(register, report_id)
    path = export_workpaper(register, report_id, tmp_path / "workpaper.pdf")
    pages = _pages(path, tmp_path)
    printed = "\n".join(text for text, *_rest in pages)
    document = QTextDocument()
    document.setHtml(workpaper_html(register, report_id))
    expected = _words(document.toPlainText()) | _words("SOC report review Confidential Page of generated UTC")
    expected |= _words(" ".join(str(n) for n in range(len(pages) + 1)))
    # a word broken inside ("manageme nt") prints pieces the workpaper never holds
    strays = {w for w in _words(printed) - expected if not w.isdigit()}
    assert not strays, sorted(strays)[:20]
    report = register.reports.get(report_id).extraction.report
    sources = ([f.description for f in report.exceptions] + [f.management_response or "" for f in report.exceptions]
               + [c.text for c in report.cuecs] + [c.text for c in report.csocs] + [LONG_NOTE])
    missing = {w for text in sources for w in _words(text)} - _words(printed)
    assert not missing, sorted(missing)[:20]
    assert "more)" not in printed
    assert len(report.criteria) > 8  # more than the facts panel's short list shows
    for criterion in report.criteria:
        assert re.search(rf"(?<![\w.]){re.escape(criterion)}(?![\w.]\w)", printed), criterion
    assert f"Complementary subservice organization controls ({len(report.csocs)})" in " ".join(printed.split())


def test_dates_read_as_words_and_the_reviewer_is_one_person(register, tmp_path, qapp, imported):
    report_id = imported["harlow-soc2-t2-exc3"]
    _reviewed(register, report_id)
    register.reviews.update(report_id, REVIEWER, status="accepted_with_conditions")
    path = export_workpaper(register, report_id, tmp_path / "workpaper.pdf")
    printed = " ".join(" ".join(text for text, *_rest in _pages(path, tmp_path)).split())
    review = register.reviews.get(report_id)
    stored = register.reports.get(report_id)
    assert f"Signed off by {REVIEWER} on {human_time(review.signed_off_at)}" in printed
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC", human_time(review.signed_off_at))
    assert f"Imported {human_time(stored.imported_at)}" in printed
    period = stored.extraction.report
    assert f"{human_date(period.period_start)} to {human_date(period.period_end)}" in printed
    assert not re.search(r"\d{4}-\d{2}-\d{2}", printed)  # no ISO date or time anywhere, the log included
    names = {a.who for a in register.audit.entries(report_id) if a.field != "imported"}  # the test imported it
    assert names == {REVIEWER}
    if getpass.getuser() not in REVIEWER:
        assert getpass.getuser() not in printed
