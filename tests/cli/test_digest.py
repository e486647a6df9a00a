"""``briefing digest`` and ``summarize --words`` as a user runs them."""

from __future__ import annotations

import json

import pytest

from briefing.core.text import words
from tests.conftest import SEEDS, run_cli


@pytest.fixture(scope="module")
def digest_json() -> dict:
    proc = run_cli("digest", "--format", "json", str(SEEDS))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    proc = run_cli("summarize", "--format", "jsonl", str(SEEDS))
    return {d["path"]: d["text"] for d in map(json.loads, proc.stdout.decode().splitlines())}


def test_json_shape(digest_json: dict, texts: dict[str, str]) -> None:
    assert list(digest_json) == ["documents", "digest", "timeline"]
    docs = digest_json["documents"]
    assert [d["path"] for d in docs] == sorted(texts)  # input order (natural order of the folder)
    for d in docs:
        assert set(d) == {"path", "title", "date", "story", "related"}
        assert isinstance(d["story"], int)
    story = {d["path"].rsplit("/", 1)[-1][:3]: d["story"] for d in docs}
    assert story["001"] == story["002"]
    assert len({story[k] for k in ("000", "001", "003", "004")}) == 4
    for item in digest_json["digest"]:
        assert set(item) == {"path", "index", "start", "end", "text"}
        assert texts[item["path"]][item["start"] : item["end"]] == item["text"]
    for item in digest_json["timeline"]:
        assert set(item) == {"date", "until", "resolved", "path", "start", "end", "text", "sentence"}
        assert isinstance(item["resolved"], bool)
        text = texts[item["path"]]
        assert text[item["start"] : item["end"]] == item["text"]
        assert item["text"] in item["sentence"] and item["sentence"] in text
    dates = [t["date"] for t in digest_json["timeline"]]
    assert dates.index("2021-05") < dates.index("2023-10-01")
    assert dates[-1].startswith("--")
    by_text = {t["text"]: t for t in digest_json["timeline"]}
    assert (by_text["Monday"]["date"], by_text["Monday"]["resolved"]) == ("2020-03-16", True)  # 002's date
    assert (by_text["2020-2025"]["date"], by_text["2020-2025"]["until"]) == ("2020", "2025")
    assert by_text["October 1, 2023"]["resolved"] is False and by_text["October 1, 2023"]["until"] is None


def test_text_output_names_stories_and_ends_with_the_timeline() -> None:
    proc = run_cli("digest", str(SEEDS))
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert out.startswith("Digest · 5 documents · 4 stories")
    assert "2 versions: 001_d37a630e96fa15c4.txt, 002_29a071a0dc859973.txt" in out
    assert "\x1b" not in out  # piped: plain
    timeline = out.split("\nTimeline\n", 1)[1]
    assert "2023-10-01" in timeline and "04-27 (year unknown)" in timeline
    assert timeline.index("2021-05") < timeline.index("2023-10-01")


def test_markdown_output() -> None:
    proc = run_cli("digest", "--format", "markdown", str(SEEDS))
    out = proc.stdout.decode()
    assert out.startswith("# Digest\n")
    assert out.count("\n## ") == 5  # four stories and the timeline
    assert "| Date | Sentence | Document |" in out and "**October 1, 2023**" in out


@pytest.mark.parametrize("budget", [60, 150])
def test_digest_and_summarize_word_budgets(budget: int) -> None:
    proc = run_cli("digest", "--words", str(budget), "--format", "json", str(SEEDS))
    used = sum(len(words(d["text"])) for d in json.loads(proc.stdout)["digest"])
    assert 0 < used <= budget
    proc = run_cli("summarize", "--words", str(budget), "--format", "jsonl", str(SEEDS))
    for doc in map(json.loads, proc.stdout.decode().splitlines()):
        used = sum(len(words(s["text"])) for s in doc["summary"])
        assert 0 < used <= budget
        assert all(doc["text"][s["start"] : s["end"]] == s["text"] for s in doc["summary"])


def test_digest_sentence_count_and_usage_errors() -> None:
    proc = run_cli("digest", "-n", "4", "--format", "json", str(SEEDS))
    assert len(json.loads(proc.stdout)["digest"]) == 4
    bad = run_cli("digest", "-n", "3", "--words", "50", str(SEEDS))
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr
    bad = run_cli("summarize", "--words", "many", str(SEEDS))
    assert bad.returncode == 2 and b"whole number" in bad.stderr


def test_digest_reports_bad_files_and_goes_on(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("The council approved 3 new schools on Monday. It cost $4 million.")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    proc = run_cli("digest", "--format", "json", str(tmp_path))
    assert proc.returncode == 1
    assert proc.stderr.decode().count("b.txt") == 1
    data = json.loads(proc.stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in data["documents"]] == ["a.txt"]
    assert data["digest"]
