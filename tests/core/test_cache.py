"""The persistent analysis cache: hits, invalidation, corruption, concurrent writers."""

from __future__ import annotations

import json
import multiprocessing
import sys
from pathlib import Path

import pytest

from briefing.core import analyze as analyze_mod
from briefing.core import cache
from briefing.core.analyze import analyze
from briefing.core.clean import clean
from briefing.core.model import Settings

TEXT = "Headline\n\nThe council approved $4.5m for 20 schools on Friday. Enrolment rose 6%. " \
       "Officials expect 54,000 students by March 2021. The plan runs for three years."


@pytest.fixture(autouse=True)
def _fresh_memory_cache():
    analyze_mod._CACHE.clear()
    yield
    analyze_mod._CACHE.clear()


def _entries() -> list[Path]:
    return sorted(cache.cache_dir().rglob("*.json"))


def test_miss_then_hit_returns_the_same_analysis(monkeypatch) -> None:
    doc = clean(TEXT, path="a.txt")
    first = analyze(doc, Settings(sentences=2))
    assert len(_entries()) == 1
    analyze_mod._CACHE.clear()
    calls = []
    monkeypatch.setattr(analyze_mod, "segment", lambda d: calls.append(d) or ())
    second = analyze(doc, Settings(sentences=2))
    assert calls == []  # served from disk
    assert second.sentences == first.sentences
    assert second.summary == first.summary
    assert second.figures == first.figures


def test_changes_to_content_or_settings_miss() -> None:
    doc = clean(TEXT, path="a.txt")
    analyze(doc, Settings(sentences=2))
    analyze(doc, Settings(sentences=3))
    analyze(doc, Settings(sentences=2, algorithm="lead"))
    analyze(clean(TEXT + " One more sentence.", path="a.txt"), Settings(sentences=2))
    assert len(_entries()) == 4
    # the path is not part of the key: the same content elsewhere hits
    analyze(clean(TEXT, path="elsewhere/b.txt"), Settings(sentences=2))
    assert len(_entries()) == 4


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"schema": 1}', b"\x00\xff" * 10,
                                     json.dumps({"schema": 1, "sentences": [[0, 99999, "body", 0]], "summary": [], "figures": []}).encode()])
def test_corrupt_entries_are_ignored_and_rewritten(garbage: bytes) -> None:
    doc = clean(TEXT, path="a.txt")
    good = analyze(doc, Settings(sentences=2))
    (entry,) = _entries()
    entry.write_bytes(garbage)
    analyze_mod._CACHE.clear()
    again = analyze(doc, Settings(sentences=2))
    assert again.summary == good.summary and again.figures == good.figures
    assert json.loads(entry.read_bytes())["schema"] == cache.SCHEMA


def test_disabled_by_environment(monkeypatch) -> None:
    monkeypatch.setenv("BRIEFING_NO_CACHE", "1")
    analyze(clean(TEXT, path="a.txt"))
    assert _entries() == []


def test_unwritable_cache_dir_is_harmless(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    a = analyze(clean(TEXT, path="a.txt"))
    assert a.summary.indices


def _hammer(args: tuple[str, int]) -> tuple:
    cache_home, i = args
    import os

    os.environ["XDG_CACHE_HOME"] = cache_home
    from briefing.core.analyze import analyze as an
    from briefing.core.clean import clean as cl

    out = []
    for n in range(1, 6):
        a = an(cl(TEXT, path=f"p{i}.txt"), Settings(sentences=n % 3 + 1))
        out.append((a.summary.indices, len(a.figures)))
    return tuple(out)


def test_concurrent_runs_share_the_cache_safely(tmp_path) -> None:
    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    with ctx.Pool(4) as pool:
        results = pool.map(_hammer, [(str(tmp_path), i) for i in range(8)])
    assert len(set(results)) == 1
    entries = list((tmp_path / "briefing" / "analyses").rglob("*.json"))
    assert len(entries) == 3
    assert not list((tmp_path / "briefing" / "analyses").rglob(".tmp-*"))
    for e in entries:
        json.loads(e.read_text())
