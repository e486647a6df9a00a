"""Pilot tests: reading a briefing with the keyboard (and a few clicks)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from briefing.core.load import load_paths
from briefing.core.model import FIGURE_KINDS, Document
from briefing.ui.screens.help import HelpScreen
from briefing.ui.widgets.figures_pane import FiguresPane
from briefing.ui.widgets.summary_pane import SummaryPane
from briefing.ui.widgets.text_pane import TextPane
from tests.app.conftest import SEEDS
from tests.app.helpers import settle

SEED_DOCS: list[Document] = [d for d in load_paths([str(SEEDS)]) if isinstance(d, Document)]


def visible(text: TextPane, start: int) -> bool:
    """Whether the character at ``start`` is on screen in the text pane."""
    top = round(text.scroll_y)
    line = text.line_of(start)
    return top <= line < top + text.scrollable_content_region.height


# --- opening and moving ---------------------------------------------------------------


async def test_opens_on_the_first_document(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert len(reader.documents.entries) == len(SEED_DOCS) == 5
        assert reader.index == 0
        assert reader.title == SEED_DOCS[0].title
        assert reader.text.text == SEED_DOCS[0].text
        assert reader.analysis is not None
        assert len(reader.summary.sentence_spans) == len(reader.analysis.summary.indices) > 0
        # Every entry has been read for the list: titles, sizes, figure counts.
        assert [e.title for e in reader.documents.entries] == [d.title for d in SEED_DOCS]
        assert all(e.words and e.figures is not None for e in reader.documents.entries)
        assert app.focused is reader.documents


async def test_j_k_g_G_and_arrows_move_in_the_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        await pilot.press("j")
        await settle(pilot)
        assert reader.index == 1
        assert reader.title == SEED_DOCS[1].title
        assert reader.text.text == SEED_DOCS[1].text
        assert reader.analysis is not None and reader.analysis.document == SEED_DOCS[1]
        await pilot.press("k")
        assert reader.index == 0
        await pilot.press("G")
        assert reader.index == 4
        await pilot.press("j")  # already at the end: stays
        assert reader.index == 4
        await pilot.press("g")
        assert reader.index == 0
        await pilot.press("down", "down")
        assert reader.index == 3  # 001 and 002 are one story: one row until expanded
        await pilot.press("up")
        assert reader.index == 1
        await pilot.press("end")
        assert reader.index == 4
        await settle(pilot)
        assert reader.analysis is not None and reader.analysis.document == SEED_DOCS[4]


async def test_j_works_from_every_pane(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, TextPane)
        await pilot.press("j")
        assert app.reader.index == 1


async def test_moving_quickly_shows_the_last_document_only(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "k", "j", "j")
        await settle(pilot)
        reader = app.reader
        assert reader.index == 4
        assert reader.analysis is not None and reader.analysis.document == SEED_DOCS[4]
        assert reader.summary.analysis is reader.analysis


async def test_clicking_a_document_opens_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Entries are four rows high; the list's border takes the first row.
        await pilot.click("#documents", offset=(5, 1 + 4 * 2))
        await settle(pilot)
        # The third row: 001 and 002 tell one story and share the second row.
        assert app.reader.index == 3
        assert app.reader.title == SEED_DOCS[3].title


async def test_tab_and_shift_tab_cycle_the_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert app.focused is reader.documents
        await pilot.press("tab")
        assert app.focused is reader.summary
        await pilot.press("tab")
        assert app.focused is reader.text
        await pilot.press("tab")
        assert app.focused is reader.documents
        await pilot.press("shift+tab")
        assert app.focused is reader.text
        await pilot.press("f")  # the figures view takes the summary's place in the cycle
        await pilot.press("shift+tab")
        assert app.focused is reader.figures


# --- the summary and the text -----------------------------------------------------------


async def test_enter_on_a_summary_sentence_scrolls_the_text_to_it_and_flashes_it(make_app) -> None:
    app = make_app(paths=[SEEDS / SEED_DOCS[4].name])  # the longest sample: the text must scroll
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        spans = reader.summary.sentence_spans
        assert len(spans) >= 3
        await pilot.press("tab")
        assert app.focused is reader.summary
        await pilot.press("end", "enter")
        start, end = spans[-1]
        assert reader.text.flash_span == (start, end)
        assert visible(reader.text, start)
        assert reader.text.scroll_y > 0
        assert reader.text.text[start:end] == reader.analysis.sentence_text(
            reader.analysis.summary.indices[-1]
        )


async def test_the_flash_fades(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefing.ui.widgets.text_pane.FLASH_SECONDS", 0.5)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "enter")
        assert app.reader.text.flash_span is not None
        await pilot.pause(1.0)
        assert app.reader.text.flash_span is None


async def test_clicking_a_summary_sentence_jumps_to_it(make_app) -> None:
    app = make_app(paths=[SEEDS / SEED_DOCS[4].name])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        summary = reader.summary
        # The second sentence starts below the first one and its divider.
        first_height = summary.region.height  # ensure the pane is laid out
        assert first_height > 4
        clicked = await pilot.click(SummaryPane, offset=(4, 1))
        assert clicked
        assert reader.text.flash_span == summary.sentence_spans[0]


async def test_summary_sentences_are_marked_in_the_text(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert reader.text.analysis is reader.analysis
        assert reader.mark_style.startswith("on #")
        line = reader.text.line_of(reader.summary.sentence_spans[0][0])
        strip = reader.text.render_line(line - round(reader.text.scroll_y))
        mark = reader.mark_style.split()[-1].lower()
        assert any(
            seg.style and seg.style.bgcolor and seg.style.bgcolor.name.lower() == mark
            for seg in strip
        )


async def test_page_keys_and_space_scroll_the_text_from_any_pane(make_app) -> None:
    app = make_app(paths=[SEEDS / SEED_DOCS[4].name])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = app.reader.text
        assert app.focused is app.reader.documents
        await pilot.press("pagedown")
        first = text.scroll_y
        assert first > 0
        await pilot.press("space")
        assert text.scroll_y > first
        await pilot.press("pageup", "pageup")
        assert text.scroll_y == 0


async def test_each_text_scrolls_over_its_own_length_after_moving(make_app) -> None:
    """The text pane's scroll range and scroll bar follow the document shown (they are
    updated in place when the text changes, without a layout of the screen)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        text = reader.text
        for step in ("G", "g", "G"):  # the longest document, the first, the longest again
            await pilot.press(step)
            await settle(pilot)
            lines = len(text._lines)
            height = text.scrollable_content_region.height
            assert text.virtual_size.height == lines
            assert text.max_scroll_y == max(0, lines - height)
            assert text.vertical_scrollbar.window_virtual_size == lines
            text.action_scroll_end()
            await pilot.pause()
            last_words = reader.document.text.rstrip().rsplit(None, 3)[-3:]
            assert " ".join(last_words) in " ".join(text.visible_text.split())
            assert text.scroll_y == text.max_scroll_y


