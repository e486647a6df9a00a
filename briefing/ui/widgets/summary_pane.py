"""The summary of the selected document: one option per summary sentence.

Enter (or a click) on a sentence asks the reader to show it in the full text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.core.model import Analysis
from briefing.render.highlight import highlight
from briefing.ui.widgets.steady import SteadyOptionList


class SummaryPane(SteadyOptionList, inherit_bindings=False):
    """The summary sentences, figures highlighted; each links to its place in the text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Next sentence", show=False, id="summary.down"),
        Binding("up", "cursor_up", "Previous sentence", show=False, id="summary.up"),
        Binding("home", "first", "First sentence", show=False, id="summary.first"),
        Binding("end", "last", "Last sentence", show=False, id="summary.last"),
        Binding(
            "enter",
            "select",
            "Show in text",
            show=False,
            tooltip="Scroll the full text to this sentence",
            id="summary.show",
        ),
    ]

    class SentenceChosen(Message):
        """The reader asked to see a summary sentence in the full text."""

        def __init__(self, summary_pane: SummaryPane, start: int, end: int) -> None:
            self.summary_pane = summary_pane
            self.start = start
            self.end = end
            super().__init__()

        @property
        def control(self) -> SummaryPane:
            return self.summary_pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.analysis: Analysis | None = None
        self._spans: list[tuple[int, int]] = []

    def show_placeholder(self, message: str, style: str = "italic") -> None:
        """A one-line message instead of sentences (summarizing…, an error)."""
        self.analysis = None
        self._spans = []
        self.set_options([Option(Text(message, style=style), disabled=True)])

    def show_summary(self, analysis: Analysis, figure_styles: Mapping[str, str]) -> None:
        keep = (
            self.highlighted
            if self.analysis is not None and self.analysis.document is analysis.document
            else None
        )
        self.analysis = analysis
        doc = analysis.document
        self._spans = []
        options: list[Option | None] = []
        for sentence in analysis.summary_sentences:
            text = doc.text[sentence.start : sentence.end].replace("\n", " ")
            options.append(
                Option(
                    highlight(text, analysis.figures, offset=sentence.start, styles=figure_styles)
                )
            )
            options.append(None)
            self._spans.append((sentence.start, sentence.end))
        if options:
            options.pop()  # no rule after the last sentence
            self.set_options(options)
            self.highlighted = min(keep or 0, len(self._spans) - 1)
        else:
            self.show_placeholder("Nothing to summarize: the document has no body sentences.")

    @property
    def sentence_spans(self) -> list[tuple[int, int]]:
        """Document offsets of the summary sentences, in order."""
        return list(self._spans)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._spans):
            start, end = self._spans[event.option_index]
            self.post_message(self.SentenceChosen(self, start, end))
