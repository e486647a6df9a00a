"""Month and weekday names and the few date shapes the cleaner and figures share."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)

_ISO = re.compile(r"(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")
_MDY = re.compile(MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})", re.I)
_DMY = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH_RE + r",?\s+(?P<y>\d{4})", re.I)

DATE_HEADER_VALUE = (
    r"(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|" + MONTH_RE + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH_RE + r",?\s+\d{4})"
)


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO text for a full or partial date; ``--MM-DD`` when the year is unknown."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None or not 1 <= day <= _days_in(month, year):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    if month is not None:
        return f"{year:04d}-{month:02d}" if year else None
    return f"{year:04d}" if year else None


def _days_in(month: int, year: int | None) -> int:
    if month == 2:
        if year is None:
            return 29
        return 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_full_date(text: str) -> str | None:
    """ISO date for a full date written as ISO, ``March 20, 2020`` or ``20 March 2020``."""
    m = _ISO.search(text)
    if m:
        return iso_date(int(m["y"]), int(m["m"]), int(m["d"]))
    for pattern in (_MDY, _DMY):
        m = pattern.search(text)
        if m:
            month = month_number(re.search(MONTH_RE, m.group(0), re.I).group(0))  # type: ignore[union-attr]
            return iso_date(int(m["y"]), month, int(m["d"]))
    return None
