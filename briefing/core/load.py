"""Paths to decoded text: the only place bytes become characters.

Reading never writes: files are opened read-only, nothing is created beside them.
Decoding order: a BOM (UTF-8, UTF-16, UTF-32) wins; then strict UTF-8; then UTF-16
without BOM when the NUL pattern says so; then cp1252, whose undefined bytes fall back
to latin-1. Binary files (NUL bytes or many control bytes in the first block) are
refused with a one-line reason.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefing.core.model import Document, LoadError

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

MAX_BYTES = 4 * 1024 * 1024
"""Read at most this much of a file; longer files are truncated with a note."""
MAX_DEPTH = 200
"""Folders nested deeper than this are not entered."""


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read, found from the user's paths."""

    path: str
    explicit: bool
    """Named by the user (read whatever its extension) rather than found in a folder."""


def natural_key(path: str) -> tuple:
    """Sort key that orders ``doc2`` before ``doc10``, case-insensitively."""
    parts = re.split(r"(\d+)", path.casefold())
    return tuple((0, int(p), p) if p.isdigit() else (1, 0, p) for p in parts)


def discover(paths: Iterable[str]) -> Iterator[Source | LoadError]:
    """Expand files and folders into sources, in the order given, folders sorted naturally.

    ``-`` stands for standard input. Folders are walked recursively, following links to
    folders but never the same folder twice (so link loops end), and only files with a
    supported extension are taken.
    """
    for path in paths:
        if path == "-":
            yield Source("-", explicit=True)
            continue
        try:
            st = os.stat(path)
        except OSError as exc:
            yield LoadError(path, _os_reason(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, set(), 0)
        elif stat.S_ISREG(st.st_mode):
            yield Source(path, explicit=True)
        else:
            yield LoadError(path, "not a regular file (device, socket or pipe); skipped")


def _walk(folder: str, seen: set[tuple[int, int]], depth: int) -> Iterator[Source | LoadError]:
    try:
        st = os.stat(folder)
    except OSError as exc:
        yield LoadError(folder, _os_reason(exc))
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return  # a link back to a folder already walked
    seen.add(key)
    if depth > MAX_DEPTH:
        yield LoadError(folder, f"nested more than {MAX_DEPTH} folders deep; not entered")
        return
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: natural_key(e.name))
    except OSError as exc:
        yield LoadError(folder, _os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        wanted = os.path.splitext(entry.name)[1].lower() in TEXT_SUFFIXES
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as exc:
            if wanted:
                yield LoadError(entry.path, _os_reason(exc))
            continue
        if is_dir:
            yield from _walk(entry.path, seen, depth + 1)
        elif not wanted:
            continue
        elif is_file:
            yield Source(entry.path, explicit=False)
        elif entry.is_symlink() and not os.path.exists(entry.path):
            yield LoadError(entry.path, "broken or looping link; skipped")
        else:
            yield LoadError(entry.path, "not a regular file (device, socket or pipe); skipped")


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or exc.__class__.__name__).lower()


def read_bytes(source: Source) -> tuple[bytes, bool]:
    """The first ``MAX_BYTES`` of a source, and whether there was more."""
    if source.path == "-":
        stream = sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
    else:
        # O_NONBLOCK: a FIFO swapped in after discovery must not hang us.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(source.path, flags)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError(0, "not a regular file")
            chunks = []
            remaining = MAX_BYTES + 1
            while remaining > 0:
                chunk = os.read(fd, min(remaining, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
            data = b"".join(chunks)
        finally:
            os.close(fd)
    return data[:MAX_BYTES], len(data) > MAX_BYTES


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BinaryFile(ValueError):
    """The bytes are not text."""


def decode(data: bytes, *, cut: bool = False) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding name). Raises BinaryFile.

    ``cut``: the bytes are a prefix of a longer file, so a multi-byte character split at
    the end is not evidence against UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    head = data[:8192]
    nuls = head.count(0)
    if nuls:
        utf16 = _guess_utf16(head)
        if utf16:
            return data.decode(utf16, errors="replace"), utf16
        if nuls > max(2, len(head) // 200):  # a stray NUL in text is dropped, many mean binary
            raise BinaryFile("binary file (contains NUL bytes)")
    if _looks_binary(head):
        raise BinaryFile("binary file (mostly control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # A truncated multi-byte sequence at a cut is still UTF-8.
        if cut and exc.start >= len(data) - 3 and exc.reason.startswith("unexpected end"):
            return data.decode("utf-8", errors="ignore"), "utf-8"
        if _mostly_utf8(data):
            return data.decode("utf-8", errors="replace"), "utf-8 (with invalid bytes)"
    return _decode_cp1252(data), "cp1252"


def _guess_utf16(head: bytes) -> str | None:
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = max(1, len(head) // 2)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    controls = sum(head.count(b) for b in _CONTROL_BYTES)
    return controls > 0.1 * len(head)


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127) - bad
    return multibyte > 4 * bad


def _decode_cp1252(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; those fall back to latin-1 (C1 controls,
    # which the cleaner then removes).
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


_LATIN1_FALLBACK = "briefing-latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


def format_of(path: str) -> str:
    """``html``, ``markdown`` or ``text``, from the file name."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def load(source: Source) -> Document | LoadError:
    """Read, decode and clean one source. Never raises for a bad file."""
    from briefing.core.clean import clean
    from briefing.core.html import html_to_text

    try:
        data, truncated = read_bytes(source)
    except OSError as exc:
        return LoadError(source.path, _os_reason(exc))
    try:
        raw, encoding = decode(data, cut=truncated)
    except BinaryFile as exc:
        return LoadError(source.path, str(exc) + "; skipped")
    fmt = format_of(source.path)
    if fmt == "text" and source.path == "-" and re.match(r"\s*<(!doctype html|html)", raw, re.I):
        fmt = "html"
    html_title = None
    if fmt == "html":
        raw, html_title = html_to_text(raw)
    notes: list[str] = []
    if encoding not in ("utf-8", "ascii"):
        notes.append(f"decoded as {encoding}")
    if truncated:
        notes.append(f"truncated to the first {MAX_BYTES // (1024 * 1024)} MiB")
    return clean(raw, path=source.path, fmt=fmt, fallback_title=html_title, notes=tuple(notes))


def load_paths(paths: Iterable[str]) -> Iterator[Document | LoadError]:
    """Discover and load every document under ``paths``, in order."""
    for item in discover(paths):
        if isinstance(item, LoadError):
            yield item
        else:
            yield load(item)
