"""The briefing as a whole: stories, one digest and a timeline over analysed documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.core.digest import Pick, digest, story_order
from briefing.core.model import Analysis
from briefing.core.stories import Stories, group
from briefing.core.timeline import Event, timeline


@dataclass(frozen=True, slots=True)
class Overview:
    analyses: tuple[Analysis, ...]
    """The documents, in input order; every index below refers to this tuple."""
    stories: Stories
    digest: tuple[Pick, ...]
    """The digest's sentences in reading order."""
    timeline: tuple[Event, ...]
    order: tuple[int, ...]
    """Story ids in reading order (by date, then importance)."""

    def story_documents(self, story: int) -> list[int]:
        return [i for i, s in enumerate(self.stories.ids) if s == story]


def overview(analyses: Sequence[Analysis], count: int | None = None, words: int | None = None) -> Overview:
    analyses = tuple(analyses)
    stories = group([a.document.text for a in analyses])
    return Overview(
        analyses=analyses,
        stories=stories,
        digest=tuple(digest(analyses, stories, count=count, words=words)),
        timeline=tuple(timeline(analyses, stories.ids)),
        order=tuple(story_order(analyses, stories)),
    )
