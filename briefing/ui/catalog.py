"""The app's view of the briefing: one entry per discovered file, documents loaded on demand.

Discovery only lists files, so the list can show file names at once; titles, dates and
sizes arrive as each file is read (by the list's reader, ``briefing.ui.helper``).
Loaded documents are kept in a small LRU so that a folder of thousands of files does
not hold every text in memory. Everything here is safe to call from worker threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace

from briefing.core.load import Source, load
from briefing.core.model import Document, LoadError
from briefing.render.safe import printable

CACHE_SIZE = 64
"""Documents kept in memory; the rest are read again when revisited."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the document list."""

    path: str
    """The path as discovered (may hold control characters: show ``name`` instead)."""
    source: Source | None
    """What to read; ``None`` when discovery already failed."""
    error: str | None = None
    """Why the document cannot be shown (discovery or loading failed)."""
    title: str | None = None
    """The document's title, once it has been read."""
    date: str | None = None
    words: int | None = None
    figures: int | None = None

    @property
    def name(self) -> str:
        """The file name, safe to print."""
        if self.path == "-":
            return "<stdin>"
        return printable(self.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or self.path)

    @property
    def described(self) -> bool:
        """Whether the file has been read (successfully or not)."""
        return self.title is not None or self.error is not None

    @property
    def label(self) -> str:
        """The best name known so far: the title, else the file name."""
        return printable(self.title) if self.title else self.name

    @classmethod
    def from_discovery(cls, item: Source | LoadError) -> Entry:
        if isinstance(item, LoadError):
            return cls(item.path, None, error=item.reason)
        return cls(item.path, item)

    def described_by(self, result: Document | LoadError, *, figures: bool = True) -> Entry:
        """This entry with what reading the file told us (``figures``: count them too)."""
        if isinstance(result, LoadError):
            return replace(self, error=result.reason)
        return replace(
            self,
            title=result.title,
            date=result.date,
            words=len(result.text.split()),
            figures=count_figures(result) if figures else None,
        )


COUNT_FIGURES_UP_TO = 200_000
"""Characters; a longer document's list entry shows its size only (counting its figures
could take seconds, and the list must never wait on that)."""


def count_figures(document: Document) -> int | None:
    """How many figures the core finds in the document (fast, rule-based), or None."""
    if len(document.text) > COUNT_FIGURES_UP_TO:
        return None
    from briefing.core.figures import extract

    return len(extract(document.text))


def read(source: Source) -> Document | LoadError:
    """The document at ``source``, or why it cannot be read. Never raises."""
    try:
        return load(source)
    except Exception as exc:  # noqa: BLE001 - a bad file must never take the app down
        return LoadError(source.path, f"could not read ({type(exc).__name__}: {exc})")


class Catalog:
    """Documents by entry index, loaded once and cached (thread-safe)."""

    def __init__(self, preloaded: dict[str, Document | LoadError] | None = None) -> None:
        self._cache: OrderedDict[str, Document | LoadError] = OrderedDict()
        self._pinned = dict(preloaded or {})
        self._lock = threading.Lock()
        self._loading: dict[str, threading.Lock] = {}

    def cached(self, path: str) -> Document | LoadError | None:
        """The document if it is in memory (never reads)."""
        if path in self._pinned:
            return self._pinned[path]
        with self._lock:
            hit = self._cache.get(path)
            if hit is not None:
                self._cache.move_to_end(path)
            return hit

    def load(self, source: Source) -> Document | LoadError:
        """The document, read now if it is not in memory. Never raises."""
        hit = self.cached(source.path)
        if hit is not None:
            return hit
        # One reader per path: the list's scan and the selected document's loader must
        # not both read (and clean) the same large file.
        with self._lock:
            path_lock = self._loading.setdefault(source.path, threading.Lock())
        with path_lock:
            hit = self.cached(source.path)
            if hit is not None:
                return hit
            result = read(source)
            self.offer(source.path, result)
            with self._lock:
                self._loading.pop(source.path, None)
        return result

    def offer(self, path: str, result: Document | LoadError) -> None:
        """Keep a document read elsewhere (by the helper that reads the list)."""
        with self._lock:
            self._cache[path] = result
            self._cache.move_to_end(path)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
