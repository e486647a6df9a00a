"""A persistent cache of analyses in the user's cache dir, keyed by content and settings.

Entries live in ``$XDG_CACHE_HOME/briefing/analyses/`` (default ``~/.cache``), one small
JSON file per (document content, settings, code version). Writes are atomic (a temporary
file then ``os.replace``), so concurrent runs never see half an entry; an entry that
fails to parse or does not fit its document is ignored and rewritten. Nothing is ever
written next to the user's documents. ``BRIEFING_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from briefing.core.model import Analysis, Document, Figure, Sentence, Settings, Summary

SCHEMA = 3


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefing" / "analyses"


def enabled() -> bool:
    return os.environ.get("BRIEFING_NO_CACHE", "") in ("", "0")


@lru_cache(maxsize=1)
def code_version() -> str:
    """Changes whenever the analysing code changes (version plus core sources' stamps)."""
    from briefing import __version__

    h = hashlib.sha256(f"{SCHEMA}:{__version__}".encode())
    core = Path(__file__).resolve().parent
    for p in sorted(core.glob("*.py")):
        st = p.stat()
        h.update(f"{p.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def key(document: Document, settings: Settings, algorithm: str) -> str:
    h = hashlib.sha256()
    for part in (code_version(), document.title, document.date or "", algorithm,
                 str(settings.sentences), str(settings.ratio), str(settings.words)):
        h.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    h.update(document.text.encode("utf-8", "surrogatepass"))
    for b in document.blocks:
        h.update(f"{b.start},{b.end},{b.role};".encode())
    return h.hexdigest()


def _path(k: str) -> Path:
    return cache_dir() / k[:2] / f"{k}.json"


def load(document: Document, settings: Settings, algorithm: str) -> Analysis | None:
    """The cached analysis, or None (missing, unreadable, corrupt or inconsistent)."""
    if not enabled():
        return None
    try:
        with open(_path(key(document, settings, algorithm)), encoding="utf-8") as fh:
            data = json.load(fh)
        return _decode(data, document, settings, algorithm)
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return None


def store(analysis: Analysis, algorithm: str) -> None:
    """Save an analysis; failures (read-only disk, no space) are silently ignored."""
    if not enabled():
        return
    path = _path(key(analysis.document, analysis.settings, algorithm))
    data = {
        "schema": SCHEMA,
        "sentences": [[s.start, s.end, s.role, s.paragraph] for s in analysis.sentences],
        "summary": list(analysis.summary.indices),
        "figures": [[f.kind, f.start, f.end, f.value, f.unit, f.resolved, f.resolution] for f in analysis.figures],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except (OSError, TypeError, ValueError):
        pass


def _decode(data: dict, document: Document, settings: Settings, algorithm: str) -> Analysis:
    if data.get("schema") != SCHEMA:
        raise ValueError("schema")
    n = len(document.text)
    sentences = []
    for i, (start, end, role, paragraph) in enumerate(data["sentences"]):
        if not (0 <= start < end <= n) or role not in ("body", "heading", "caption", "byline", "item"):
            raise ValueError("sentence")
        sentences.append(Sentence(i, int(start), int(end), role, int(paragraph)))
    indices = tuple(int(i) for i in data["summary"])
    if any(not 0 <= i < len(sentences) for i in indices):
        raise ValueError("summary")
    figures = []
    for kind, start, end, value, unit, resolved, resolution in data["figures"]:
        if not (0 <= start < end <= n):
            raise ValueError("figure")
        figures.append(Figure(kind, start, end, document.text[start:end], value, unit, resolved, resolution))
    return Analysis(document, tuple(sentences), Summary(algorithm, indices), tuple(figures), settings)
