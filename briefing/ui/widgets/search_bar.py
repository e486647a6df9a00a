"""The search field (``/``): searches the current document as you type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class SearchBar(Horizontal):
    """A one-line search field, hidden until ``/`` is pressed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel search", id="search.cancel"),
    ]

    @dataclass
    class Changed(Message):
        """The query changed (or the search was submitted with Enter)."""

        query: str
        submitted: bool = False

    class Cancelled(Message):
        """The search was abandoned (Escape)."""

    def compose(self) -> ComposeResult:
        yield Label("Search:", id="search-label", markup=False)
        yield Input(
            placeholder="words in this document (Enter to keep, Esc to clear)", id="search-input"
        )

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    def open(self, query: str = "") -> None:
        self.display = True
        self.input.value = query
        self.input.cursor_position = len(query)
        self.input.focus()

    def close(self) -> None:
        self.display = False

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Changed(event.value, submitted=True))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
