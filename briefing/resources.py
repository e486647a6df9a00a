"""Finds the bundled ``seeds/`` and ``themes/`` folders.

In an installed wheel they live in ``briefing/_data/`` (hatchling's force-include maps
them there); in a checkout they are the top-level folders beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled {name}/ folder is missing from this installation")


def seeds_dir() -> Path:
    """The bundled sample briefing."""
    return _find("seeds")


def themes_dir() -> Path:
    """The bundled themes (``*.toml``) and the app's stylesheets (``*.tcss``)."""
    return _find("themes")


def stylesheet(name: str) -> str | None:
    """The path of a bundled stylesheet, for a ``CSS_PATH``; ``None`` on a broken install
    (the app then runs unstyled rather than not at all).

    The main screen's styles are in ``briefing.tcss``; screens opened later have their
    own files, parsed when first shown instead of before the first frame."""
    try:
        path = themes_dir() / name
    except FileNotFoundError:
        return None
    return str(path) if path.is_file() else None
