"""Peer libraries for the key-figures benchmark, mapped to briefing's figure kinds.

Each adapter turns a library's output on ``Document.text`` into ``(start, end, kind)``
predictions; overlapping outputs of one library are resolved the way a user would (the
longer span wins). A peer that is not installed is skipped with a note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Prediction = tuple[int, int, str]

# name -> (module to import, "module:function" adapter)
PEERS: dict[str, tuple[str, str]] = {
    "quantulum3": ("quantulum3", "peers.quantulum:predict"),
    "dateparser": ("dateparser", "peers.dates:dateparser_predict"),
    "datefinder": ("datefinder", "peers.dates:datefinder_predict"),
    "recognizers-text": ("recognizers_suite", "peers.recognizers:predict"),
}


def longest_first(preds: Iterable[Prediction]) -> list[Prediction]:
    """Drop predictions that overlap a longer one (ties: the earlier one)."""
    chosen: list[Prediction] = []
    for s, e, k in sorted(preds, key=lambda p: (-(p[1] - p[0]), p[0])):
        if all(e <= cs or ce <= s for cs, ce, _ in chosen):
            chosen.append((s, e, k))
    return sorted(chosen)


def locate(text: str, pieces: Iterable[tuple[str, str]]) -> list[Prediction]:
    """Offsets for (substring, kind) pieces reported in text order without positions."""
    out, pos = [], 0
    for piece, kind in pieces:
        piece = piece.strip()
        if not piece:
            continue
        i = text.find(piece, pos)
        if i < 0:
            i = text.find(piece)
            if i < 0:
                continue
        else:
            pos = i + len(piece)
        out.append((i, i + len(piece), kind))
    return out


def available(wanted: set[str] | None = None) -> tuple[dict[str, Callable], list[str]]:
    """The installed peers (name -> predictor) and notes about the ones skipped."""
    import importlib

    found: dict[str, Callable] = {}
    notes: list[str] = []
    for name, (module, target) in PEERS.items():
        if wanted is not None and name not in wanted:
            continue
        try:
            importlib.import_module(module)
            mod_name, func = target.split(":")
            found[name] = getattr(importlib.import_module(mod_name), func)
        except Exception as exc:  # not installed, or fails to import on this Python
            notes.append(f"{name}: not available ({type(exc).__name__}: {exc}); column skipped")
    return found, notes
