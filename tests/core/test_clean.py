"""Cleaning: furniture rules, titles, dates, paragraph roles (general rules, synthetic text)."""

from __future__ import annotations

from briefing.core.clean import clean, sanitize
from briefing.core.load import load_paths
from tests.conftest import SEEDS


def roles(doc):
    return [(b.role, doc.text[b.start : b.end]) for b in doc.blocks]


def test_seed_titles_and_dates() -> None:
    docs = {d.name[:3]: d for d in load_paths([str(SEEDS)])}
    assert docs["000"].title == "Boston schools and teachers union strike deal on remote learning"
    assert docs["001"].title == "Amid shutdown, BPS, teachers union negotiate over online learning"
    assert docs["003"].title == "Little-tapped Boston contract provision tied to big school improvement"
    assert docs["004"].title == "DESE and BPS Agree to a New Model for Improvement in District"
    # 002 has no headline: its date header is read and its first words stand in.
    assert docs["002"].date == "2020-03-20"
    assert docs["002"].title.startswith("But the union and Superintendent Brenda Cassellius")
    assert not docs["002"].text.startswith("date") and "2020-03-20" not in docs["002"].text[:40]


def test_seed_furniture_is_gone() -> None:
    text = "\n".join(d.text for d in load_paths([str(SEEDS)]))
    for junk in ("Skip to main content", "scorecardresearch", "fb-pixel", "Globe Staff",
                 "can be reached at", "@globevaznis", "Return to Headlines", "Meet the Author"):
        assert junk not in text, junk


def test_general_furniture_rules() -> None:
    raw = """analytics-pixel Skip to content
Back to top
Mayor unveils transit plan

Photo by Jane Doe/Getty Images

By Sam Reporter

The mayor unveiled a $2 billion transit plan on Monday.
It adds 40 buses.

Jane Roe, a commuter in Springfield, waiting for a bus.

A rider waits at the stop.Pat Smith/Staff Photographer

Sam Reporter can be reached at sam@example.com.
Follow her on Twitter @samreports.
Share
"""
    doc = clean(raw, path="x.txt")
    assert doc.title == "Mayor unveils transit plan"
    r = roles(doc)
    assert ("byline", "By Sam Reporter") in r
    assert ("caption", "Jane Roe, a commuter in Springfield, waiting for a bus.") in r
    assert ("caption", "A rider waits at the stop.") in r
    for junk in ("Skip to", "Back to top", "Getty", "reached at", "@samreports", "Share", "Staff Photographer"):
        assert junk not in doc.text
    assert "$2 billion" in doc.text and "40 buses" in doc.text


def test_paragraphs_kept_and_hard_wraps_joined() -> None:
    raw = ("Title line\n\nThis paragraph was wrapped at a fixed width by an editor and it\n"
           "continues on the next line without a break.\n\nSecond paragraph.\n")
    doc = clean(raw, path="x.md", fmt="markdown")
    assert doc.text == (
        "This paragraph was wrapped at a fixed width by an editor and it continues on the next "
        "line without a break.\n\nSecond paragraph."
    )
    assert [b.role for b in doc.blocks] == ["body", "body"]


def test_date_forms() -> None:
    assert clean("Published: March 20, 2020\nTitle\n\nBody text.", path="x").date == "2020-03-20"
    assert clean("Title\n\n20 March 2020\n\nBody text.", path="x").date == "2020-03-20"
    assert clean("Title\n\nBOSTON, March 5, 2021 — The city said so.", path="x").date == "2021-03-05"
    assert clean("Title\n\nNo date at all here.", path="x").date is None


def test_list_items_and_headings() -> None:
    doc = clean("Plan\n\nPriorities outlined:\n\n  1. Build 10 schools.\n  2. Hire staff.\n", path="x")
    r = roles(doc)
    assert r[0] == ("heading", "Priorities outlined:")
    assert r[1] == ("item", "Build 10 schools.")  # the marker is outside the block
    assert "1. Build" in doc.text


def test_sanitize_strips_escapes_and_controls() -> None:
    nasty = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07c\x1b]52;c;Zm9v\x07 d\x08e\u202eevil\r\nx\ry\x00z\x9b2J"
    out = sanitize(nasty)
    assert "\x1b" not in out and "\x07" not in out and "\x08" not in out and "\u202e" not in out
    assert "\x9b" not in out and "\x00" not in out and "\r" not in out
    assert out.startswith("ared b")
    assert "x\ny" in out


def test_empty_and_whitespace_documents() -> None:
    for raw in ("", "   \n\n  \t", "word"):
        doc = clean(raw, path="empty.txt")
        assert doc.title
        assert all(0 <= b.start <= b.end <= len(doc.text) for b in doc.blocks)
