"""Messages that workers post back to the reader screen.

Workers run in threads and never touch widgets; they post one of these and the screen
applies it on the UI thread. Each carries the entry index (and the settings, for
analyses) so that a late result for a document the reader has since left is ignored.

Plain classes rather than dataclasses: these are imported on the way to the first
frame, and each dataclass costs about half a millisecond to create (its methods are
generated and compiled at import).
"""

from __future__ import annotations

from textual.message import Message

from briefing.core.model import Analysis, Document, LoadError, Settings
from briefing.ui.catalog import Entry


class EntriesFound(Message):
    """Discovery found more files (in list order)."""

    def __init__(self, entries: list[Entry], done: bool = False) -> None:
        self.entries = entries
        self.done = done
        """No more files will be found."""
        super().__init__()


class EntriesDescribed(Message):
    """Files were read: their list entries now have titles, dates and sizes."""

    def __init__(self, entries: list[tuple[int, Entry]], done: bool = False) -> None:
        self.entries = entries
        self.done = done
        """Every file has been read."""
        super().__init__()


class DocumentLoaded(Message):
    """A document asked for by the reader has been read."""

    def __init__(self, index: int, document: Document | LoadError, entry: Entry) -> None:
        self.index = index
        self.document = document
        self.entry = entry
        """The list entry, described by what reading found."""
        super().__init__()


class AnalysisReady(Message):
    """A document's summary and figures are ready."""

    def __init__(self, index: int, analysis: Analysis) -> None:
        self.index = index
        self.analysis = analysis
        super().__init__()


class AnalysisFailed(Message):
    """The core could not analyse a document; ``reason`` is one line."""

    def __init__(self, index: int, settings: Settings, reason: str) -> None:
        self.index = index
        self.settings = settings
        self.reason = reason
        super().__init__()


class StoriesFound(Message):
    """Documents that tell the same story: one story id per list entry."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids
        super().__init__()
