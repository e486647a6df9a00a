"""A one-line key to the colours: each figure kind in its colour, and the summary mark."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import events
from textual.widgets import Static

from briefing.render.highlight import legend


class LegendBar(Static):
    """Figure kinds in their colours, then a sample of the summary mark."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.figure_styles: dict[str, str] = {}
        self.mark_style = ""

    def apply_theme_styles(self, figure_styles: Mapping[str, str], mark_style: str) -> None:
        self.figure_styles = dict(figure_styles)
        self.mark_style = mark_style
        self._render_legend()

    def on_resize(self, event: events.Resize) -> None:
        self._render_legend()

    def _render_legend(self) -> None:
        kinds = legend(self.figure_styles)
        full = Text.assemble(
            ("Figures: ", "dim"), kinds, "   ", (" summary sentence ", self.mark_style)
        )
        if full.cell_len <= self.content_size.width or not self.content_size.width:
            self.update(full)
        else:
            self.update(Text.assemble(kinds, "  ", (" summary ", self.mark_style)))
