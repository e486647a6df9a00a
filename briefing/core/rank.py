"""The project's default summarizer, ``briefing``.

1. Each candidate sentence becomes a bag of lower-cased words, without function words
   (FUNCTION_WORDS, a short list of English closed-class words) and without bare digit
   runs. No stemming: comparing surface forms scored better than Snowball stems on the
   tune split.
2. Sentences are linked by the cosine similarity of their word counts, and each gets its
   PageRank in that weighted graph (damping 0.85): a sentence is central when it shares
   words with other central sentences. This is where all of the gain over sumy comes
   from (docs/benchmarks.md, "Summaries").
3. Two small nudges, neutral on ROUGE and kept for the reader: a bonus for the lede
   (the first sentence) and a penalty for a sentence that is mostly inside quotation
   marks, so that among near-ties the lede and a factual sentence win over a quote.
4. Selection takes the best scores, skipping a near-duplicate of a sentence already
   chosen (cosine above ``Params.duplicate``), and returns them in document order.

The other ideas measured (a graded position prior, similarity to the headline, key
figures, a penalty for short sentences, MMR) are options of :class:`Params` so that
``bench/summaries.py --ablation`` can measure them; they are off because each one cost
ROUGE-2 on the tune split. Deterministic (ties go to the earlier sentence), offline,
pure Python and numpy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.core.model import Document, Sentence
from briefing.core.summarize import _candidates, register

FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet if then than because as of at by for with about against
    between into through during before after above below to from up down in out on off over
    under again further once here there when where why how all any both each few more most
    other some such no not only own same too very can will just should now
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing would could might must shall may s t d ll m o re ve y
    it's don't he's she's i'm we're they're you're can't won't isn't aren't wasn't weren't
    didn't doesn't hasn't haven't hadn't wouldn't couldn't shouldn't there's that's what's
    who's i've we've they've you've i'd we'd they'd he'd she'd you'd i'll we'll they'll
    he'll she'll you'll it'll let's here's
    """.split()
)
"""Closed-class English words (articles, pronouns, prepositions, auxiliaries, conjunctions).

Deliberately short: the 580-word list in ``briefing.core.text.stop_words`` also drops
words such as "said", "new", "first" or "last", which carry the story in news and made
the centrality worse on the tune split."""


@dataclass(frozen=True, slots=True)
class Params:
    """Every knob of the ranker; the defaults are the tuned configuration."""

    stop: str = "function"
    """``function`` (FUNCTION_WORDS) or ``sumy`` (the long list in briefing.core.text)."""
    stem: bool = False
    """Snowball-stem the words before comparing them."""
    similarity: str = "cosine"
    """``cosine`` of word counts, or ``overlap``: shared words / (log|a| + log|b|)."""
    centrality: str = "pagerank"
    """``pagerank`` (weighted, damping below) or ``degree`` (sum of similarities)."""
    damping: float = 0.85
    lede: float = 0.05
    """Bonus added to the first sentence's score (scores are scaled to a maximum of 1)."""
    position: float = 0.0
    """Weight of a graded position prior 1/sqrt(1 + i)."""
    headline: float = 0.0
    """Weight of the sentence's cosine similarity to the title."""
    figures: float = 0.0
    """Bonus for a sentence carrying a key figure of one of ``figure_kinds``."""
    figure_kinds: tuple[str, ...] = ("money", "percent", "count")
    quote: float = 0.04
    """Penalty for a sentence that is mostly a quotation (see ``quote_share``)."""
    quote_share: float = 0.5
    """A sentence is "mostly a quotation" when more than this share of it is inside quotes."""
    short: float = 0.0
    """Penalty for a sentence of fewer than ``short_words`` words."""
    short_words: int = 8
    mmr: float = 0.0
    """Maximal marginal relevance: subtract ``mmr`` x the highest similarity to a chosen sentence."""
    duplicate: float = 0.9
    """Skip a sentence whose cosine similarity to a chosen one is above this (1.0: never)."""