async def test_a_long_summary_scrolls_to_its_last_sentence(make_app) -> None:
    """The summary pane's scroll range follows its sentences (updated without a layout)."""
    app = make_app(paths=[SEEDS / SEED_DOCS[4].name])
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        reader = app.reader
        summary = reader.summary
        for _ in range(8):
            await pilot.press("plus")
        await settle(pilot)
        long_height = summary.virtual_size.height
        assert long_height > summary.scrollable_content_region.height
        summary.focus()
        await pilot.press("end")
        await pilot.pause()
        assert summary.highlighted == len(summary.sentence_spans) - 1
        assert summary.scroll_y == summary.max_scroll_y > 0
        # Shorter again: the range shrinks with it.
        await pilot.press("minus", "minus", "minus", "minus", "minus", "minus", "minus", "minus")
        await settle(pilot)
        height = summary.scrollable_content_region.height
        assert summary.virtual_size.height < long_height
        assert summary.max_scroll_y == max(0, summary.virtual_size.height - height)
        assert summary.vertical_scrollbar.window_virtual_size == summary.virtual_size.height
        assert summary.scroll_y <= summary.max_scroll_y


async def test_the_title_bar_shows_title_and_date_and_its_icon_opens_the_palette(make_app) -> None:
    from textual.command import CommandPalette

    from briefing.ui.widgets.title_bar import TitleBar

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.reader.query_one(TitleBar)
        assert SEED_DOCS[0].title in bar.render().plain
        app.reader.documents.select_entry(2)  # 002 has a date (it is folded under 001)
        await settle(pilot)
        shown = bar.render().plain
        assert SEED_DOCS[2].title[:40] in shown and "2020-03-20" in shown
        assert app.reader.title == SEED_DOCS[2].title and app.reader.sub_title == "2020-03-20"
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


