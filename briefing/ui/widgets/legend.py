"""A one-line key to the colours: each figure kind in its colour, and the summary mark."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import Static

from briefing.render.highlight import legend


class LegendBar(Static):
    """Figure kinds in their colours, then a sample of the summary mark."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)

    def set_styles(self, figure_styles: Mapping[str, str], mark_style: str) -> None:
        text = Text("figures: ", style="dim")
        text.append_text(legend(figure_styles))
        text.append("   ")
        text.append(" summary sentence ", style=mark_style)
        self.update(text)
