"""Which figures matter most in a document.

A figure's key-ness: it sits in a summary sentence; it counts people or names money,
a percentage or a calendar date; it is written with digits or a scale; it appears early.
Weekdays and bare numbers rank low. Ties keep document order.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.core.model import Analysis, Figure

_KIND_WEIGHT = {
    "money": 3.0, "count": 2.6, "percent": 2.6, "date": 1.8, "duration": 1.4, "time": 1.2,
    "number": 0.8,
}
_PEOPLE = ("people", "students", "children", "workers", "staff", "employees", "voters",
           "users", "customers", "residents", "members", "teachers", "patients", "jobs")


def score(analysis: Analysis, figure: Figure) -> float:
    s = _KIND_WEIGHT.get(figure.kind, 1.0)
    summary_spans = [(x.start, x.end) for x in analysis.summary_sentences]
    if any(a <= figure.start and figure.end <= b for a, b in summary_spans):
        s += 2.0
    if figure.kind == "count" and figure.unit and figure.unit.split()[-1].lower() in _PEOPLE:
        s += 1.0
    if figure.kind == "date" and figure.unit in ("weekday", "month"):
        s -= 1.0
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
