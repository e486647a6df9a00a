"""The reader app: ``create_app`` builds it (for the CLI, tests and snapshots), ``run`` runs it.

Importing this module must stay cheap: the NLP libraries and ``briefing.core.analyze``
are never imported by the app's process (the analyst process imports them).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from briefing import config as config_mod
from briefing.core.model import Document, LoadError
from briefing.render.safe import printable
from briefing.resources import stylesheet, themes_dir
from briefing.ui.commands import DocumentCommands, ReaderCommands
from briefing.ui.helper import Helper
from briefing.ui.launch import app_closed, first_frame_painted
from briefing.ui.screens.reader import ReaderScreen
from briefing.ui.themes import DEFAULT_THEME, load_themes, variable_defaults

BUNDLED_ORDER = ("briefing-dark", "briefing-light", "briefing-contrast")


class BriefingApp(App[int]):
    """A terminal briefing reader."""

    CSS_PATH = stylesheet("briefing.tcss")
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {DocumentCommands, ReaderCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit briefing", id="app.quit"),
        Binding("question_mark", "help", "Help", tooltip="Show every key", id="app.help"),
        Binding("t", "next_theme", "Theme", tooltip="Next colour theme", id="app.theme"),
    ]

    def __init__(
        self,
        paths: Sequence[str],
        *,
        theme: str | None = None,
        algorithm: str | None = None,
        config_dir: Path | None = None,
        preloaded: dict[str, Document | LoadError] | None = None,
        helper: Helper | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        # Started first: the helpers read the titles while the app builds its screen.
        self.helper = helper if helper is not None else Helper.start(self.paths)
        self.config_dir = config_dir if config_dir is not None else config_mod.config_dir()
        self.config, warning = config_mod.load_config(self.config_dir)
        self.warnings: list[str] = [warning] if warning else []
        folders = []
        bundled = None
        try:
            bundled = themes_dir()
            folders.append(bundled)
        except FileNotFoundError as exc:
            self.warnings.append(str(exc))
        folders.append(self.config_dir / "themes")
        loaded = load_themes(folders, bundled=bundled)
        self.warnings.extend(loaded.errors)
        self.own_themes: list[str] = []
        for item in sorted(loaded.themes, key=_theme_order):
            self.register_theme(item)
            self.own_themes.append(item.name)
        self.requested_theme = theme
        self.reader = ReaderScreen(
            self.paths, self.helper, algorithm=algorithm, preloaded=preloaded
        )
        # Set before the first frame, so the app never flashes Textual's default theme.
        self._launch_theme = self._initial_theme()
        self._set_launch_theme(self._launch_theme)
        self._theme_chosen = False

    # --- screens ----------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        return self.reader

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme.dark)

    def on_mount(self) -> None:
        self.call_after_refresh(first_frame_painted)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        for warning in self.warnings:
            self.notify(
                printable(warning), title="briefing", severity="warning", timeout=8, markup=False
            )

    def on_unmount(self) -> None:
        app_closed()
        # Now, not after the app returns: stopping the helpers ends any worker thread
        # still waiting on their pipes, and the interpreter waits for those threads.
        self.helper.close()

    # --- themes -----------------------------------------------------------------------

    def theme_names(self) -> list[str]:
        """briefing's own themes first, then Textual's built-in ones."""
        others = sorted(
            n for n in self.available_themes if n not in self.own_themes and n != "textual-ansi"
        )
        return self.own_themes + others

    def _initial_theme(self) -> str:
        available = self.available_themes
        fallback = DEFAULT_THEME if DEFAULT_THEME in available else "textual-dark"
        if self.requested_theme:
            if self.requested_theme in available:
                return self.requested_theme
            self.warnings.append(f"unknown theme {self.requested_theme!r}; using {fallback}")
            return fallback
        saved = self.config.theme
        if saved:
            if saved in available:
                return saved
            self.warnings.append(f"the saved theme {saved!r} is not available; using {fallback}")
        return fallback

    def _set_launch_theme(self, name: str) -> None:
        """Apply the theme the app starts with, before any CSS is parsed.

        Assigning ``self.theme`` would work too, but its watcher re-parses every
        stylesheet and re-styles every widget after they were first styled (about a
        tenth of the time to the first frame). Before the app runs, giving the
        stylesheet the theme's variables is all it takes: the first parse then uses
        them. Textual chose its ANSI colour filter in ``App.__init__`` for its default
        dark theme, so a light launch theme takes the watcher's way.
        """
        theme = self.get_theme(name)
        if theme is None or theme.dark != self.current_theme.dark:
            self.theme = name
            return
        self.set_reactive(App.theme, name)
        self.set_class(True, f"-theme-{name}", update=False)
        self.stylesheet.set_variables(self.get_css_variables())

    def set_theme(self, name: str) -> None:
        """Switch theme (from a key or the palette); the choice is remembered."""
        if name not in self.available_themes:
            self.notify(f"Unknown theme {name!r}", severity="error", markup=False)
            return
        self.theme = name

    def action_next_theme(self) -> None:
        names = self.own_themes or self.theme_names()
        following = (
            names[(names.index(self.theme) + 1) % len(names)] if self.theme in names else names[0]
        )
        self.set_theme(following)
        self.notify(f"Theme: {following}", markup=False, timeout=2)

    def _theme_changed(self, theme: Theme) -> None:
        # The first change is the launch theme being applied, not a choice to remember.
        if not self._theme_chosen and theme.name == self._launch_theme:
            return
        self._theme_chosen = True
        if theme.name == self.config.theme:
            return
        self.config.theme = theme.name
        try:
            config_mod.save_config(self.config, self.config_dir)
        except OSError as exc:
            self.notify(f"Could not save the theme choice: {exc}", severity="warning", markup=False)

    # --- help -------------------------------------------------------------------------

    def action_help(self) -> None:
        from briefing.ui.screens.help import HelpScreen, help_sections

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_sections(self.screen, self.reader.help_panes())))


def _theme_order(theme: Theme) -> tuple[int, str]:
    try:
        return (BUNDLED_ORDER.index(theme.name), "")
    except ValueError:
        return (len(BUNDLED_ORDER), theme.name)


def create_app(
    paths: Sequence[str],
    theme: str | None = None,
    algorithm: str | None = None,
    config_dir: Path | None = None,
    *,
    preloaded: dict[str, Document | LoadError] | None = None,
    helper: Helper | None = None,
) -> BriefingApp:
    """The one factory for the CLI, the Pilot tests and the snapshot apps.

    ``helper``: the helper processes, when the caller started them early (the CLI does);
    otherwise the app starts its own. Either way the app stops them when it exits.
    """
    return BriefingApp(
        paths,
        theme=theme,
        algorithm=algorithm,
        config_dir=config_dir,
        preloaded=preloaded,
        helper=helper,
    )


def _read_stdin(paths: Sequence[str]) -> tuple[dict[str, Document | LoadError], str | None]:
    """Read ``-`` before the app takes the terminal; then take keys from the terminal."""
    if "-" not in paths:
        return {}, None
    from briefing.core.load import Source, load

    stdin = sys.stdin
    if stdin is None or stdin.isatty():
        return {
            "-": LoadError(
                "-", "standard input is the terminal: pipe a document in, or name a file"
            )
        }, None
    document = load(Source("-", explicit=True))
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
        os.dup2(fd, 0)
        os.close(fd)
    except OSError:
        return {}, "the reader app needs a terminal for its keys; try 'briefing summarize -'"
    return {"-": document}, None


def run(
    paths: list[str], theme: str | None, algorithm: str | None, helper: Helper | None = None
) -> int:
    """Run the reader on ``paths``; returns the exit code (2 for a bad theme or algorithm).

    The CLI comes here through :func:`briefing.ui.launch.run`, which starts ``helper``.
    """
    if algorithm is not None:
        from briefing.core.summarize import get

        try:
            get(algorithm)
        except ValueError as exc:
            sys.stderr.write(f"briefing: error: {printable(str(exc))}\n")
            return 2
    preloaded, problem = _read_stdin(paths)
    if problem:
        sys.stderr.write(f"briefing: error: {problem}\n")
        return 2
    app = create_app(paths, theme=theme, algorithm=algorithm, preloaded=preloaded, helper=helper)
    if theme is not None and theme not in app.available_themes:
        choices = ", ".join(app.theme_names())
        sys.stderr.write(
            f"briefing: error: unknown theme {printable(theme)!r}; choose from: {choices}\n"
        )
        return 2
    app.run()
    return app.return_code or 0
