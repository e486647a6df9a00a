"""Same-story grouping: the sample briefing, a labelled BBC sample, and a pairwise reference."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest

from briefing.core import stories
from briefing.core.load import discover, load
from briefing.core.stories import (
    _WORD,
    COMMON,
    MIN_SHARED,
    RELATED,
    SAME,
    SHINGLE,
    Stories,
    group,
    shingles,
)
from tests.conftest import ROOT, SEEDS

STORY_SAMPLE = ROOT / "bench" / "data" / "stories" / "sample"


def texts_of(*paths: Path) -> tuple[list[str], list[str]]:
    docs = [load(s) for s in discover([str(p) for p in paths])]
    return [Path(d.path).stem for d in docs], [d.text for d in docs]


def same_pairs(names: list[str], result: Stories) -> set[frozenset[str]]:
    return {frozenset((names[a], names[b])) for a, b in itertools.combinations(range(len(names)), 2)
            if result.ids[a] == result.ids[b]}


def test_sample_briefing_001_and_002_are_one_story_and_no_other_pair() -> None:
    names, texts = texts_of(SEEDS)
    result = group(texts)
    assert [n[:3] for n in names] == ["000", "001", "002", "003", "004"]
    assert same_pairs([n[:3] for n in names], result) == {frozenset(("001", "002"))}
    assert result.ids == (0, 1, 1, 2, 3)  # numbered in input order
    assert len(result.groups()) == 4


def test_bbc_sample_copies_and_rewrites_group_follow_ups_stay_apart() -> None:
    names, texts = texts_of(STORY_SAMPLE)
    result = group(texts)
    assert same_pairs(names, result) == {
        frozenset(("entertainment_162", "entertainment_250")),  # identical copies
        frozenset(("business_254", "business_447")),  # cut short
        frozenset(("politics_077", "politics_354")),  # reworded, a quote added
    }
    # The follow-ups share background, so they are exposed as related, not merged.
    index = {n: i for i, n in enumerate(names)}
    assert index["tech_048"] in result.related(index["tech_030"])
    assert index["politics_288"] in result.related(index["politics_125"])
    assert result.related(index["entertainment_162"]) == []


def test_reordering_and_rewording_keep_the_story() -> None:
    paragraphs = [
        f"Paragraph {i} says the council met on day {i} and agreed the budget item {i} after a long debate."
        for i in range(12)
    ]
    original = "\n\n".join(paragraphs)
    reordered = "\n\n".join(reversed(paragraphs[2:])).replace("long debate", "lengthy discussion", 3)
    unrelated = "\n\n".join(f"A different text about the weather in town {i}, rain and wind all week." for i in range(12))
    result = group([original, unrelated, reordered])
    assert result.ids[0] == result.ids[2] != result.ids[1]


def test_short_and_empty_texts_only_merge_when_identical() -> None:
    result = group(["", "", "Thank you.", "Thank you.", "Thank you for coming today.", "   "])
    assert result.ids[0] != result.ids[1]  # two empty documents are not one story
    assert result.ids[2] == result.ids[3]  # identical words, however short
    assert result.ids[4] not in (result.ids[2], result.ids[0])
    assert len(set(result.ids)) == 5


def test_shingles_fold_case_and_apostrophes() -> None:
    assert shingles("The union’s deal was struck on Friday") == shingles("the UNION's deal, was struck on friday!")
    assert shingles("too short") == frozenset()


def test_boilerplate_shared_by_many_documents_does_not_merge_them() -> None:
    footer = " ".join(["Subscribe to our newsletter for the latest news and offers from the city desk."] * 3)
    texts = [f"Story number {i} is about topic {i * 7919} and nothing else at all, really. {footer}"
             for i in range(COMMON + 5)]
    result = group(texts)
    assert len(set(result.ids)) == len(texts)


@pytest.mark.parametrize("n", [0, 1])
def test_degenerate_inputs(n: int) -> None:
    result = group(["Some words in a text that is long enough to shingle."] * n)
    assert result.ids == tuple([0] * n)


def reference_group(texts: list[str], same: float = SAME, common: int = COMMON) -> Stories:
    """The grouping the long way: every pair of documents, their 5-gram sets intersected."""
    words = [_WORD.findall(t.lower().replace("’", "'")) for t in texts]
    sets = [set(zip(*(w[i:] for i in range(SHINGLE)))) for w in words]
    in_docs = Counter(s for doc in sets for s in doc)
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)

    pairs = []
    for a, b in itertools.combinations(range(len(texts)), 2):
        if words[a] and words[a] == words[b]:
            join(a, b)
        shared = sum(1 for s in sets[a] & sets[b] if in_docs[s] <= common)
        if not shared:
            continue
        c = shared / max(1, min(len(sets[a]), len(sets[b])))
        if c >= RELATED:
            pairs.append((a, b, round(c, 4)))
        if c >= same and shared >= MIN_SHARED:
            join(a, b)
    number: dict[int, int] = {}
    ids = tuple(number.setdefault(root(i), len(number)) for i in range(len(texts)))
    return Stories(ids, tuple(pairs))


def mixed_corpus() -> list[str]:
    """Real articles plus copies, copies with a line added, cut, reordered and reworded
    versions, many copies of one text, a shared footer, repeated phrases and short texts."""
    _, texts = texts_of(STORY_SAMPLE, SEEDS)
    a, b, c = texts[0], texts[2], texts[4]
    paragraphs = b.split("\n\n")
    footer = "\n\nSubscribe to our newsletter for the latest news and offers from the city desk."
    out = list(texts)
    out += [a, a + "\n\nCopy 1 of this article.", a + "\n\nCopy 2 of this article."]
    out += ["\n\n".join(paragraphs[: len(paragraphs) // 2]), "\n\n".join(reversed(paragraphs))]
    out += [c.replace(" the ", " a ", 6), c + footer, texts[6] + footer, texts[8] + footer]
    out += [texts[1] + f"\n\nCopy {i} of this article." for i in range(12)]
    out += [" ".join(["The minister said the plan would work."] * 8), "Thank you.", "Thank you.",
            "", "   ", "Four words only here", "Four words only here.", footer.strip()]
    return out


@pytest.mark.parametrize(("common", "words", "slice_", "keys", "same"), [
    (COMMON, None, None, None, SAME),  # the defaults: one batch of everything here
    (6, 64, 16, 5, SAME),  # tiny batches: many word slices, hash ranges and merges
    (3, 1000, 200, 50, 0.5),
])
def test_grouping_matches_the_pairwise_reference(monkeypatch: pytest.MonkeyPatch, common: int,
                                                 words: int | None, slice_: int | None,
                                                 keys: int | None, same: float) -> None:
    monkeypatch.setattr(stories, "COMMON", common)
    for name, value in (("_WORDS", words), ("_SLICE", slice_), ("_PAIRS", keys)):
        if value is not None:
            monkeypatch.setattr(stories, name, value)
    texts = mixed_corpus()
    expected = reference_group(texts, same, common)
    result = group(iter(texts), same)
    assert result.ids == expected.ids
    assert result.pairs == expected.pairs
    # The corpus exercises what it is meant to: stories of several documents, related pairs.
    assert len(set(result.ids)) <= len(texts) - 7
    assert {c >= same for _, _, c in result.pairs} == {True, False}
