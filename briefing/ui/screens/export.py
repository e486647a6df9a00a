"""Asks where to save the summary as Markdown (default: a new file in the working directory).

The file is written by the ``write`` callable the reader passes in; a failure (the file
exists, the folder is missing) is shown in the dialog, which stays open for another try.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefing.resources import stylesheet


class ExportScreen(ModalScreen["Path | None"]):
    """A path prompt; dismisses with the written file's path, or None if cancelled."""

    CSS_PATH = stylesheet("dialogs.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(self, default: str, write: Callable[[str], Path]) -> None:
        super().__init__()
        self.default = default
        self.write = write

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(
                Text("Save the summary as Markdown to (relative to the current folder):"),
                id="export-prompt",
                markup=False,
            )
            yield Input(value=self.default, id="export-path")
            yield Static("", id="export-error", markup=False)
            yield Static(Text("Enter saves · Esc cancels", style="dim"), markup=False)

    def on_mount(self) -> None:
        self.query_one("#export-dialog").border_title = "Export summary"
        self.query_one("#export-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            path = self.write(event.value)
        except (OSError, ValueError) as exc:
            self.query_one("#export-error", Static).update(Text(str(exc), style="bold"))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
