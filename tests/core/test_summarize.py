"""Summaries: every algorithm, determinism, lengths, and what may never be picked."""

from __future__ import annotations

import pytest

from briefing.core.analyze import analyze
from briefing.core.load import load_paths
from briefing.core.model import Settings
from briefing.core.summarize import default_length, get, names, target_length
from tests.conftest import SEEDS

ALL = ["briefing", "lead", "lexrank", "textrank", "lsa", "luhn", "edmundson", "sumbasic", "kl", "reduction"]


@pytest.fixture(scope="module")
def docs():
    return list(load_paths([str(SEEDS)]))


def test_registry_lists_every_algorithm_default_first() -> None:
    assert names()[0] == "briefing"
    assert sorted(names()) == sorted(ALL)
    with pytest.raises(ValueError, match="choose from: briefing"):
        get("nope")
    assert get("default").name == "briefing"


@pytest.mark.parametrize("algorithm", ALL)
def test_each_algorithm_is_deterministic_ordered_and_body_only(docs, algorithm: str) -> None:
    for doc in docs:
        a = analyze(doc, Settings(algorithm=algorithm, sentences=3))
        from briefing.core.analyze import _CACHE

        _CACHE.clear()
        b = analyze(doc, Settings(algorithm=algorithm, sentences=3))
        assert a.summary.indices == b.summary.indices
        assert list(a.summary.indices) == sorted(set(a.summary.indices))
        assert len(a.summary.indices) == 3
        for s in a.summary_sentences:
            assert s.summarizable, (algorithm, doc.path, s)
            assert doc.text[s.start : s.end] == a.sentence_text(s.index)


def test_lead_is_the_first_sentences(docs) -> None:
    a = analyze(docs[0], Settings(algorithm="lead", sentences=2))
    assert a.summary.indices == (0, 1)


def test_lengths() -> None:
    assert [default_length(n) for n in (0, 1, 3, 10, 25, 45, 100, 400, 100_000)] == [0, 1, 2, 3, 3, 4, 5, 7, 10]
    assert target_length(30, 5, None) == 5
    assert target_length(30, None, 0.2) == 6
    assert target_length(2, 5, None) == 2
    assert target_length(30, 0, None) == 0


def test_sample_summaries_never_contain_furniture(docs) -> None:
    for doc in docs:
        a = analyze(doc)
        text = " ".join(a.sentence_text(i) for i in a.summary.indices)
        assert 3 <= len(a.summary.indices) <= 4
        assert doc.title not in text
        for junk in ("Globe Staff", "can be reached", "Min Wang, a K-1 teacher", "CEO and president"):
            assert junk not in text


def test_duplicate_sentences_do_not_break_sumy() -> None:
    from briefing.core.clean import clean

    doc = clean("T\n\nSame sentence here. Same sentence here. Another one here. Final words here.", path="d")
    for algorithm in ALL:
        a = analyze(doc, Settings(algorithm=algorithm, sentences=2))
        assert len(a.summary.indices) == 2
