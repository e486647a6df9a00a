"""The help screen (``?``): every key binding, generated from the bindings themselves.

Keys that work everywhere come from the reader screen's ``active_bindings`` (the live
map Textual dispatches on, app and screen bindings included). Each pane declares its
complete binding list itself (none of them inherit Textual's defaults), so its section
is read from that declaration whether or not the pane has focus. Nothing here is a
hand-kept list of keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.resources import stylesheet

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.widget import Widget


@dataclass
class HelpSection:
    title: str
    rows: list[tuple[str, str]]
    """(keys, what they do)"""


def _describe(binding: Binding) -> str:
    """The description, completed by the tooltip (or replaced when the tooltip says more)."""
    text = binding.description or binding.action.rpartition(".")[2].replace("_", " ")
    tooltip = binding.tooltip.strip()
    if tooltip and tooltip.lower() != text.lower():
        if text.lower() in tooltip.lower():
            text = tooltip
        else:
            text = f"{text}: {tooltip[0].lower()}{tooltip[1:]}"
    return text[:1].upper() + text[1:]


def _rows(app: App[object], bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """Group keys that run the same action, keeping declaration order."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        if binding.system:
            continue
        key = app.get_key_display(binding)
        grouped.setdefault((binding.action, _describe(binding)), [])
        if key not in grouped[(binding.action, _describe(binding))]:
            grouped[(binding.action, _describe(binding))].append(key)
    return [(" ".join(keys), description) for (_, description), keys in grouped.items()]


def help_sections(
    screen: Screen[object], panes: Iterable[tuple[str, type[Widget]]]
) -> list[HelpSection]:
    """The bindings of ``screen`` and the app, then of each pane class, from the live bindings."""
    app = screen.app
    active = screen.active_bindings.values()
    shared = [ab.binding for ab in active if ab.node is screen or ab.node is app]
    priority = {b.key for b in shared if b.priority}
    sections = [HelpSection("Everywhere", _rows(app, shared))]
    for title, pane in panes:
        declared = [b for b in Binding.make_bindings(pane.BINDINGS) if b.key not in priority]
        if declared:
            sections.append(HelpSection(title, _rows(app, declared)))
    return sections


MOUSE_NOTES = (
    "Click a document to open it, a summary sentence or a figure to show it in the text; "
    "scroll any pane with the wheel; click a key in the footer to run it."
)


class HelpScreen(ModalScreen[None]):
    """Lists every key binding; any of Escape, q or ? closes it."""

    CSS_PATH = stylesheet("dialogs.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
    ]

    def __init__(self, sections: list[HelpSection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            with VerticalScroll(id="help-body"):
                yield Static(self._table(), id="help-table", markup=False)
            yield Static(
                Text("Esc, q or ? closes this screen", style="dim"), id="help-footer", markup=False
            )

    def on_mount(self) -> None:
        dialog = self.query_one("#help-dialog")
        dialog.border_title = "Keys"

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", no_wrap=True, style="bold")
        table.add_column()
        for i, section in enumerate(self.sections):
            if i:
                table.add_row("", "")
            table.add_row("", Text(section.title, style="bold underline"))
            for keys, description in section.rows:
                table.add_row(Text(keys), Text(description))
        table.add_row("", "")
        table.add_row("", Text("Mouse", style="bold underline"))
        table.add_row("", Text(MOUSE_NOTES))
        return table

    @property
    def text(self) -> str:
        """The help as plain text (for tests)."""
        lines = []
        for section in self.sections:
            lines.append(section.title)
            lines.extend(f"{keys}  {description}" for keys, description in section.rows)
        return "\n".join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
