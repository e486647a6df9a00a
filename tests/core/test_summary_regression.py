"""Guards the ranking of summarizers on the committed BBC sample (bench/data/bbc-sample).

The full figures come from ``bench/summaries.py`` on the whole dev set (docs/benchmarks.md);
this only checks that the default keeps its place on 51 articles: its mean ROUGE-2 F1
at reference length is at least LEAD's and at least sumy LexRank's, TextRank's and
Reduction's.

ROUGE-2 F1 comes from ``rouge_score`` (the ``bench`` extra) when it is installed, and
otherwise from the small re-implementation below, which follows rouge_score's recipe
(lower-case, non-alphanumerics to spaces, Porter stemming of tokens longer than three
characters, bigram F1). ``test_fallback_matches_rouge_score`` checks that the two agree
whenever both are available, so the regression means the same thing in either case.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

import pytest

from briefing.core.load import decode, load_paths
from briefing.core.model import Document
from briefing.core.segment import segment
from briefing.core.summarize import _candidates, summarize
from tests.conftest import BBC_SAMPLE

COMPARED = ("lead", "lexrank", "textrank", "reduction")

# --- ROUGE-2 -------------------------------------------------------------------------------

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1)
def _porter():  # type: ignore[no-untyped-def]
    from nltk.stem.porter import PorterStemmer  # rule-based: needs no NLTK data

    return PorterStemmer()


def _tokens(text: str) -> list[str]:
    stemmer = _porter()
    out = []
    for tok in _NON_ALNUM.sub(" ", text.lower()).split():
        out.append(stemmer.stem(tok) if len(tok) > 3 else tok)
    return [t for t in out if re.fullmatch(r"[a-z0-9]+", t)]


def fallback_rouge2(reference: str, summary: str) -> float:
    ref, hyp = _tokens(reference), _tokens(summary)
    ref_grams, hyp_grams = Counter(pairwise(ref)), Counter(pairwise(hyp))
    hit = sum((ref_grams & hyp_grams).values())
    if not hit:
        return 0.0
    precision = hit / max(1, sum(hyp_grams.values()))
    recall = hit / max(1, sum(ref_grams.values()))
    return 2 * precision * recall / (precision + recall)


@lru_cache(maxsize=1)
def _rouge2():  # type: ignore[no-untyped-def]
    """rouge_score's ROUGE-2 F1 when installed, else the fallback above."""
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        return fallback_rouge2
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    return lambda reference, summary: scorer.score(reference, summary)["rouge2"].fmeasure


# --- the sample ----------------------------------------------------------------------------


def _sample() -> list[tuple[Document, str]]:
    pairs = []
    for article in sorted((BBC_SAMPLE / "articles").glob("*.txt")):
        doc = next(load_paths([str(article)]))
        assert isinstance(doc, Document), article
        reference = decode((BBC_SAMPLE / "summaries" / article.name).read_bytes())[0]
        pairs.append((doc, reference))
    return pairs


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    """Mean ROUGE-2 F1 per algorithm at N = article sentences found in the reference."""
    score = _rouge2()
    totals: Counter[str] = Counter()
    docs = 0
    for doc, reference in _sample():
        sentences = segment(doc)
        count = sum(doc.text[s.start : s.end] in reference for s in _candidates(doc, sentences))
        if not count:
            continue
        docs += 1
        for algo in ("briefing",) + COMPARED:
            picked = summarize(doc, sentences, algo, count)
            text = " ".join(doc.text[sentences[i].start : sentences[i].end] for i in picked)
            totals[algo] += score(reference, text)
    assert docs >= 50
    return {algo: total / docs for algo, total in totals.items()}


def test_sample_is_complete() -> None:
    articles = sorted(p.name for p in (BBC_SAMPLE / "articles").glob("*.txt"))
    summaries = sorted(p.name for p in (BBC_SAMPLE / "summaries").glob("*.txt"))
    assert articles == summaries and len(articles) == 51
    assert (BBC_SAMPLE / "ATTRIBUTION.md").is_file()


@pytest.mark.parametrize("other", COMPARED)
def test_default_ranks_at_least_as_high_as(scores: dict[str, float], other: str) -> None:
    table = ", ".join(f"{k} {v:.4f}" for k, v in sorted(scores.items(), key=lambda kv: -kv[1]))
    assert scores["briefing"] >= scores[other], f"ROUGE-2 F1 on the BBC sample: {table}"


def test_default_beats_lead_by_a_margin(scores: dict[str, float]) -> None:
    assert scores["briefing"] - scores["lead"] >= 0.15, scores


def test_fallback_matches_rouge_score() -> None:
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    for doc, reference in _sample()[::5]:
        sentences = segment(doc)
        picked = summarize(doc, sentences, "briefing", 4)
        text = " ".join(doc.text[sentences[i].start : sentences[i].end] for i in picked)
        expected = scorer.score(reference, text)["rouge2"].fmeasure
        assert fallback_rouge2(reference, text) == pytest.approx(expected, abs=1e-12)
