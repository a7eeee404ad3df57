"""Test results printed as labelled blocks per control instead of a table, in two firms' forms: "Control Number:"
then labelled paragraphs, or the id opening a heading line; drawn as real PDFs and read back through pdfium."""

from __future__ import annotations

from reviewer.extract.blocks import read_result_blocks
from reviewer.extract.exceptions import read_exceptions
from tests.extract.pdfdraw import DrawnPage, document

DID_NOT_OCCUR = ("The circumstances that warrant the operation of the control did not occur during the period;",
                 "therefore, no testing was performed.")

LABELLED = [
    DrawnPage(texts=[
        (72, 60, "Section IV - Trust Services Criteria, Related Controls and Tests of Controls"),
        (72, 90, "CC6.1 The entity implements logical access security software and architectures."),
        (72, 115, "Control Number: CC6.1.3"),
        (72, 129, "Control Activity: User access is reviewed quarterly by system owners."),
        (72, 143, "Test Performed: Inspected the quarterly access reviews for a sample of quarters."),
        (72, 157, "Test Result: Exception noted. For 2 of 25 terminated users sampled, access was not"),
        (72, 171, "removed within one business day of termination."),
        (72, 185, "Management's Response: Terminations are now removed automatically from the directory"),
        (72, 199, "when the HR record closes."),
        (72, 230, "Control Number: CC6.1.4"),
        (72, 244, "Control Activity: Passwords meet the configured complexity requirements."),
        (72, 258, "Test Performed: Inspected the password configuration."),
        (72, 272, "Test Result: No exceptions noted."),
        (72, 303, "Control Number: CC6.1.5"),
        (72, 317, "Control Activity: Emergency access is approved by the security officer."),
        (72, 331, "Test Performed: Inquired of the security officer and inspected the access log."),
        (72, 345, "Test Result: " + DID_NOT_OCCUR[0]),
        (72, 359, DID_NOT_OCCUR[1]),
    ]),
]

HEADED = [
    DrawnPage(texts=[
        (72, 60, "Section IV - Description of Tests of Controls and Results"),
        (72, 90, "AC-04 \u2013 Logical access reviews"),
        (72, 106, "Control Activity: Access to the claims database is reviewed each quarter."),
        (72, 120, "Tests of Operating Effectiveness: Inspected the reviews for 4 of 4 quarters."),
        (72, 134, "Results: Deviation noted. For 1 of 4 quarters, the review was completed 20 days late."),
        (72, 165, "AC-05 \u2013 Encryption of backups"),
        (72, 181, "Control Activity: Backups are encrypted with AES-256."),
        (72, 195, "Tests of Operating Effectiveness: Inspected the backup configuration."),
        (72, 209, "Results: No exceptions noted."),
    ]),
    DrawnPage(texts=[
        (72, 60, "AC-06 \u2013 Emergency changes"),
        (72, 76, "Control Activity: Emergency changes are approved after the fact within two days."),
        (72, 90, "Tests of Operating Effectiveness: Inquired of the change manager."),
        (72, 104, "Results: " + DID_NOT_OCCUR[0]),
        (72, 118, DID_NOT_OCCUR[1]),
        (72, 160, "Section V - Other Information Provided by Management"),
        (72, 185, "AC-04 Management's response: Reviews are now scheduled in the ticketing system."),
    ]),
]


def test_labelled_blocks_give_each_result_and_one_exception_with_its_response_and_evidence():
    doc = document(LABELLED)
    blocks = read_result_blocks(doc)
    assert [(b.control_id, b.result) for b in blocks] == [
        ("CC6.1.3", "Exception noted. For 2 of 25 terminated users sampled, access was not removed within one "
                    "business day of termination."),
        ("CC6.1.4", "No exceptions noted."),
        ("CC6.1.5", " ".join(DID_NOT_OCCUR)),
    ]
    findings, tables = read_exceptions(doc)
    assert [t for t in tables if t.rows] == []
    (f,) = findings
    assert (f.control_id, f.page, f.management_response) == (
        "CC6.1.3", 1, "Terminations are now removed automatically from the directory when the HR record closes.")
    assert f.description.startswith("Exception noted. For 2 of 25")
    x0, top, x1, bottom = f.bbox
    assert abs(x0 - 72) < 2
    assert 155 < top < 160 and 175 < bottom < 185 and x1 > 300  # the result's two lines, not the response


def test_blocks_headed_by_the_control_id_across_pages_with_the_response_in_section_v():
    doc = document(HEADED)
    assert [(b.control_id, b.page, b.result[:20]) for b in read_result_blocks(doc)] == [
        ("AC-04", 1, "Deviation noted. For"), ("AC-05", 1, "No exceptions noted."), ("AC-06", 2, DID_NOT_OCCUR[0][:20]),
    ]
    findings, _ = read_exceptions(doc)
    assert [(f.control_id, f.page, f.description, f.management_response) for f in findings] == [
        ("AC-04", 1, "Deviation noted. For 1 of 4 quarters, the review was completed 20 days late.",
         "Reviews are now scheduled in the ticketing system.")]
    assert findings[0].bbox is not None and 130 < findings[0].bbox[1] < 140


def test_labels_in_a_column_of_their_own_with_a_result_wrapped_beside_them():
    doc = document([DrawnPage(texts=[
        (72, 60, "Section IV - Tests of Controls"),
        (72, 90, "Control No.:"), (200, 90, "SEC-12"),
        (72, 104, "Control Activity:"), (200, 104, "Firewall rules are reviewed each half year."),
        (72, 118, "Test Result:"), (200, 118, "Exceptions noted. For 1 of 2 half years,"),
        (200, 132, "the review was not evidenced."),
        (72, 160, "Control No.:"), (200, 160, "SEC-13"),
        (72, 174, "Test Result:"), (200, 174, "No relevant exceptions noted."),
    ])])
    findings, _ = read_exceptions(doc)
    assert [(f.control_id, f.description, f.management_response) for f in findings] == [
        ("SEC-12", "Exceptions noted. For 1 of 2 half years, the review was not evidenced.", None)]
