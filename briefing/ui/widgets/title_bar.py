"""The bar at the top of a screen: the palette icon and the screen's title and subtitle.

Laid out like Textual's ``Header`` (icon on the left, which opens the command palette
when clicked and says so when the mouse is over it; title and subtitle centred between
the icon and the clock's space), but one widget where the ``Header`` is four (bar, icon,
title, clock space). Every widget mounted before the
first frame is composed, styled and painted on the way to it; see docs/benchmarks.md
"Speed".
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON_CELLS = 8
"""Cells at the left that hold the icon (and take the click)."""
RIGHT_CELLS = 10
"""Cells kept free at the right, so the title is centred where the Header centres it."""


class TitleBar(Widget):
    """The palette icon, then the screen's title (and subtitle, dimmed), centred."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
    }
    """

    def __init__(self, icon: str = "≡", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.icon = icon

    def on_mount(self) -> None:
        for owner in (self.screen, self.app):
            self.watch(owner, "title", self._retitle, init=False)
            self.watch(owner, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    @property
    def title_text(self) -> Content:
        """The title and subtitle as shown (the screen's, else the app's)."""
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        return self.app.format_title(title, sub_title)

    def render(self) -> Content:
        width = self.content_size.width
        icon = Content(f" {self.icon}").pad_right(max(0, ICON_CELLS - 2))
        middle = max(0, width - ICON_CELLS - RIGHT_CELLS)
        title = self.title_text.truncate(middle, ellipsis=True)
        left = (middle - title.cell_length) // 2
        return Content.assemble(icon, title.pad(left, 0))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        over_icon = event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE
        self.tooltip = "Open the command palette" if over_icon else None

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
