"""Summarizers behind one registry: sumy's algorithms, ``lead`` and the project default.

Every summarizer takes the document and its sentences (our own segmentation) and returns
sentence indices in document order. Sumy never sees raw text: we build its document
model from our spans (one Paragraph per block, the title as a heading), hand it a
tokenizer object of our own (sumy's Tokenizer would load Punkt data), and map the
Sentence objects it returns back to indices by identity.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.core.model import Document, Sentence

Summarizer = Callable[[Document, Sequence[Sentence], int], list[int]]


@dataclass(frozen=True, slots=True)
class Algorithm:
    name: str
    description: str
    run: Summarizer


_REGISTRY: dict[str, Algorithm] = {}
DEFAULT = "briefing"


def register(name: str, description: str) -> Callable[[Summarizer], Summarizer]:
    def deco(fn: Summarizer) -> Summarizer:
        _REGISTRY[name] = Algorithm(name, description, fn)
        return fn

    return deco


def names() -> list[str]:
    """Algorithm names, the default first."""
    _ensure_registered()
    return [DEFAULT] + sorted(n for n in _REGISTRY if n != DEFAULT)


def get(name: str) -> Algorithm:
    _ensure_registered()
    key = DEFAULT if name in ("default", "") else name.lower()
    try:
        return _REGISTRY[key]
    except KeyError:
        raise ValueError(
            f"unknown algorithm {name!r}; choose from: {', '.join(names())}"
        ) from None


def default_length(n_sentences: int) -> int:
    """About 3 sentences, growing gently (one more per doubling past 40) to at most 10."""
    if n_sentences <= 0:
        return 0
    if n_sentences <= 4:
        return max(1, (n_sentences + 1) // 2)
    return min(10, 3 + max(0, int(math.log2(n_sentences / 20))))


def target_length(n_sentences: int, sentences: int | None, ratio: float | None) -> int:
    if sentences is not None:
        return max(0, min(sentences, n_sentences))
    if ratio is not None:
        return max(1, min(n_sentences, round(ratio * n_sentences))) if n_sentences else 0
    return default_length(n_sentences)


def summarize(document: Document, sentences: Sequence[Sentence], algorithm: str, count: int) -> list[int]:
    """Indices (into ``sentences``) of the summary, in document order."""
    algo = get(algorithm)
    candidates = [s for s in sentences if s.summarizable]
    if count <= 0 or not candidates:
        return []
    if count >= len(candidates):
        return [s.index for s in candidates]
    if len(candidates) > CHUNK:
        return _chunked(document, sentences, candidates, algo, count)
    chosen = algo.run(document, sentences, count)
    return sorted(set(chosen))[:count]


def word_count(text: str) -> int:
    from briefing.core.text import words

    return len(words(text))


def summarize_words(document: Document, sentences: Sequence[Sentence], algorithm: str, budget: int) -> list[int]:
    """The longest summary (in sentences) whose words fit in ``budget``; never cuts a sentence.

    Every ranker here takes the top k of one ordering, so a longer summary contains the
    shorter ones and its word count grows with k: a binary search over k costs about
    log2(n) summarizer runs. (Chunked long texts are only nearly nested; the search
    still returns a summary that fits.)
    """
    lengths = {s.index: word_count(document.text[s.start : s.end]) for s in sentences if s.summarizable}
    if budget <= 0 or not lengths:
        return []
    if sum(lengths.values()) <= budget:
        return sorted(lengths)
    lo, hi, best = 1, min(len(lengths), budget), []
    while lo <= hi:
        mid = (lo + hi) // 2
        chosen = summarize(document, sentences, algorithm, mid)
        if sum(lengths.get(i, 0) for i in chosen) <= budget:
            best, lo = chosen, mid + 1
        else:
            hi = mid - 1
    return best


CHUNK = 400
"""Documents with more candidate sentences than this are summarized in chunks."""
SHORTLIST = 3
"""Sentences each chunk contributes to the final round (at least the summary length)."""
HEAVY_LIMIT = 4 * CHUNK
"""Beyond this many candidates a linear-time word-frequency score shortlists ``CHUNK``
sentences, and the chosen algorithm picks the summary from those: cost stays linear."""


def _frequency_shortlist(document: Document, candidates: list[Sentence], k: int) -> list[Sentence]:
    """The ``k`` sentences with the most frequent content words (a SumBasic-style score,
    linear in the document's length), in document order."""
    from collections import Counter

    from briefing.core.text import content_stems

    stems = [content_stems(document.text[s.start : s.end]) for s in candidates]
    freq = Counter(w for ws in stems for w in set(ws))
    scores = [sum(freq[w] for w in ws) / (len(ws) + 1) for ws in stems]
    best = sorted(range(len(candidates)), key=lambda i: (-scores[i], i))[:k]
    return [candidates[i] for i in sorted(best)]


def _chunked(
    document: Document,
    sentences: Sequence[Sentence],
    candidates: list[Sentence],
    algo: Algorithm,
    count: int,
) -> list[int]:
    """Bounded summarization for very long texts: reduce each chunk of ``CHUNK``
    sentences to a shortlist, then run the algorithm on the shortlist. Cost grows
    linearly with length instead of quadratically."""
    if len(candidates) > HEAVY_LIMIT:
        shortlist = _frequency_shortlist(document, candidates, CHUNK)
        chosen = algo.run(document, shortlist, count)
        return sorted(set(chosen))[:count]
    reducer = algo
    per_chunk = max(SHORTLIST, count)
    shortlist: list[Sentence] = []
    for i in range(0, len(candidates), CHUNK):
        chunk = candidates[i : i + CHUNK]
        picked = set(reducer.run(document, chunk, min(per_chunk, len(chunk))))
        shortlist.extend(s for s in chunk if s.index in picked)
        if len(shortlist) > 4 * CHUNK:  # pathological: keep the final round bounded too
            break
    if len(shortlist) > CHUNK:
        return _chunked(document, sentences, shortlist, algo, count)
    chosen = algo.run(document, shortlist, count)
    return sorted(set(chosen))[:count]


def _candidates(document: Document, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Summarizable sentences with exact duplicates removed (first kept)."""
    seen: set[str] = set()
    out = []
    for s in sentences:
        if not s.summarizable:
            continue
        key = document.text[s.start : s.end]
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
    return out


# --- lead -------------------------------------------------------------------------------------


@register("lead", "the first N sentences")
def _lead(document: Document, sentences: Sequence[Sentence], count: int) -> list[int]:
    return [s.index for s in _candidates(document, sentences)[:count]]


# --- sumy -------------------------------------------------------------------------------------


class _SumyTokenizer:
    """What sumy's Sentence needs from a tokenizer: ``to_words``."""

    language = "english"

    def to_words(self, text: str) -> tuple[str, ...]:
        from briefing.core.text import words

        return tuple(words(text))

    def to_sentences(self, text: str) -> tuple[str, ...]:  # pragma: no cover - unused
        return (text,)


_EDMUNDSON_BONUS = (
    "announced agreed approved significant important major key new first million billion "
    "percent deal plan will report reported found expected decided result results"
).split()
_EDMUNDSON_STIGMA = "hardly impossible perhaps maybe reportedly allegedly however".split()


def _sumy_runner(factory: Callable[[], object]) -> Summarizer:
    def run(document: Document, sentences: Sequence[Sentence], count: int) -> list[int]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        tokenizer = _SumyTokenizer()
        cands = _candidates(document, sentences)
        by_block: dict[int, list[SumySentence]] = {}
        ids: dict[int, int] = {}
        for s in cands:
            ss = SumySentence(document.text[s.start : s.end], tokenizer)
            ids[id(ss)] = s.index
            by_block.setdefault(s.paragraph, []).append(ss)
        paragraphs = []
        if document.title:
            paragraphs.append(Paragraph([SumySentence(document.title, tokenizer, is_heading=True)]))
        paragraphs.extend(Paragraph(v) for _, v in sorted(by_block.items()))
        model = ObjectDocumentModel(paragraphs)
        summarizer = factory()
        picked = summarizer(model, count)  # type: ignore[operator]
        return [ids[id(s)] for s in picked if id(s) in ids]

    return run


def _make(cls_path: str) -> Callable[[], object]:
    def factory() -> object:
        import importlib

        from sumy.nlp.stemmers import Stemmer

        from briefing.core.text import stop_words

        module, cls = cls_path.rsplit(".", 1)
        summarizer = getattr(importlib.import_module(module), cls)(Stemmer("english"))
        stops = stop_words()
        if cls == "EdmundsonSummarizer":
            summarizer.bonus_words = _EDMUNDSON_BONUS
            summarizer.stigma_words = _EDMUNDSON_STIGMA
            summarizer.null_words = sorted(stops)
        else:
            summarizer.stop_words = stops
        return summarizer

    return factory


_SUMY = {
    "lexrank": ("sumy.summarizers.lex_rank.LexRankSummarizer", "sumy LexRank: eigenvector centrality over TF-IDF cosine"),
    "textrank": ("sumy.summarizers.text_rank.TextRankSummarizer", "sumy TextRank: PageRank over word-overlap similarity"),
    "lsa": ("sumy.summarizers.lsa.LsaSummarizer", "sumy LSA: latent semantic analysis (SVD)"),
    "luhn": ("sumy.summarizers.luhn.LuhnSummarizer", "sumy Luhn: clusters of significant words"),
    "edmundson": ("sumy.summarizers.edmundson.EdmundsonSummarizer", "sumy Edmundson: cue, title and location words"),
    "sumbasic": ("sumy.summarizers.sum_basic.SumBasicSummarizer", "sumy SumBasic: word probability"),
    "kl": ("sumy.summarizers.kl.KLSummarizer", "sumy KL-Sum: minimise KL divergence to the document"),
    "reduction": ("sumy.summarizers.reduction.ReductionSummarizer", "sumy Reduction: graph of shared words"),
}


_registered = False


def _ensure_registered() -> None:
    global _registered
    if _registered:
        return
    _registered = True
    for name, (path, description) in _SUMY.items():
        _REGISTRY[name] = Algorithm(name, description, _sumy_runner(_make(path)))
    from briefing.core import rank  # noqa: F401  (registers the default)
