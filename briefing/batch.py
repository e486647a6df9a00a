"""Analyse many documents, in parallel when it pays, yielding results in input order.

Used by the CLI. Workers are forked processes (each analysis is CPU-bound Python);
documents stream: the first result is written while later ones are still being read.
Standard input is read in the parent, since a worker cannot share it.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator

from briefing.core.model import Analysis, Document, LoadError, Settings

_SETTINGS = Settings()
_RENDER: Callable[[Analysis], str] | None = None
SERIAL_BELOW = 4
"""Fewer documents than this are analysed in-process (a pool costs more than it saves)."""


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _init(settings: Settings, render: Callable[[Analysis], str] | None = None) -> None:
    global _SETTINGS, _RENDER
    _SETTINGS = settings
    _RENDER = render


def _one(item: object) -> Analysis | LoadError | str:
    from briefing.core.analyze import analyze
    from briefing.core.load import Source, load

    if isinstance(item, LoadError):
        return item
    doc = load(item) if isinstance(item, Source) else item
    if isinstance(doc, LoadError):
        return doc
    assert isinstance(doc, Document)
    try:
        analysis = analyze(doc, _SETTINGS)
        return _RENDER(analysis) if _RENDER is not None else analysis
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the rest
        return LoadError(doc.path, f"could not analyse ({type(exc).__name__}: {str(exc)[:200]})")


def analyses(
    paths: Iterable[str],
    settings: Settings,
    jobs: int = 0,
    render: Callable[[Analysis], str] | None = None,
) -> Iterator[Analysis | LoadError | str]:
    """Every document under ``paths`` analysed, in input order. ``jobs=0``: one per core.

    ``render`` (a picklable function), when given, turns each analysis into its output text
    in the worker, so the parent only writes: this is what lets ``--jobs`` scale.
    """
    from briefing.core.load import Source, discover, load

    def items() -> Iterator[object]:
        for item in discover(paths):
            if isinstance(item, Source) and item.path == "-":
                yield load(item)  # stdin belongs to this process
            else:
                yield item

    jobs = jobs or cores()
    stream = items()
    head = list(itertools.islice(stream, SERIAL_BELOW))
    _init(settings, render)
    if len(head) < SERIAL_BELOW:  # a few documents: no warming up, no pool
        for item in head:
            yield _one(item)
        return
    import gc

    from briefing.core.analyze import warm

    warm(settings)  # imported once, before forking: the workers start warm
    # What was imported lives as long as the process: a full collection would only walk
    # it, and in a forked worker walking it also copies every page it touches. Frozen
    # for the batch, collections skip it: -j 2 over the BBC dev set took about 17% less
    # time and CPU (docs/benchmarks.md "Batch summaries"). Left alone if the caller
    # froze objects itself (it then decides when they thaw).
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        if jobs <= 1:
            for item in itertools.chain(head, stream):
                yield _one(item)
            return
        ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ctx.Pool(jobs, initializer=_init, initargs=(settings, render)) as pool:
            yield from pool.imap(_one, itertools.chain(head, stream), chunksize=4)
    finally:
        if freeze:
            gc.unfreeze()  # the caller's process goes on collecting as before
