"""Which figures matter most in a document.

A figure's key-ness: it sits in a summary sentence; it counts people or names money,
a percentage or a calendar date (a day beats a bare year; weekdays and months alone rank
low); it appears early. Currency conversions in brackets (``$20m (£10.5m)``) rank below the
amount they convert. Clock times, bare numbers and multipliers rank low. Ties keep
document order, and the same figure written twice is shown once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.core.model import Analysis, Figure

_KIND_WEIGHT = {
    "money": 3.0, "count": 2.6, "percent": 2.6, "date": 1.8, "duration": 1.2, "time": 0.8,
    "number": 0.8,
}
_PEOPLE = frozenset(
    """
    people persons children kids babies adults men women girls boys students pupils teachers
    educators staff workers employees jobs users customers consumers shoppers subscribers
    viewers listeners readers fans visitors tourists passengers residents citizens voters
    members families households parents patients doctors nurses victims refugees migrants
    immigrants troops soldiers police officers mps councillors players athletes pensioners
    taxpayers homeowners buyers investors shareholders
    """.split()
)
_FULL_DATE = re.compile(r"^(?:\d{4}|-)-\d\d-\d\d$")
_AFTER_AMOUNT = re.compile(r"\d(?:bn|m|k|\s?million|\s?billion|\s?trillion)?\s*[(;]\s*$", re.I)


def _people(figure: Figure) -> bool:
    if figure.kind != "count" or not figure.unit:
        return False
    return figure.unit.split()[-1].lower().strip("'’") in _PEOPLE


def score(analysis: Analysis, figure: Figure) -> float:
    """Higher is more important; see the module docstring."""
    s = _KIND_WEIGHT.get(figure.kind, 1.0)
    summary_spans = [(x.start, x.end) for x in analysis.summary_sentences]
    if any(a <= figure.start and figure.end <= b for a, b in summary_spans):
        s += 2.0
    if _people(figure):
        s += 1.0
    if figure.kind == "date":
        if figure.unit in ("weekday", "month"):
            s -= 1.0
        elif isinstance(figure.value, str) and _FULL_DATE.match(figure.value):
            s += 0.5  # a calendar day
    if figure.kind == "money" and _AFTER_AMOUNT.search(
            analysis.document.text[max(0, figure.start - 16):figure.start]):
        s -= 1.5  # a conversion in brackets: "$20 million (£10.5 million)"
    if figure.kind == "number" and figure.unit in ("times", "score", "fraction"):
        s -= 0.3
    length = max(1, len(analysis.document.text))
    s += 0.5 * (1.0 - figure.start / length)
    return s


def top_figures(analysis: Analysis, figures: Sequence[Figure], k: int) -> tuple[Figure, ...]:
    """The ``k`` key figures, in document order (duplicates of the same text kept once)."""
    seen: set[tuple[str, str]] = set()
    ranked = []
    for i, f in sorted(enumerate(figures), key=lambda p: (-score(analysis, p[1]), p[0])):
        key = (f.kind, f.text.lower())
        if key in seen:
            continue
        seen.add(key)
        ranked.append((i, f))
        if len(ranked) >= k:
            break
    return tuple(f for _, f in sorted(ranked, key=lambda p: p[0]))
