"""A list whose bullets are drawn shapes, not glyphs (as Chromium prints an HTML list): each bullet starts an
entry even though no blank line separates them (a real PDF drawn with reportlab)."""

from __future__ import annotations

from reviewer.extract.complementary import read_cuecs_csocs
from tests.extract.pdfdraw import DrawnPage, document


def test_cuecs_listed_with_drawn_bullets_are_separate_entries():
    page = DrawnPage(texts=[
        (72, 80, "User Entity Responsibilities"),
        (90, 104, "User entities are responsible for approving and periodically reviewing the access of"),
        (90, 116, "their own users."),
        (90, 128, "User entities are responsible for configuring multi-factor authentication."),
        (90, 140, "User entities are responsible for ensuring that uploaded data is complete."),
        (72, 170, "Controls Placed in Operation"),
    ], discs=[(80, 109), (80, 133), (80, 145)])
    cuecs, _ = read_cuecs_csocs(document([page]), [])
    assert [c.text for c in cuecs] == [
        "User entities are responsible for approving and periodically reviewing the access of their own users.",
        "User entities are responsible for configuring multi-factor authentication.",
        "User entities are responsible for ensuring that uploaded data is complete.",
    ]
