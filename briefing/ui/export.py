"""Copying and exporting a summary: its text, and where an export may be written.

Exports go to the current working directory, or to a path the user typed; never next
to the user's documents unless they typed that path. Existing files are never replaced.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from rich.console import Console

from briefing.core.model import Analysis
from briefing.render.formats import MarkdownWriter


def summary_markdown(analysis: Analysis) -> str:
    """The summary as Markdown (the same output as ``briefing summarize -f markdown``)."""
    out = io.StringIO()
    writer = MarkdownWriter(stream=out, console=Console(file=io.StringIO()), mode="summary")
    writer.write(analysis)
    return out.getvalue()


def summary_plain(analysis: Analysis) -> str:
    """The summary as plain text: title, date, then one sentence per line."""
    doc = analysis.document
    lines = [doc.title]
    if doc.date:
        lines.append(doc.date)
    lines.append("")
    for sentence in analysis.summary_sentences:
        lines.append("- " + " ".join(doc.text[sentence.start : sentence.end].split()))
    return "\n".join(lines) + "\n"


def export_name(title: str, folder: Path) -> str:
    """A file name for the summary that does not exist yet in ``folder``."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if len(slug) > 48:
        slug = slug[:49].rsplit("-", 1)[0] if "-" in slug[:49] else slug[:48]
    slug = slug.strip("-") or "briefing"
    name = f"{slug}-summary.md"
    n = 2
    while (folder / name).exists():
        name = f"{slug}-summary-{n}.md"
        n += 1
    return name


def resolve_export_path(typed: str, default_name: str, cwd: Path) -> Path:
    """Where to write: the typed path (relative to ``cwd``), a folder gets the default name."""
    typed = typed.strip()
    path = Path(os.path.expanduser(typed)) if typed else Path(default_name)
    if not path.is_absolute():
        path = cwd / path
    if path.is_dir() or typed.endswith(("/", os.sep)):
        path = path / default_name
    return path


def write_new(path: Path, text: str) -> Path:
    """Write ``text`` to a new file; refuse to replace one. Raises OSError with a clear message."""
    if not path.parent.is_dir():
        raise OSError(f"no such folder: {path.parent}")
    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise OSError(f"{path} already exists; choose another name") from None
    except OSError as exc:
        raise OSError(f"could not write {path}: {(exc.strerror or str(exc)).lower()}") from None
    return path
