"""The reference point for start-up: a minimal Textual app that paints one line."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello from a minimal Textual app")


if __name__ == "__main__":
    Hello().run()
