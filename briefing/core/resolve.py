"""Calendar dates for date figures, worked out against the document's own date.

A date figure's ``value`` says what the text says (``2023-10-01``, ``--04-27`` for "April
27", ``"friday"``, ``{"relative": "day", "offset": -1}`` for "yesterday"). Its
``resolved`` value says which calendar date that is, as precisely as the text and the
document's date allow, and ``resolution`` says how it was found:

* ``"written"``: the text states it (``October 1, 2023``, ``May 2021``, ``1990s``);
* ``"document-date"``: worked out from the document's date (``yesterday``, ``next month``,
  ``Friday``, ``April 27`` in a dated story, ``this summer``, ``Thanksgiving``);
* ``"unresolved"``: it needs the document's date and the document states none.
  ``resolved`` then keeps what the text alone says (``--04-27``, ``--04``) or is None
  (``yesterday``, ``Friday``).

``resolved`` has the shapes of date values: ISO text, full or partial (``2020-03-19``,
``2020-04``, ``2020``, ``--04-27``), or ``[first, last]`` for a period (``this week`` →
``["2020-03-16", "2020-03-22"]``, ``last quarter`` → ``["2019-10", "2019-12"]``).

The rules, no guessing past what the text and the document's date say:

* Relative days, weeks (Monday to Sunday), weekends, months, quarters (calendar) and
  years count from the document's date: ``yesterday`` in a story dated 2020-03-20 is
  2020-03-19, ``next month`` 2020-04, ``this week`` 2020-03-16 to 2020-03-22, ``year to
  date`` 2020-01-01 to 2020-03-20. A part of a relative period (``the end of this month``)
  resolves to the period.
* Seasons are the northern meteorological ones (spring March-May, summer June-August,
  autumn September-November, winter December-February): ``this summer`` is the one the
  date falls in, or else the nearest one (``this winter`` in March: the one just ended);
  ``last``/``next`` the one before/after the one it falls in, or else the last one ended
  and the first one to start.
* A weekday is the nearest such day on or before the document's date, or on or after it
  when the sentence speaks of the future (``will``, ``expected to``, ``next``, ...);
  ``last Monday`` is the one before, ``next Monday`` the one after, ``this Monday`` the one
  of the same week.
* A day and month without a year (``April 27``, ``Christmas``) takes the year that puts it
  nearest the document's date; a month alone (``in April``) likewise; holidays whose day
  moves (``Thanksgiving``, ``Easter``, ``Labor Day``) are worked out for that year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from briefing.core.dates import WEEKDAYS, iso_date
from briefing.core.model import Figure, Value

WRITTEN = "written"
DOCUMENT_DATE = "document-date"
UNRESOLVED = "unresolved"

_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|going\s+to|expected\s+to|due\s+to|set\s+to|scheduled|plans?\s+to|"
    r"planned|aims?\s+to|to\s+(?:resume|begin|start|meet|vote|hold|decide|open|return|announce)|"
    r"next|coming|upcoming|until|deadline|by)\b",
    re.I,
)
_CLAUSE = re.compile(r"[,;:—–(]|\s-\s")
_PAST = re.compile(r"\b(?:last|earlier|ago|previous)\b", re.I)
CONTEXT = 300
"""Characters before a date that are read to tell past from future (a bounded window)."""

SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
"""First month of each (northern, meteorological) season; each lasts three months."""


def parse_iso(date: str | None) -> dt.date | None:
    """A full ISO date (``YYYY-MM-DD``) as a ``date``; None for anything else."""
    if not date or len(date) != 10 or date.startswith("--"):
        return None
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        return None


# --- holidays -------------------------------------------------------------------------


def easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


_MOVEABLE = {
    "easter": lambda y: easter(y),
    "easter sunday": lambda y: easter(y),
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents day": lambda y: _nth_weekday(y, 2, 0, 3),
}
"""Holidays whose day moves with the year (US ones where countries differ), by value."""


# --- resolving one figure -------------------------------------------------------------


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + offset
    return k // 12, k % 12 + 1


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _days(first: dt.date, last: dt.date) -> list[str]:
    return [first.isoformat(), last.isoformat()]


def _season(name: str, start_year: int) -> tuple[tuple[int, int], tuple[int, int]]:
    m0 = SEASONS[name]
    return (start_year, m0), _shift_month(start_year, m0, 2)


def _relative(value: dict, anchor: dt.date) -> Value:
    unit = value.get("relative")
    offset = value.get("offset", 0)
    part = value.get("part")
    if not isinstance(offset, int):
        return None
    if unit == "day":
        return (anchor + dt.timedelta(days=offset)).isoformat()
    if unit in ("week", "weekend"):
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
        if unit == "weekend":
            return _days(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
        if part == "to date" and offset == 0:
            return _days(monday, anchor)
        return _days(monday, monday + dt.timedelta(days=6))
    if unit == "month":
        y, m = _shift_month(anchor.year, anchor.month, offset)
        if part == "to date" and offset == 0:
            return _days(dt.date(y, m, 1), anchor)
        return _month(y, m)
    if unit == "quarter":
        y, m = _shift_month(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 3 * offset)
        if part == "to date" and offset == 0:
            return _days(dt.date(y, m, 1), anchor)
        y2, m2 = _shift_month(y, m, 2)
        return [_month(y, m), _month(y2, m2)]
    if unit == "year":
        y = anchor.year + offset
        if part == "to date" and offset == 0:
            return _days(dt.date(y, 1, 1), anchor)
        if part == "first half":
            return [_month(y, 1), _month(y, 6)]
        if part == "second half":
            return [_month(y, 7), _month(y, 12)]
        return f"{y:04d}"
    if unit in SEASONS:
        here = anchor.year * 12 + anchor.month - 1

        def span(y: int) -> tuple[int, int]:
            (y0, m0), (y1, m1) = _season(unit, y)
            return y0 * 12 + m0 - 1, y1 * 12 + m1 - 1

        # "this": the occurrence the date falls in, else the nearest one; "last"/"next":
        # the one before/after the one it falls in, else the last ended/first to start.
        inside = next((y for y in (anchor.year - 1, anchor.year) if span(y)[0] <= here <= span(y)[1]), None)
        if inside is not None:
            base = inside + offset
        elif offset == 0:
            base = min((anchor.year - 1, anchor.year, anchor.year + 1),
                       key=lambda y: min(abs(span(y)[0] - here), abs(span(y)[1] - here)))
        elif offset < 0:
            base = max(y for y in (anchor.year - 2, anchor.year - 1, anchor.year) if span(y)[1] < here) + offset + 1
        else:
            base = min(y for y in (anchor.year, anchor.year + 1) if span(y)[0] > here) + offset - 1
        (y0, m0), (y1, m1) = _season(unit, base)
        return [_month(y0, m0), _month(y1, m1)]
    return None


def _nearest_year(month: int, day: int, anchor: dt.date) -> str | None:
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        iso = iso_date(year, month, day)
        if iso is None:
            continue
        gap = abs((dt.date.fromisoformat(iso) - anchor).days)
        if best is None or gap < best[0]:
            best = (gap, iso)
    return best[1] if best else None


def _moveable(name: str, anchor: dt.date) -> str | None:
    rule = _MOVEABLE.get(name)
    if rule is None:
        return None
    days = [rule(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return min(days, key=lambda d: abs((d - anchor).days)).isoformat()


def _weekday(name: str, figure_text: str, before: str, anchor: dt.date) -> str | None:
    target = WEEKDAYS.index(name)
    lead = figure_text.split(None, 1)[0].lower() if figure_text.split() else ""
    if lead == "last":
        delta = -((anchor.weekday() - target - 1) % 7 + 1)
    elif lead == "next":
        delta = (target - anchor.weekday() - 1) % 7 + 1
    elif lead == "this":
        delta = target - anchor.weekday()
    else:
        clause = _CLAUSE.split(before)[-1]  # "expected to resume Friday, ..., which met Thursday"
        future = bool(_FUTURE.search(clause)) and not _PAST.search(clause[-20:])
        delta = (target - anchor.weekday()) % 7 if future else -((anchor.weekday() - target) % 7)
    return (anchor + dt.timedelta(days=delta)).isoformat()


def _one(value: object, unit: str | None, text: str, before: str,
         anchor: dt.date | None) -> tuple[Value, str]:
    """One (not a range) date value resolved: (resolved, resolution)."""
    if isinstance(value, dict):
        if "relative" not in value:
            return None, UNRESOLVED
        return (_relative(value, anchor), DOCUMENT_DATE) if anchor else (None, UNRESOLVED)
    if not isinstance(value, str):
        return None, UNRESOLVED
    if value in WEEKDAYS:
        return (_weekday(value, text, before, anchor), DOCUMENT_DATE) if anchor else (None, UNRESOLVED)
    if value in _MOVEABLE:
        return (_moveable(value, anchor), DOCUMENT_DATE) if anchor else (None, UNRESOLVED)
    if unit == "decade" and re.fullmatch(r"\d{3}0s", value):
        return [value[:4], value[:3] + "9"], WRITTEN
    if unit == "century" and re.fullmatch(r"\d\d", value):
        c = int(value)
        return [f"{c * 100 + 1:04d}", f"{c * 100 + 100:04d}"], WRITTEN
    if re.fullmatch(r"--\d\d-\d\d", value):
        if anchor is None:
            return value, UNRESOLVED
        iso = _nearest_year(int(value[2:4]), int(value[5:7]), anchor)
        return (iso, DOCUMENT_DATE) if iso else (value, UNRESOLVED)
    if re.fullmatch(r"--\d\d", value):
        if anchor is None:
            return value, UNRESOLVED
        iso = _nearest_year(int(value[2:4]), 1, anchor)
        return (iso[:7], DOCUMENT_DATE) if iso else (value, UNRESOLVED)
    if re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", value):
        return value, WRITTEN
    return None, UNRESOLVED


def _after(first: str, last: str) -> str:
    """``last`` moved a year on when it would come before ``first`` ("December 30 to
    January 2", resolved each to its nearest year)."""
    if len(first) == len(last) and first[:4].isdigit() and last[:4].isdigit() and last < first:
        return f"{int(last[:4]) + 1:04d}" + last[4:]
    return last


def resolve_value(value: Value, unit: str | None, text: str, before: str,
                  anchor: dt.date | None) -> tuple[Value, str]:
    """The calendar date of a date figure's ``value`` and how it was found.

    ``text`` is the figure as written, ``before`` the words of its sentence before it
    (they say whether a weekday is past or future), ``anchor`` the document's date."""
    if isinstance(value, list):
        if len(value) != 2:
            return None, UNRESOLVED
        (lo, how_lo), (hi, how_hi) = (_one(v, unit, text, before, anchor) for v in value)
        if lo is None or hi is None:
            return None, UNRESOLVED
        lo = lo[0] if isinstance(lo, list) else lo
        hi = hi[-1] if isinstance(hi, list) else hi
        how = DOCUMENT_DATE if DOCUMENT_DATE in (how_lo, how_hi) else (
            UNRESOLVED if UNRESOLVED in (how_lo, how_hi) else WRITTEN)
        if how == DOCUMENT_DATE and isinstance(lo, str) and isinstance(hi, str):
            hi = _after(lo, hi)
        return [lo, hi], how
    return _one(value, unit, text, before, anchor)


def resolve_figures(figures: Sequence[Figure], text: str, date: str | None,
                    sentence_starts: Sequence[int] = ()) -> tuple[Figure, ...]:
    """``figures`` with ``resolved`` and ``resolution`` set on every date figure.

    ``date`` is the document's date (ISO, None when it states none); ``sentence_starts``
    (sorted) bound the words read before each date to its own sentence."""
    import bisect

    anchor = parse_iso(date)  # a partial date ("2020-03") is no day to count from
    out = []
    for f in figures:
        if f.kind != "date":
            out.append(f)
            continue
        i = bisect.bisect_right(sentence_starts, f.start) - 1
        s0 = sentence_starts[i] if i >= 0 else 0
        before = text[max(s0, f.start - CONTEXT):f.start]
        resolved, how = resolve_value(f.value, f.unit, f.text, before, anchor)
        out.append(replace(f, resolved=resolved, resolution=how))
    return tuple(out)
