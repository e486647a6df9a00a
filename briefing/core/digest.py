"""One digest of a whole briefing: its key sentences, each story's facts told once.

How sentences are chosen:

1. Each story (``core.stories``) is ranked as one pool: the summarizable sentences of all
   its versions, scored by the default ranker's centrality (PageRank over word-count
   cosine, ``core.rank``) with its lede bonus and quotation penalty. Wording that every
   version repeats reinforces itself, so the story's core facts rise.
2. Stories share the length: a story's weight is the default summary length of its
   longest version (3 for a typical article, more for long ones). Picks are handed out
   in turns, each story's k-th pick at priority k / weight, so every story gets its first
   sentence before any story gets its second, and long stories get more later.
   Unlike a single summary, the digest favours each version's lede (``DIGEST_LEDE``)
   and demotes quotations (``DIGEST_QUOTE``) and sentences that open on a pronoun or
   demonstrative (``DANGLING``): out of their document those read badly.
3. A sentence is left out when it repeats what a chosen sentence already says, in any
   version or any document: cosine of content words >= ``REPEAT``, or most of its content
   words (``COVERED``) already in one chosen sentence.
4. Length: ``count`` sentences (default: the sum of the stories' weights, at most
   ``MAX_DEFAULT``), or ``words``: turns are taken while sentences fit, never cutting
   one (a story may skip a too-long sentence for one of its next ``LOOKAHEAD``).

Order (see README): stories by date (the earliest date among a story's documents; stories
without one after the dated ones), then by importance (more documents telling it first,
then the longer story); within a story, sentences in document order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.core.model import Analysis, Sentence
from briefing.core.stories import Stories
from briefing.core.summarize import default_length
from briefing.core.timeline import sort_key

REPEAT = 0.5
"""Cosine of content-word counts at or above which a sentence repeats a chosen one."""
COVERED = 0.8
"""Share of a sentence's content words already in one chosen sentence that makes it a repeat."""
DIGEST_QUOTE = 0.5
"""The digest demotes quotations more than a single summary does (0.04): it is meant to
state the briefing's facts, and a reader meets the quotes in the documents."""
DIGEST_LEDE = 0.4
"""A story's first sentence (in each version) weighs more than in a single summary (0.05):
when a story gets one or two sentences, its news lede is usually the one that carries it."""
DANGLING = 0.15
"""Penalty for a sentence that opens on a pronoun or demonstrative ("Those schools will
...", "It said ..."): out of its document, the digest cannot say what it points at."""
_DANGLING = re.compile(r"[\"“‘']?(?:This|That|These|Those|They|Them|It|Its|He|She|His|Her|Their|Such)\b")
LOOKAHEAD = 3
"""With a word budget, a story whose best remaining sentence is too long may use one of
the next few instead; never a sentence far down its ranking just because it is short."""
POOL_LIMIT = 800
"""Most sentences ranked together for one story (the similarity graph is quadratic)."""
MIN_PER_VERSION = 20
"""Sentences each version may bring to its story's pool, however many versions there are."""
MAX_DEFAULT = 20
"""The default digest never runs past this many sentences (big folders: the top stories)."""


@dataclass(frozen=True, slots=True)
class Pick:
    """A digest sentence: ``analyses[doc].sentences[index]``, spanning ``start:end``."""

    doc: int
    index: int
    start: int
    end: int
    story: int


@dataclass(frozen=True, slots=True)
class _Candidate:
    doc: int
    sentence: Sentence
    bag: Counter
    norm: float
    words: int
    score: float


def _params():  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from briefing.core.rank import DEFAULT_PARAMS

    return replace(DEFAULT_PARAMS, quote=DIGEST_QUOTE, lede=DIGEST_LEDE)


def story_order(analyses: Sequence[Analysis], stories: Stories) -> list[int]:
    """Story ids in digest order: by date (undated last), then by importance."""
    groups = stories.groups()
    importance = _importance_rank(analyses, groups)

    def key(sid: int) -> tuple:
        dates = [analyses[i].document.date for i in groups[sid] if analyses[i].document.date]
        first = min((sort_key(d) for d in dates), default=None)
        return (first is None, first or (0, ""), importance[sid])

    return sorted(range(len(groups)), key=key)


def _size(analysis: Analysis) -> int:
    return sum(1 for s in analysis.sentences if s.summarizable)


def _importance_rank(analyses: Sequence[Analysis], groups: list[list[int]]) -> dict[int, int]:
    order = sorted(range(len(groups)), key=lambda g: (-len(groups[g]), -max(_size(analyses[i]) for i in groups[g]), g))
    return {sid: rank for rank, sid in enumerate(order)}


