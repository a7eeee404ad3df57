"""The axis registry: every way a variation document may differ, each axis a named list of values (with weights),
drawn independently per document from random.Random(seed).

`draw(rng)` gives an `AxisDraw`, which remembers which axes the composer actually read: those are the axes that
shaped the document ("applied"), and the corpus test checks that every value of every axis is applied somewhere.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping

# name -> ((value, weight), ...); the first value of an axis is its default when the axis does not apply
AXES: dict[str, tuple[tuple[str, int], ...]] = {
    "producer": (("reportlab", 1), ("libreoffice", 0), ("chromium", 0)),  # others only in committed/
    "kind": (("soc2-type2", 50), ("soc2-type1", 10), ("soc1-type2", 14), ("soc1-type1", 6), ("soc3", 9),
             ("bridge", 6)),
    "opinion": (("unmodified", 76), ("qualified", 9), ("adverse", 7), ("disclaimer", 8)),
    "title_form": (("soc_type_roman", 1), ("soc_type_arabic", 1), ("long_management_description", 1),
                   ("long_no_type_word", 1), ("ssae16_legacy", 1)),
    "exception_count": tuple((str(n), w) for n, w in ((0, 3), (1, 4), (2, 4), (3, 3), (4, 2), (5, 2), (6, 2))),
    "multi_criteria_exception": (("no", 1), ("yes", 1)),
    "id_scheme": (("criterion", 1), ("prefix", 1), ("dotted", 1), ("c_number", 1), ("domain", 1), ("vendor", 1)),
    "table_drawing": (("grid", 1), ("hrules", 1), ("zebra", 1), ("borderless", 1), ("labelled_blocks", 1)),
    "result_column": (("last", 1), ("not_last", 1)),
    "row_continuation": (("no", 2), ("yes", 1)),
    "stated_counts": (("no", 1), ("yes", 1)),
    "trap_description_list": (("no", 1), ("yes", 1)),
    "id_layout": (("column", 2), ("in_control_cell", 1), ("with_criteria", 1)),
    "clean_wording": (("no_exceptions", 3), ("no_exception", 1), ("no_deviations", 1), ("no_relevant", 1)),
    "clean_not_occurred": (("no", 1), ("yes", 1)),
    "clean_then_mention": (("no", 2), ("exception_report", 1), ("policy_exception", 1)),
    "exception_wording": (("exception_noted", 1), ("see_response", 1), ("deviation_colon", 1), ("bullets", 1)),
    "response_placement": (("column", 1), ("in_cell", 1), ("extra_row", 1), ("later_section", 1)),
    "later_section_title": (("section_v_other_information", 1), ("section_5_responses", 1),
                            ("responses_to_exceptions", 1), ("other_information_by_vendor", 1)),
    "missing_response": (("none", 2), ("none_provided", 1), ("did_not_provide", 1), ("not_printed", 1)),
    "cuec_heading": (("complementary_user_entity_controls", 1), ("user_entity_responsibilities", 1),
                     ("user_control_considerations", 1), ("complementary_user_controls", 1)),
    "cuec_layout": (("bulleted", 1), ("numbered", 1), ("table_criteria", 1), ("grouped", 1), ("split_page", 1),
                    ("inline_criteria", 1)),
    "cuec_intro": (("no", 1), ("yes", 1)),
    "csoc_layout": (("none", 1), ("titled_list", 1), ("titled_table", 1), ("complementary_controls_trap", 1)),
    "subservice_phrasing": (("uses_carve_out", 1), ("did_not_extend", 1), ("inclusive", 1)),
    "subservice_count": (("1", 2), ("2", 2), ("3", 1)),
    "trap_auditor_cuec_prose": (("no", 1), ("yes", 1)),
    "trap_assertion_list": (("no", 1), ("yes", 1)),
    "trap_own_software": (("no", 1), ("yes", 1)),
    "trap_group_headings": (("no", 1), ("yes", 1)),
    "trap_other_reports": (("none", 2), ("prior_type1", 1), ("soc3_available", 1), ("supersedes", 1)),
    "trap_five_categories_title": (("no", 1), ("yes", 1)),
    "trap_toc": (("no", 1), ("yes", 1)),
    "heading_style": (("section_roman", 1), ("section_arabic", 1), ("part_letter", 1), ("unnumbered", 1)),
    "part_order": (("auditor_first", 3), ("assertion_first", 1)),
    "furniture": (("none", 1), ("running", 1), ("running_page_x_of_y", 1), ("watermark", 1), ("all", 1)),
    "results_orientation": (("portrait", 3), ("landscape", 1), ("rotated", 1)),
    "font": (("helvetica", 2), ("times", 2), ("courier", 1), ("dejavu_sans", 1), ("dejavu_serif", 1),
             ("liberation_sans", 1), ("liberation_serif", 1)),
    "bullet_glyph": (("bullet", 1), ("symbol_f0b7", 1), ("wingdings_f0a7", 1), ("en_dash", 1), ("drawn_shape", 1)),
    "date_style": (("us_long", 3), ("day_month_year", 1)),
    "period_phrase": (("to", 2), ("from_through", 1), ("throughout", 1), ("comma_after_year", 1), ("no_word", 1),
                      ("twelve_months_ended", 1), ("numeric_review", 1), ("en_dash", 1), ("em_dash", 1)),
    "period_location": (("prose", 3), ("cover_table_iso", 1), ("long_title_only", 1)),
    "report_date_place": (("after_signature", 3), ("letterhead_top", 1)),
    "categories": (("security", 2), ("security_availability", 2), ("security_availability_confidentiality", 2),
                   ("security_confidentiality", 1), ("security_processing_integrity", 1), ("all_five", 1)),
    "period_months": (("12", 4), ("6", 1), ("9", 1), ("3", 1)),
    "paper": (("letter", 3), ("a4", 1)),
}


def weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    values = [v for v, w in options if w > 0]
    weights = [w for _, w in options if w > 0]
    return rng.choices(values, weights=weights)[0]


class AxisDraw(Mapping[str, str]):
    """One document's draw of every axis; reading a value marks the axis applied."""

    def __init__(self, values: dict[str, str]) -> None:
        self._values = dict(values)
        self.applied: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        value = self._values[name]
        self.applied[name] = value
        return value

    def peek(self, name: str) -> str:
        """The value without marking the axis applied."""
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def use(self, name: str, value: str) -> str:
        """Record that `value` (not necessarily the drawn one) shaped the document."""
        assert value in values_of(name), (name, value)
        self.applied[name] = value
        return value


def draw(rng: random.Random) -> AxisDraw:
    return AxisDraw({name: weighted(rng, options) for name, options in AXES.items()})


def values_of(name: str) -> list[str]:
    return [v for v, _ in AXES[name]]
