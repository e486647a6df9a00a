"""A timeline of the briefing: every date figure resolved to a calendar date where the text allows.

Resolution rules (no guessing past what the text and the document's own date say):

* A full date ("October 1, 2023", "2020-03-20") or a month of a year ("May 2021") or a
  year ("2017") is taken as written. A range ("2020-2025") is placed at its start.
* A day and month without a year ("April 27") takes the year that puts it nearest to the
  document's date (within half a year either way); without a document date it stays
  partial, ``--04-27``, and is shown as "year unknown".
* A month alone ("in April") becomes that month of the nearest year when the document has
  a date, and is left out otherwise (a month with no year is no point on a calendar).
* A weekday ("Friday") needs the document's date: it is the nearest such day on or before
  that date, or on or after it when the sentence speaks of the future ("will", "expected
  to", "next", ...). Without a document date it is left out.
* Decades and centuries are left out: they are periods, not dates.

Sorted by date (partial dates by their first day: "2021-05" as 2021-05-01, "2021" as
2021-01-01), dates without a year last in month order, then by input order and position.
"""

from __future__ import annotations

import bisect
from collections import Counter
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.core.dates import WEEKDAYS, iso_date
from briefing.core.model import Analysis, Figure

_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|going\s+to|expected\s+to|due\s+to|set\s+to|scheduled|plans?\s+to|"
    r"planned|aims?\s+to|to\s+(?:resume|begin|start|meet|vote|hold|decide|open|return|announce)|"
    r"next|coming|upcoming|until|deadline|by)\b",
    re.I,
)
COMPARE = 64
"""Mentions of one date in one version compared against (bounds a log's thousand repeats)."""
CONTEXT = 300
"""Characters around a date that are read to resolve it or to compare two mentions."""
_PAST = re.compile(r"\b(?:last|earlier|ago|previous)\b", re.I)


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
    """True when the date was worked out from the document's date (a weekday, no year)."""


def sort_key(date: str) -> tuple[int, str]:
    """Dated first, by their first day; then ``--MM-DD`` in month order."""
    if date.startswith("--"):
        return (1, date[2:])
    if len(date) == 4:
        return (0, date + "-01-01")
    if len(date) == 7:
        return (0, date + "-01")
    return (0, date)


def _parse(date: str | None) -> dt.date | None:
    if not date or len(date) != 10 or date.startswith("--"):
        return None
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, anchor: dt.date) -> str | None:
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        iso = iso_date(year, month, day)
        if iso is None:
            continue
        gap = abs((dt.date.fromisoformat(iso) - anchor).days)
        if best is None or gap < best[0]:
            best = (gap, iso)
    return best[1] if best else None


def resolve(figure: Figure, sentence: str, anchor: dt.date | None) -> tuple[str, bool] | None:
    """The calendar date of a date figure and whether it was worked out from ``anchor``."""
    value = figure.value
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    if figure.unit in ("decade", "century"):
        return None
    if figure.unit == "weekday":
        if anchor is None or value not in WEEKDAYS:
            return None
        target = WEEKDAYS.index(value)
        before = sentence[: max(0, sentence.find(figure.text))] if figure.text in sentence else sentence
        future = bool(_FUTURE.search(before)) and not _PAST.search(before[-20:])
        if future:
            delta = (target - anchor.weekday()) % 7
        else:
            delta = -((anchor.weekday() - target) % 7)
        return (anchor + dt.timedelta(days=delta)).isoformat(), True
    if re.fullmatch(r"--\d\d-\d\d", value):
        if anchor is None:
            return value, False
        month, day = int(value[2:4]), int(value[5:7])
        iso = _nearest_year(month, day, anchor)
        return (iso, True) if iso else (value, False)
    if re.fullmatch(r"--\d\d", value):
        if anchor is None:
            return None
        iso = _nearest_year(int(value[2:4]), 1, anchor)
        return (iso[:7], True) if iso else None
    if re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", value):
        return value, False
    return None


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
        anchor = _parse(doc.date)
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
            # Only the words just before the date decide a weekday's direction: a bounded
            # window keeps this linear even inside a megabyte-long "sentence".
            got = resolve(f, doc.text[max(span[0], f.start - CONTEXT) : f.end], anchor)
            if got is None:
                continue
            date, resolved = got
            if (span, date) in seen:
                continue  # "began Thursday ... an update Thursday night"
            seen.add((span, date))
            events.append(Event(date, doc_index, f.start, f.end, f.text, span, resolved))
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
