"""The document list: one fixed-height entry per file, drawn line by line.

Entries have a fixed height, so the list costs the same with five files or ten
thousand: only the rows on screen are rendered, and adding or describing an entry never
re-measures the others (Textual's OptionList does, which is too slow at that size).

Documents that tell the same story (``set_stories``) show as one row, the first of them,
marked "N versions"; right arrow expands the group (its other versions follow, indented)
and left arrow folds it again. ``cursor`` counts visible rows; messages carry the index
of the entry (``entries``), which is what the rest of the app uses.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from briefing.render.safe import printable
from briefing.ui.catalog import Entry
from briefing.ui.widgets.lines import LineView

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


class DocumentList(LineView, can_focus=True, inherit_bindings=False):
    """The briefing's documents; the highlighted one drives the other panes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Next document", show=False, id="list.down"),
        Binding("up", "cursor_up", "Previous document", show=False, id="list.up"),
        Binding("home", "first", "First document", show=False, id="list.first"),
        Binding("end", "last", "Last document", show=False, id="list.last"),
        Binding("right", "expand", "Show versions", show=False,
                tooltip="Show every version of a story told by several documents", id="list.expand"),
        Binding("left", "collapse", "Hide versions", show=False,
                tooltip="Fold a story's versions back into one entry", id="list.collapse"),
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

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)
    """The highlighted row (watch_cursor repaints just the two rows that change)."""

    class Highlighted(Message):
        """The highlighted document changed."""

        def __init__(self, document_list: DocumentList, index: int) -> None:
            self.document_list = document_list
            self.index = index
            super().__init__()

        @property
        def control(self) -> DocumentList:
            return self.document_list

    class Opened(Message):
        """Enter or a double click on a document: the reader wants to read it."""

        def __init__(self, document_list: DocumentList, index: int) -> None:
            self.document_list = document_list
            self.index = index
            super().__init__()

        @property
        def control(self) -> DocumentList:
            return self.document_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entries: list[Entry] = []
        self.done = False
        """Discovery has finished (an empty list now means an empty briefing)."""
        self._strips: dict[tuple[int, bool, int], list[Strip]] = {}
        self.rows: list[int] = []
        """The entry shown on each visible row."""
        self.versions: dict[int, list[int]] = {}
        """For a story told by several documents: its first entry -> all its entries."""
        self.head: dict[int, int] = {}
        """Each entry of such a story -> the story's first entry."""
        self.expanded: set[int] = set()

    # --- data -------------------------------------------------------------------------

    def add_entries(self, entries: Iterable[Entry]) -> None:
        first = not self.entries
        start = len(self.entries)
        self.entries.extend(entries)
        self.rows.extend(range(start, len(self.entries)))
        self._update_virtual_size()
        self.refresh()
        if first and self.entries:
            self.cursor = 0

    def set_entry(self, index: int, entry: Entry) -> None:
        if 0 <= index < len(self.entries):
            self.entries[index] = entry
            row = self.row_of(index)
            if row is not None:
                self._forget(row)
                self.refresh_entry(row)

    def set_stories(self, ids: list[int]) -> None:
        """Group entries by story id (one per entry); the highlighted entry stays highlighted."""
        current = self.current_index
        members: dict[int, list[int]] = {}
        for index, story in enumerate(ids[: len(self.entries)]):
            members.setdefault(story, []).append(index)
        self.versions = {group[0]: group for group in members.values() if len(group) > 1}
        self.head = {i: first for first, group in self.versions.items() for i in group}
        self.expanded &= set(self.versions)
        self._rebuild(current)

    def _rebuild(self, keep: int | None) -> None:
        before = self.current_index
        rows = []
        for index in range(len(self.entries)):
            first = self.head.get(index, index)
            if first == index or first in self.expanded:
                rows.append(index)
        self.rows = rows
        self._strips.clear()
        self._update_virtual_size()
        self.refresh()
        if keep is not None:
            row = self.row_of(keep)
            if row is None:
                row = self.row_of(self.head.get(keep, keep)) or 0
            self.set_reactive(DocumentList.cursor, row)
            self.scroll_to_entry(row)
            if self.rows[row] != before:
                self.post_message(self.Highlighted(self, self.rows[row]))

    def row_of(self, index: int) -> int | None:
        """The visible row showing entry ``index`` (None when folded away)."""
        first = self.head.get(index, index)
        if first != index and first not in self.expanded:
            return None
        if len(self.rows) == len(self.entries):
            return index
        row = bisect_left(self.rows, index)
        return row if row < len(self.rows) and self.rows[row] == index else None

    def select_entry(self, index: int) -> None:
        """Highlight entry ``index``, unfolding its story if it is folded away."""
        if not 0 <= index < len(self.entries):
            return
        first = self.head.get(index, index)
        if first != index and first not in self.expanded:
            self.expanded.add(first)
            self._rebuild(self.current_index)
        row = self.row_of(index)
        if row is not None:
            self.cursor = row

    @property
    def current_index(self) -> int | None:
        """The highlighted entry's index in ``entries``."""
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor]
        return None

    def finish(self) -> None:
        self.done = True
        self.refresh()

    @property
    def current(self) -> Entry | None:
        index = self.current_index
        return None if index is None else self.entries[index]

    # --- movement ---------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        if not self.rows:
            return 0
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._forget(old)
        self._forget(new)
        self.refresh_entry(old)
        self.refresh_entry(new)
        self.scroll_to_entry(new)
        if self.rows:
            self.post_message(self.Highlighted(self, self.rows[new]))

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
        self.cursor = len(self.rows) - 1

    def action_expand(self) -> None:
        index = self.current_index
        if index is not None and index in self.versions and index not in self.expanded:
            self.expanded.add(index)
            self._rebuild(index)

    def action_collapse(self) -> None:
        index = self.current_index
        if index is None or index not in self.head:
            return
        first = self.head[index]
        if first in self.expanded:
            self.expanded.discard(first)
            self._rebuild(first)

    def action_open(self) -> None:
        if self.rows:
            self.post_message(self.Opened(self, self.rows[self.cursor]))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + round(self.scroll_y)) // ENTRY_HEIGHT
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_open()

    # --- rendering --------------------------------------------------------------------

    def _update_virtual_size(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, max(0, len(self.rows) * ENTRY_HEIGHT - 1))

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
        width, base = self.line_context()
        line = y + round(self.scroll_y)
        index, row = divmod(line, ENTRY_HEIGHT)
        if not self.entries:
            return self._empty_line(y, width, base)
        if index >= len(self.rows) or row == ENTRY_HEIGHT - 1:
            return Strip.blank(width, base)
        selected = index == self.cursor
        key = (index, selected, width)
        strips = self._strips.get(key)
        if strips is None:
            if len(self._strips) > 512:
                self._strips.clear()
            strips = self._render_entry(self.rows[index], selected, width, base)
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

    def _render_entry(self, index: int, selected: bool, width: int, base: Style) -> list[Strip]:
        entry = self.entries[index]
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
        group = self.versions.get(index)
        if group is not None:
            sign = "▾" if index in self.expanded else "▸"
            line = Text(f"{sign} {len(group)} versions", style=meta + Style(bold=True))
            if rows[-1].plain:
                line.append_text(Text(" · ", style=meta))
                line.append_text(rows[-1])
            rows[-1] = line
        indent = Text("  ↳ " if self.head.get(index, index) != index else "")
        strips = []
        for n, row in enumerate(rows):
            text = Text(style=base, no_wrap=True, end="")
            text.append_text(marker)
            text.append_text(indent if n == 0 else Text(" " * len(indent)))
            text.append_text(row)
            strips.append(self._strip(text, width))
        return strips

    def _strip(self, text: Text, width: int) -> Strip:
        """One line, cut with an ellipsis or padded to exactly ``width`` cells."""
        text.no_wrap = True
        text.end = ""
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(text.render(self.app.console)), width)
