"""Words, stems and stop words shared by the summarizers (heavy imports deferred)."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """Word tokens of ``text`` (letters and digits; apostrophes kept inside words)."""
    return _WORD.findall(text)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words: sumy's list, read from its package data (no network)."""
    from importlib.resources import files

    try:
        data = (files("sumy") / "data" / "stopwords" / "english.txt").read_text("utf-8")
    except (OSError, ModuleNotFoundError):  # pragma: no cover - sumy is a dependency
        data = ""
    return frozenset(w.strip().lower() for w in data.splitlines() if w.strip())


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.snowball import SnowballStemmer  # rule-based: needs no NLTK data

    return SnowballStemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stem(word.lower().replace("’", "'"))


def content_stems(text: str) -> list[str]:
    """Stems of the non-stop words of ``text``, in order."""
    stops = stop_words()
    return [stem(w) for w in words(text) if w.lower() not in stops]
