"""The document list: one fixed-height entry per file, drawn line by line.

Entries have a fixed height, so the list costs the same with five files or ten
thousand: only the rows on screen are rendered, and adding or describing an entry never
re-measures the others (Textual's OptionList does, which is too slow at that size).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.render.safe import printable
from briefing.ui.catalog import Entry

ENTRY_HEIGHT = 4
"""Three lines of text and a blank line between entries."""


def format_words(words: int) -> str:
    if words < 1000:
        return f"{words} words"
    if words < 10_000:
        return f"{words / 1000:.1f}k words"
    return f"{words // 1000}k words"


def format_figures(count: int) -> str:
    return "1 figure" if count == 1 else f"{count} figures"


class DocumentList(ScrollView, can_focus=True, inherit_bindings=False):
    """The briefing's documents; the highlighted one drives the other panes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Next document", show=False, id="list.down"),
        Binding("up", "cursor_up", "Previous document", show=False, id="list.up"),
        Binding("home", "first", "First document", show=False, id="list.first"),
        Binding("end", "last", "Last document", show=False, id="list.last"),
        Binding(
            "enter",
            "open",
            "Read",
            show=False,
            tooltip="Move to the document's summary",
            id="list.open",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document-list--cursor",
        "document-list--meta",
        "document-list--pending",
        "document-list--error",
        "document-list--marker",
    }

    DEFAULT_CSS = """
    DocumentList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class Highlighted(Message):
        """The highlighted document changed."""

        document_list: DocumentList
        index: int

        @property
        def control(self) -> DocumentList:
            return self.document_list

    @dataclass
    class Opened(Message):
        """Enter or a double click on a document: the reader wants to read it."""

        document_list: DocumentList
        index: int

        @property
        def control(self) -> DocumentList:
            return self.document_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entries: list[Entry] = []
        self.done = False
        """Discovery has finished (an empty list now means an empty briefing)."""
        self._strips: dict[tuple[int, bool, int], list[Strip]] = {}

    # --- data -------------------------------------------------------------------------

    def add_entries(self, entries: Iterable[Entry]) -> None:
        first = not self.entries
        self.entries.extend(entries)
        self._update_virtual_size()
        self.refresh()
        if first and self.entries:
            self.cursor = 0

    def set_entry(self, index: int, entry: Entry) -> None:
        if 0 <= index < len(self.entries):
            self.entries[index] = entry
            self._forget(index)
            self.refresh_entry(index)

    def finish(self) -> None:
        self.done = True
        self.refresh()

    @property
    def current(self) -> Entry | None:
        if 0 <= self.cursor < len(self.entries):
            return self.entries[self.cursor]
        return None

    # --- movement ---------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        if not self.entries:
            return 0
        return max(0, min(value, len(self.entries) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._forget(old)
        self._forget(new)
        self.refresh_entry(old)
        self.refresh_entry(new)
        self.scroll_to_entry(new)
        if self.entries:
            self.post_message(self.Highlighted(self, new))

    def scroll_to_entry(self, index: int) -> None:
        region = Region(0, index * ENTRY_HEIGHT, max(1, self.size.width), ENTRY_HEIGHT - 1)
        self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.entries) - 1

    def action_open(self) -> None:
        if self.entries:
            self.post_message(self.Opened(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + round(self.scroll_y)) // ENTRY_HEIGHT
        if 0 <= index < len(self.entries):
            self.cursor = index
            if event.chain >= 2:
                self.action_open()

    # --- rendering --------------------------------------------------------------------

    def _update_virtual_size(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, max(0, len(self.entries) * ENTRY_HEIGHT - 1))

    def _forget(self, index: int) -> None:
        for key in [k for k in self._strips if k[0] == index]:
            del self._strips[key]

    def refresh_entry(self, index: int) -> None:
        top = index * ENTRY_HEIGHT - round(self.scroll_y)
        if top + ENTRY_HEIGHT > 0 and top < self.size.height:
            self.refresh(Region(0, max(0, top), self.size.width, ENTRY_HEIGHT))

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self._update_virtual_size()

    def on_focus(self, event: events.Focus) -> None:
        self._forget(self.cursor)
        self.refresh_entry(self.cursor)

    def on_blur(self, event: events.Blur) -> None:
        self._forget(self.cursor)
        self.refresh_entry(self.cursor)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + round(self.scroll_y)
        index, row = divmod(line, ENTRY_HEIGHT)
        base = self.rich_style
        if not self.entries:
            return self._empty_line(y, width, base)
        if index >= len(self.entries) or row == ENTRY_HEIGHT - 1:
            return Strip.blank(width, base)
        selected = index == self.cursor
        key = (index, selected, width)
        strips = self._strips.get(key)
        if strips is None:
            if len(self._strips) > 512:
                self._strips.clear()
            strips = self._render_entry(self.entries[index], selected, width, base)
            self._strips[key] = strips
        return strips[row]

    def _empty_line(self, y: int, width: int, base: Style) -> Strip:
        lines = ["No documents found."] if self.done else ["Looking for documents…"]
        if y < len(lines):
            text = Text(
                " " + lines[y], style=base + self.get_component_rich_style("document-list--pending")
            )
            return self._strip(text, width)
        return Strip.blank(width, base)

    def _render_entry(self, entry: Entry, selected: bool, width: int, base: Style) -> list[Strip]:
        if selected:
            base = base + self.get_component_rich_style("document-list--cursor")
        meta = self.get_component_rich_style("document-list--meta")
        pending = self.get_component_rich_style("document-list--pending")
        error = self.get_component_rich_style("document-list--error")
        marker = Text(" ")
        if selected:
            marker = Text("▌", style=self.get_component_rich_style("document-list--marker"))
        rows: list[Text] = []
        if entry.error is not None:
            rows.append(Text.assemble("⚠ ", entry.name, style=error))
            rows.append(Text(printable(entry.error), style=error))
            rows.append(Text(""))
        elif entry.title is None:
            rows.append(Text(entry.name, style=pending))
            rows.append(Text("reading…", style=pending))
            rows.append(Text(""))
        else:
            rows.append(Text(printable(entry.title), style="bold"))
            rows.append(Text(" · ".join(p for p in (entry.date, entry.name) if p), style=meta))
            sizes = []
            if entry.words is not None:
                sizes.append(format_words(entry.words))
            if entry.figures is not None:
                sizes.append(format_figures(entry.figures))
            rows.append(Text(" · ".join(sizes), style=meta))
        strips = []
        for row in rows:
            text = Text(style=base, no_wrap=True, end="")
            text.append_text(marker)
            text.append_text(row)
            strips.append(self._strip(text, width))
        return strips

    def _strip(self, text: Text, width: int) -> Strip:
        """One line, cut with an ellipsis or padded to exactly ``width`` cells."""
        text.no_wrap = True
        text.end = ""
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(text.render(self.app.console)), width)
