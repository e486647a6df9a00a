"""The project's default summarizer, ``briefing``.

A graph-centrality score (each sentence's word-overlap similarity to the rest of the
document, as in Reduction/TextRank) blended with a position prior (news puts the lede
first), then greedy selection that skips a sentence too similar to one already chosen.
Deterministic, numpy only. See docs/benchmarks.md for what each part adds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from briefing.core.model import Document, Sentence
from briefing.core.summarize import _candidates, register

POSITION_WEIGHT = 0.25
REDUNDANCY = 0.6


def _overlap_matrix(bags: list[set[str]], lengths: list[int]):  # type: ignore[no-untyped-def]
    import numpy as np

    n = len(bags)
    sim = np.zeros((n, n))
    logs = [math.log(max(2, ln)) for ln in lengths]
    for i in range(n):
        bi = bags[i]
        if not bi:
            continue
        for j in range(i + 1, n):
            common = len(bi & bags[j])
            if common:
                v = common / (logs[i] + logs[j])
                sim[i, j] = sim[j, i] = v
    return sim


@register("briefing", "the default: word-overlap centrality with a lede prior and redundancy check")
def rank(document: Document, sentences: Sequence[Sentence], count: int) -> list[int]:
    from briefing.core.text import content_stems

    cands = _candidates(document, sentences)
    stems = [content_stems(document.text[s.start : s.end]) for s in cands]
    bags = [set(x) for x in stems]
    sim = _overlap_matrix(bags, [len(x) for x in stems])
    centrality = sim.sum(axis=1)
    top = centrality.max() or 1.0
    n = len(cands)
    scores = []
    for i in range(n):
        position = 1.0 / (1.0 + i) ** 0.5
        scores.append((1 - POSITION_WEIGHT) * centrality[i] / top + POSITION_WEIGHT * position)
    order = sorted(range(n), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    for i in order:
        if len(chosen) >= count:
            break
        if any(_jaccard(bags[i], bags[j]) > REDUNDANCY for j in chosen):
            continue
        chosen.append(i)
    for i in order:  # top up if redundancy removed too many
        if len(chosen) >= count:
            break
        if i not in chosen:
            chosen.append(i)
    return sorted(cands[i].index for i in chosen)


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