# --- search -----------------------------------------------------------------------------


async def test_search_highlights_matches_and_n_N_step_through_them(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        text = reader.text
        await pilot.press("slash")
        assert reader.search_bar.display
        await pilot.press(*"school")
        expected = [i for i in range(len(text.text)) if text.text[i : i + 6].lower() == "school"]
        assert [s for s, _ in text.matches] == expected
        assert text.current_match == 0
        await pilot.press("enter")
        assert not reader.search_bar.display
        assert app.focused is text
        await pilot.press("n")
        assert text.current_match == 1
        await pilot.press("n", "n")
        assert text.current_match == 3
        assert visible(text, text.matches[3][0])
        await pilot.press("N")
        assert text.current_match == 2
        assert "match 3 of" in str(text.border_subtitle)
        await pilot.press("escape")
        assert text.matches == []
        assert reader.search_query == ""


async def test_typing_in_search_does_not_trigger_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"jkq +", "a")
        assert app.is_running
        assert app.reader.index == 0
        assert app.reader.search_bar.input.value == "jkq +a"


async def test_search_without_matches_says_so(make_app, notes) -> None:
    app = make_app()
    seen = notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzqx", "enter")
        assert app.reader.text.matches == []
        assert "no matches" in str(app.reader.text.border_subtitle)
        await pilot.press("n")
        assert any("No matches" in n for n in seen)


async def test_escape_in_the_search_field_cancels(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"the", "escape")
        assert not app.reader.search_bar.display
        assert app.reader.text.matches == []


# --- summary length, algorithm, figures ---------------------------------------------------


