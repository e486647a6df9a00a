"""Word wrapping that keeps document offsets: text -> one ``(start, end)`` span per screen line.

The text pane needs to know which screen line holds a given character (to scroll a
summary sentence or a search match into view), so it wraps the text itself instead of
handing a renderable to Rich. Widths are terminal cells (wide characters count twice).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.cells import cell_len

_WORD = re.compile(r"\S+")


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` to ``width`` cells.

    Returns one ``(start, end)`` span of ``text`` per line. ``\\n`` always breaks a line
    (so a blank line between paragraphs stays a blank line); whitespace where a long
    line is broken is left out of both spans; a word wider than the line is split.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    length = len(text)
    while pos <= length:
        newline = text.find("\n", pos)
        end = length if newline < 0 else newline
        lines.extend(_wrap_line(text, pos, end, width))
        if newline < 0:
            break
        pos = newline + 1
    return lines


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _wrap_line(text: str, start: int, end: int, width: int) -> Iterator[tuple[int, int]]:
    if _width(text[start:end]) <= width:
        yield (start, end)
        return
    emitted = False
    line_start = start
    line_end: int | None = None  # end of the last word on the line; None while empty
    used = 0
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        word = _width(text[word_start:word_end])
        if line_end is None:
            need = _width(text[line_start:word_start]) + word  # keeps indentation
            if need > width:
                line_start, need = word_start, word
        else:
            need = used + _width(text[line_end:word_start]) + word
            if need > width:
                yield (line_start, line_end)
                emitted = True
                line_start, line_end, need = word_start, None, word
        if need > width:
            # A word longer than a line: cut it into line-sized pieces.
            cut = line_start
            while _width(text[cut:word_end]) > width:
                stop = _fit(text, cut, word_end, width)
                yield (cut, stop)
                emitted = True
                cut = stop
            line_start, need = cut, _width(text[cut:word_end])
        used = need
        line_end = word_end
    if line_end is not None:
        yield (line_start, line_end)
    elif not emitted:
        yield (start, start)


def _fit(text: str, start: int, end: int, width: int) -> int:
    """The largest ``stop`` such that ``text[start:stop]`` fits in ``width`` (at least one char)."""
    used = 0
    for i in range(start, end):
        used += cell_len(text[i])
        if used > width:
            return max(start + 1, i)
    return end