DEFAULT_PARAMS = Params()

_DIGITS = re.compile(r"^\d+$")


@register("briefing", "the default: PageRank over word-count cosine, a lede bonus, quotes demoted")
def rank(document: Document, sentences: Sequence[Sentence], count: int) -> list[int]:
    return rank_with(document, sentences, count, DEFAULT_PARAMS)


def rank_with(document: Document, sentences: Sequence[Sentence], count: int, params: Params) -> list[int]:
    """The ranker with explicit parameters (the benchmark's ablations call this)."""
    import numpy as np

    cands = _candidates(document, sentences)
    n = len(cands)
    if count <= 0 or n == 0:
        return []
    texts = [document.text[s.start : s.end] for s in cands]
    bags = [terms(t, params) for t in texts]
    counts, vocab, unit, cosine = cosine_graph(bags)
    sim = cosine if params.similarity == "cosine" else _overlap(counts, bags)
    score = centrality(sim, params)

    if params.lede:
        score[0] += params.lede
    if params.position:
        score += params.position / np.sqrt(1.0 + np.arange(n))
    if params.headline and document.title:
        title = np.zeros(counts.shape[1])
        for w in terms(document.title, params):
            if w in vocab:
                title[vocab[w]] += 1
        norm = float(np.linalg.norm(title))
        if norm:
            score += params.headline * (unit @ (title / norm))
    if params.figures:
        score += params.figures * _carries_figure(document, cands, params.figure_kinds)
    if params.quote:
        score -= params.quote * (np.array(quote_shares(document, cands)) > params.quote_share)
    if params.short:
        score -= params.short * np.array([len(b) < params.short_words for b in bags], dtype=float)

    chosen = _select(score, cosine, count, params)
    return sorted(cands[i].index for i in chosen)


def cosine_graph(bags: Sequence[Sequence[str]]):  # type: ignore[no-untyped-def]
    """Word counts of each bag, the vocabulary, the unit rows and the cosine of every pair
    (zero on the diagonal): the graph both the summary and the digest rank on."""
    import numpy as np

    vocab: dict[str, int] = {}
    for bag in bags:
        for w in bag:
            vocab.setdefault(w, len(vocab))
    counts = np.zeros((len(bags), max(1, len(vocab))))
    for i, bag in enumerate(bags):
        for w, c in Counter(bag).items():
            counts[i, vocab[w]] = c
    unit = _unit_rows(counts)
    cosine = unit @ unit.T
    np.fill_diagonal(cosine, 0.0)
    return counts, vocab, unit, cosine


def centrality(sim, params: Params):  # type: ignore[no-untyped-def]
    """Each sentence's centrality in the similarity graph, scaled to a maximum of 1."""
    import numpy as np

    centre = _pagerank(sim, params.damping) if params.centrality == "pagerank" else sim.sum(axis=1)
    top = float(centre.max())
    return centre / top if top > 0 else np.zeros(len(centre))


