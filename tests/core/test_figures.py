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


# --- the annotation guide (bench/data/figures/GUIDE.md), rule by rule ------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # hedges in the span; only/just/early/next/an additional/a further outside it
        ("unemployment stuck above 4 million for years", [("number", "above 4 million")]),
        ("shares fell as much as 40% on Friday", [("percent", "as much as 40%"), ("date", "Friday")]),
        ("only 900 students applied", [("count", "900 students")]),
        ("in early 2002 and next July", [("date", "2002"), ("date", "July")]),
        ("JUST FIVE YEARS AGO, it was", [("duration", "FIVE YEARS")]),
        ("an additional 15 BPS schools", [("count", "15 BPS schools")]),
        ("a further 16% said no", [("percent", "16%")]),
        ("over the next 20 years", [("duration", "20 years")]),
        # ranges and pairs: one figure, except across "or"
        ("between 7,000 and 8,000 jobs", [("count", "7,000 and 8,000 jobs")]),
        ("cut from 155,000 to 110,000 staff", [("count", "155,000 to 110,000 staff")]),
        ("growth of between 3% and 3.5% next year", [("percent", "3% and 3.5%")]),
        ("the 800m and 1500m champion", [("number", "800m and 1500m")]),
        ("in the 2002 and 2003 London races", [("date", "2002 and 2003")]),
        ("on Friday and Saturday, bringing", [("date", "Friday and Saturday")]),
        ("the Markova-Dolin Ballet of 1935-37.", [("date", "1935-37")]),
        ("it takes two-three years", [("duration", "two-three years")]),
        ("speeds of 1-2mbps.", [("number", "1-2mbps")]),
        ("Aimed at children aged 10 to 13, it", [("number", "10 to 13")]),
        ("aged 10 or 11", [("number", "10"), ("number", "11")]),
        ("plans clearer than in 1997 or 2001.", [("date", "1997"), ("date", "2001")]),
        ("elections in 1992, 1997 and 2001", [("date", "1992"), ("date", "1997"), ("date", "2001")]),
        ("measuring 12cm by 7.4cm.", [("number", "12cm by 7.4cm")]),
        ("profits rose 12.3% to $1.15 trillion", [("percent", "12.3%"), ("money", "$1.15 trillion")]),
        ("profits to £170m from £194m last year", [("money", "£170m"), ("money", "£194m")]),
        ("runs from 6 to 9 January.", [("date", "6 to 9 January")]),
        # conversions in brackets are separate figures
        ("worth $32bn (£16.7bn; 24.1bn euros) in", [("money", "$32bn"), ("money", "£16.7bn"), ("money", "24.1bn euros")]),
        # coordinated head nouns: the count ends at the first head noun
        ("recalled 155,465 pickups, vans and sports utility vehicles", [("count", "155,465 pickups")]),
        ("customers in only about 70 towns and cities", [("count", "about 70 towns")]),
        ("120,000 trade professionals attended CES", [("count", "120,000 trade professionals")]),
        # hyphenated compounds, composite durations, time zones
        ("the 12-nation eurozone", [("count", "12-nation")]),
        ("the two-time London Marathon runner-up", [("count", "two-time")]),
        ("The five-member tribunal", [("count", "five-member")]),
        ("The 29-year-old finished", [("number", "29-year-old")]),
        ("in a time of four minutes 14.74 seconds.", [("duration", "four minutes 14.74 seconds")]),
        ("questions at 1200 GMT on Wednesday.", [("time", "1200 GMT"), ("date", "Wednesday")]),
        ("used up 12 hour's worth of computing power", [("duration", "12 hour's")]),
        ("more than a year later", [("duration", "more than a year")]),
        ("within a decade", []),
        # ratios and partitives
        ("only two out of 16 principal dancers", [("count", "two out of 16 principal dancers")]),
        ("one household in three will be", [("count", "one household in three")]),
        ("16 of the 21 principals", [("number", "16"), ("count", "21 principals")]),
        ("A third of the 2,000 broadband users", [("number", "A third"), ("count", "2,000 broadband users")]),
        # fractions and multipliers
        ("about half of its locals", [("number", "about half")]),
        ("around a quarter of the company's dancers", [("number", "around a quarter")]),
        ("a quarter of a million students joining", [("count", "a quarter of a million students")]),
        ("with almost three times as many", [("number", "almost three times")]),
        ("2,000 times faster", [("number", "2,000 times")]),
        ("the world half-marathon silver medallist", []),
        # elliptical numerals and ages
        ("The two stressed their top priorities", [("number", "two")]),
        ("All three, who have denied", [("number", "three")]),
        ("When she was eight, her mother", [("number", "eight")]),
        ("Hazel Gilbert, 23, said", [("number", "23")]),
        # vague plurals, pronoun one, ordinals, labels and names
        ("hundreds of millions of people", []),
        ("Thousands of customers", []),
        ("one of the best, and given one to MPs", []),
        ("finished second in the first-of-its-kind race", []),
        ("the first million sold will come", [("number", "million")]),
        ("Spider-Man 2, the Hot 100 chart, Chapter 11, World War Two, BBC Two", []),
        ("our Hot 100 books chart shows", []),
        ("the Sunday Telegraph reported", []),
        ("the 9-11 Commission Report", []),
        ("in the third quarter", []),
        ("the Three Gorges Dam", []),
        ("so-called \"one-euro jobs\"", []),
        ("Jamie Noon and Midnight Express", []),
        # dates: centuries, decades, possessives, events, sport distances
        ("A novel set in 19th century Paraguay", [("date", "19th century")]),
        ("Formed in the 1940s the firm", [("date", "1940s")]),
        ("featured the pick of 2005's products", [("date", "2005")]),
        ("July's G8 summit and Thursday's report", [("date", "July"), ("date", "Thursday")]),
        ("back to pre-11 September 2001 levels", [("date", "11 September 2001")]),
        ("won 200m gold at the 2000 Sydney Olympics", [("number", "200m"), ("date", "2000")]),
        ("the 400m hurdles", [("number", "400m")]),
        ("won the six kilometre event", [("number", "six kilometre")]),
        ("Some economists say this may allow", []),
    ],
)
def test_guide_rules(text: str, expected: list[tuple[str, str]]) -> None:
    assert figs(text) == expected


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("a quarter of a million students", 250_000, "students"),
        ("£600m", {"amount": 600_000_000, "currency": "GBP"}, "GBP"),
        ("24.1bn euros", {"amount": 24_100_000_000, "currency": "EUR"}, "EUR"),
        ("25p", {"amount": 0.25, "currency": "GBP"}, "GBP"),
        ("US$5m", {"amount": 5_000_000, "currency": "USD"}, "USD"),
        ("between £40m-£50m", {"amount": [40_000_000, 50_000_000], "currency": "GBP"}, "GBP"),
        ("3% and 3.5%", [3, 3.5], "%"),
        ("15 percentage points", 15, "pp"),
        ("two-and-a-half years", 2.5, "year"),
        ("four minutes 14.74 seconds", 254.74, "second"),
        ("6 to 9 January 2005", ["2005-01-06", "2005-01-09"], None),
        ("the 19th century", "18", "century"),
        ("the 1940s", "1940s", "decade"),
        ("two out of 16 principal dancers", {"part": 2, "whole": 16}, "principal dancers"),
        ("1500m", 1500, "m"),
        ("70 million tonnes", 70_000_000, "tonnes"),
    ],
)
def test_values_are_normalised(text: str, value, unit) -> None:
    (f,) = extract(text)
    assert (f.value, f.unit) == (value, unit)


