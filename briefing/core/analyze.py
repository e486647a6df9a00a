"""``analyze(document, settings)``: the one call the CLI and the app make.

Results are memoised in memory (per process) and on disk (``core.cache``), so a folder
that was summarized once re-opens without loading any NLP library.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

from briefing.core.figures import extract
from briefing.core.model import Analysis, Document, Settings, Summary
from briefing.core.resolve import resolve_figures
from briefing.core.segment import segment
from briefing.core.summarize import get, summarize, summarize_words, target_length

FIGURE_SCAN_LIMIT = 1_000_000
"""Figures are found in the first million characters of a document (about 170,000
words); past that a log-sized file would spend tens of seconds on figures nobody reads."""

_CACHE: OrderedDict[tuple, Analysis] = OrderedDict()
_CACHE_SIZE = 256
_LOCK = Lock()


def analyze(document: Document, settings: Settings | None = None) -> Analysis:
    """Segment, summarize and find figures; results are memoised per document and settings."""
    settings = settings or Settings()
    algo = get(settings.algorithm)  # raises ValueError listing the valid names
    key = (document, settings)
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    from briefing.core import cache

    cached = cache.load(document, settings, algo.name)
    if cached is not None:
        _remember(key, cached)
        return cached
    sentences = segment(document)
    if settings.words is not None:
        indices = summarize_words(document, sentences, algo.name, settings.words)
    else:
        n = sum(1 for s in sentences if s.summarizable)
        count = target_length(n, settings.sentences, settings.ratio)
        indices = summarize(document, sentences, algo.name, count)
    analysis = Analysis(
        document=document,
        sentences=sentences,
        summary=Summary(algo.name, tuple(indices)),
        figures=resolve_figures(extract(document.text[:FIGURE_SCAN_LIMIT]), document.text, document.date,
                                [s.start for s in sentences]),
        settings=settings,
    )
    cache.store(analysis, algo.name)
    _remember(key, analysis)
    return analysis


def _remember(key: tuple, analysis: Analysis) -> None:
    with _LOCK:
        _CACHE[key] = analysis
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)


def warm(settings: Settings | None = None) -> None:
    """Import and prepare everything analysing needs (the NLP libraries, the sentence
    tokenizer, the algorithm), by analysing a two-sentence document once.

    For processes that analyse many documents or fork workers that do: after this, what
    they fork starts warm, and what was imported can be frozen out of the garbage
    collector (``gc.freeze``) since it lives as long as the process."""
    from briefing.core.model import Block

    settings = settings or Settings()
    text = "A first sentence about 3 things. A second one, on May 4, 2020."
    document = Document("warm-up", "Warm-up", text, blocks=(Block(0, len(text)),))
    try:
        sentences = segment(document)
        summarize(document, sentences, get(settings.algorithm).name, 1)
        extract(text)
    except Exception:  # noqa: BLE001, S110 - the real work will report the problem
        pass

