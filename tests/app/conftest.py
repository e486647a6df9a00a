"""Fixtures for the reader app tests.

Every test gets private XDG config and cache folders and an empty NLTK data path, so a
developer's saved theme or downloaded corpora never change what a test sees.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.ui.app import BriefingApp, create_app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def app_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Private XDG_CONFIG_HOME / XDG_CACHE_HOME and an empty NLTK_DATA; returns the config home."""
    base = tmp_path_factory.mktemp("app-env")
    empty_nltk = base / "nltk_data"
    empty_nltk.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("NLTK_DATA", str(empty_nltk))
    if "nltk" in sys.modules:  # already imported by an earlier test: empty its search path too
        monkeypatch.setattr(sys.modules["nltk"].data, "path", [str(empty_nltk)])
    return base / "config"


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def make_app() -> Callable[..., BriefingApp]:
    """``make_app(paths, theme=..., algorithm=...)``: the app as the CLI builds it."""

    def make(paths: list[str | Path] | None = None, **kwargs: object) -> BriefingApp:
        chosen = [str(p) for p in (paths if paths is not None else [SEEDS])]
        kwargs.setdefault("theme", "briefing-dark")
        return create_app(chosen, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch) -> Callable[[BriefingApp], list[str]]:
    """``notes(app)`` records every notification the app raises (Pilot hides toasts)."""

    def record(app: BriefingApp) -> list[str]:
        seen: list[str] = []
        original = app.notify

        def notify(message: str, **kwargs: object) -> None:
            seen.append(str(message))
            original(message, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(app, "notify", notify)
        return seen

    return record
