"""The CLI as a user runs it: a subprocess, its exit code, stdout bytes and stderr."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS, run_cli

ANSI = re.compile(rb"\x1b\[")
SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")


@pytest.fixture(scope="module")
def sample_jsonl() -> list[dict]:
    proc = run_cli("summarize", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.decode().splitlines()]


def test_json_contract_on_the_sample(sample_jsonl: list[dict]) -> None:
    assert [os.path.basename(r["path"]) for r in sample_jsonl] == [p.name for p in SEED_FILES]
    for rec in sample_jsonl:
        assert list(rec) == ["path", "title", "date", "text", "summary", "figures"]
        text = rec["text"]
        assert rec["date"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", rec["date"])
        indices = [s["index"] for s in rec["summary"]]
        assert indices == sorted(indices) and len(indices) >= 3
        for s in rec["summary"]:
            assert set(s) == {"index", "start", "end", "text"}
            assert text[s["start"] : s["end"]] == s["text"]
        assert rec["figures"]
        for f in rec["figures"]:
            extra = {"resolved", "resolution"} if f["kind"] == "date" else set()
            assert set(f) == {"kind", "text", "start", "end", "value", "unit"} | extra
            assert f["kind"] in {"count", "money", "percent", "date", "time", "duration", "number"}
            assert text[f["start"] : f["end"]] == f["text"]
    by_name = {os.path.basename(r["path"])[:3]: r for r in sample_jsonl}
    assert by_name["002"]["date"] == "2020-03-20"
    money = [f for f in by_name["004"]["figures"] if f["kind"] == "money"]
    assert money[0]["value"] == {"amount": 100000000, "currency": "USD"}
    # dates carry their calendar date and how it was found (002 is dated 2020-03-20, a Friday)
    dates = {f["text"]: f for f in by_name["002"]["figures"] if f["kind"] == "date"}
    assert dates["Monday"]["value"] == "monday"
    assert (dates["Monday"]["resolved"], dates["Monday"]["resolution"]) == ("2020-03-16", "document-date")
    undated = [f for f in by_name["000"]["figures"] if f["text"] == "Friday"]
    assert undated and all(f["resolved"] is None and f["resolution"] == "unresolved" for f in undated)
    written = [f for f in by_name["004"]["figures"] if f["text"] == "October 1, 2023"]
    assert [(f["resolved"], f["resolution"]) for f in written] == [("2023-10-01", "written")]


def test_json_is_the_same_objects_in_an_array(sample_jsonl: list[dict]) -> None:
    proc = run_cli("summarize", "--format", "json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == sample_jsonl


def test_figures_command_shape_and_kind_filter() -> None:
    proc = run_cli("figures", "--format", "jsonl", "--kind", "money,percent", str(SEEDS))
    recs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert all("summary" not in r for r in recs)
    kinds = {f["kind"] for r in recs for f in r["figures"]}
    assert kinds == {"money", "percent"}


def test_figures_top_k() -> None:
    proc = run_cli("figures", "--format", "jsonl", "--top", "3", str(SEED_FILES[4]))
    (rec,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(rec["figures"]) == 3
    assert [f["start"] for f in rec["figures"]] == sorted(f["start"] for f in rec["figures"])


def test_piped_text_is_plain() -> None:
    proc = run_cli("summarize", str(SEED_FILES[1]))
    assert proc.returncode == 0
    out = proc.stdout
    assert not ANSI.search(out)
    assert b"Amid shutdown, BPS, teachers union negotiate over online learning" in out
    assert b"20,000 Chromebook computers" in out
    # one summary bullet per line, not wrapped at 80 columns
    bullets = [line for line in out.decode().splitlines() if line.startswith("  • ")]
    assert len(bullets) == 3 and any(len(b) > 120 for b in bullets)


def test_color_always_and_no_color() -> None:
    coloured = run_cli("summarize", "--color", "always", str(SEED_FILES[1]))
    assert ANSI.search(coloured.stdout)
    plain = run_cli("summarize", "--color", "auto", str(SEED_FILES[1]), env={"NO_COLOR": "1"})
    assert not ANSI.search(plain.stdout)
    never = run_cli("summarize", "--color", "never", str(SEED_FILES[1]))
    assert not ANSI.search(never.stdout)


def _run_in_pty(args: list[str], env: dict[str, str] | None = None) -> bytes:
    master, slave = pty.openpty()
    full_env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", **(env or {}))
    full_env.pop("NO_COLOR", None) if not env or "NO_COLOR" not in env else None
    proc = subprocess.Popen([sys.executable, "-m", "briefing", *args], stdout=slave, stderr=slave,
                            stdin=subprocess.DEVNULL, cwd=ROOT, env=full_env)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks)


def test_terminal_output_is_coloured_by_kind() -> None:
    out = _run_in_pty(["summarize", str(SEED_FILES[1])])
    assert ANSI.search(out)
    # the count is styled differently from the surrounding sentence
    assert re.search(rb"\x1b\[[0-9;]*m20,000 Chromebook computers\x1b\[0?m", out)
    out_nc = _run_in_pty(["summarize", str(SEED_FILES[1])], env={"NO_COLOR": "1"})
    assert not re.search(rb"\x1b\[[0-9;]*3[0-9]", out_nc) and not re.search(rb"38;[25];", out_nc)


def test_markdown_bolds_figures() -> None:
    proc = run_cli("summarize", "--format", "markdown", str(SEED_FILES[1]))
    md = proc.stdout.decode()
    assert md.startswith("## Amid shutdown, BPS, teachers union negotiate over online learning")
    assert "**20,000 Chromebook computers**" in md


def test_unreadable_file_is_reported_once_others_processed(tmp_path) -> None:
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    proc = run_cli("summarize", "--format", "jsonl", str(bad), str(tmp_path / "missing.txt"), str(SEED_FILES[0]))
    assert proc.returncode == 1
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 2
    assert "binary.txt" in lines[0] and "binary" in lines[0]
    assert "missing.txt" in lines[1]
    assert b"Traceback" not in proc.stderr
    assert len(proc.stdout.decode().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [["summarize", "-a", "nope"], ["summarize", "-n", "x"], ["summarize", "--ratio", "2"],
     ["summarize", "-n", "2", "--ratio", "0.5"], ["figures", "--kind", "widgets"], ["summarize", "--format", "xml"],
     ["frobnicate-nonexistent-option", "--bogus"]],
)
def test_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    proc = run_cli(*args)
    assert proc.returncode == 2, proc
    assert b"Traceback" not in proc.stderr and proc.stderr.strip()


def test_unknown_algorithm_lists_choices() -> None:
    proc = run_cli("summarize", "-a", "nope")
    assert b"briefing, edmundson, kl, lead, lexrank" in proc.stderr


def test_help_and_version() -> None:
    proc = run_cli("summarize", "--help")
    text = proc.stdout.decode()
    assert proc.returncode == 0
    for name in ("lexrank", "textrank", "lsa", "luhn", "edmundson", "sumbasic", "kl", "reduction", "lead"):
        assert name in text
    assert "default" in text
    top = run_cli("--help")
    assert b"summarize" in top.stdout and b"figures" in top.stdout
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith(b"briefing ")


def test_stdin() -> None:
    proc = run_cli("summarize", "-", "--format", "jsonl", input=b"Piped\n\nOne sentence here. Another with 40 people.\n")
    rec = json.loads(proc.stdout)
    assert rec["path"] == "-" and rec["title"] == "Piped"
    assert [f["text"] for f in rec["figures"]] == ["40 people"]


def test_lengths_from_the_command_line() -> None:
    for args, expect in ((["-n", "1"], 1), (["-n", "5"], 5), (["--ratio", "0.5"], None)):
        proc = run_cli("summarize", "--format", "jsonl", *args, str(SEED_FILES[0]))
        rec = json.loads(proc.stdout)
        if expect:
            assert len(rec["summary"]) == expect
        else:
            assert len(rec["summary"]) >= 10


def test_every_algorithm_from_the_command_line() -> None:
    for algorithm in ("briefing", "lead", "lexrank", "textrank", "lsa", "luhn", "edmundson", "sumbasic", "kl", "reduction"):
        proc = run_cli("summarize", "-a", algorithm, "-n", "2", "--format", "jsonl", str(SEED_FILES[0]))
        assert proc.returncode == 0, (algorithm, proc.stderr)
        assert len(json.loads(proc.stdout)["summary"]) == 2


def test_markup_and_escapes_in_documents_are_inert(tmp_path) -> None:
    doc = tmp_path / "evil\x1b[31m.txt"
    doc.write_text("Title [bold]x[/]\n\nThe [link=http://e.x]click[/link] costs $5 and \x1b]0;pwned\x07 rose 5%.\x1b[2J More [/] text here.\n")
    for fmt in ("text", "markdown", "jsonl"):
        proc = run_cli("summarize", "--format", fmt, "--color", "always", str(doc))
        assert proc.returncode == 0
        out = proc.stdout
        assert b"\x1b]" not in out and b"\x1b[2J" not in out and b"\x07" not in out
        if fmt == "text":
            assert b"[bold]x[/]" in out and b"[link=http://e.x]click[/link]" in out
            assert b"\\x1b[31m.txt" in out  # the file name is shown escaped
        if fmt == "jsonl":
            assert b"\\u001b[31m" in out  # JSON escapes it
