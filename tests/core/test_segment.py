"""Sentence segmentation: Punkt with project-owned parameters, offsets exact, offline."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from briefing.core.clean import clean
from briefing.core.load import load_paths
from briefing.core.segment import segment, split_spans
from tests.conftest import ROOT, SEEDS


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Classes run between 9 a.m. and noon. Teachers check in.",
         ["Classes run between 9 a.m. and noon.", "Teachers check in."]),
        # News style puts the day after the time: "5 p.m. Friday" stays one sentence.
        ("It was issued before 5 p.m. Friday. Talks resume.", ["It was issued before 5 p.m. Friday.", "Talks resume."]),
        ("It ended at 5 p.m. The union agreed.", ["It ended at 5 p.m.", "The union agreed."]),
        ("Mr. Smith met Dr. Jones and Gov. Baker. They agreed.",
         ["Mr. Smith met Dr. Jones and Gov. Baker.", "They agreed."]),
        ("Lt. Gov. Karyn Polito and Sen. Warren spoke. St. Louis listened.",
         ["Lt. Gov. Karyn Polito and Sen. Warren spoke.", "St. Louis listened."]),
        ("She moved to the U.S. The move paid off.", ["She moved to the U.S.", "The move paid off."]),
        ("Profits rose to $1.13bn, up 6.4%. Shares fell 2.5 points.",
         ["Profits rose to $1.13bn, up 6.4%.", "Shares fell 2.5 points."]),
        ("It is due on Jan. 5 and Feb. 9. No. 10 said so, e.g. on radio, i.e. twice.",
         ["It is due on Jan. 5 and Feb. 9.", "No. 10 said so, e.g. on radio, i.e. twice."]),
        ("The photo by David L. Ryan ran. It was Boston vs. New York.",
         ["The photo by David L. Ryan ran.", "It was Boston vs. New York."]),
        ("“We know it,” according to the update. “We are also aware.” Then silence.",
         ["“We know it,” according to the update.", "“We are also aware.”", "Then silence."]),
        ('"Is it over?" he asked. Nobody knew!', ['"Is it over?" he asked.', "Nobody knew!"]),
        ("Mildred Ave. is a Level 1 school. It improved.",
         ["Mildred Ave. is a Level 1 school.", "It improved."]),
        ("no punctuation at all here", ["no punctuation at all here"]),
    ],
)
def test_sentence_edges(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_sentences_never_cross_paragraphs_and_offsets_slice_back() -> None:
    doc = clean("Title\n\nFirst paragraph ends without a stop\n\nSecond one. Third one.", path="x")
    ss = segment(doc)
    assert [doc.text[s.start : s.end] for s in ss] == [
        "First paragraph ends without a stop", "Second one.", "Third one."
    ]
    assert [s.index for s in ss] == [0, 1, 2]


def test_headings_and_captions_are_single_units_not_summarizable() -> None:
    docs = {d.name[:3]: d for d in load_paths([str(SEEDS)])}
    doc = docs["003"]
    ss = segment(doc)
    by_role = {doc.text[s.start : s.end]: s.role for s in ss}
    assert by_role["District-union partnership is a promising model for student achievement gains"] == "heading"
    assert by_role["Min Wang, a K-1 teacher at the Mildred Avenue K-8 School in Boston, working with student Vanessa Grand Pierre."] == "caption"
    assert not any(s.summarizable for s in ss if s.role in ("heading", "caption", "byline"))


def test_all_seed_offsets_are_exact() -> None:
    for doc in load_paths([str(SEEDS)]):
        for s in segment(doc):
            piece = doc.text[s.start : s.end]
            assert piece == piece.strip() and piece


def test_whole_pipeline_runs_with_an_empty_nltk_data_path(tmp_path) -> None:
    """No punkt/punkt_tab anywhere: the CLI still summarizes, and nothing was downloaded."""
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    code = (
        "import nltk, sys; nltk.data.path[:] = []\n"
        "def refuse(*a, **k): raise SystemExit('network/download attempted')\n"
        "nltk.download = refuse\n"
        "import socket\n"
        "socket.socket.connect = lambda *a, **k: refuse()\n"
        "from briefing.cli import main\n"
        "sys.exit(main(['summarize', '--format', 'jsonl', sys.argv[1]]))\n"
    )
    env = dict(os.environ, NLTK_DATA=str(empty), HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", code, str(SEEDS)], capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.count(b"\n") == 5
    assert not any(empty.iterdir())
