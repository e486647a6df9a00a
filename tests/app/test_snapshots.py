"""SVG snapshots of the reader (pytest-textual-snapshot); baselines in __snapshots__/.

Deterministic by construction: a fixed theme, private XDG folders (conftest), no clock in
the header, and every worker finished (the summary shown) before the picture is taken.
The summaries use the ``lead`` algorithm so that the pictures follow layout changes, not
tuning of the default summarizer. Update with ``pytest tests/app/test_snapshots.py
--snapshot-update`` after looking at the screens.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from briefing.ui.app import create_app
from tests.app.conftest import SEEDS
from tests.app.helpers import settle

SIZES = {"120x40": (120, 40), "80x24": (80, 24)}


@pytest.mark.parametrize("theme", ["briefing-dark", "briefing-light"])
@pytest.mark.parametrize("size", list(SIZES))
def test_main_screen(snap_compare, size: str, theme: str) -> None:
    app = create_app([str(SEEDS)], theme=theme, algorithm="lead")
    assert snap_compare(app, terminal_size=SIZES[size], run_before=settle)


def test_help_screen(snap_compare) -> None:
    async def open_help(pilot: Pilot[int]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    app = create_app([str(SEEDS)], theme="briefing-dark", algorithm="lead")
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_help)


def test_figures_view_after_a_jump(snap_compare) -> None:
    async def jump(pilot: Pilot[int]) -> None:
        await settle(pilot)
        await pilot.press("f", "tab", "down", "down", "enter")
        await pilot.pause()
        # The flash is timed: end it so the picture does not depend on timing.
        pilot.app.reader.text.end_flash()
        await pilot.pause()

    app = create_app([str(SEEDS)], theme="briefing-dark", algorithm="lead")
    assert snap_compare(app, terminal_size=(120, 40), run_before=jump)
