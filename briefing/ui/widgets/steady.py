"""Panes whose size never depends on their content: new content repaints the pane only.

An ``OptionList`` asks for a layout of the whole screen each time its content changes
height (its ``virtual_size`` is a layout reactive, set when options are replaced and
again while it renders). A layout re-arranges every widget and repaints the whole
screen: on a document switch that cost the list, the text, their scroll bars and the
screen's background a frame's worth of rendering, for nothing when the pane's size is
fixed by the stylesheet (``height: 1fr``, ``overflow-y: scroll``, so the scroll bar
never comes or goes). Such a pane updates its scroll bar itself (``_scroll_update``
runs right after) and repaints; see docs/benchmarks.md "Speed".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList


class SteadyOptionList(OptionList):
    """An OptionList that never asks for a layout because its content changed.

    Requires a stylesheet that fixes its size (no ``auto`` dimension) and its vertical
    scroll bar (``overflow-y: scroll``); with anything else it behaves as an OptionList.
    Layouts for any other reason (a style change, showing or hiding it) happen as usual.
    """

    _content_changing = False

    @property
    def _steady(self) -> bool:
        styles = self.styles
        return not styles.auto_dimensions and styles.overflow_y == "scroll"

    @contextmanager
    def _changing_content(self) -> Iterator[None]:
        previous, self._content_changing = self._content_changing, True
        try:
            yield
        finally:
            self._content_changing = previous

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Any:
        if layout and self._content_changing and self._steady:
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def set_options(self, options: Any) -> Any:
        with self._changing_content():
            return super().set_options(options)

    def render_lines(self, crop: Region) -> list[Strip]:
        with self._changing_content():
            return super().render_lines(crop)
