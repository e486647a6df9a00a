"""Command palette (Ctrl+P) providers: open a document by title; reader actions.

Titles and file names are data: prompts are built as ``rich.text.Text`` (the palette
parses plain strings as markup) and help lines are escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

if TYPE_CHECKING:
    from briefing.ui.app import BriefingApp

DISCOVERY_LIMIT = 30
"""Documents listed before anything is typed."""


def _highlighted(title: str, offsets: object, style: object) -> Text:
    text = Text(title)
    rich_style = getattr(style, "rich_style", None)
    if rich_style is not None:
        for offset in offsets or ():  # type: ignore[attr-defined]
            text.stylize(rich_style, offset, offset + 1)
    return text


class DocumentCommands(Provider):
    """Open a document by its title (or file name)."""

    def _documents(self) -> Iterator[tuple[int, str, str]]:
        app: BriefingApp = self.app  # type: ignore[assignment]
        for index, entry in enumerate(app.reader.documents.entries):
            help_text = " · ".join(p for p in (entry.date, entry.name) if p)
            yield index, entry.label, help_text

    def _open(self, index: int) -> None:
        app: BriefingApp = self.app  # type: ignore[assignment]
        app.reader.documents.select_entry(index)

    async def discover(self) -> Hits:
        for index, title, help_text in self._documents():
            if index >= DISCOVERY_LIMIT:
                break
            yield DiscoveryHit(
                Text(title), partial(self._open, index), text=title, help=escape(help_text)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for index, title, help_text in self._documents():
            score, offsets = matcher.fuzzy_search.match(query, title)
            if score > 0:
                yield Hit(
                    score,
                    _highlighted(title, offsets, matcher.match_style),
                    partial(self._open, index),
                    text=title,
                    help=escape("Open · " + help_text),
                )


class ReaderCommands(Provider):
    """Switch algorithm or theme, copy or export the summary, and the reader's toggles."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        from briefing.core.summarize import get, names

        app: BriefingApp = self.app  # type: ignore[assignment]
        reader = app.reader
        yield (
            "Briefing overview",
            reader.action_overview,
            "One digest of every document, each story once, and a timeline of the dates",
        )
        yield (
            "Copy summary",
            reader.action_copy_summary,
            "Copy the current summary to the clipboard",
        )
        yield (
            "Export summary as Markdown…",
            reader.action_export_summary,
            "Write it to a Markdown file (in the current folder unless you type a path)",
        )
        yield (
            "Summary length: automatic",
            reader.set_automatic_length,
            "Let the length follow the document",
        )
        yield (
            "Toggle figures view",
            reader.action_toggle_figures,
            "Show the figures instead of the summary",
        )
        yield ("Search this document", reader.action_search, "Find words in the full text")
        for name in names():
            yield (f"Algorithm: {name}", partial(reader.set_algorithm, name), get(name).description)
        for name in app.theme_names():
            yield (f"Theme: {name}", partial(app.set_theme, name), "Switch the colour theme")

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(Text(title), callback, text=title, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score, offsets = matcher.fuzzy_search.match(query, title)
            if score > 0:
                yield Hit(
                    score,
                    _highlighted(title, offsets, matcher.match_style),
                    callback,
                    text=title,
                    help=escape(help_text),
                )
