"""What OCR misreads in the vocabulary the extractor relies on is put right: a report type's roman numeral read
as other strokes ("Type Il"), a section's ("Section ll,"), while arabic numbers stay; a running footer whose
numeral the engine dropped on one page reads like the others, with that page's own number."""

from __future__ import annotations

import pytest

from reviewer.extract.ocr import roman_numeral
from reviewer.extract.ocr_margins import harmonise_margins
from reviewer.extract.page import Line, Page, Word


@pytest.mark.parametrize(("previous", "read", "printed"), [
    ("Type", "Il", "II"), ("Type", "ll,", "II,"), ("Type", "11", "II"), ("Type", "Ill", "II"), ("type", "l", "I"),
    ("Section", "ll,", "II,"), ("Section", "Ill.", "III."), ("Part", "I]", "II"),
    ("Type", "2", "2"), ("Type", "1", "1"), ("Section", "3", "3"), ("Type", "II", "II"), ("of", "Il", "Il"),
    ("Type", "Ii", "Ii"),
])
def test_a_roman_numeral_misread_after_type_or_section_is_put_right(previous, read, printed):
    assert roman_numeral(read, previous) == printed


def _footer_page(number: int, texts: list[str]) -> Page:
    page = Page(number, 612, 792, ocr=True)
    body = Line([Word("Controls", 72, 300, 120, 310, conf=0.9)], number)
    x, words = 250.0, []
    for text in texts:
        words.append(Word(text, x, 760, x + 6 * len(text), 770, conf=0.9))
        x += 6 * len(text) + 4
    page.lines = [body, Line(words, number)]
    page.finish()
    return page


def test_a_running_footer_missing_its_numeral_on_one_page_reads_like_the_others():
    pages = [_footer_page(n, ["SAS", "70", "Type", "II", str(n)]) for n in (2, 3, 4, 6)]
    pages.insert(3, _footer_page(5, ["SAS", "70", "Type", "5"]))
    harmonise_margins(pages)
    assert [p.lines[-1].text for p in pages] == [f"SAS 70 Type II {n}" for n in (2, 3, 4, 5, 6)]
    assert all(p.lines[0].text == "Controls" for p in pages)
