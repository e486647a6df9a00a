"""Date finders: dateparser's search_dates and datefinder. Every match is a date, or a time
when it names only a clock time."""

from __future__ import annotations

import re
import warnings

from peers import Prediction, locate, longest_first

_TIME_ONLY = re.compile(
    r"^(?:at\s+|by\s+|and\s+|to\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midnight|"
    r"\d{1,2}:\d\d)(?:\s*(?:GMT|BST|UTC))?$",
    re.I,
)


def _kind(piece: str) -> str:
    return "time" if _TIME_ONLY.match(piece.strip()) else "date"


def dateparser_predict(text: str) -> list[Prediction]:
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"]) or []
    return longest_first(locate(text, ((piece, _kind(piece)) for piece, _dt in found)))


def datefinder_predict(text: str) -> list[Prediction]:
    import datefinder

    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            for _dt, source, (s, e) in datefinder.find_dates(text, source=True, index=True):
                out.append((s, e, _kind(source)))
        except Exception:  # datefinder raises on some inputs (overflow in dateutil)
            pass
    # datefinder's spans often carry surrounding spaces
    trimmed = []
    for s, e, k in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e, k))
    return longest_first(trimmed)
