"""Generate a folder of hostile and awkward inputs at test time (nothing binary is committed).

``make_corpus(root)`` returns what it made: the files that must be processed (``good``)
and those that must be reported once and skipped (``bad``).
"""

from __future__ import annotations

import codecs
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

ESC = "\x1b"
NASTY = (
    f"{ESC}[31mRED{ESC}[0m {ESC}[2J{ESC}[H clear "
    f"{ESC}]0;pwned title\x07 {ESC}]52;c;ZXZpbA==\x07 clipboard "
    f"{ESC}]8;;http://evil.example\x07link{ESC}]8;;\x07 "
    f"{ESC}P1$r0m{ESC}\\ dcs \x9b31m c1csi \x9d0;c1osc\x9c "
    "back\x08\x08\x08ward over\rwrite \x07bell \x00nul "
    "\u202eevil bidi\u202c \u2066iso\u2069 zero\u200bwidth"
)
PROSE = (
    "The council approved a budget of $4.5m on Friday, adding 20 new schools. "
    "Officials said enrolment rose 6% to nearly 54,000 students in March 2021. "
)


def many_lines(n: int = 100_000) -> str:
    """A log-like file of ``n`` short lines, each with numbers."""
    return "".join(f"line {i} of a log with 3 items\n" for i in range(n))


@dataclass
class Corpus:
    root: Path
    good: list[Path] = field(default_factory=list)
    bad: list[Path] = field(default_factory=list)
    specials: list[Path] = field(default_factory=list)


def _w(path: Path, data: bytes | str, corpus: list[Path]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    corpus.append(path)
    return path


def make_corpus(root: Path, *, big_mb: int = 50, giants: bool = True) -> Corpus:
    """``giants=False`` leaves out the multi-megabyte files (for tests that wait on each)."""
    c = Corpus(root)
    rng = random.Random(1234)
    g, b = c.good, c.bad
    # sizes and shapes
    _w(root / "empty.txt", b"", g)
    _w(root / "whitespace.txt", " \n\t\n   \n", g)
    _w(root / "one-word.txt", "word", g)
    _w(root / "no-punctuation.txt", "a headline\n\nthis text has no punctuation at all and goes on " * 50, g)
    if giants:
        _w(root / "mega-line.txt", (PROSE.replace(". ", ", ") * 12000).encode(), g)  # ~1.8 MB, one line
        _w(root / "many-lines.txt", many_lines(), g)
        big = root / "huge.txt"
        with open(big, "wb") as fh:
            chunk = (PROSE * 2000).encode()
            for _ in range(big_mb * 1024 * 1024 // len(chunk) + 1):
                fh.write(chunk)
        g.append(big)
    # encodings and line ends
    text = "Headline\n\nThe fee is £600m, “quoted” — café.\n"
    _w(root / "enc-utf8-bom.txt", codecs.BOM_UTF8 + text.encode(), g)
    _w(root / "enc-utf16le.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"), g)
    _w(root / "enc-utf16be.txt", codecs.BOM_UTF16_BE + text.encode("utf-16-be"), g)
    _w(root / "enc-cp1252.txt", text.encode("cp1252"), g)
    _w(root / "enc-latin1.txt", "Headline\n\nCaf\xe9 cr\xe8me at \xa35.\n".encode("latin-1"), g)
    _w(root / "enc-invalid-utf8.txt", "Headline\n\nMostly fine ü text ".encode() * 20 + b"\xff\xfe\xc3 end.\n", g)
    _w(root / "crlf.txt", b"Headline\r\n\r\nFirst line.\r\nSecond line.\r\n", g)
    _w(root / "lone-cr.txt", b"Headline\r\rFirst line.\rSecond line.\r", g)
    # terminal and markup injection
    _w(root / "escapes.txt", f"Title {NASTY}\n\n{NASTY}. It cost $5 and rose 5%.\n", g)
    _w(root / "markup.txt", "[bold]Title[/bold] [/]\n\nThe [link=http://evil.example]click[/link] text [red]x[/] [/] and [b]unclosed.\n", g)
    _w(root / "page.html", "<html><head><style>.x{}</style><script>alert('SCRIPT')</script></head><body>"
       "<!-- COMMENT --><nav>NAV</nav><article><h1>Title &amp; more</h1><iframe>IFRAME</iframe>"
       "<p>Body &pound;5 &lt;b&gt; text.</p></article></body></html>", g)
    # names
    _w(root / "name with spaces.txt", "Spaces\n\nFine text.\n", g)
    _w(root / "name\nwith newline.txt", "Newline\n\nFine text.\n", g)
    _w(root / f"name{ESC}[31mescape.txt", "Escape\n\nFine text.\n", g)
    _w(root / "name\u202eevil.txt", "Bidi\n\nFine text.\n", g)
    # binary
    _w(root / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4096)), b)
    _w(root / "archive.md", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(rng.randrange(256) for _ in range(4096)), b)
    _w(root / "random.txt", bytes(rng.randrange(256) for _ in range(8192)), b)
    _w(root / "nuls.txt", b"text\x00" * 500, b)
    # folders: deep nesting, a link loop, a FIFO, ignored extensions
    deep = root / "deep"
    for i in range(80):
        deep = deep / f"d{i}"
    _w(deep / "deep.txt", "Deep\n\nFound at the bottom.\n", g)
    (root / "loop").mkdir()
    os.symlink("..", root / "loop" / "back")
    os.symlink("self-link.txt", root / "self-link.txt")
    fifo = root / "pipe.txt"
    os.mkfifo(fifo)
    c.specials.append(fifo)
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return c
