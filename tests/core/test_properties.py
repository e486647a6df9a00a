"""Invariants on arbitrary input: never raise, offsets slice back, summaries in order."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.core.analyze import analyze
from briefing.core.clean import clean
from briefing.core.figures import extract
from briefing.core.model import Settings
from briefing.core.segment import segment, split_spans

# Text that looks like prose often enough to exercise the rules, plus anything at all.
WORDS = st.sampled_from(
    ["The", "council", "approved", "$4.5m", "54,000", "students", "on", "April", "27,", "2023.",
     "Dr.", "U.S.", "9", "a.m.", "noon", "6.4%", "K-8", "COVID-19", "“quoted”", "—", "\n", "\n\n",
     "1.", "  2)", "two", "dozen", "half", "a", "billion", "Friday", "six-week", "[bold]", "[/]", "\x1b[31m"]
)
PROSE = st.lists(WORDS, max_size=80).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), PROSE, st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(ANY_TEXT)
def test_clean_blocks_are_inside_the_text(raw: str) -> None:
    doc = clean(raw, path="p.txt")
    assert isinstance(doc.title, str)
    prev = 0
    for b in doc.blocks:
        assert prev <= b.start <= b.end <= len(doc.text)
        prev = b.end


@FAST
@given(ANY_TEXT)
def test_split_spans_slice_back_in_order(text: str) -> None:
    prev = 0
    for s, e in split_spans(text):
        assert prev <= s < e <= len(text)
        prev = e


@FAST
@given(ANY_TEXT)
def test_segment_offsets(raw: str) -> None:
    doc = clean(raw, path="p.txt")
    prev = 0
    for i, s in enumerate(segment(doc)):
        assert s.index == i
        assert prev <= s.start < s.end <= len(doc.text)
        piece = doc.text[s.start : s.end]
        assert piece.strip() == piece
        prev = s.end


@FAST
@given(ANY_TEXT)
def test_figures_slice_back_and_never_overlap(text: str) -> None:
    prev = 0
    for f in extract(text):
        assert text[f.start : f.end] == f.text
        assert prev <= f.start < f.end
        prev = f.end


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROSE, st.sampled_from(["briefing", "lead", "lexrank", "textrank", "lsa", "luhn", "edmundson", "sumbasic", "kl", "reduction"]),
       st.integers(min_value=0, max_value=6))
def test_summaries_are_ordered_subsets_of_body_sentences(raw: str, algorithm: str, n: int) -> None:
    doc = clean("Headline\n\n" + raw, path="p.txt")
    a = analyze(doc, Settings(algorithm=algorithm, sentences=n))
    body = [s.index for s in a.sentences if s.summarizable]
    assert list(a.summary.indices) == sorted(set(a.summary.indices))
    assert set(a.summary.indices) <= set(body)
    unique = {doc.text[a.sentences[i].start : a.sentences[i].end] for i in body}
    assert min(n, len(unique)) <= len(a.summary.indices) <= min(n, len(body))
