"""Readings that the seventh blind set showed were too narrow, checked on their own: a bullet mapped to any symbol,
typeset quotes read as typed ones, outline numbers without punctuation, and a part's numbered sub-sections."""

from __future__ import annotations

from reviewer.extract.page import PLAIN_PUNCTUATION, Line, Word
from reviewer.extract.parts import Role, _sub_section_of, title_role
from reviewer.extract.sections import is_marker, strip_marker
from reviewer.extract.vocabulary import is_marker_glyph


def _line(text: str) -> Line:
    return Line([Word(text, 0, 0, 10, 10)], 1, text)


def test_a_lone_symbol_before_an_entry_is_its_marker_whatever_glyph_the_font_maps_it_to():
    for glyph in ("\u00ab", "\u25a0", "\u27a4", "\uf0b7", "\u2022", ">"):
        assert is_marker(glyph), glyph
        assert strip_marker(f"{glyph} User entities are responsible for ...") == "User entities are responsible for ..."
    for word in ("\u201c", "'", "User", "(a)x", "+"):
        assert not is_marker_glyph(word), word


def test_typeset_quotes_minus_and_hyphens_read_as_the_characters_a_reader_types():
    text = "users\u2019 \u201cmulti\u2212factor\u201d non\u2011breaking"
    plain = text.translate(PLAIN_PUNCTUATION)
    assert plain == 'users\' "multi-factor" non-breaking'
    assert len(plain) == len(text)  # one character for one: offsets into the page's text hold


def test_a_part_title_numbered_without_punctuation_names_its_part():
    assert title_role("1 Report of the Independent Service Auditor") is Role.AUDITOR_REPORT
    assert title_role("4 Trust Services Criteria, Controls, Tests, and Results") is Role.TESTS
    assert title_role("IV. Description of Criteria, Controls, Tests and Results of Tests") is Role.TESTS


def test_a_numbered_sub_section_belongs_to_its_part():
    report = _line("2. Independent Service Auditor's Report")
    assert _sub_section_of("2.5. Description of Tests of Controls", report)
    assert not _sub_section_of("3. Description of the System", report)
    assert not _sub_section_of("3.1 Company Overview", report)  # another part's sub-section opens that part
