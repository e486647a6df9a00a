"""Date figures resolved against the document's date (briefing.core.resolve)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.core.model import Figure
from briefing.core.resolve import DOCUMENT_DATE, UNRESOLVED, WRITTEN, easter, resolve_figures, resolve_value

FRIDAY = dt.date(2020, 3, 20)  # seed 002's date


def rel(unit: str, offset: int = 0, part: str | None = None) -> dict:
    v: dict = {"relative": unit, "offset": offset}
    if part:
        v["part"] = part
    return v


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (rel("day", -1), "2020-03-19"),  # yesterday
        (rel("day", 0, "night"), "2020-03-20"),  # tonight
        (rel("day", -2), "2020-03-18"),  # the day before yesterday
        (rel("day", 1), "2020-03-21"),  # tomorrow
        (rel("week", 0), ["2020-03-16", "2020-03-22"]),  # this week: Monday to Sunday
        (rel("week", -1), ["2020-03-09", "2020-03-15"]),  # last week
        (rel("week", 2), ["2020-03-30", "2020-04-05"]),  # the week after next
        (rel("weekend", 0), ["2020-03-21", "2020-03-22"]),  # this weekend
        (rel("month", 1), "2020-04"),  # next month
        (rel("month", -3), "2019-12"),  # across a year
        (rel("month", 0, "end"), "2020-03"),  # the end of this month: the month
        (rel("quarter", -1), ["2019-10", "2019-12"]),  # last quarter
        (rel("quarter", 0), ["2020-01", "2020-03"]),
        (rel("year", 0), "2020"),
        (rel("year", -1), "2019"),
        (rel("year", 0, "to date"), ["2020-01-01", "2020-03-20"]),  # year to date
        (rel("year", 0, "first half"), ["2020-01", "2020-06"]),
        (rel("summer", 0), ["2020-06", "2020-08"]),  # this summer (still to come in March)
        (rel("summer", -1), ["2019-06", "2019-08"]),  # last summer
        (rel("summer", 1), ["2020-06", "2020-08"]),  # next summer: the first after the date
        (rel("winter", 0), ["2019-12", "2020-02"]),  # this winter: the one just ended in March
        (rel("winter", -1), ["2019-12", "2020-02"]),  # last winter: the last one ended
        (rel("winter", 1), ["2020-12", "2021-02"]),
        (rel("spring", 0), ["2020-03", "2020-05"]),  # inside it
        (rel("spring", -1), ["2019-03", "2019-05"]),
    ],
)
def test_relative_dates_count_from_the_document_date(value, expected) -> None:  # type: ignore[no-untyped-def]
    assert resolve_value(value, "relative", "x", "", FRIDAY) == (expected, DOCUMENT_DATE)


def test_seasons_after_they_end() -> None:
    october = dt.date(2020, 10, 5)
    assert resolve_value(rel("summer", 0), "relative", "this summer", "", october)[0] == ["2020-06", "2020-08"]
    assert resolve_value(rel("summer", -1), "relative", "last summer", "", october)[0] == ["2020-06", "2020-08"]
    assert resolve_value(rel("summer", 1), "relative", "next summer", "", october)[0] == ["2021-06", "2021-08"]
    assert resolve_value(rel("winter", 0), "relative", "this winter", "", october)[0] == ["2020-12", "2021-02"]


def test_without_a_document_date_relative_dates_stay_unresolved() -> None:
    assert resolve_value(rel("day", -1), "relative", "yesterday", "", None) == (None, UNRESOLVED)
    assert resolve_value("friday", "weekday", "Friday", "", None) == (None, UNRESOLVED)
    assert resolve_value("thanksgiving", "holiday", "Thanksgiving", "", None) == (None, UNRESOLVED)
    # what the text alone says is kept
    assert resolve_value("--04-27", None, "April 27", "", None) == ("--04-27", UNRESOLVED)
    assert resolve_value("2023-10-01", None, "October 1, 2023", "", None) == ("2023-10-01", WRITTEN)


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        ("Monday", "They were sent home ", "2020-03-16"),
        ("Monday", "They will meet ", "2020-03-23"),
        ("last Monday", "They met ", "2020-03-16"),
        ("next Monday", "They meet ", "2020-03-23"),
        ("next Friday", "", "2020-03-27"),  # said on a Friday: a week on
        ("last Friday", "", "2020-03-13"),
        ("this Wednesday", "", "2020-03-18"),
        # the future words of an earlier clause do not carry over
        ("Thursday", "are expected to resume Friday, according to the union, which met ", "2020-03-19"),
    ],
)
def test_weekdays(text: str, before: str, expected: str) -> None:
    name = text.split()[-1].lower()
    assert resolve_value(name, "weekday", text, before, FRIDAY) == (expected, DOCUMENT_DATE)


def test_holidays_and_periods() -> None:
    assert easter(2020) == dt.date(2020, 4, 12) and easter(2019) == dt.date(2019, 4, 21)
    assert easter(2024) == dt.date(2024, 3, 31)
    assert resolve_value("easter", "holiday", "Easter", "", FRIDAY) == ("2020-04-12", DOCUMENT_DATE)
    assert resolve_value("thanksgiving", "holiday", "Thanksgiving", "", FRIDAY)[0] == "2019-11-28"
    assert resolve_value("labor day", "holiday", "Labor Day", "", dt.date(2021, 8, 1))[0] == "2021-09-06"
    assert resolve_value("memorial day", "holiday", "Memorial Day", "", dt.date(2021, 5, 1))[0] == "2021-05-31"
    assert resolve_value("--12-25", "holiday", "Christmas", "", dt.date(2020, 11, 30)) == ("2020-12-25", DOCUMENT_DATE)
    assert resolve_value("1990s", "decade", "1990s", "", None) == (["1990", "1999"], WRITTEN)
    assert resolve_value("18", "century", "19th century", "", None) == (["1801", "1900"], WRITTEN)
    # a year-less range across the new year keeps its order
    assert resolve_value(["--12-30", "--01-02"], None, "December 30 to January 2", "", dt.date(2021, 1, 5)) == (
        ["2020-12-30", "2021-01-02"], DOCUMENT_DATE)
    assert resolve_value(["friday", "saturday"], "weekday", "Friday and Saturday", "", FRIDAY)[1] == DOCUMENT_DATE


def test_resolve_figures_sets_only_date_figures() -> None:
    text = "Talks began Monday. They cost $5."
    figs = (Figure("date", 12, 18, "Monday", "monday", "weekday"), Figure("money", 30, 32, "$5", {"amount": 5}, "USD"))
    got = resolve_figures(figs, text, "2020-03-20", [0, 20])
    assert (got[0].resolved, got[0].resolution) == ("2020-03-16", DOCUMENT_DATE)
    assert got[1] == figs[1] and got[1].resolution is None
    undated = resolve_figures(figs, text, None, [0, 20])
    assert (undated[0].resolved, undated[0].resolution) == (None, UNRESOLVED)
