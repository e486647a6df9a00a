"""Shared fixtures: every test runs offline-clean (no NLTK data, private XDG dirs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BBC_SAMPLE = ROOT / "bench" / "data" / "bbc-sample"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path_factory.mktemp("env")
    empty_nltk = base / "nltk_data"
    empty_nltk.mkdir()
    monkeypatch.setenv("NLTK_DATA", str(empty_nltk))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    if "nltk" in sys.modules:
        import nltk

        monkeypatch.setattr(nltk.data, "path", [])


def run_cli(*args: str, input: bytes | None = None, env: dict[str, str] | None = None, cwd: Path | None = None):
    """Run ``python -m briefing`` as a user would; returns CompletedProcess with bytes."""
    import subprocess

    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        input=input,
        capture_output=True,
        env=full_env,
        cwd=cwd or ROOT,
        timeout=120,
    )
