"""The grouped document list and the briefing overview screen (digest, timeline, jumps)."""

from __future__ import annotations

from textual.pilot import Pilot

from briefing.ui.app import create_app
from briefing.ui.screens.overview import OverviewScreen
from tests.app.conftest import SEEDS
from tests.app.helpers import settle
from tests.app.test_reader import SEED_DOCS


async def open_overview(pilot: Pilot[int]) -> OverviewScreen:
    await settle(pilot)
    await pilot.press("o")
    screen = pilot.app.screen
    assert isinstance(screen, OverviewScreen)
    for _ in range(200):
        await pilot.pause(0.02)
        if screen.overview is not None:
            break
    await pilot.pause()
    assert screen.overview is not None
    return screen


async def test_the_list_shows_one_story_as_one_entry_that_unfolds(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        docs = app.reader.documents
        assert app.reader.stories == [0, 1, 1, 2, 3]
        assert docs.rows == [0, 1, 3, 4]  # 002 is folded under 001
        assert docs.border_title == "Documents (5 · 4 stories)"
        svg = app.export_screenshot().replace("&#160;", " ")
        assert "▸ 2 versions" in svg
        await pilot.press("j", "right")
        assert docs.rows == [0, 1, 2, 3, 4]
        assert "▾ 2 versions" in app.export_screenshot().replace("&#160;", " ")
        await pilot.press("j")
        await settle(pilot)
        assert app.reader.index == 2 and app.reader.document == SEED_DOCS[2]
        await pilot.press("left")  # fold from inside the group: back on its first entry
        await settle(pilot)
        assert docs.rows == [0, 1, 3, 4] and app.reader.index == 1


async def test_overview_lists_the_digest_by_story_and_the_timeline(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(pilot)
        ov = screen.overview
        assert ov is not None
        assert len({p.story for p in ov.digest}) == 4
        prompts = [str(screen.items.get_option_at_index(i).prompt) for i in range(screen.items.option_count)]
        text = "\n".join(prompts)
        assert "2020-03-20 · 2 versions" in text
        assert "— 002_29a071a0dc859973.txt" in text  # each sentence names its document
        assert "Timeline" in prompts
        dated = [p for p in prompts if p[:4].isdigit()]
        assert [p.split()[0] for p in dated] == sorted(p.split()[0] for p in dated)
        assert any(p.startswith("04-27 (year unknown)") for p in prompts)


async def test_enter_on_a_digest_sentence_opens_it_marked_in_its_document(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(pilot)
        ov = screen.overview
        assert ov is not None
        # The third digest sentence comes from 002, folded in the list until now.
        target = ov.digest[2]
        assert ov.analyses[target.doc].document == SEED_DOCS[2]
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        reader = app.reader
        assert app.screen is reader
        assert reader.index == 2 and reader.document == SEED_DOCS[2]
        assert reader.documents.rows == [0, 1, 2, 3, 4]  # unfolded to show it
        assert reader.text.flash_span == (target.start, target.end)
        assert app.focused is reader.text


async def test_t_jumps_to_the_timeline_and_enter_opens_the_date(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(pilot)
        ov = screen.overview
        assert ov is not None
        await pilot.press("t", "enter")
        await settle(pilot)
        first = ov.timeline[0]
        assert app.reader.document == ov.analyses[first.doc].document
        assert app.reader.text.flash_span == (first.start, first.end)


async def test_escape_returns_and_the_palette_opens_the_overview(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_overview(pilot)
        await pilot.press("escape")
        assert app.screen is app.reader
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"overview")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, OverviewScreen)


def test_overview_snapshot(snap_compare) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await open_overview(pilot)

    app = create_app([str(SEEDS)], theme="briefing-dark", algorithm="lead")
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


async def test_overview_says_when_documents_could_not_be_analysed(make_app) -> None:
    """One failing document is skipped and reported; an analyst that has gone stops the
    overview at once (every later request would fail too) and says why."""
    from briefing.ui.helper import ANALYST_STOPPED

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        real = app.helper.analyze
        asked: list[str] = []

        def one_bad(document, settings, cancelled, source=None):  # type: ignore[no-untyped-def]
            asked.append(document.path)
            if len(asked) == 2:
                return "could not analyse (ValueError: broken)"
            return real(document, settings, cancelled, source)

        app.helper.analyze = one_bad  # type: ignore[method-assign]
        screen = await open_overview(pilot)
        assert len(asked) == 5 and len(screen.overview.analyses) == 4
        status = str(screen.query_one("#overview-status").render())
        assert "1 document could not be analysed (could not analyse (ValueError: broken))" in status
        await pilot.press("escape")
        await settle(pilot)

        asked.clear()
        app.helper.analyze = lambda document, settings, cancelled, source=None: (  # type: ignore[method-assign]
            asked.append(document.path) or ANALYST_STOPPED
        )
        screen = await open_overview(pilot)
        assert len(asked) == 1 and len(screen.overview.analyses) == 0
        assert ANALYST_STOPPED in str(screen.query_one("#overview-status").render())
