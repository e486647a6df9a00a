"""Documents and analyses on their way to and from the analyst process, in chunks.

Pickling or unpickling a tuple of 100,000 sentences is one call that holds the
interpreter lock for about a second, and the UI cannot draw meanwhile. Here the long
tuples (a document's blocks, an analysis's sentences and figures) travel as separate
pickles of at most :data:`CHUNK` items, so the lock is free between chunks; the rest
of each object is pickled whole (the text itself is one fast copy).
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from briefing.core.model import Analysis, Document

CHUNK = 2000
"""Items per pickle: a few milliseconds to unpickle."""

EncodedDocument = tuple[Document, list[bytes]]
EncodedAnalysis = tuple[Analysis, list[bytes], list[bytes]]


def _chunks(items: Sequence[Any]) -> list[bytes]:
    return [
        pickle.dumps(tuple(items[i : i + CHUNK]), protocol=5)
        for i in range(0, len(items), CHUNK)
    ]


def _joined(chunks: list[bytes]) -> tuple[Any, ...]:
    if len(chunks) == 1:
        return pickle.loads(chunks[0])  # type: ignore[no-any-return]
    out: list[Any] = []
    for chunk in chunks:
        out.extend(pickle.loads(chunk))
    return tuple(out)


def encode_document(document: Document) -> EncodedDocument:
    return (replace(document, blocks=()), _chunks(document.blocks))


def decode_document(encoded: EncodedDocument) -> Document:
    shell, blocks = encoded
    return replace(shell, blocks=_joined(blocks))


def encode_analysis(analysis: Analysis) -> EncodedAnalysis:
    """The analysis without its document (the app has that already)."""
    shell = replace(analysis, document=None, sentences=(), figures=())  # type: ignore[arg-type]
    return (shell, _chunks(analysis.sentences), _chunks(analysis.figures))


def decode_analysis(encoded: EncodedAnalysis, document: Document) -> Analysis:
    """The analysis again, pointing at the app's own ``document``."""
    shell, sentences, figures = encoded
    return replace(shell, document=document, sentences=_joined(sentences), figures=_joined(figures))