def digest(
    analyses: Sequence[Analysis],
    stories: Stories,
    count: int | None = None,
    words: int | None = None,
) -> list[Pick]:
    """The digest's sentences in reading order (see the module docstring)."""
    groups = stories.groups()
    if not groups:
        return []
    importance = _importance_rank(analyses, groups)
    sizes = [max((_size(analyses[i]) for i in g), default=0) for g in groups]
    weights = [max(1, default_length(n)) for n in sizes]
    if count is None and words is None:
        count = min(MAX_DEFAULT, sum(w for w, n in zip(weights, sizes) if n))
    # Turns: story s's k-th pick has priority k / weight (ties: the more important story).
    # A story is ranked only when its first turn comes, so a big folder ranks few stories.
    room = [min(POOL_LIMIT + len(g), sum(_size(analyses[i]) for i in g)) for g in groups]
    turns = sorted((k / weights[sid], importance[sid], sid) for sid in range(len(groups)) for k in range(room[sid]))
    pools: dict[int, list[_Candidate | None]] = {}
    chosen: list[_Candidate] = []
    used = [0] * len(groups)  # how far each story's pool has been read
    budget = words
    for _, _, sid in turns:
        if (count is not None and len(chosen) >= count) or (budget is not None and budget <= 0):
            break
        if sid not in pools:
            pools[sid] = _rank_story(analyses, groups[sid])
        pool = pools[sid]
        looked = 0
        for pos in range(used[sid], len(pool)):
            cand = pool[pos]
            if cand is None:
                continue
            # A repeat stays a repeat (the digest only grows) and a sentence too long for
            # the budget stays too long (it only shrinks): either way, never look again.
            if _repeats(cand, chosen):
                pool[pos] = None
                continue
            if budget is not None and cand.words > budget:
                pool[pos] = None
                looked += 1
                if looked >= LOOKAHEAD:
                    break
                continue  # too long for what is left: try a shorter one close behind
            chosen.append(cand)
            pool[pos] = None  # type: ignore[call-overload]
            if budget is not None:
                budget -= cand.words
            break
        while used[sid] < len(pool) and pool[used[sid]] is None:
            used[sid] += 1
    ids = stories.ids
    order = {sid: pos for pos, sid in enumerate(story_order(analyses, stories))}
    chosen.sort(key=lambda c: (order[ids[c.doc]], c.doc, c.sentence.start))
    return [Pick(c.doc, c.sentence.index, c.sentence.start, c.sentence.end, ids[c.doc]) for c in chosen]


def _repeats(cand: _Candidate, chosen: list[_Candidate]) -> bool:
    if not cand.bag:
        return False
    size = sum(cand.bag.values())
    for other in chosen:
        shared = cand.bag & other.bag
        if not shared:
            continue
        dot = sum(cand.bag[w] * other.bag[w] for w in shared)
        if dot / (cand.norm * other.norm) >= REPEAT or sum(shared.values()) / size >= COVERED:
            return True
    return False


def _rank_story(analyses: Sequence[Analysis], members: list[int]) -> list[_Candidate]:
    """The story's candidate sentences from all its versions, best first."""
    from briefing.core.rank import centrality, cosine_graph, quote_shares, terms
    from briefing.core.summarize import _candidates, _frequency_shortlist
    from briefing.core.text import words

    params = _params()
    items: list[tuple[int, Sentence, list[str], float, bool]] = []
    per_version = max(MIN_PER_VERSION, POOL_LIMIT // len(members))
    for doc_index in members:
        analysis = analyses[doc_index]
        document = analysis.document
        cands = _candidates(document, analysis.sentences)
        if len(cands) > per_version:
            # Bounded: the graph is quadratic in the pool, so a long version (a log, a
            # book) or a story with many copies contributes a linear-time shortlist.
            first = cands[0]
            cands = _frequency_shortlist(document, cands, per_version)
            if cands[0] is not first:
                cands = [first] + cands[:-1]
        quotes = quote_shares(document, cands) if params.quote else [0.0] * len(cands)
        for pos, s in enumerate(cands):
            text = document.text[s.start : s.end]
            items.append((doc_index, s, terms(text, params), quotes[pos], pos == 0))
    if not items:
        return []
    score = centrality(cosine_graph([bag for _, _, bag, _, _ in items])[3], params)
    out = []
    for i, (doc_index, s, bag, quoted, first) in enumerate(items):
        value = float(score[i]) + (params.lede if first else 0.0)
        value -= params.quote if quoted > params.quote_share else 0.0
        text = analyses[doc_index].document.text[s.start : s.end]
        value -= DANGLING if _DANGLING.match(text) else 0.0
        counter = Counter(bag)
        norm = math.sqrt(sum(c * c for c in counter.values())) or 1.0
        out.append(_Candidate(doc_index, s, counter, norm, len(words(text)), value))
    out.sort(key=lambda c: (-c.score, c.doc, c.sentence.start))
    return out
