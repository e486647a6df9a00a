"""Text plus spans to Rich ``Text``: one style per figure kind, optional sentence marks.

Strings are never parsed as markup: ``Text(plain)`` then ``stylize`` by offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.text import Text

from briefing.core.model import FIGURE_KINDS, Figure

DEFAULT_FIGURE_STYLES: dict[str, str] = {
    "count": "bold #5fafff",
    "money": "bold #5fd75f",
    "percent": "bold #d7af00",
    "date": "bold #d787ff",
    "time": "bold #ff87af",
    "duration": "bold #5fd7d7",
    "number": "bold #ffaf5f",
}
PLAIN_FIGURE_STYLES: dict[str, str] = {kind: "bold" for kind in FIGURE_KINDS}


def highlight(
    text: str,
    figures: Iterable[Figure],
    *,
    offset: int = 0,
    styles: Mapping[str, str] = DEFAULT_FIGURE_STYLES,
    base_style: str = "",
) -> Text:
    """Style each figure inside ``text``, which starts at document offset ``offset``."""
    rich_text = Text(text, style=base_style)
    end = offset + len(text)
    for f in figures:
        if f.end <= offset or f.start >= end:
            continue
        style = styles.get(f.kind)
        if style:
            rich_text.stylize(style, max(0, f.start - offset), min(len(text), f.end - offset))
    return rich_text


def legend(styles: Mapping[str, str] = DEFAULT_FIGURE_STYLES) -> Text:
    """A one-line key: each figure kind written in its own style."""
    out = Text()
    for i, kind in enumerate(FIGURE_KINDS):
        if i:
            out.append("  ")
        out.append(kind, style=styles.get(kind, ""))
    return out
