"""The whole briefing: digest and timeline on the sample briefing and on made-up documents."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from briefing.core.analyze import analyze
from briefing.core.clean import clean
from briefing.core.digest import digest
from briefing.core.load import discover, load
from briefing.core.model import Figure
from briefing.core.overview import Overview, overview
from briefing.core.stories import group
from briefing.core.text import words
from briefing.core.timeline import resolve, sort_key
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def sample() -> Overview:
    return overview([analyze(load(s)) for s in discover([str(SEEDS)])])


def prefix(ov: Overview, doc: int) -> str:
    return ov.analyses[doc].document.name[:3]


def test_digest_has_something_from_each_of_the_four_stories(sample: Overview) -> None:
    stories_in_digest = {sample.stories.ids[p.doc] for p in sample.digest}
    assert stories_in_digest == set(sample.stories.ids) and len(stories_in_digest) == 4


def test_digest_offsets_slice_back_and_sentences_are_body(sample: Overview) -> None:
    for p in sample.digest:
        a = sample.analyses[p.doc]
        s = a.sentences[p.index]
        assert (s.start, s.end) == (p.start, p.end) and s.summarizable


def test_digest_states_no_fact_twice(sample: Overview) -> None:
    texts = [sample.analyses[p.doc].document.text[p.start : p.end] for p in sample.digest]
    assert len(set(texts)) == len(texts)
    # No count, sum of money or percentage is given by two digest sentences.
    seen: dict[str, int] = {}
    for n, p in enumerate(sample.digest):
        for f in sample.analyses[p.doc].figures:
            if p.start <= f.start < p.end and f.kind in ("count", "money", "percent"):
                assert seen.setdefault(f.text, n) == n, f"{f.text} twice"
    # Nor does any sentence share most of its words with another (the 001/002 versions).
    bags = [set(w.lower() for w in words(t)) for t in texts]
    for i in range(len(bags)):
        for j in range(i + 1, len(bags)):
            overlap = len(bags[i] & bags[j]) / min(len(bags[i]), len(bags[j]))
            assert overlap < 0.6, (texts[i], texts[j])


def test_digest_order_is_stories_by_date_then_importance(sample: Overview) -> None:
    order = [prefix(sample, sample.story_documents(s)[0]) for s in sample.order]
    # 001/002 is the only dated story (002: 2020-03-20); then by importance: the longer first.
    assert order[0] == "001"
    assert order == ["001", "004", "003", "000"]
    # The digest follows that order and, within a story, document order.
    seen = []
    for p in sample.digest:
        if not seen or seen[-1] != p.story:
            seen.append(p.story)
    assert seen == [s for s in sample.order if s in seen]


def test_digest_carries_key_facts_and_no_furniture(sample: Overview) -> None:
    text = " ".join(sample.analyses[p.doc].document.text[p.start : p.end] for p in sample.digest)
    for fact in ("20,000 Chromebook", "struck a tentative deal", "33 lowest performing schools"):
        assert fact in text
    for furniture in ("Globe Staff", "can be reached", "Skip to main content", "Meet the Author"):
        assert furniture not in text


def test_digest_length_by_sentences_and_words(sample: Overview) -> None:
    analyses = sample.analyses
    stories = sample.stories
    assert len(digest(analyses, stories, count=2)) == 2
    assert len(digest(analyses, stories, count=0)) == 0
    # Four sentences: every story gets its first before any gets a second.
    four = digest(analyses, stories, count=4)
    assert len({p.story for p in four}) == 4
    for budget in (1, 40, 120, 250):
        picks = digest(analyses, stories, words=budget)
        used = sum(len(words(analyses[p.doc].document.text[p.start : p.end])) for p in picks)
        assert used <= budget
    assert digest(analyses, stories, words=1) == []
    assert len(digest(analyses, stories, words=250)) >= 4


def test_digest_of_nothing_and_of_empty_documents() -> None:
    empty = [analyze(clean("", path="e.txt")), analyze(clean("   \n", path="f.txt"))]
    assert digest([], group([])) == []
    ov = overview(empty)
    assert ov.digest == () and ov.timeline == ()


def test_timeline_of_the_sample_in_order(sample: Overview) -> None:
    dates = [e.date for e in sample.timeline]
    assert dates == sorted(dates, key=sort_key)
    assert dates.index("2021-05") < dates.index("2023-10-01")  # "May 2021" before "October 1, 2023"
    texts = {(e.date, e.text) for e in sample.timeline}
    # 002 is dated 2020-03-20 (a Friday): its weekdays and "April 27" resolve against it.
    assert ("2020-03-16", "Monday") in texts  # "were dismissed from classes Monday"
    assert ("2020-03-19", "Thursday") in texts  # "Talks ... began on Thursday"
    assert ("2020-03-20", "Friday") in texts  # "are expected to resume Friday"
    assert ("2020-04-27", "April 27") in texts
    # 000 has no date: its days keep no year, sorted last in month order; its weekdays are left out.
    assert dates[-2:] == ["--04-27", "--04-29"]
    assert not any(e.text == "Friday" and prefix(sample, e.doc) == "000" for e in sample.timeline)
    # 001 repeats 002's "April 27" sentence: the story lists it once, from the dated version.
    assert [prefix(sample, e.doc) for e in sample.timeline if "April 27" == e.text] == ["002", "000"]
    for e in sample.timeline:
        text = sample.analyses[e.doc].document.text
        assert text[e.start : e.end] == e.text
        assert e.sentence[0] <= e.start < e.end <= e.sentence[1]


@pytest.mark.parametrize(
    ("value", "unit", "sentence", "anchor", "expected"),
    [
        ("2023-10-01", None, "It ends on October 1, 2023.", None, ("2023-10-01", False)),
        ("2021-05", None, "By May 2021.", None, ("2021-05", False)),
        ("--04-27", None, "On April 27.", None, ("--04-27", False)),
        ("--04-27", None, "On April 27.", "2020-03-20", ("2020-04-27", True)),
        ("--12-30", None, "On December 30.", "2021-01-05", ("2020-12-30", True)),  # the nearest year
        ("--01-03", None, "On January 3.", "2020-12-28", ("2021-01-03", True)),
        ("--02-29", None, "On February 29.", "2021-03-01", ("2020-02-29", True)),  # only 2020 has one
        ("--04", "month", "In April.", None, None),
        ("--04", "month", "In April.", "2020-03-20", ("2020-04", True)),
        ("friday", "weekday", "It happened on Friday.", None, None),
        ("monday", "weekday", "They were sent home Monday.", "2020-03-20", ("2020-03-16", True)),
        ("monday", "weekday", "They will meet Monday.", "2020-03-20", ("2020-03-23", True)),
        ("friday", "weekday", "Talks resume Friday.", "2020-03-20", ("2020-03-20", True)),
        ("monday", "weekday", "Next Monday they vote.", "2020-03-18", ("2020-03-23", True)),
        ("1990s", "decade", "In the 1990s.", "2020-03-20", None),
        (["2020", "2025"], None, "The 2020-2025 plan.", None, ("2020", False)),
    ],
)
def test_resolving_dates(value, unit, sentence, anchor, expected) -> None:  # type: ignore[no-untyped-def]
    text = {"friday": "Friday", "monday": "Monday"}.get(value, "x") if unit == "weekday" else "x"
    m = re.search(text, sentence)
    f = Figure("date", 0, 1, m.group(0) if m else "x", value, unit)
    got = resolve(f, sentence, dt.date.fromisoformat(anchor) if anchor else None)
    assert got == expected


def test_timeline_sort_key_puts_partial_dates_by_first_day_and_yearless_last() -> None:
    dates = ["--01-05", "2021", "2020-12-31", "2021-01", "--12-01", "2021-01-01", "2020"]
    assert sorted(dates, key=sort_key) == ["2020", "2020-12-31", "2021", "2021-01", "2021-01-01", "--01-05", "--12-01"]
