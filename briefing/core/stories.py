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

Memory (measured by bench/stories_memory.py): of the texts only their shingle hashes
are kept, 9 bytes a shingle (texts are hashed ``_WORDS`` words at a time). The index is
built one range of hash values at a time (by their top bits, about ``_SLICE`` shingles a
range), so no sort covers the whole folder. Within a range, shingles with the very same
posting list (a text and its copies share hundreds) are paired once, weighted by their
number, and pair counts are summed ``_PAIRS`` keys at a time into one sorted table of the
pairs that share any shingle (16 bytes a pair). So the peak is the hashes, that table
(twice, while merging) and some 20 MB of batches, however often texts repeat, plus the
result itself; the counts are exactly those of pairing every shingle's posting list.
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

_WORDS = 1 << 19
"""Words hashed into shingles at a time (a few MB of temporaries)."""
_SLICE = 1 << 18
"""Shingles (about) per hash range when building the index."""
_PAIRS = 1 << 18
"""Pair keys counted at a time."""


def _window_hashes(words, ends, size: int = SHINGLE):  # type: ignore[no-untyped-def]
    """64-bit hashes of the word ``size``-grams of consecutive texts, repeats kept.

    ``words`` holds the texts' word hashes one text after another (uint64) and ``ends``
    where each text ends in it; windows that cross from one text into the next are left
    out, so the result is each text's shingles in text order, then word order."""
    import numpy as np

    n = len(words) - size + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    tmp = np.empty(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(size):
            np.multiply(words[j : j + n], np.uint64(_MIX[j]), out=tmp)
            h ^= tmp
            h *= np.uint64(_MIX[size])
            np.right_shift(h, np.uint64(29), out=tmp)
            h ^= tmp
    del tmp
    if len(ends) > 1:  # a window starting 1..size-1 words before a text's end crosses it
        cross = (np.asarray(ends[:-1], dtype=np.int64)[:, None] - np.arange(1, size)).ravel()
        keep = np.ones(n, dtype=bool)
        keep[cross[(cross >= 0) & (cross < n)]] = False
        h = h[keep]
    return h


def _shingle_array(ids: list[int], size: int = SHINGLE):  # type: ignore[no-untyped-def]
    """The distinct 64-bit hashes of the word ``size``-grams of one text (numpy, sorted)."""
    import numpy as np

    w = np.asarray(ids, dtype=np.int64).view(np.uint64)
    return np.unique(_window_hashes(w, [len(w)], size))


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


def _sum_by_key(keys, counts):  # type: ignore[no-untyped-def]
    """Distinct ``keys`` (sorted) and the sum of ``counts`` for each. Sorts both arrays
    in place, so the caller's references cost no second copy."""
    import numpy as np

    if not len(keys):
        return keys, counts
    order = np.argsort(keys, kind="stable")  # sorted runs (a merge) are fast
    keys[:] = keys[order]
    counts[:] = counts[order]
    del order
    first = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return keys[first], np.add.reduceat(counts, first)


class _PairCounts:
    """Shared-shingle counts per document pair ``a * n + b``, summed a bounded batch at a time."""

    def __init__(self, n_docs: int) -> None:
        import numpy as np

        self.n = n_docs
        self.keys = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)
        self.pending: list[tuple] = []
        self.waiting = 0

    def add(self, rows, weights) -> None:  # type: ignore[no-untyped-def]
        """Count every pair within each row of ``rows`` (posting lists of one length,
        owners ascending), ``weights[i]`` times for row i (once each if None)."""
        import numpy as np

        a, b = np.triu_indices(rows.shape[1], 1)
        per = len(a)
        step = max(1, _PAIRS // per)
        for i in range(0, len(rows), step):
            part = rows[i : i + step]
            keys = (part[:, a] * self.n + part[:, b]).ravel()
            if weights is None:
                keys, counts = np.unique(keys, return_counts=True)
            else:
                keys, counts = _sum_by_key(keys, np.repeat(weights[i : i + step], per))
            self.pending.append((keys, counts))
            self.waiting += len(keys)
            if self.waiting >= max(_PAIRS, len(self.keys)):
                self._merge()

    def _merge(self) -> None:
        import numpy as np

        if not self.pending:
            return
        keys = np.concatenate([self.keys, *(k for k, _ in self.pending)])
        counts = np.concatenate([self.counts, *(c for _, c in self.pending)])
        self.keys = self.counts = np.zeros(0, dtype=np.int64)  # free the parts before sorting
        self.pending, self.waiting = [], 0
        self.keys, self.counts = _sum_by_key(keys, counts)

    def result(self):  # type: ignore[no-untyped-def]
        """Pairs ``a < b`` (ascending), their shared-shingle counts."""
        import numpy as np

        self._merge()
        a, b = np.divmod(self.keys, self.n)
        return a, b, self.counts


def _distinct_rows(rows):  # type: ignore[no-untyped-def]
    """The distinct rows of a 2-d array and how often each occurs (exact)."""
    import numpy as np

    rows = rows[np.lexsort(rows.T)]
    first = np.flatnonzero(np.r_[True, (rows[1:] != rows[:-1]).any(axis=1)])
    return rows[first], np.diff(np.r_[first, len(rows)])


def _chunk(words: list, ends: list[int]) -> tuple:
    """The shingle hashes of consecutive texts (their word hashes, where each ends) and
    the top byte of each hash."""
    import numpy as np

    h = _window_hashes(np.concatenate(words).view(np.uint64), ends)
    return h, (h >> np.uint64(56)).astype(np.uint8)


def group(texts: Iterable[str], same: float = SAME) -> Stories:
    """Group ``texts`` (documents' body texts, in input order) into stories.

    ``texts`` may be a generator: each text is reduced to its shingles as it arrives and
    is not kept, so a big folder can be grouped without holding every text in memory.
    """
    from array import array

    import numpy as np

    fingerprints: list[int | None] = []
    windows = array("q")  # shingles (repeats included) per text
    chunks: list[tuple] = []  # (hashes, their top byte) of consecutive texts
    waiting: list = []  # word hashes of the texts not yet shingled ...
    ends: list[int] = []  # ... and where each of them ends
    count = 0
    for t in texts:
        words = _word_hashes(t)
        fingerprints.append(hash(tuple(words)) if words else None)
        windows.append(max(0, len(words) - SHINGLE + 1))
        if words:
            waiting.append(np.array(words, dtype=np.int64))
            count += len(words)
        ends.append(count)
        if count >= _WORDS:
            chunks.append(_chunk(waiting, ends))
            waiting, ends, count = [], [], 0
    if count:
        chunks.append(_chunk(waiting, ends))
    del waiting, ends
    n_docs = len(fingerprints)
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
    del first, fingerprints

    total = sum(len(h) for h, _ in chunks)
    pairs: list[tuple[int, int, float]] = []
    if n_docs > 1 and total:
        ends_of = np.cumsum(np.frombuffer(windows, dtype=np.int64))  # a text's shingles end here
        del windows
        sizes = np.zeros(n_docs, dtype=np.int64)  # distinct shingles per text
        counter = _PairCounts(n_docs)
        bits = min(8, max(0, (total - 1) // _SLICE).bit_length())
        shift = np.uint8(8 - bits)
        for top in range(1 << bits):
            # The shingles whose hashes start with ``top``, by position (so by text).
            parts, where, offset = [], [], 0
            for h, byte in chunks:
                at = np.flatnonzero((byte >> shift) == top) if bits else np.arange(len(h))
                parts.append(h[at])
                where.append(at + offset)
                offset += len(h)
            hashes = np.concatenate(parts)
            owner = np.searchsorted(ends_of, np.concatenate(where), side="right")
            del parts, where, at
            if not len(hashes):
                continue
            order = np.argsort(hashes, kind="stable")  # stable: owners ascend within a run
            hashes, owner = hashes[order], owner[order]
            del order
            start = np.r_[True, hashes[1:] != hashes[:-1]]
            del hashes
            keep = start.copy()  # a text's repeated shingle counts once
            keep[1:] |= owner[1:] != owner[:-1]
            owner, start = owner[keep], start[keep]
            del keep
            sizes += np.bincount(owner, minlength=n_docs)
            starts = np.flatnonzero(start)
            del start
            lengths = np.diff(np.r_[starts, len(owner)])
            for ln in np.unique(lengths[(lengths >= 2) & (lengths <= COMMON)]).tolist():
                rows = owner[starts[lengths == ln][:, None] + np.arange(ln)]
                if ln == 2:  # pairs already: counted by key
                    counter.add(rows, None)
                else:  # copies give many shingles the same posting list: pair it once
                    counter.add(*_distinct_rows(rows))
                del rows
            del owner, starts, lengths
        chunks.clear()
        a_idx, b_idx, counts = counter.result()
        del counter
        smaller = np.minimum(sizes[a_idx], sizes[b_idx])
        containment = counts / np.maximum(smaller, 1)
        del smaller
        related = np.flatnonzero(containment >= RELATED)
        for a, b, c in zip(a_idx[related].tolist(), b_idx[related].tolist(),
                           containment[related].tolist()):
            pairs.append((a, b, round(c, 4)))
        joined = np.flatnonzero((containment >= same) & (counts >= MIN_SHARED))
        for a, b in zip(a_idx[joined].tolist(), b_idx[joined].tolist()):
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
