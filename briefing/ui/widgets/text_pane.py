"""The full text of the selected document, with summary marks, figures and search matches.

The pane wraps the text itself (see :mod:`briefing.ui.wrap`), so it always knows which
screen line holds a character: that is what lets a summary sentence, a figure or a
search match scroll into view and flash. The text is data: it is never parsed as
markup, only styled by offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.strip import Strip
from textual.timer import Timer

from briefing.core.model import Analysis, Document
from briefing.ui.widgets.lines import LineView
from briefing.ui.wrap import wrap_spans

FLASH_SECONDS = 1.2
CONTEXT_LINES = 2
"""Lines kept visible above a sentence or match that is scrolled to."""

_ROLE_STYLES = {"heading": "bold", "caption": "italic dim", "byline": "italic dim"}


class TextPane(LineView, can_focus=True, inherit_bindings=False):
    """The selected document's full text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "scroll_down", "Scroll down", show=False, id="text.down"),
        Binding("up", "scroll_up", "Scroll up", show=False, id="text.up"),
        Binding("home", "scroll_home", "Top of text", show=False, id="text.top"),
        Binding("end", "scroll_end", "End of text", show=False, id="text.end"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "text-pane--match",
        "text-pane--current-match",
        "text-pane--flash",
        "text-pane--message",
    }

    DEFAULT_CSS = """
    TextPane {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.document: Document | None = None
        self.analysis: Analysis | None = None
        self.message: Text | None = None
        self.figure_styles: Mapping[str, str] = {}
        self.mark_style: str = ""
        self.matches: list[tuple[int, int]] = []
        self.current_match: int | None = None
        self.flash_span: tuple[int, int] | None = None
        """The sentence or figure that was just jumped to, while it flashes."""
        self._source = ""
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._wrap_width = 0
        self._line_spans: list[list[Span]] | None = None
        self._strips: dict[int, Strip] = {}
        self._style_cache: dict[tuple[Style, tuple[str | Style, ...]], Style] = {}
        self._flash_timer: Timer | None = None

    # --- content ----------------------------------------------------------------------

    def show_document(self, document: Document) -> None:
        """Show a document's text at once (marks and figures come with its analysis)."""
        same = self.document is document
        self.document = document
        self.analysis = None
        self.message = None
        self._source = document.text.replace("\t", " ")
        self._end_flash()
        self._rewrap(keep_position=same)
        if not same:
            self.scroll_to(y=0, animate=False, immediate=True)

    def show_analysis(self, analysis: Analysis) -> None:
        """Mark the summary sentences and highlight the figures."""
        if analysis.document is not self.document and (
            self.document is None or analysis.document != self.document
        ):
            return
        self.analysis = analysis
        self._restyle()

    def show_message(self, message: Text) -> None:
        """Replace the text with a message (loading, an error, an empty briefing)."""
        self.document = None
        self.analysis = None
        self.message = message
        self.matches = []
        self.current_match = None
        self._source = message.plain
        self._end_flash()
        self._rewrap(keep_position=False)
        self.scroll_to(y=0, animate=False, immediate=True)

    def apply_theme_styles(self, figure_styles: Mapping[str, str], mark_style: str) -> None:
        """Use a theme's figure colours and summary mark."""
        self.figure_styles = dict(figure_styles)
        self.mark_style = mark_style
        self._restyle()

    def set_matches(self, matches: Sequence[tuple[int, int]], current: int | None = None) -> None:
        self.matches = list(matches)
        self.current_match = current
        self._restyle()

    @property
    def text(self) -> str:
        """What the pane shows, as plain text."""
        return self._source

    @property
    def visible_text(self) -> str:
        """The lines currently on screen, as plain text (for tests and screen readers)."""
        top = round(self.scroll_y)
        lines = self._lines[top : top + self.scrollable_content_region.height]
        return "\n".join(self._source[a:b] for a, b in lines)

    # --- navigation -------------------------------------------------------------------

    def line_of(self, offset: int) -> int:
        """The screen line that holds the character at ``offset``."""
        if not self._line_starts:
            return 0
        return max(0, bisect_right(self._line_starts, offset) - 1)

    @property
    def top_offset(self) -> int:
        """The document offset at the top of the view."""
        top = round(self.scroll_y)
        if 0 <= top < len(self._lines):
            return self._lines[top][0]
        return 0

    def show_span(self, start: int, end: int, *, flash: bool = True, hold: bool = False) -> None:
        """Scroll so that ``text[start:end]`` is in view (near the top), optionally flashing it.

        ``hold`` keeps the mark until the reader moves to another document or jumps again
        (for jumps from another screen, where a brief flash could be missed)."""
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if not (top <= first and last < top + height) or flash:
            self.scroll_to(y=max(0, first - CONTEXT_LINES), animate=False, immediate=True)
        if flash or hold:
            self._start_flash(start, end, hold=hold)

    def _start_flash(self, start: int, end: int, *, hold: bool = False) -> None:
        if self._flash_timer is not None:
            self._flash_timer.stop()
            self._flash_timer = None
        self.flash_span = (start, end)
        self._restyle()
        if not hold:
            self._flash_timer = self.set_timer(FLASH_SECONDS, self.end_flash)

    def _end_flash(self) -> None:
        if self._flash_timer is not None:
            self._flash_timer.stop()
            self._flash_timer = None
        self.flash_span = None

    def end_flash(self) -> None:
        """Stop flashing now (the flash also ends by itself)."""
        self._end_flash()
        self._restyle()

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def page(self, direction: int) -> None:
        """Scroll one page (less two lines of overlap) down (1) or up (-1)."""
        step = max(1, self.scrollable_content_region.height - CONTEXT_LINES)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False, immediate=True)

    # --- layout and rendering -----------------------------------------------------------

    def _rewrap(self, keep_position: bool) -> None:
        width = self.scrollable_content_region.width
        if not width:
            # Not laid out yet: render_line wraps once the width is known.
            self._wrap_width = 0
            self._lines = []
            self._line_starts = []
            self._restyle()
            return
        anchor = self.top_offset if keep_position else 0
        self._wrap_width = width
        self._lines = wrap_spans(self._source, width)
        self._line_starts = [a for a, _ in self._lines]
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            # Not by assignment: ``virtual_size`` is a layout reactive, and a layout
            # re-arranges and repaints the whole screen. This pane's size never depends
            # on its text (its scroll bar is always shown, it never scrolls sideways), so
            # setting the value and updating the scroll bar is all a new text needs.
            self.set_reactive(TextPane.virtual_size, size)
            self._scroll_update(size)
        self._restyle()
        if keep_position and anchor:
            self.scroll_to(y=self.line_of(anchor), animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._wrap_width:
            self._rewrap(keep_position=True)

    def notify_style_update(self) -> None:
        self._line_spans = None
        self._strips.clear()
        super().notify_style_update()

    def _restyle(self) -> None:
        self._line_spans = None
        self._strips.clear()
        self.refresh()

    def _spans(self) -> list[tuple[int, int, str | Style]]:
        """Every style over the text, as ``(start, end, style)``; later ones win."""
        if self.message is not None:
            whole = [(0, len(self._source), self.message.style)] if self.message.style else []
            return whole + [(s.start, s.end, s.style) for s in self.message.spans]
        spans: list[tuple[int, int, str | Style]] = []
        # Paragraph roles and summary marks go under the figure colours.
        if self.document is not None:
            for block in self.document.blocks:
                role_style = _ROLE_STYLES.get(block.role)
                if role_style:
                    spans.append((block.start, block.end, role_style))
        if self.analysis is not None:
            if self.mark_style:
                for sentence in self.analysis.summary_sentences:
                    spans.append((sentence.start, sentence.end, self.mark_style))
            for figure in self.analysis.figures:
                style = self.figure_styles.get(figure.kind)
                if style:
                    spans.append((figure.start, figure.end, style))
        if self.matches:
            match_style = self.get_component_rich_style("text-pane--match")
            current_style = self.get_component_rich_style("text-pane--current-match")
            for i, (start, end) in enumerate(self.matches):
                spans.append((start, end, current_style if i == self.current_match else match_style))
        if self.flash_span is not None:
            spans.append((*self.flash_span, self.get_component_rich_style("text-pane--flash")))
        return spans

    def _spans_by_line(self) -> list[list[Span]]:
        """The styles of each screen line, in line-relative offsets.

        Each line is rendered from its own slice of the text with only the spans that
        touch it, so a line costs the same in a 5 KB article and in a 3 MB log (slicing
        one Rich Text of the whole document copied all of it, per line).
        """
        lines = self._lines
        starts = self._line_starts
        by_line: list[list[Span]] = [[] for _ in lines]
        for start, end, style in self._spans():
            if start >= end:
                continue
            first = max(0, bisect_right(starts, start) - 1)
            for index in range(first, len(lines)):
                line_start, line_end = lines[index]
                if line_start >= end:
                    break
                a, b = max(start, line_start), min(end, line_end)
                if a < b:
                    by_line[index].append(Span(a - line_start, b - line_start, style))
        return by_line

    def _segments(self, text: str, spans: list[Span], base: Style) -> list[Segment]:
        """One line as segments: each run of characters under the same spans gets
        ``base`` plus those spans' styles, later spans over earlier ones (as Rich's
        ``Text`` renders them, without building one per line: a line is rendered for
        every frame that shows it, and this is most of the text's share of a frame)."""
        if not spans:
            return [Segment(text, base)]
        cuts = sorted({0, len(text), *(span.start for span in spans), *(span.end for span in spans)})
        segments = []
        for a, b in zip(cuts, cuts[1:]):
            active = tuple(span.style for span in spans if span.start <= a and b <= span.end)
            segments.append(Segment(text[a:b], self._combined(base, active)))
        return segments

    def _combined(self, base: Style, styles: tuple[str | Style, ...]) -> Style:
        key = (base, styles)
        style = self._style_cache.get(key)
        if style is None:
            if len(self._style_cache) > 1024:
                self._style_cache.clear()
            get_style = self.app.console.get_style
            style = Style.combine(
                [base, *(s if isinstance(s, Style) else get_style(s, default=Style.null()) for s in styles)]
            )
            self._style_cache[key] = style
        return style

    def render_line(self, y: int) -> Strip:
        width, base = self.line_context()
        if width != self._wrap_width:
            # Laid out since the text was set (the first frame renders before on_resize).
            self._rewrap(keep_position=True)
        index = y + round(self.scroll_y)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            if self._line_spans is None:
                self._line_spans = self._spans_by_line()
            start, end = self._lines[index]
            if self.message is not None:
                base = base + self.get_component_rich_style("text-pane--message")
            text = self._source[start:end]
            segments = self._segments(text, self._line_spans[index], base)
            cells = cell_len(text)
            if cells <= width:  # as wrapped: padded to the width in one step
                segments.append(Segment(" " * (width - cells), base))
                strip = Strip(segments, width)
            else:
                strip = Strip(segments).crop_extend(0, width, base)
            if len(self._strips) > 512:
                self._strips.clear()
            self._strips[index] = strip
        return strip
