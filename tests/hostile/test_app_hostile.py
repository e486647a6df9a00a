"""The app over a folder of hostile inputs: alive at every document, the screen clean."""

from __future__ import annotations

import re

import pytest

from briefing.ui.app import create_app
from tests.app.helpers import settle
from tests.hostile.corpus import make_corpus

pytestmark = pytest.mark.slow

# What may never appear on the rendered screen: raw escapes, C0/C1 controls, bidi overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _screen_text(app) -> str:
    """Every character the compositor would paint, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_update(full=True).strips) \
        if hasattr(app.screen, "_compositor") and False else app.export_screenshot()


async def test_walking_a_hostile_folder(tmp_path) -> None:
    corpus = make_corpus(tmp_path / "docs", big_mb=8)
    app = create_app([str(corpus.root)], theme="briefing-dark", config_dir=tmp_path / "config")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, rounds=400)
        reader = app.reader
        n = len(reader.documents.entries)
        assert n >= len(corpus.good)
        for step in range(n):
            await settle(pilot, rounds=400)
            svg = app.export_screenshot()
            # Textual's SVG escapes text; control characters must not survive into it.
            assert not UNSAFE.search(svg), reader.index
            assert "pwned" not in svg or "]0;pwned" in svg  # OSC payload shown as text or dropped, never acted on
            await pilot.press("j")
        assert app.is_running
        # the markup document shows its brackets literally
        names = [e.path for e in reader.documents.entries]
        idx = next(i for i, p in enumerate(names) if p.endswith("markup.txt"))
        reader.select(idx)
        await settle(pilot, rounds=400)
        svg = app.export_screenshot()
        assert "[link=http://evil.example]click[/link]" in svg.replace("&#160;", " ")
