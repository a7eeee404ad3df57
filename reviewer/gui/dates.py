"""Dates and times as a person reads them in documents the app writes: "1 Dec 2026" and "1 Dec 2026, 06:39 UTC"
(the register keeps ISO 8601 in UTC; the month is spelled so no reader mistakes 01/12 for 12/01)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d:T])")


def human_date(day: date | str | None) -> str | None:
    """"1 Dec 2026"; None stays None, text that is no date stays as it is."""
    if day is None or day == "":
        return None
    if isinstance(day, str):
        try:
            parsed = date.fromisoformat(day[:10])
        except ValueError:
            return day
    else:
        parsed = day
    return f"{parsed.day} {MONTHS[parsed.month - 1]} {parsed.year}"


def human_time(moment: datetime | str | None) -> str | None:
    """"1 Dec 2026, 06:39 UTC" from an ISO time (a time without zone is taken as UTC, as the register writes)."""
    if moment is None or moment == "":
        return None
    if isinstance(moment, str):
        try:
            parsed = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return moment
    else:
        parsed = moment
    utc = parsed.astimezone(UTC) if parsed.tzinfo else parsed
    return f"{human_date(utc.date())}, {utc:%H:%M} UTC"


def human_dates_in(text: str | None) -> str | None:
    """Every ISO date in `text` ("2024-01-01 to 2024-12-31") written as `human_date`."""
    if text is None:
        return None

    def one(m: re.Match[str]) -> str:
        try:
            return human_date(date(int(m[1]), int(m[2]), int(m[3]))) or m[0]
        except ValueError:
            return m[0]

    return _ISO_DATE.sub(one, text)
