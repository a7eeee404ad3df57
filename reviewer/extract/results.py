"""What a test result says: an exception, a clean result, or a control that was not tested.

The first clause that states a result decides it; later sentences in the same cell do not flip it. "No
exceptions noted. A policy exception for ... was approved ..." is clean; "No exceptions noted, except as
follows: ..." and "No other exceptions were noted" (after a described finding) are exceptions; "The
circumstances that warrant the operation of the control did not occur ...; therefore, no testing was performed"
is no exception, but the reviewer wants to see it, so it has a meaning of its own. A text in which no clause
states a result is clean with low confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reviewer.extract.vocabulary import (
    EXCEPTION_WORD,
    NEGATED_EXCEPTION,
    NOT_TESTED,
    OTHER_THAN_FOLLOWING,
    SENTENCE_END,
)


class ResultMeaning(Enum):
    EXCEPTION = "exception"
    CLEAN = "clean"
    NOT_TESTED = "not tested"


@dataclass(frozen=True)
class ResultReading:
    """A result's meaning, whether a clause stated it (else it is a guess), and the deciding clause."""

    meaning: ResultMeaning
    stated: bool
    clause: str = ""


def _clauses(text: str) -> list[str]:
    return [c for c in SENTENCE_END.split(" ".join(text.split())) if c.strip()]


def read_result(text: str) -> ResultReading:
    """The meaning of one test result's text, decided by its first clause that states a result."""
    for clause in _clauses(text):
        if OTHER_THAN_FOLLOWING.search(clause):
            return ResultReading(ResultMeaning.EXCEPTION, True, clause)
        negated = NEGATED_EXCEPTION.search(clause)
        rest = NEGATED_EXCEPTION.sub(" ", clause)
        if EXCEPTION_WORD.search(rest):
            return ResultReading(ResultMeaning.EXCEPTION, True, clause)
        if negated:
            return ResultReading(ResultMeaning.CLEAN, True, clause)
        if NOT_TESTED.search(clause):
            return ResultReading(ResultMeaning.NOT_TESTED, True, clause)
    return ResultReading(ResultMeaning.CLEAN, False)


def is_exception(result: str) -> bool:
    """True when a test result states an exception or deviation."""
    return read_result(result).meaning is ResultMeaning.EXCEPTION


def not_tested(result: str) -> bool:
    """True when a result says the control was not tested because its circumstances did not occur."""
    return read_result(result).meaning is ResultMeaning.NOT_TESTED


__all__ = ["ResultMeaning", "ResultReading", "is_exception", "not_tested", "read_result"]