def _carries_figure(document: Document, cands: Sequence[Sentence], kinds: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """1.0 for each sentence holding a figure of one of ``kinds`` (one pass over the text)."""
    import numpy as np

    from briefing.core.figures import extract

    starts = [f.start for f in extract(document.text) if f.kind in kinds]
    return np.array([any(s.start <= x < s.end for x in starts) for s in cands], dtype=float)


def terms(text: str, params: Params) -> list[str]:
    from briefing.core.text import stem, stop_words, words

    stops = FUNCTION_WORDS if params.stop == "function" else stop_words()
    out = []
    for w in words(text):
        low = w.lower().replace("’", "'")
        if low in stops or _DIGITS.match(low):
            continue
        out.append(stem(low) if params.stem else low)
    return out


def _unit_rows(m):  # type: ignore[no-untyped-def]
    import numpy as np

    norms = np.linalg.norm(m, axis=1)
    norms[norms == 0] = 1.0
    return m / norms[:, None]


def _overlap(counts, bags: list[list[str]]):  # type: ignore[no-untyped-def]
    """Reduction/TextRank similarity: shared word pairs / (log|a| + log|b|)."""
    import numpy as np

    shared = counts @ counts.T
    logs = np.log(np.maximum(1, np.array([len(b) for b in bags], dtype=float)))
    norm = logs[:, None] + logs[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        sim = np.where(norm > 0, shared / np.where(norm > 0, norm, 1.0), 0.0)
    np.fill_diagonal(sim, 0.0)
    return sim


def _pagerank(sim, damping: float, tol: float = 1e-10, max_iter: int = 200):  # type: ignore[no-untyped-def]
    """Weighted PageRank by power iteration; a sentence linked to nothing spreads evenly."""
    import numpy as np

    n = sim.shape[0]
    out = sim.sum(axis=1)
    dangling = out == 0
    trans = np.where(dangling[:, None], 1.0 / n, sim / np.where(dangling, 1.0, out)[:, None])
    p = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        nxt = (1.0 - damping) / n + damping * (trans.T @ p)
        if float(np.abs(nxt - p).sum()) < tol:
            return nxt
        p = nxt
    return p


def quote_shares(document: Document, cands: Sequence[Sentence]) -> list[float]:
    """Share of each sentence's characters that lie inside double quotation marks.

    The quote state is carried from the start of the paragraph, so the middle sentence
    of a three-sentence quotation counts as quoted even with no mark of its own.
    Curly marks open and close; a straight mark toggles. The text between sentences is
    skipped with C-speed string searches, so long paragraphs stay linear.
    """
    text = document.text
    cursor: dict[int, tuple[int, bool]] = {}  # paragraph -> (position, inside) reached so far
    shares = []
    for s in cands:
        if s.paragraph < len(document.blocks):
            pos, inside = cursor.get(s.paragraph, (document.blocks[s.paragraph].start, False))
        else:
            pos, inside = s.start, False
        if pos <= s.start:
            inside = _state_after(text, pos, s.start, inside)
        else:  # out of order (never from _candidates): start the paragraph over
            inside = _state_after(text, document.blocks[s.paragraph].start, s.start, False)
        quoted = 0
        for ch in text[s.start : s.end]:
            after = _step(inside, ch)
            if inside and after:
                quoted += 1
            inside = after
        cursor[s.paragraph] = (s.end, inside)
        shares.append(quoted / max(1, s.end - s.start))
    return shares


def _state_after(text: str, start: int, end: int, inside: bool) -> bool:
    """The quote state at ``end``, given the state at ``start``."""
    last = max(text.rfind("“", start, end), text.rfind("”", start, end))
    if last >= 0:
        inside = text[last] == "“"
        start = last + 1
    return inside != (text.count('"', start, end) % 2 == 1)


def _step(inside: bool, ch: str) -> bool:
    if ch == "“":
        return True
    if ch == "”":
        return False
    if ch == '"':
        return not inside
    return inside


def _select(score, cosine, count: int, params: Params) -> list[int]:  # type: ignore[no-untyped-def]
    n = len(score)
    order = sorted(range(n), key=lambda i: (-score[i], i))
    chosen: list[int] = []
    if params.mmr:
        left = list(order)
        while left and len(chosen) < count:
            best = max(
                left,
                key=lambda i: (score[i] - params.mmr * max((cosine[i, j] for j in chosen), default=0.0), -i),
            )
            left.remove(best)
            chosen.append(best)
        return chosen
    skipped = []
    for i in order:
        if len(chosen) >= count:
            break
        if any(cosine[i, j] > params.duplicate for j in chosen):
            skipped.append(i)
            continue
        chosen.append(i)
    for i in skipped:  # top up if near-duplicates left the summary short
        if len(chosen) >= count:
            break
        chosen.append(i)
    return chosen

