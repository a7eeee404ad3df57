"""Tables laid out as office software does: cells wrapped over several lines, headers centred over their
column, an id cell holding its criteria below the id, an empty cell printed as a dash; read with the cell
borders (ruled lines) and, as when a table has no borders, from the words alone."""

from __future__ import annotations

import pytest

from reviewer.extract.complementary import read_cuecs_csocs
from reviewer.extract.exceptions import read_exceptions
from reviewer.extract.grid import Rules
from reviewer.extract.layout import Document
from reviewer.extract.pdf import Page, Word, group_lines


def page_of(cells: list[tuple[float, float, str]], rules: Rules | None = None) -> Page:
    """A page with each text placed at (x, top), words 5.5 points a character, 3 points apart."""
    words = []
    for x, y, text in cells:
        for w in text.split():
            words.append(Word(w, x, y, x + 5.5 * len(w), y + 11))
            x += 5.5 * len(w) + 3
    page = Page(number=1, width=612, height=792, lines=group_lines(words, 1), rules=rules)
    page.finish()
    return page


RESULTS = [
    (72, 60, "Section IV - Tests of Controls"),
    (85, 100, "Control #"), (184, 100, "Control Activity"), (329, 100, "Test Procedures"), (460, 100, "Test Results"),
    (88, 112, "Criteria"),
    (76, 130, "CC6.3.1"), (137, 130, "User access is reviewed"), (299, 130, "Inspected reviews"),
    (428, 130, "Exception noted. For 1"),
    (137, 142, "quarterly by owners."), (299, 142, "for a sample."), (428, 142, "of 4 quarters sampled,"),
    (76, 147, "CC6.3"),
    (428, 156, "the review was not"), (428, 168, "completed."),
    (76, 190, "CC7.1.1"), (137, 190, "Scans are run monthly."), (299, 190, "Inspected scans."),
    (428, 190, "No exceptions noted."),
    (76, 205, "CC7.1"),
]
RESULT_RULES = Rules(horizontal=[(y, 72, 540) for y in (95, 124, 183, 220)],
                     vertical=[(x, 95, 220) for x in (72, 133, 295, 425, 540)])


@pytest.mark.parametrize("rules", [RESULT_RULES, None], ids=["ruled", "words only"])
def test_wrapped_result_and_id_cell_holding_its_criteria(rules):
    findings, _ = read_exceptions(Document([page_of(RESULTS, rules)]))
    assert [(f.control_id, f.criteria, f.description) for f in findings] == [
        ("CC6.3.1", ["CC6.3"], "Exception noted. For 1 of 4 quarters sampled, the review was not completed.")]


CUECS = [
    (72, 100, "Complementary User Entity Controls"),
    (72, 124, "Acme's controls were designed with the assumption that user entities"),
    (72, 144, "would implement the following controls:"),
    (150, 170, "Complementary User Entity Control"), (455, 170, "Criteria"),
    (76, 192, "User entities are responsible for approving the access of"), (450, 192, "CC6.2"),
    (76, 204, "their own users."),
    (76, 228, "User entities are responsible for reporting incidents"), (450, 228, "\u2013"),
    (76, 240, "promptly to the service organization."),
]
CUEC_RULES = Rules(horizontal=[(y, 72, 540) for y in (165, 185, 220, 256)],
                   vertical=[(x, 165, 256) for x in (72, 446, 540)])


@pytest.mark.parametrize("rules", [CUEC_RULES, None], ids=["ruled", "words only"])
def test_cuec_table_with_centred_header_and_dash_for_no_criteria(rules):
    cuecs, csocs = read_cuecs_csocs(Document([page_of(CUECS, rules)]), [])
    assert [(c.text, c.criteria) for c in cuecs] == [
        ("User entities are responsible for approving the access of their own users.", ["CC6.2"]),
        ("User entities are responsible for reporting incidents promptly to the service organization.", []),
    ]
    assert csocs == []


