"""Which documents tell the same story: exact copies, re-edits, reorderings, cut versions.

Method (chosen by measurement, see docs/benchmarks.md "Stories"):

1. Each document's body text becomes a set of word 5-gram shingles (lower-cased words,
   curly apostrophes folded). Reordering paragraphs keeps almost every shingle; a
   reworded phrase loses only the few shingles that cross it.
2. An inverted index from shingle to documents finds every pair that shares shingles,
   without comparing all pairs of texts: each shingle contributes the pairs of its own
   posting list. Shingles found in more than ``COMMON`` documents are boilerplate and
   are skipped, which bounds the work.
3. Two documents are one story when the shorter one is mostly inside the longer one:
   containment = shared / min(|A|, |B|) >= ``SAME``, with at least ``MIN_SHARED``
   shingles in common (so two one-liners never merge by accident). Exact copies of the
   same words are one story at any length. Stories are the connected groups of that
   relation (union-find).

A follow-up on the same topic shares background, not wording: its containment stays
well below ``SAME``. ``related`` pairs (same topic, different report) are those whose
containment falls in ``[RELATED, SAME)``; see the benchmark for how reliable that is.

Story ids are numbered in input order: the first document's story is 0, the next new
story 1, and so on; documents of one story share the id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE = 5
"""Words per shingle."""
SAME = 0.65
"""Containment at or above which two documents are one story."""
RELATED = 0.2
"""Containment at or above which (and below SAME) two documents are related."""
MIN_SHARED = 10
"""Shingles two documents must share to be one story (unless their words are identical)."""
COMMON = 200
"""Shingles in more documents than this are treated as boilerplate and ignored."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _word_hashes(text: str) -> list[int]:
    """The text's words as hashes (case and apostrophe style folded; per process)."""
    return list(map(hash, _WORD.findall(text.lower().replace("’", "'"))))


_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB)


def _shingle_array(ids: list[int], size: int = SHINGLE):  # type: ignore[no-untyped-def]
    """The distinct 64-bit hashes of the word ``size``-grams of one text (numpy, sorted)."""
    import numpy as np

    n = len(ids) - size + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    w = np.asarray(ids, dtype=np.int64).view(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(size):
            h = (h ^ (w[j : j + n] * np.uint64(_MIX[j]))) * np.uint64(_MIX[size])
            h ^= h >> np.uint64(29)
    return np.unique(h)


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """The word ``size``-gram hashes of one text, as a set (for inspection and tests)."""
    return frozenset(int(x) for x in _shingle_array(_word_hashes(text), size))


@dataclass(frozen=True, slots=True)
class Stories:
    """The grouping of a list of documents (all indices refer to that list)."""

    ids: tuple[int, ...]
    """The story id of each document; equal exactly for documents of one story."""
    pairs: tuple[tuple[int, int, float], ...] = ()
    """Every pair ``(a, b, containment)`` with ``a < b`` and containment >= RELATED."""

    def groups(self) -> list[list[int]]:
        """Document indices per story, in story-id order."""
        out: list[list[int]] = [[] for _ in range(max(self.ids, default=-1) + 1)]
        for i, sid in enumerate(self.ids):
            out[sid].append(i)
        return out

    def related(self, index: int) -> list[int]:
        """Documents of other stories that share this one's topic and some wording."""
        return self.related_all().get(index, [])

    def related_all(self) -> dict[int, list[int]]:
        """``related`` for every document that has any (one pass over the pairs)."""
        out: dict[int, set[int]] = {}
        for a, b, c in self.pairs:
            if c < SAME and self.ids[a] != self.ids[b]:
                out.setdefault(a, set()).add(b)
                out.setdefault(b, set()).add(a)
        return {i: sorted(v) for i, v in out.items()}


def group(texts: Iterable[str], same: float = SAME) -> Stories:
    """Group ``texts`` (documents' body texts, in input order) into stories.

    ``texts`` may be a generator: each text is reduced to its shingles as it arrives and
    is not kept, so a big folder can be grouped without holding every text in memory.
    """
    import numpy as np

    arrays = []
    fingerprints = []
    for t in texts:
        words = _word_hashes(t)
        fingerprints.append(hash(tuple(words)) if words else None)
        arrays.append(_shingle_array(words))
    n_docs = len(arrays)
    parent = list(range(n_docs))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    # Identical words: one story whatever the length (an empty text stays alone).
    first: dict[int, int] = {}
    for i, fp in enumerate(fingerprints):
        if fp is not None:
            union(first.setdefault(fp, i), i)

    sizes = np.array([len(a) for a in arrays], dtype=np.int64)
    pairs: list[tuple[int, int, float]] = []
    if n_docs > 1 and sizes.sum():
        hashes = np.concatenate(arrays)
        owner = np.repeat(np.arange(n_docs, dtype=np.int64), sizes)
        order = np.argsort(hashes, kind="stable")  # stable: owners ascend within a run
        hashes, owner = hashes[order], owner[order]
        starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
        lengths = np.diff(np.r_[starts, len(hashes)])
        keys = []
        # Runs of two (most shared shingles) in one vectorised step ...
        two = starts[lengths == 2]
        keys.append(owner[two] * n_docs + owner[two + 1])
        # ... longer runs (copies of one text in several documents) pair by pair.
        many = (lengths > 2) & (lengths <= COMMON)
        triangles: dict[int, tuple] = {}
        for s0, ln in zip(starts[many].tolist(), lengths[many].tolist()):
            if ln not in triangles:
                triangles[ln] = np.triu_indices(ln, 1)
            a, b = triangles[ln]
            members = owner[s0 : s0 + ln]
            keys.append(members[a] * n_docs + members[b])
        flat = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
        uniq, counts = np.unique(flat, return_counts=True)
        a_idx, b_idx = np.divmod(uniq, n_docs)
        smaller = np.minimum(sizes[a_idx], sizes[b_idx])
        containment = counts / np.maximum(smaller, 1)
        for a, b, c, k in zip(a_idx.tolist(), b_idx.tolist(), containment.tolist(), counts.tolist()):
            if c >= RELATED:
                pairs.append((a, b, round(c, 4)))
            if c >= same and k >= MIN_SHARED:
                union(a, b)
        pairs.sort()

    ids: list[int] = []
    number: dict[int, int] = {}
    for i in range(n_docs):
        root = find(i)
        if root not in number:
            number[root] = len(number)
        ids.append(number[root])
    return Stories(tuple(ids), tuple(pairs))
