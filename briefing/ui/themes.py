"""Themes are data: ``themes/*.toml`` (bundled and the user's) -> Textual ``Theme`` objects.

A theme file holds Textual's base colours at the top level and a ``[variables]`` table
with Textual theme variables plus briefing's own: ``figure-<kind>`` (one colour per
figure kind) and ``summary-mark`` (the background behind summary sentences). Any theme
that lacks them, Textual's built-in ones included, gets the fallbacks from
:func:`variable_defaults`. The panes read figure colours only through
:func:`figure_styles`, so every theme colours the text the same way the legend does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from briefing.config import ConfigError, read_toml
from briefing.core.model import FIGURE_KINDS

DEFAULT_THEME = "briefing-dark"
FIGURE_VARIABLES: tuple[str, ...] = tuple(f"figure-{kind}" for kind in FIGURE_KINDS)
MARK_VARIABLE = "summary-mark"

_COLOR_FIELDS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
_NUMBER_FIELDS = {"luminosity-spread": "luminosity_spread", "text-alpha": "text_alpha"}

_DARK_DEFAULTS = {
    "figure-count": "#6cb6ff",
    "figure-money": "#7ee787",
    "figure-percent": "#e3b341",
    "figure-date": "#d2a8ff",
    "figure-time": "#ff9bce",
    "figure-duration": "#56d4dd",
    "figure-number": "#ffa657",
    "summary-mark": "#ffffff1c",
}
_LIGHT_DEFAULTS = {
    "figure-count": "#0550ae",
    "figure-money": "#116329",
    "figure-percent": "#8a5a00",
    "figure-date": "#8250df",
    "figure-time": "#bf3989",
    "figure-duration": "#0a7480",
    "figure-number": "#bc4c00",
    "summary-mark": "#e8c40040",
}


def variable_defaults(dark: bool) -> dict[str, str]:
    """Fallback figure colours and summary mark for themes that do not set them."""
    return dict(_DARK_DEFAULTS if dark else _LIGHT_DEFAULTS)


class ThemeFileError(ValueError):
    """A theme file that cannot be used; the message names the file and the reason."""


def theme_from_mapping(data: Mapping[str, Any], source: str) -> Theme:
    """Build a Theme from parsed TOML, checking every colour. Raises ThemeFileError."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeFileError(f"{source}: needs a 'name' (a string)")
    fields: dict[str, Any] = {}
    for key in _COLOR_FIELDS:
        if key in data:
            fields[key] = _color(data[key], key, source)
    if "primary" not in fields:
        raise ThemeFileError(f"{source}: needs a 'primary' colour")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError(f"{source}: 'dark' must be true or false")
    for key, attr in _NUMBER_FIELDS.items():
        value = data.get(key, data.get(attr))
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ThemeFileError(f"{source}: '{key}' must be a number from 0 to 1")
        fields[attr] = float(value)
    known = set(_COLOR_FIELDS) | set(_NUMBER_FIELDS) | set(_NUMBER_FIELDS.values())
    unknown = sorted(k for k in data if k not in known | {"name", "dark", "variables"})
    if unknown:
        raise ThemeFileError(
            f"{source}: unknown key {unknown[0]!r} (put theme variables under [variables])"
        )
    raw_vars = data.get("variables", {})
    if not isinstance(raw_vars, Mapping):
        raise ThemeFileError(f"{source}: [variables] must be a table")
    variables: dict[str, str] = {}
    for key, value in raw_vars.items():
        if not isinstance(value, str):
            raise ThemeFileError(f"{source}: variable {key!r} must be a string")
        # Figure colours feed Rich styles and *-color/-background/-foreground variables
        # feed CSS: a bad one would break every render, so check them here.
        if (
            key in FIGURE_VARIABLES
            or key == MARK_VARIABLE
            or key.endswith(("-color", "-background", "-foreground"))
        ):
            _color(value, key, source)
        variables[key] = value
    return Theme(name=name.strip(), dark=dark, variables=variables, **fields)


def _color(value: object, key: str, source: str) -> str:
    if not isinstance(value, str):
        raise ThemeFileError(f'{source}: {key!r} must be a colour string such as "#1e90ff"')
    # CSS also accepts "<colour> <alpha>%", as Textual's own themes use.
    colour, _, alpha = value.strip().partition(" ")
    try:
        Color.parse(colour)
        if alpha and not (alpha.endswith("%") and 0 <= float(alpha[:-1]) <= 100):
            raise ValueError(alpha)
    except (ColorParseError, ValueError):
        raise ThemeFileError(f"{source}: {key!r} is not a colour: {value[:40]!r}") from None
    return value


def load_theme_file(path: Path, *, bundled: bool = False) -> Theme:
    """Read one theme file. Raises ThemeFileError with a one-line reason.

    ``bundled``: one of the app's own theme files (read without importing tomllib; see
    :func:`briefing.config.read_toml`)."""
    try:
        data = read_toml(path, minimal=bundled)
    except ConfigError as exc:
        raise ThemeFileError(f"theme file {exc}") from None
    return theme_from_mapping(data, f"theme file {path.name}")


class LoadedThemes:
    def __init__(self, themes: list[Theme], errors: list[str]) -> None:
        self.themes = themes
        """In load order: bundled first, then the user's (which may replace a bundled one)."""
        self.errors = errors
        """One line per file that could not be used."""


def load_themes(folders: Iterable[Path], *, bundled: Path | None = None) -> LoadedThemes:
    """Every ``*.toml`` theme in ``folders`` (missing folders are skipped). ``bundled``:
    the folder of the app's own themes, if it is one of them."""
    themes: dict[str, Theme] = {}
    errors: list[str] = []
    for folder in folders:
        try:
            paths = sorted(p for p in folder.glob("*.toml") if p.is_file())
        except OSError:
            continue
        for path in paths:
            try:
                theme = load_theme_file(path, bundled=folder == bundled)
            except ThemeFileError as exc:
                errors.append(str(exc))
                continue
            themes.pop(theme.name, None)
            themes[theme.name] = theme
    return LoadedThemes(list(themes.values()), errors)


def _solid(value: str | None, background: Color, fallback: str) -> Color:
    """A variable as an opaque colour (translucent ones are mixed onto the background)."""
    text, _, alpha = (value or fallback).strip().partition(" ")
    try:
        color = Color.parse(text)
        if alpha.endswith("%"):
            color = color.multiply_alpha(float(alpha[:-1]) / 100)
    except (ColorParseError, ValueError):
        color = Color.parse(fallback)
    if color.a < 1:
        color = background.blend(color.with_alpha(1), color.a)
    return color


def figure_styles(variables: Mapping[str, str]) -> dict[str, str]:
    """Rich style strings per figure kind, from a theme's resolved CSS variables."""
    background = _solid(variables.get("background"), Color(0, 0, 0), "#000000")
    dark = background.brightness < 0.5
    defaults = variable_defaults(dark)
    return {
        kind: "bold " + _solid(variables.get(var), background, defaults[var]).hex6
        for kind, var in zip(FIGURE_KINDS, FIGURE_VARIABLES)
    }


def mark_style(variables: Mapping[str, str]) -> str:
    """The Rich style behind summary sentences in the full text."""
    background = _solid(variables.get("background"), Color(0, 0, 0), "#000000")
    defaults = variable_defaults(background.brightness < 0.5)
    return "on " + _solid(variables.get(MARK_VARIABLE), background, defaults[MARK_VARIABLE]).hex6
