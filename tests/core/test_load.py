"""Loading: formats, encodings, folders, stdin, and never writing."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest

from briefing.core.load import Source, decode, discover, load, load_paths, natural_key
from briefing.core.model import Document, LoadError
from tests.conftest import BBC_SAMPLE, SEEDS


def _docs(paths):
    return [d for d in load_paths([str(p) for p in paths])]


def test_utf8_with_and_without_bom(tmp_path: Path) -> None:
    text = "Headline here\n\nThe fund raised £1,400 and “quotes” stay intact.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    a, b = _docs([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert a.text == b.text
    assert "£1,400" in a.text and "“quotes”" in a.text
    assert a.title == "Headline here" == b.title


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    text = "Headline\n\nPrices rose 6.4% to €300 in Zürich.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    elif encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    (tmp_path / "u.txt").write_bytes(data)
    (doc,) = _docs([tmp_path / "u.txt"])
    assert isinstance(doc, Document)
    assert "6.4% to €300 in Zürich" in doc.text


def test_cp1252_decodes_pound_and_curly_quotes(tmp_path: Path) -> None:
    text = "Headline\n\nHe paid \u00a3600m for \u201cthe deal\u201d \u2014 a record.\n"
    (tmp_path / "c.txt").write_bytes(text.encode("cp1252"))
    (doc,) = _docs([tmp_path / "c.txt"])
    assert "£600m" in doc.text and "“the deal” — a record" in doc.text
    assert any("cp1252" in note for note in doc.notes)


def test_latin1_article_from_the_dev_data() -> None:
    raw = (BBC_SAMPLE / "articles" / "sport_199.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    (doc,) = _docs([BBC_SAMPLE / "articles" / "sport_199.txt"])
    assert isinstance(doc, Document)
    assert "\ufffd" not in doc.text
    assert doc.title


def test_binary_files_are_refused_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (item,) = _docs([tmp_path / "img.txt"])
    assert isinstance(item, LoadError)
    assert "binary" in item.reason


def test_decode_prefers_utf8_then_cp1252() -> None:
    assert decode("café".encode("utf-8")) == ("café", "utf-8")
    assert decode("café".encode("cp1252"))[0] == "café"


def test_folders_recursive_natural_order_supported_only(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ["doc10.txt", "doc2.txt", "notes.md", "page.html", "image.png", "data.csv", ".hidden.txt"]:
        (tmp_path / name).write_text("Title\n\nBody text here.\n")
    (tmp_path / "sub" / "doc1.txt").write_text("Title\n\nBody.\n")
    found = [Path(s.path).name for s in discover([str(tmp_path)]) if isinstance(s, Source)]
    assert found == ["doc2.txt", "doc10.txt", "notes.md", "page.html", "doc1.txt"]


def test_explicit_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    p = tmp_path / "memo.log"
    p.write_text("Memo title\n\nThe board met on Friday.\n")
    (doc,) = _docs([p])
    assert isinstance(doc, Document) and "board met" in doc.text


def test_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    (item,) = _docs([tmp_path / "nope.txt"])
    assert isinstance(item, LoadError) and "no such file" in item.reason


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "Piped headline\n\nA body sentence with 12 items.\n".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = load(Source("-", explicit=True))
    assert isinstance(doc, Document)
    assert doc.title == "Piped headline" and doc.name == "<stdin>"


def test_html_visible_article_text_only(tmp_path: Path) -> None:
    html = """<!doctype html><html><head><title>Site | Story</title>
    <style>p { color: red }</style><script>var secret = "SCRIPT";</script></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <header>Site header</header>
    <article><h1>Council approves budget</h1>
    <p>The council approved a &pound;4.5m budget on Tuesday &amp; cut 20 posts.</p>
    <!-- a comment that must vanish -->
    <iframe src="x">IFRAME</iframe>
    <p>Residents will pay 3% more.</p></article>
    <footer>Copyright</footer></body></html>"""
    p = tmp_path / "story.html"
    p.write_text(html)
    (doc,) = _docs([p])
    assert doc.title == "Council approves budget"
    assert "£4.5m budget on Tuesday & cut 20 posts" in doc.text
    for junk in ("SCRIPT", "color: red", "Home", "Site header", "comment", "IFRAME", "Copyright"):
        assert junk not in doc.text
    assert doc.text.count("\n\n") >= 1  # paragraphs kept


def test_natural_key() -> None:
    assert sorted(["a10", "a2", "A1"], key=natural_key) == ["A1", "a2", "a10"]


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_loading_never_writes_next_to_documents(tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    before = _tree_digest(copy)
    mtimes = {p: os.stat(p).st_mtime_ns for p in copy.iterdir()}
    from briefing.core.analyze import analyze

    for doc in load_paths([str(copy)]):
        assert isinstance(doc, Document)
        analyze(doc)
    assert _tree_digest(copy) == before
    assert {p: os.stat(p).st_mtime_ns for p in copy.iterdir()} == mtimes