async def test_plus_and_minus_change_the_summary_length(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        before = len(reader.analysis.summary.indices)
        await pilot.press("plus")
        await settle(pilot)
        assert len(reader.analysis.summary.indices) == before + 1
        assert len(reader.summary.sentence_spans) == before + 1
        assert reader.settings.sentences == before + 1
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert len(reader.analysis.summary.indices) == before - 1
        assert f"{before - 1} of" in str(reader.summary.border_subtitle)
        # The length carries over to the next document.
        await pilot.press("j")
        await settle(pilot)
        assert len(reader.analysis.summary.indices) == before - 1


async def test_the_summary_never_drops_below_one_sentence(make_app, notes) -> None:
    app = make_app()
    seen = notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(12):
            await pilot.press("minus")
            await settle(pilot)
        assert len(app.reader.analysis.summary.indices) == 1
        assert any("one sentence" in n for n in seen)


async def test_a_cycles_the_algorithm(make_app) -> None:
    from briefing.core.summarize import names

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert reader.analysis.summary.algorithm == names()[0]
        await pilot.press("a")
        await settle(pilot)
        assert reader.settings.algorithm == names()[1]
        assert reader.analysis.summary.algorithm == names()[1]
        assert names()[1] in str(reader.summary.border_subtitle)


async def test_algorithm_from_the_command_line(make_app) -> None:
    app = make_app(algorithm="lead")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        analysis = app.reader.analysis
        assert analysis.summary.algorithm == "lead"
        assert analysis.summary.indices[0] == min(
            s.index for s in analysis.sentences if s.summarizable
        )


async def test_f_toggles_the_figures_view_and_enter_jumps_to_a_figure(make_app) -> None:
    app = make_app(paths=[SEEDS / SEED_DOCS[4].name])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert not reader.showing_figures
        await pilot.press("f")
        assert reader.showing_figures
        figures = reader.analysis.figures
        assert reader.figures.option_count == len(figures) > 0
        await pilot.press("tab")
        assert isinstance(app.focused, FiguresPane)
        await pilot.press("end", "enter")
        last = figures[-1]
        assert reader.text.flash_span == (last.start, last.end)
        assert visible(reader.text, last.start)
        await pilot.press("f")
        assert not reader.showing_figures
        assert app.focused is reader.summary


async def test_figures_are_highlighted_in_both_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        analysis = reader.analysis
        start, end = reader.summary.sentence_spans[0]
        inside = [f for f in analysis.figures if start <= f.start and f.end <= end]
        assert inside, "the first summary sentence of the first sample holds a figure"
        figure = inside[0]
        prompt = reader.summary.get_option_at_index(0).prompt
        styled = {
            prompt.plain[s.start : s.end]
            for s in prompt.spans
            if str(s.style) == reader.figure_styles[figure.kind]
        }
        assert figure.text in styled
        assert all(
            kind in reader.query_one("#legend").render().plain for kind in reader.figure_styles
        )


# --- themes ----------------------------------------------------------------------------------


async def test_t_cycles_themes_and_the_choice_persists(make_app, app_env: Path) -> None:
    app = make_app(theme=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "briefing-dark"
        assert not app_env.exists(), "nothing is written until the user changes something"
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "briefing-light"
        assert app.reader.figure_styles["money"] != "bold #7EE787"  # restyled for the light theme
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "briefing-contrast"
    saved = (app_env / "briefing" / "config.toml").read_text(encoding="utf-8")
    assert 'theme = "briefing-contrast"' in saved
    again = make_app(theme=None)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "briefing-contrast"


async def test_theme_option_overrides_the_saved_one_without_saving(make_app, app_env: Path) -> None:
    app = make_app(theme="briefing-light")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "briefing-light"
    assert not app_env.exists()


async def test_textual_builtin_themes_work(make_app) -> None:
    app = make_app(theme="nord")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        assert set(app.reader.figure_styles) == set(FIGURE_KINDS)


async def test_a_broken_user_theme_is_reported_and_skipped(make_app, app_env: Path, notes) -> None:
    themes = app_env / "briefing" / "themes"
    themes.mkdir(parents=True)
    (themes / "broken.toml").write_text(
        'name = "mine"\nprimary = "not a colour"\n', encoding="utf-8"
    )
    (themes / "garbage.toml").write_text("this is [ not toml", encoding="utf-8")
    (themes / "good.toml").write_text(
        'name = "mine-good"\nprimary = "#ff0000"\n[variables]\nfigure-money = "#00ff00"\n',
        encoding="utf-8",
    )
    app = make_app(theme="mine")
    seen = notes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "briefing-dark"
        assert "mine-good" in app.own_themes
        assert "mine" not in app.available_themes
        assert any("broken.toml" in n and "primary" in n for n in seen)
        assert any("garbage.toml" in n for n in seen)
        assert any("unknown theme 'mine'" in n for n in seen)
        app.set_theme("mine-good")
        await pilot.pause()
        assert app.reader.figure_styles["money"] == "bold #00FF00"


async def test_a_broken_config_file_is_reported(make_app, app_env: Path, notes) -> None:
    (app_env / "briefing").mkdir(parents=True)
    (app_env / "briefing" / "config.toml").write_text("theme = [", encoding="utf-8")
    app = make_app(theme=None)
    seen = notes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "briefing-dark"
        assert any("settings ignored" in n for n in seen)


# --- help -----------------------------------------------------------------------------------


async def test_help_lists_every_binding(make_app) -> None:
    from textual.binding import Binding

    from briefing.ui.app import BriefingApp
    from briefing.ui.screens.reader import ReaderScreen
    from briefing.ui.widgets.document_list import DocumentList
    from briefing.ui.widgets.search_bar import SearchBar

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.text
        for owner in (
            BriefingApp,
            ReaderScreen,
            DocumentList,
            SummaryPane,
            FiguresPane,
            TextPane,
            SearchBar,
        ):
            for binding in Binding.make_bindings(owner.BINDINGS):
                assert binding.description.lower() in help_text.lower(), (owner.__name__, binding)
                assert app.get_key_display(binding) in help_text, (owner.__name__, binding.key)
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_help_is_generated_from_the_live_bindings(make_app) -> None:
    from textual.binding import Binding, BindingType

    from briefing.ui.app import BriefingApp

    class Extended(BriefingApp):
        BINDINGS: ClassVar[list[BindingType]] = [
            *BriefingApp.BINDINGS,
            Binding("x", "bell", "Ring the bell for science"),
        ]

    app = Extended([str(SEEDS)], theme="briefing-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert "Ring the bell for science" in app.screen.text
        await pilot.press("q")
        assert app.screen is app.reader
        assert app.is_running


# --- errors, empty, safety ---------------------------------------------------------------------


async def test_a_document_that_fails_to_load_shows_why_and_the_app_keeps_going(
    make_app, tmp_path: Path
) -> None:
    (tmp_path / "a-good.txt").write_text(
        "Good Title\n\nThe council spent $5 million on 40 buses.\n", encoding="utf-8"
    )
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    (tmp_path / "c-good.txt").write_text("Another\n\nSales rose 12% in March.\n", encoding="utf-8")
    app = make_app(paths=[tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        await pilot.press("j")
        await settle(pilot)
        assert reader.index == 1
        assert "Could not open" in reader.text.text
        assert "binary file" in reader.text.text
        assert reader.documents.entries[1].error is not None
        assert "binary" in str(reader.summary.get_option_at_index(0).prompt)
        await pilot.press("j")
        await settle(pilot)
        assert reader.title == "Another"
        assert reader.analysis is not None
        await pilot.press("k")
        await settle(pilot)
        assert "binary file" in reader.text.text


async def test_a_missing_path_is_an_entry_with_its_reason(make_app, tmp_path: Path) -> None:
    app = make_app(paths=[tmp_path / "nope.txt"])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert len(reader.documents.entries) == 1
        assert "no such file" in reader.text.text.lower()
        assert app.is_running


async def test_an_empty_folder_shows_a_helpful_empty_state(make_app, tmp_path: Path) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00")  # not a supported extension
    app = make_app(paths=[tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert reader.documents.entries == []
        assert "Nothing to read here" in reader.text.text
        assert str(tmp_path) in reader.text.text
        assert reader.title == "No documents"
        await pilot.press("j", "k", "G", "plus", "a", "f", "slash", "escape", "n")
        assert app.is_running
        strip = reader.documents.render_line(0)
        assert "No documents found" in strip.text


MARKUP_TITLE = "[bold]x[/] headline"
MARKUP_BODY = (
    "The [link=http://e]y report says [red]$5 million[/] was spent on 40 buses. "
    "[b]Sales[/b] rose 12%."
)


async def test_markup_in_documents_is_shown_literally(make_app, tmp_path: Path) -> None:
    name = "[red]odd[b].txt"
    (tmp_path / name).write_text(
        f"{MARKUP_TITLE}\n\n{MARKUP_BODY}\n\n{MARKUP_BODY}\n", encoding="utf-8"
    )
    app = make_app(paths=[tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert reader.title == MARKUP_TITLE
        assert MARKUP_BODY in reader.text.text
        assert reader.documents.entries[0].title == MARKUP_TITLE
        assert reader.documents.entries[0].name == name
        prompts = [
            str(reader.summary.get_option_at_index(i).prompt)
            for i in range(reader.summary.option_count)
        ]
        assert any("[link=http://e]y" in p for p in prompts)
        screen = app.export_screenshot().replace("&#160;", " ")
        for literal in ("[bold]x[/]", "[link=http://e]y", "[b]Sales[/b]", "[red]odd[b].txt"):
            assert literal in screen, literal
        # The palette shows titles literally too.
        await pilot.press("ctrl+p")
        await pilot.press(*"headline")
        await pilot.pause(0.5)
        screen = app.export_screenshot().replace("&#160;", " ")
        assert "x[/]" in screen


async def test_control_characters_in_file_names_are_shown_escaped(make_app, tmp_path: Path) -> None:
    name = "evil\x1b[31mname.txt"
    (tmp_path / name).write_text("Plain\n\nA body with 3 figures: 4, 5 and 6.\n", encoding="utf-8")
    app = make_app(paths=[tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        entry = app.reader.documents.entries[0]
        assert entry.name == "evil\\x1b[31mname.txt"
        assert "\x1b" not in str(app.reader.text.border_title)
        assert "evil\\x1b[31mname.txt" in app.export_screenshot().replace("&#160;", " ")


# --- palette, copy, export --------------------------------------------------------------------


async def test_palette_opens_a_document_by_title(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Little-tapped")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.title == SEED_DOCS[3].title


async def test_palette_switches_algorithm_and_theme(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Algorithm: lexrank")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.analysis.summary.algorithm == "lexrank"
        await pilot.press("ctrl+p", *"Theme: briefing-light")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "briefing-light"


async def test_copy_summary(make_app, notes) -> None:
    app = make_app()
    seen = notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.action_copy_summary()
        analysis = app.reader.analysis
        assert app.clipboard.startswith(SEED_DOCS[0].title + "\n")
        first = " ".join(analysis.sentence_text(analysis.summary.indices[0]).split())
        assert f"- {first}" in app.clipboard
        assert any("Copied the summary" in n for n in seen)


async def test_export_writes_markdown_to_the_working_directory(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, notes
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "story.txt").write_text(
        "Budget Story\n\nThe council spent $5 million on 40 buses.\n", encoding="utf-8"
    )
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = make_app(paths=[docs])
    seen = notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.action_export_summary()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        written = work / "budget-story-summary.md"
        assert written.is_file()
        assert written.read_text(encoding="utf-8").startswith("## Budget Story")
        assert "\\$5 million" in written.read_text(
            encoding="utf-8"
        ) or "$5 million" in written.read_text(encoding="utf-8")
        assert sorted(p.name for p in docs.iterdir()) == ["story.txt"], (
            "never writes beside the documents"
        )
        assert any(str(written) in n for n in seen)
        # A second export picks a new name; typing an existing name is refused in the dialog.
        app.reader.action_export_summary()
        await pilot.pause()
        field = app.screen.query_one("#export-path")
        assert field.value == "budget-story-summary-2.md"
        field.value = "budget-story-summary.md"
        await pilot.press("enter")
        await pilot.pause()
        assert "already exists" in str(app.screen.query_one("#export-error").render())
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_export_to_a_typed_folder(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out"
    target.mkdir()
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.action_export_summary()
        await pilot.pause()
        app.screen.query_one("#export-path").value = "out/"
        await pilot.press("enter")
        await pilot.pause()
        assert len(list(target.glob("*.md"))) == 1


# --- scale and layout -----------------------------------------------------------------------------


async def test_a_folder_of_ten_thousand_files_opens_at_once(make_app, tmp_path: Path) -> None:
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"doc{i:05d}.txt").write_text(
            f"Title {i}\n\nThe town hired {i} people in 2020.\n", encoding="utf-8"
        )
    app = make_app(paths=[folder])
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        while len(app.reader.documents.entries) < 10_000:
            await pilot.pause(0.02)
            assert time.perf_counter() - started < 10
        listed = time.perf_counter() - started
        await pilot.press("G")
        await pilot.pause()
        assert app.reader.index == 9_999
        assert listed < 5, f"listing took {listed:.1f}s"
        # Moving and drawing do not wait for titles to be read.
        await pilot.press("g", "j")
        assert app.reader.index == 1


async def test_narrow_terminal_stacks_summary_above_text(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert reader.has_class("-narrow")
        assert reader.summary.region.y < reader.text.region.y
        assert reader.summary.region.x == reader.text.region.x
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert not reader.has_class("-narrow")
        assert reader.summary.region.x < reader.text.region.x