@pytest.mark.parametrize(
    "text, value",
    [("a quarter of a million", 250_000), ("two-thirds", 2 / 3), ("one and a half", 1.5),
     ("half a dozen", 6), ("three quarters of a billion", 750_000_000)],
)
def test_parse_number_fractions(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_extract_is_fast_on_long_text() -> None:
    import time

    text = ("The council approved $4.5m for 54,000 students on April 27, 2023, between 9 a.m. "
            "and noon; about 70 towns and 3% and 3.5% of the 2,000 users. ") * 400
    t0 = time.perf_counter()
    found = extract(text)
    assert time.perf_counter() - t0 < 2.0
    assert len(found) == 400 * 7


# --- key-ness -----------------------------------------------------------------------------


def _top(name: str, k: int = 3):
    from briefing.core.analyze import analyze
    from briefing.core.keyness import top_figures
    from briefing.core.load import load_paths
    from tests.conftest import SEEDS

    (doc,) = [d for d in load_paths([str(SEEDS)]) if d.name.startswith(name)]
    analysis = analyze(doc)
    return top_figures(analysis, analysis.figures, k)


def test_key_figures_of_seed_004_include_the_100_million() -> None:
    top = _top("004")
    assert ("money", "$100 million") in [(f.kind, f.text) for f in top]


def test_key_figures_of_seed_001_include_students_and_computers() -> None:
    texts = [f.text for f in _top("001")]
    assert "20,000 Chromebook computers" in texts
    assert "approximately 54,000 students" in texts


def test_key_figures_put_a_conversion_after_its_amount() -> None:
    from briefing.core.analyze import analyze
    from briefing.core.clean import clean
    from briefing.core.keyness import score

    doc = clean("Headline\n\nThe market was worth $20 million (£10.5 million) in 2004, and more.\n",
                path="x.txt")
    a = analyze(doc)
    money = [f for f in a.figures if f.kind == "money"]
    assert len(money) == 2
    assert score(a, money[0]) > score(a, money[1])
