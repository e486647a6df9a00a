"""Figure detection: each kind, values, ranges, and the things that are not figures."""

from __future__ import annotations

import pytest

from briefing.core.figures import extract, parse_number


def figs(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in extract(text)]


def one(text: str):
    (f,) = extract(text)
    return f


@pytest.mark.parametrize(
    "text, kind, span, value, unit",
    [
        ("the approximately 54,000 students were dismissed", "count", "approximately 54,000 students", 54000, "students"),
        ("among the system’s 125 schools by", "count", "125 schools", 125, "schools"),
        ("delivering 20,000 Chromebook computers to students", "count", "20,000 Chromebook computers", 20000, "Chromebook computers"),
        ("results on four priority initiatives drawn from", "count", "four priority initiatives", 4, "priority initiatives"),
        ("the nearly 1 million public school students statewide", "count", "nearly 1 million public school students", 1_000_000, "public school students"),
        ("the district’s 33 lowest performing schools", "count", "33 lowest performing schools", 33, "lowest performing schools"),
        ("Two BPS schools were admitted", "count", "Two BPS schools", 2, "BPS schools"),
        ("two dozen players left", "count", "two dozen players", 24, "players"),
        ("a $100 million investment", "money", "$100 million", {"amount": 100_000_000, "currency": "USD"}, "USD"),
        ("valued at £300m, the report said", "money", "£300m", {"amount": 300_000_000, "currency": "GBP"}, "GBP"),
        ("profits of $1.13bn last year", "money", "$1.13bn", {"amount": 1_130_000_000, "currency": "USD"}, "USD"),
        ("it costs 300 euros a month", "money", "300 euros", {"amount": 300, "currency": "EUR"}, "EUR"),
        ("he paid £1,400 for it", "money", "£1,400", {"amount": 1400, "currency": "GBP"}, "GBP"),
        ("sales rose 76% in spring", "percent", "76%", 76, "%"),
        ("more than 70 percent committed", "percent", "more than 70 percent", 70, "%"),
        ("inflation of 6.4 per cent", "percent", "6.4 per cent", 6.4, "%"),
        ("Classes will resume on April 27, one", "date", "April 27", "--04-27", None),
        ("The MOU will end on October 1, 2023.", "date", "October 1, 2023", "2023-10-01", None),
        ("plans will be developed by May 2021.", "date", "May 2021", "2021-05", None),
        ("dated 2020-03-20 in the header", "date", "2020-03-20", "2020-03-20", None),
        ("announced late Friday afternoon", "date", "Friday", "friday", "weekday"),
        ("founded in 1999 by", "date", "1999", "1999", None),
        ("issued shortly before 5 p.m. on", "time", "5 p.m.", "17:00", None),
        ("a vote at noon sharp", "time", "noon", "12:00", None),
        ("during the six-week shutdown", "duration", "six-week", 6, "week"),
        ("the parties have 60 days to", "duration", "60 days", 60, "day"),
        ("up to five hours of training", "duration", "up to five hours", 5, "hour"),
        ("ELA and math rose by 15 and 22 points, respectively", "count", "15 and 22 points", [15, 22], "points"),
        ("the 2020-2025 Strategic Plan", "date", "2020-2025", ["2020", "2025"], None),
        ("between 9 a.m. and noon", "time", "9 a.m. and noon", ["09:00", "12:00"], None),
    ],
)
def test_kinds_spans_values(text, kind, span, value, unit) -> None:
    f = one(text)
    assert (f.kind, f.text, f.value, f.unit) == (kind, span, value, unit)
    assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "text",
    [
        "surging COVID-19 cases",
        "Mildred Avenue K-8 School",
        "a K-1 teacher",
        "the G7 summit",
        "an MP3 player on 3G networks",
        "classified as a Level 1 school",
        "listening to Radio 4 today",
        "the 25th anniversary",
        "open 24/7",
        "call 617-555-0100 now",
        "one key understanding",
        "one of the best",
    ],
)
def test_not_figures(text: str) -> None:
    assert figs(text) == []


def test_list_item_markers_are_not_figures() -> None:
    text = "Priorities:\n\n  1. Teaching: improve 33 schools.\n  2. Transport."
    assert figs(text) == [("count", "33 schools")]


def test_figures_on_the_sample_keep_offsets() -> None:
    from briefing.core.load import load_paths
    from tests.conftest import SEEDS

    for doc in load_paths([str(SEEDS)]):
        found = extract(doc.text)
        assert found, doc.path
        for f in found:
            assert doc.text[f.start : f.end] == f.text
        assert [f.start for f in found] == sorted(f.start for f in found)


@pytest.mark.parametrize(
    "text, value",
    [("54,000", 54000), ("1.5 million", 1_500_000), ("twenty-five", 25), ("half a billion", 500_000_000),
     ("two dozen", 24), ("1.13bn", 1_130_000_000), ("three hundred and five", 305), ("a million", 1_000_000)],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value
