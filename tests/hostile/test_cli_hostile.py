"""The CLI over a folder of hostile inputs: no crash, no hang, no injection, no writes."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile.corpus import make_corpus

pytestmark = pytest.mark.slow

SGR = re.compile(rb"\x1b\[[0-9;]*m")
RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return make_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One cache for the module's runs, as a user's repeated runs share theirs."""
    return str(tmp_path_factory.mktemp("cache"))


def _digest(root: Path) -> dict[str, str]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            p = Path(dirpath, name)
            if p.is_symlink() or not p.is_file():
                out[str(p)] = "special"
                continue
            out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _run(args: list[str], cache_home: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, XDG_CACHE_HOME=cache_home)
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                          env=env, cwd=ROOT, timeout=240, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def jsonl_run(corpus, cache_home):
    before = _digest(corpus.root)
    proc = _run(["summarize", "--format", "jsonl", str(corpus.root)], cache_home)
    after = _digest(corpus.root)
    return proc, before, after


def test_exit_code_and_each_bad_file_reported_once(corpus, jsonl_run) -> None:
    proc, _, _ = jsonl_run
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "Traceback" not in err
    lines = err.splitlines()
    for bad in corpus.bad:
        assert sum(bad.name in line for line in lines) == 1, (bad.name, lines)
    assert sum("pipe.txt" in line for line in lines) == 1
    assert all(line.startswith("briefing: ") for line in lines)


def test_every_good_document_is_processed(corpus, jsonl_run) -> None:
    proc, _, _ = jsonl_run
    recs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    paths = {r["path"] for r in recs}
    for good in corpus.good:
        assert str(good) in paths, good.name
    for r in recs:
        for item in r["summary"] + r["figures"]:
            assert r["text"][item["start"] : item["end"]] == item["text"]


def test_nothing_is_written_or_changed(jsonl_run) -> None:
    _, before, after = jsonl_run
    assert before == after


def test_document_text_never_carries_controls(jsonl_run) -> None:
    proc, _, _ = jsonl_run
    assert not RAW_CONTROL.search(proc.stdout.replace(b"\n", b""))
    for r in (json.loads(line) for line in proc.stdout.decode().splitlines()):
        for field in ("title", "text"):
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", r[field]), r["path"]


def test_decodings(jsonl_run) -> None:
    proc, _, _ = jsonl_run
    recs = {Path(r["path"]).name: r for r in (json.loads(line) for line in proc.stdout.decode().splitlines())}
    for name in ("enc-utf8-bom.txt", "enc-utf16le.txt", "enc-utf16be.txt", "enc-cp1252.txt"):
        assert recs[name]["text"] == "The fee is £600m, “quoted” — café.", name
    assert recs["enc-latin1.txt"]["text"] == "Café crème at £5."
    # Each line ending becomes \n; each line is its own paragraph (joined by a blank line).
    assert recs["crlf.txt"]["text"] == recs["lone-cr.txt"]["text"] == "First line.\n\nSecond line."
    assert "\r" not in recs["lone-cr.txt"]["text"]
    html = recs["page.html"]
    assert html["title"] == "Title & more" and "£5 <b> text" in html["text"]
    assert not any(junk in html["text"] for junk in ("SCRIPT", "COMMENT", "NAV", "IFRAME", ".x{}"))
    assert recs["markup.txt"]["title"].startswith("[bold]Title[/bold]")


@pytest.mark.parametrize("args", [["summarize", "--color", "always"], ["summarize", "--color", "never"],
                                  ["figures", "--color", "always"], ["summarize", "--format", "markdown"]])
def test_styled_and_plain_output_is_clean(corpus, cache_home, jsonl_run, args: list[str]) -> None:
    del jsonl_run  # requested only so the shared cache is warm: these runs measure output, not analysis
    proc = _run([*args, str(corpus.root)], cache_home)
    assert proc.returncode == 1
    out = SGR.sub(b"", proc.stdout)  # colour codes are ours; nothing else may remain
    assert b"\x1b" not in out and not RAW_CONTROL.search(out.replace(b"\n", b""))
    err = proc.stderr
    assert b"\x1b" not in err and b"\x07" not in err and "\u202e".encode() not in err
    if "text" in args or "--color" in args:
        assert b"[link=http://evil.example]click[/link]" in proc.stdout or b"figures" in args[0].encode()


def test_digest_over_the_hostile_folder(corpus, cache_home, jsonl_run) -> None:
    """The whole-briefing digest: same exit code and reports, valid JSON, offsets that
    slice back, nothing raw in any format, nothing written next to the documents."""
    before = _digest(corpus.root)
    proc = _run(["digest", "--format", "json", str(corpus.root)], cache_home)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert not RAW_CONTROL.search(proc.stdout)
    data = json.loads(proc.stdout)
    texts = {r["path"]: r["text"] for r in map(json.loads, jsonl_run[0].stdout.decode().splitlines())}
    assert {d["path"] for d in data["documents"]} == set(texts)
    for item in data["digest"] + data["timeline"]:
        assert texts[item["path"]][item["start"] : item["end"]] == item["text"]
    for fmt in ("text", "markdown"):
        out = _run(["digest", "--format", fmt, "--color", "always", str(corpus.root)], cache_home)
        assert out.returncode == 1
        assert not RAW_CONTROL.search(SGR.sub(b"", out.stdout)), fmt
    assert _digest(corpus.root) == before
