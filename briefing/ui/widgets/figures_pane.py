"""The figures view: every figure in the document, with the sentence around it.

Key figures (the core's ``top_figures``) are starred. Enter (or a click) asks the
reader to show the figure in the full text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.core.model import Analysis, Figure
from briefing.render.highlight import highlight
from briefing.ui.widgets.steady import SteadyOptionList

CONTEXT_CHARS = 45
"""Characters of the sentence kept on each side of the figure."""
KEY_FIGURES = 5


class FiguresPane(SteadyOptionList, inherit_bindings=False):
    """The document's figures in text order, each with its sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Next figure", show=False, id="figures.down"),
        Binding("up", "cursor_up", "Previous figure", show=False, id="figures.up"),
        Binding("home", "first", "First figure", show=False, id="figures.first"),
        Binding("end", "last", "Last figure", show=False, id="figures.last"),
        Binding(
            "enter",
            "select",
            "Show in text",
            show=False,
            tooltip="Scroll the full text to this figure",
            id="figures.show",
        ),
    ]

    @dataclass
    class FigureChosen(Message):
        """The reader asked to see a figure in the full text."""

        figures_pane: FiguresPane
        figure: Figure

        @property
        def control(self) -> FiguresPane:
            return self.figures_pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.analysis: Analysis | None = None
        self.shown_figures: tuple[Figure, ...] = ()

    def show_placeholder(self, message: str, style: str = "italic") -> None:
        self.analysis = None
        self.shown_figures = ()
        self.set_options([Option(Text(message, style=style), disabled=True)])

    def show_figures(self, analysis: Analysis, figure_styles: Mapping[str, str]) -> None:
        from briefing.core.keyness import top_figures

        keep = (
            self.highlighted
            if self.analysis is not None and self.analysis.document is analysis.document
            else None
        )
        self.analysis = analysis
        self.shown_figures = analysis.figures
        if not self.shown_figures:
            self.show_placeholder("No figures in this document.")
            return
        key = {id(f) for f in top_figures(analysis, analysis.figures, KEY_FIGURES)}
        starts = [s.start for s in analysis.sentences]
        width = max(len(f.kind) for f in self.shown_figures)
        options: list[Option | None] = []
        for figure in self.shown_figures:
            style = figure_styles.get(figure.kind, "")
            head = Text(no_wrap=True, overflow="ellipsis")
            head.append("★ " if id(figure) in key else "  ", style=style)
            head.append(figure.kind.ljust(width), style=style)
            head.append("  ")
            head.append(figure.text.replace("\n", " "), style=style)
            body = self._figure_context(analysis, figure, starts, figure_styles)
            options.append(Option(Text.assemble(head, "\n", body)))
            options.append(None)
        options.pop()
        self.set_options(options)
        self.highlighted = min(keep or 0, len(self.shown_figures) - 1)

    @staticmethod
    def _figure_context(
        analysis: Analysis, figure: Figure, starts: list[int], styles: Mapping[str, str]
    ) -> Text:
        text = analysis.document.text
        i = bisect_right(starts, figure.start) - 1
        if 0 <= i < len(analysis.sentences) and analysis.sentences[i].end >= figure.end:
            start, end = analysis.sentences[i].start, analysis.sentences[i].end
        else:
            start, end = figure.start, figure.end
        lo = max(start, figure.start - CONTEXT_CHARS)
        hi = min(end, figure.end + CONTEXT_CHARS)
        # Cut at word boundaries so the context reads cleanly.
        if lo > start:
            space = text.find(" ", lo, figure.start)
            lo = space + 1 if space >= 0 else lo
        if hi < end:
            space = text.rfind(" ", figure.end, hi)
            hi = space if space >= 0 else hi
        snippet = highlight(
            text[lo:hi].replace("\n", " "), (figure,), offset=lo, styles=styles, base_style="dim"
        )
        return Text.assemble("  ", "…" if lo > start else "", snippet, "…" if hi < end else "")

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.shown_figures):
            self.post_message(self.FigureChosen(self, self.shown_figures[event.option_index]))
