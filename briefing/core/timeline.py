"""A timeline of the briefing: every date figure placed on the calendar where the text allows.

Each date figure carries its calendar date, worked out against its document's date where
the text leaves it open (``Figure.resolved``; the rules are in ``briefing.core.resolve``:
``yesterday``, ``next month``, ``Friday``, ``April 27`` in a dated story, ...). The timeline
places every one that has a year, or a day and month (``--04-27``, shown "year unknown");
a period (``this week``, ``2020-2025``, ``last quarter``) is placed at its first day and
says where it ends. Left out: weekdays, months alone and relative dates in a document
without a date (they cannot be placed, and their figures say ``unresolved``), and decades
and centuries (periods too long to be points).

Sorted by date (partial dates by their first day: "2021-05" as 2021-05-01, "2021" as
2021-01-01), dates without a year last in month order, then by input order and position.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing.core.model import Analysis, Figure
from briefing.core.resolve import CONTEXT, DOCUMENT_DATE, parse_iso, resolve_value

COMPARE = 64
"""Mentions of one date in one version compared against (bounds a log's thousand repeats)."""


@dataclass(frozen=True, slots=True)
class Event:
    """One dated mention: ``date`` is ISO, possibly partial (``YYYY-MM``, ``YYYY``, ``--MM-DD``)."""

    date: str
    doc: int
    """Index of the document in the briefing."""
    start: int
    end: int
    text: str
    sentence: tuple[int, int]
    """The span of the sentence that holds it."""
    resolved: bool = False
    """True when the date was worked out from the document's date (``yesterday``, a
    weekday, a day without a year)."""
    until: str | None = None
    """The last day (or month, or year) of a period placed at ``date``; None for a point."""


def sort_key(date: str) -> tuple[int, str]:
    """Dated first, by their first day; then ``--MM-DD`` in month order."""
    if date.startswith("--"):
        return (1, date[2:])
    if len(date) == 4:
        return (0, date + "-01-01")
    if len(date) == 7:
        return (0, date + "-01")
    return (0, date)


_PLACEABLE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?|--\d\d-\d\d")


def place(resolved: object, resolution: str | None, unit: str | None) -> tuple[str, str | None, bool] | None:
    """``(date, until, resolved)`` for a date figure's calendar date, or None when it
    has no place on a timeline (no year nor day, or a decade or century)."""
    if unit in ("decade", "century") or resolved is None:
        return None
    first, last = (resolved[0], resolved[-1]) if isinstance(resolved, list) and resolved else (resolved, None)
    if not isinstance(first, str) or not _PLACEABLE.fullmatch(first):
        return None
    until = last if isinstance(last, str) and last != first else None
    return first, until, resolution == DOCUMENT_DATE


def resolve(figure: Figure, sentence: str, anchor: dt.date | None) -> tuple[str, bool] | None:
    """The timeline date of a date figure and whether it was worked out from ``anchor``
    (``sentence``: the text up to and including the figure)."""
    before = sentence[: max(0, sentence.find(figure.text))] if figure.text in sentence else sentence
    resolved, how = resolve_value(figure.value, figure.unit, figure.text, before, anchor)
    got = place(resolved, how, figure.unit)
    return (got[0], got[2]) if got else None


def timeline(analyses: Sequence[Analysis], story_ids: Sequence[int] | None = None) -> list[Event]:
    """Every resolvable date figure of ``analyses`` (in input order), sorted by date.

    A date mentioned twice in one sentence is listed once. With ``story_ids``, a mention
    that another version of the same story already makes (the same words for the date in
    a sentence sharing most of its words) is listed once, from the version that resolves
    it best (a full date over a partial one; then the earlier document).
    """
    events: list[Event] = []
    for doc_index, analysis in enumerate(analyses):
        doc = analysis.document
        starts = [s.start for s in analysis.sentences]
        seen: set[tuple[tuple[int, int], str]] = set()
        for f in analysis.figures:
            if f.kind != "date":
                continue
            i = bisect.bisect_right(starts, f.start) - 1
            if 0 <= i < len(analysis.sentences) and analysis.sentences[i].end >= f.end:
                span = (analysis.sentences[i].start, analysis.sentences[i].end)
            else:
                span = (f.start, f.end)
            if f.resolution is None:  # figures that did not come through analyze()
                # Only the words just before the date decide a weekday's direction: a
                # bounded window keeps this linear even inside a megabyte-long "sentence".
                before = doc.text[max(span[0], f.start - CONTEXT) : f.start]
                f = replace(f, **dict(zip(("resolved", "resolution"), resolve_value(
                    f.value, f.unit, f.text, before, parse_iso(doc.date)))))
            got = place(f.resolved, f.resolution, f.unit)
            if got is None:
                continue
            date, until, resolved = got
            if (span, date) in seen:
                continue  # "began Thursday ... an update Thursday night"
            seen.add((span, date))
            events.append(Event(date, doc_index, f.start, f.end, f.text, span, resolved, until))
    if story_ids is not None:
        events = _once_per_story(analyses, events, story_ids)
    events.sort(key=lambda e: (sort_key(e.date), e.doc, e.start))
    return events


_WORDS = re.compile(r"[^\W_]+")


def _once_per_story(analyses: Sequence[Analysis], events: list[Event], story_ids: Sequence[int]) -> list[Event]:
    def words(e: Event) -> frozenset[str]:
        start, end = max(e.sentence[0], e.start - CONTEXT), min(e.sentence[1], e.end + CONTEXT)
        text = analyses[e.doc].document.text[start:end]
        return frozenset(w.lower() for w in _WORDS.findall(text))

    def quality(e: Event) -> tuple:
        return (e.date.startswith("--"), -len(e.date), e.doc, e.start)

    size = Counter(story_ids)
    kept: list[Event] = []
    by_key: dict[tuple[int, str], dict[int, list[frozenset[str]]]] = {}
    for e in sorted(events, key=quality):
        story = story_ids[e.doc]
        if size[story] < 2:
            kept.append(e)
            continue
        bag = words(e)
        per_doc = by_key.setdefault((story, e.text.lower()), {})
        if any(len(bag & kbag) / max(1, min(len(bag), len(kbag))) >= 0.6
               for doc, bags in per_doc.items() if doc != e.doc for kbag in bags[:COMPARE]):
            continue
        per_doc.setdefault(e.doc, []).append(bag)
        kept.append(e)
    return kept
