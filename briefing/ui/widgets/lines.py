"""A scrolling widget that draws its own lines, with its width and base style at hand."""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip


class LineView(ScrollView):
    """A ``ScrollView`` whose ``render_line`` needs the content width and base style.

    Both are worked out once per render pass rather than once per line: the base style
    walks the styles of every ancestor, and a pass renders dozens of lines.
    """

    _pass: tuple[int, Style] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass = (self.scrollable_content_region.width, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def line_context(self) -> tuple[int, Style]:
        """The content width and base style of the pass under way (or of now)."""
        return self._pass or (self.scrollable_content_region.width, self.rich_style)
