"""Messages that workers post back to the reader screen.

Workers run in threads and never touch widgets; they post one of these and the screen
applies it on the UI thread. Each carries the entry index (and the settings, for
analyses) so that a late result for a document the reader has since left is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from briefing.core.model import Analysis, Document, LoadError, Settings
from briefing.ui.catalog import Entry


@dataclass
class EntriesFound(Message):
    """Discovery found more files (in list order)."""

    entries: list[Entry]
    done: bool = False
    """No more files will be found."""


@dataclass
class EntriesDescribed(Message):
    """Files were read: their list entries now have titles, dates and sizes."""

    entries: list[tuple[int, Entry]]
    done: bool = False
    """Every file has been read."""


@dataclass
class DocumentLoaded(Message):
    """A document asked for by the reader has been read."""

    index: int
    document: Document | LoadError
    entry: Entry
    """The list entry, described by what reading found."""


@dataclass
class AnalysisReady(Message):
    """A document's summary and figures are ready."""

    index: int
    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    """The core could not analyse a document; ``reason`` is one line."""

    index: int
    settings: Settings
    reason: str


@dataclass
class StoriesFound(Message):
    """Documents that tell the same story: one story id per list entry."""

    ids: list[int]