def test_a_sentence_naming_cuecs_in_the_auditors_report_is_not_a_cuec_section():
    text = [
        (72, 100, "The description indicates that certain controls can be achieved only if"),
        (72, 112, "complementary user entity controls assumed in the design of Acme's controls"),
        (72, 124, "are suitably designed and operating effectively. Our examination did not extend"),
        (72, 136, "to such complementary user entity controls."),
    ]
    assert read_cuecs_csocs(Document([page_of(text)]), []) == ([], [])


GROUPED = [
    (80, 60, "CC6.2 Prior to issuing system credentials, the entity registers and authorizes users."),
    (72, 90, "Control"), (207, 90, "Test Procedures"), (324, 90, "Results"),
    (72, 110, "CV-07 New user access is"), (207, 110, "Inspected access"), (324, 110, "Exceptions noted - see"),
    (72, 122, "approved by the manager."), (207, 122, "requests."), (324, 122, "management response. For 3"),
    (324, 134, "of 25 new users, approval was late."),
    (80, 170, "CC6.3 The entity authorizes, modifies, or removes access."),
    (72, 200, "Control"), (247, 200, "Test Procedures"), (460, 200, "Results"),
    (72, 220, "CV-08 User access is reviewed"), (247, 220, "Inspected the reviews."), (460, 220, "No exceptions"),
    (72, 232, "quarterly by owners."), (460, 232, "noted."),
    (68, 280, "Section V \u2014 Other Information Provided by Management"),
    (68, 304, "CV-07 \u2014 Management's response. Tickets can no longer be closed"),
    (68, 316, "without a recorded approval."),
]


def test_small_table_per_criterion_with_the_id_opening_the_control_cell_and_a_response_in_section_v():
    findings, _ = read_exceptions(Document([page_of(GROUPED)]))
    assert [(f.control_id, f.criteria, f.description, f.management_response) for f in findings] == [
        ("CV-07", ["CC6.2"], "Exceptions noted - see management response. For 3 of 25 new users, approval was late.",
         "Tickets can no longer be closed without a recorded approval.")]


# header cells that wrap to different numbers of lines, each centred in its row: the header comes out as staggered
# lines, the single-line cell between the wrapped cell's lines; none of them is a section heading
STAGGERED_CUECS = [
    (72, 60, "Complementary User Entity Controls"),
    (400, 90, "Related"), (72, 96, "User Entity Controls"), (400, 102, "Criteria"),
    (72, 125, "User entities are responsible for approving the access of"), (400, 125, "CC6.2, CC6.3"),
    (72, 137, "their own staff to the claims portal."),
    (72, 158, "User entities are responsible for encrypting files."), (400, 158, "CC6.7"),
    (72, 200, "Section IV - Trust Services Criteria and Tests"),
    (72, 225, "Controls are tested by the service auditor as described below in this section."),
]
STAGGERED_CSOCS = [
    (72, 60, "Complementary Controls"),
    (72, 80, "The following controls are expected at the subservice organization:"),
    (72, 100, "Subservice"), (180, 106, "Expected Control"), (72, 112, "Organization"),
    (72, 135, "AWS"), (180, 135, "Amazon Web Services is responsible for restricting physical"),
    (180, 147, "access to the data centers."),
    (72, 168, "AWS"), (180, 168, "Amazon Web Services is responsible for power in its data centers."),
]


def test_a_cuec_table_under_a_staggered_header_is_read_and_ends_at_the_next_heading():
    cuecs, csocs = read_cuecs_csocs(Document([page_of(STAGGERED_CUECS)]), [])
    assert [(c.text, c.criteria) for c in cuecs] == [
        ("User entities are responsible for approving the access of their own staff to the claims portal.",
         ["CC6.2", "CC6.3"]),
        ("User entities are responsible for encrypting files.", ["CC6.7"]),
    ]
    assert csocs == []


def test_a_csoc_table_under_plain_complementary_controls_with_a_staggered_header():
    cuecs, csocs = read_cuecs_csocs(Document([page_of(STAGGERED_CSOCS)]), ["Amazon Web Services"])
    assert cuecs == []
    assert [(c.subservice_organization, c.text) for c in csocs] == [
        ("AWS", "Amazon Web Services is responsible for restricting physical access to the data centers."),
        ("AWS", "Amazon Web Services is responsible for power in its data centers."),
    ]
