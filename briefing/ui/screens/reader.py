"""The reader: document list, summary (or figures) and full text, side by side.

Reading and analysis happen off the UI: the helper processes (``briefing.ui.helper``)
read every file for the list and analyse the selected document, and worker threads
here wait for them and post their results; this screen only applies those. The
titles that are already read when the screen mounts go into the first frame. The
selected document is read (if the list's reader did not send it) and analysed by
exclusive workers, so moving through the list never waits.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.worker import get_current_worker

from briefing.core.load import Source
from briefing.core.model import Analysis, Document, LoadError, Settings
from briefing.render.safe import printable
from briefing.ui.catalog import Catalog, Entry
from briefing.ui.helper import Described, Found, Grouped, Helper
from briefing.ui.messages import (
    AnalysisFailed,
    AnalysisReady,
    DocumentLoaded,
    EntriesDescribed,
    EntriesFound,
    StoriesFound,
)
from briefing.ui.themes import figure_styles, mark_style
from briefing.ui.widgets.document_list import DocumentList
from briefing.ui.widgets.legend import LegendBar
from briefing.ui.widgets.summary_pane import SummaryPane
from briefing.ui.widgets.text_pane import TextPane
from briefing.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from briefing.ui.widgets.figures_pane import FiguresPane
    from briefing.ui.widgets.search_bar import SearchBar

WIDE = 110
"""From this many columns on, summary and text sit side by side; below, they stack."""

SUMMARIZING = "summarizing…"
READ_AHEAD_BYTES = 256 * 1024
"""Neighbouring documents up to this size are read ahead of a move to them."""
FIRST_TITLES_WAIT = 0.1
"""Seconds the first frame may wait for the first title from the list's reader (it
usually has it already: it starts before the UI is even imported)."""
LENGTH_GROUP = Binding.Group("Length", compact=True)
MOVE_GROUP = Binding.Group("Move", compact=True)


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Case-insensitive, literal occurrences of ``query`` in ``text``."""
    if not query:
        return []
    return [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


class ReaderScreen(Screen[None]):
    """The main screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j",
            "next_document",
            "Next",
            group=MOVE_GROUP,
            tooltip="Next document",
            id="reader.next",
        ),
        Binding(
            "k",
            "previous_document",
            "Previous",
            group=MOVE_GROUP,
            tooltip="Previous document",
            id="reader.previous",
        ),
        Binding("g", "first_document", "First document", show=False, id="reader.first"),
        Binding("G", "last_document", "Last document", show=False, id="reader.last"),
        Binding(
            "pagedown",
            "page_down",
            "Page down the text",
            show=False,
            priority=True,
            id="reader.page_down",
        ),
        Binding(
            "pageup", "page_up", "Page up the text", show=False, priority=True, id="reader.page_up"
        ),
        Binding("space", "page_down", "Page down the text", show=False, id="reader.space"),
        Binding(
            "slash", "search", "Search", tooltip="Search the current document", id="reader.search"
        ),
        Binding("n", "next_match", "Next match", show=False, id="reader.next_match"),
        Binding("N", "previous_match", "Previous match", show=False, id="reader.previous_match"),
        Binding(
            "plus,equals_sign",
            "longer",
            "Longer",
            group=LENGTH_GROUP,
            tooltip="Add a sentence to the summary",
            id="reader.longer",
        ),
        Binding(
            "minus",
            "shorter",
            "Shorter",
            group=LENGTH_GROUP,
            tooltip="Drop a sentence from the summary",
            id="reader.shorter",
        ),
        Binding(
            "a",
            "cycle_algorithm",
            "Algorithm",
            tooltip="Next summary algorithm",
            id="reader.algorithm",
        ),
        Binding(
            "f",
            "toggle_figures",
            "Figures",
            tooltip="Show the figures instead of the summary",
            id="reader.figures",
        ),
        Binding(
            "o",
            "overview",
            "Overview",
            tooltip="The whole briefing: one digest across documents and a timeline",
            id="reader.overview",
        ),
        Binding("escape", "clear_search", "Clear search", show=False, id="reader.clear_search"),
    ]

    def __init__(
        self,
        paths: Sequence[str],
        helper: Helper,
        *,
        algorithm: str | None = None,
        preloaded: dict[str, Document | LoadError] | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.helper = helper
        self.catalog = Catalog(preloaded)
        self.settings = Settings(algorithm=algorithm or "briefing")
        self.index: int | None = None
        """The highlighted entry."""
        self.document: Document | None = None
        """The highlighted entry's document, once read."""
        self.analysis: Analysis | None = None
        """Its analysis under the current settings, once ready."""
        self.analysis_error: str | None = None
        """Why the analysis failed, if it did."""
        self.search_query = ""
        self.scanned = False
        """Every file has been read for the list."""
        self.figure_styles: dict[str, str] = {}
        self.mark_style = ""
        self.stories: list[int] | None = None
        """One story id per entry, once every document has been read and compared."""
        self._found_stories: list[int] | None = None
        """The list's reader's grouping, until it can be shown."""
        self._stories_asked = False
        self._list_titles: tuple[str, str] | None = None
        self.pending_span: tuple[int, int, int] | None = None
        """(entry, start, end) to show marked once that document is on screen."""
        self._figures_message = ("", "italic")
        self._figures_view: FiguresPane | None = None
        """The figures view, once mounted (on its first use)."""
        self._asked = False
        """An analysis has been asked for (the first waits for the first frame)."""

    # --- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar(icon="≡")
        with Horizontal(id="main"):
            yield DocumentList(id="documents")
            # The summary (or figures) and the text side by side; the search field,
            # mounted on first use, docks at the bottom of this container.
            with Horizontal(id="reading"):
                # The figures view, mounted on first use (_mount_figures_view), takes the
                # summary's place while it is shown.
                yield SummaryPane(id="summary")
                yield TextPane(id="text")
        yield LegendBar(id="legend")
        yield Footer()

    @property
    def documents(self) -> DocumentList:
        return self.query_one("#documents", DocumentList)

    @property
    def summary(self) -> SummaryPane:
        return self.query_one("#summary", SummaryPane)

    @property
    def figures(self) -> FiguresPane:
        """The figures view (mounted the first time it is shown)."""
        if self._figures_view is None:
            from textual.css.query import NoMatches

            raise NoMatches("the figures view has not been shown yet")
        return self._figures_view

    @property
    def text(self) -> TextPane:
        return self.query_one("#text", TextPane)

    @property
    def search_bar(self) -> SearchBar:
        """The search field (mounted on the first ``/``)."""
        from briefing.ui.widgets.search_bar import SearchBar

        return self.query_one("#search", SearchBar)

    @property
    def showing_figures(self) -> bool:
        return self._figures_view is not None and self._figures_view.display

    def help_panes(self) -> list[tuple[str, type[Widget]]]:
        """The panes whose own keys the help screen lists, with their names."""
        from briefing.ui.widgets.figures_pane import FiguresPane
        from briefing.ui.widgets.search_bar import SearchBar

        return [
            ("Document list", DocumentList),
            ("Summary", SummaryPane),
            ("Figures view", FiguresPane),
            ("Full text", TextPane),
            ("Search field", SearchBar),
        ]

    def on_mount(self) -> None:
        self.documents.border_title = "Documents"
        self.summary.border_title = "Summary"
        self.text.border_title = "Text"
        self.summary.show_placeholder("")
        self.text.show_message(Text("Looking for documents…", style="italic"))
        self._apply_theme()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._apply_theme())
        self.documents.focus()
        self._take_first_titles()
        # The rest of a large folder's list waits for the first frame to be painted.
        self.call_after_refresh(self.scan)

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < WIDE
        self.set_class(narrow, "-narrow")
        # At 80 columns every key but the palette's fits (the title bar's icon opens it too).
        self.query_one(Footer).show_command_palette = not narrow

    def _apply_theme(self) -> None:
        variables = self.app.get_css_variables()
        self.figure_styles = figure_styles(variables)
        self.mark_style = mark_style(variables)
        self.text.apply_theme_styles(self.figure_styles, self.mark_style)
        self.query_one("#legend", LegendBar).apply_theme_styles(self.figure_styles, self.mark_style)
        if self.analysis is not None:
            self.summary.show_summary(self.analysis, self.figure_styles)
            if self._figures_view is not None:
                self._figures_view.show_placeholder("")  # old colours: refilled when next shown
            self._fill_figures()

    def _fill_figures(self) -> None:
        """Fill the figures view with the analysis, but only while it is shown: a long
        document has thousands of figures, and most documents are read without it."""
        if (
            self.analysis is not None
            and self.showing_figures
            and self.figures.analysis is not self.analysis
        ):
            self.figures.show_figures(self.analysis, self.figure_styles)

    # --- workers ----------------------------------------------------------------------

    def _take_first_titles(self) -> None:
        """Apply what the list's reader has sent so far, so the first frame shows it."""
        deadline = monotonic() + FIRST_TITLES_WAIT
        while True:
            message = self.helper.next_reader_message(max(0.0, deadline - monotonic()))
            if message is None:
                return  # not yet: the scan worker applies it when it comes
            self._apply_reader_message(message)
            if isinstance(message, Described):
                break
        current = self.documents.current_index
        if self.index is None and current is not None:
            # Now, not when the list's Highlighted message arrives: the title bar's title
            # and the text then make it into the first frame as well.
            self.select(current)

    def _translate(self, message: Found | Described | Grouped) -> EntriesFound | EntriesDescribed | StoriesFound:
        """The list reader's message as the screen's own (documents it read go to the catalog)."""
        if isinstance(message, Found):
            return EntriesFound(message.entries, message.done)
        if isinstance(message, Grouped):
            return StoriesFound(message.ids)
        for path, document in message.documents.items():
            self.catalog.offer(path, document)
        return EntriesDescribed(message.entries, message.done)

    def _apply_reader_message(self, message: Found | Described | Grouped) -> None:
        ui = self._translate(message)
        if isinstance(ui, EntriesFound):
            self.on_entries_found(ui)
        elif isinstance(ui, StoriesFound):
            self.on_stories_found(ui)
        else:
            self.on_entries_described(ui)

    @work(thread=True, exclusive=True, group="scan")
    def scan(self) -> None:
        """Pass on the list's reader's messages (the helper reads the files)."""
        worker = get_current_worker()
        self.helper.resume_reader()  # the first frame is painted: on with the rest
        entries = list(self.documents.entries)  # what _take_first_titles applied
        for message in self.helper.reader_messages(lambda: worker.is_cancelled):
            if isinstance(message, Found):
                entries.extend(message.entries)
            self.post_message(self._translate(message))
        if worker.is_cancelled:
            return
        # Standard input was read by this process; the helper could not describe it.
        stdin = [
            (index, entry.described_by(self.catalog.load(entry.source)))
            for index, entry in enumerate(entries)
            if entry.path == "-" and entry.source is not None
        ]
        if stdin:
            self.post_message(EntriesDescribed(stdin, done=True))

    def on_stories_found(self, message: StoriesFound) -> None:
        self._found_stories = message.ids
        self._maybe_group()

    def _maybe_group(self) -> None:
        """Group the stories once the list is read, after the first summary (never before
        it): the list's reader does the work, and this shows its result."""
        if self.stories is not None or not self.scanned:
            return
        if self.document is not None and self.analysis is None and self.analysis_error is None:
            return
        if self._found_stories is None:
            if not self._stories_asked:
                self._stories_asked = True
                self.helper.group_stories()
            return
        self.stories = self._found_stories
        self.documents.set_stories(self.stories)
        self._update_list_title()

    @work(thread=True, exclusive=True, group="document")
    def load_document(self, index: int, entry: Entry) -> None:
        """Read the highlighted document (when the list has not read it yet)."""
        assert entry.source is not None
        result = self.catalog.load(entry.source)
        if not get_current_worker().is_cancelled:
            # The list's reader has usually described the entry already (counting the
            # figures again here would cost the app's process a figure scan).
            described = entry if entry.described else entry.described_by(result)
            self.post_message(DocumentLoaded(index, result, described))

    @work(thread=True, exclusive=True, group="analyze")
    def analyze_document(
        self, index: int, document: Document, settings: Settings, source: Source | None
    ) -> None:
        """Have the analyst summarize the document and find its figures; wait for it."""
        worker = get_current_worker()
        result = self.helper.analyze(document, settings, lambda: worker.is_cancelled, source)
        if result is None or worker.is_cancelled:
            return  # the reader has moved on; the analyst dropped the work
        if isinstance(result, str):
            self.post_message(AnalysisFailed(index, settings, result))
        else:
            self.post_message(AnalysisReady(index, result))

    # --- worker results ---------------------------------------------------------------

    def on_entries_found(self, message: EntriesFound) -> None:
        self.documents.add_entries(message.entries)
        if message.done:
            self.documents.finish()
            if not self.documents.entries:
                self._show_empty()
        self._update_list_title()

    def on_entries_described(self, message: EntriesDescribed) -> None:
        for index, entry in message.entries:
            self.documents.set_entry(index, entry)
            if index == self.index and self.document is None and entry.error:
                self._show_error(entry)
        if message.done:
            self.scanned = True
            self._maybe_group()
        self._update_list_title()

    def on_document_loaded(self, message: DocumentLoaded) -> None:
        self.documents.set_entry(message.index, message.entry)
        if message.index == self.index and self.document is None:
            self._show(message.entry, message.document)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        analysis = message.analysis
        if (
            message.index != self.index
            or self.document is None
            or analysis.settings != self.settings
            or analysis.document != self.document
        ):
            return  # a late result for a document or setting the reader has left
        self.analysis = analysis
        self.summary.show_summary(analysis, self.figure_styles)
        self._fill_figures()
        self.text.show_analysis(analysis)
        self._update_summary_title()
        self._maybe_group()
        self.call_after_refresh(self._read_ahead)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        if message.index != self.index or message.settings != self.settings:
            return
        self.analysis_error = message.reason
        self.summary.show_placeholder(
            f"Could not summarize this document: {message.reason}", style="bold"
        )
        self._figures_placeholder("No figures: the document could not be analysed.")
        self._maybe_group()
        self.call_after_refresh(self._read_ahead)

    # --- selection --------------------------------------------------------------------

    @on(DocumentList.Highlighted)
    def _document_highlighted(self, event: DocumentList.Highlighted) -> None:
        if event.index != self.index:
            self.select(event.index)

    @on(DocumentList.Opened)
    def _document_opened(self, event: DocumentList.Opened) -> None:
        (self.figures if self.showing_figures else self.summary).focus()

    def select(self, index: int) -> None:
        """Show entry ``index``: its text at once, its summary when the worker is done."""
        entries = self.documents.entries
        if not 0 <= index < len(entries):
            return
        self.index = index
        entry = entries[index]
        self.document = None
        self.analysis = None
        self.analysis_error = None
        self.text.border_title = Text(entry.name)
        self._show_title(entry.label, entry.date or "")
        if entry.source is None or (
            entry.error is not None and self.catalog.cached(entry.path) is None
        ):
            self._show_error(entry)
            return
        cached = self.catalog.cached(entry.path)
        if cached is not None:
            self._show(entry, cached)
            return
        self.text.show_message(Text("Opening " + entry.name + "…", style="italic"))
        self.summary.show_placeholder(SUMMARIZING)
        self._figures_placeholder(SUMMARIZING)
        self.load_document(index, entry)

    def _show_title(self, title: str, sub_title: str) -> None:
        """Set the screen's title and subtitle, repainting only the title bar.

        ``Screen.title`` is a repainting reactive: assigning it repaints the whole
        screen, a frame's worth of work on every move through the list (see
        docs/benchmarks.md "Speed")."""
        if not self.is_attached:
            self.title, self.sub_title = title, sub_title
            return
        self.set_reactive(Screen.title, title)
        self.set_reactive(Screen.sub_title, sub_title)
        self.query_one(TitleBar).refresh()

    def _show(self, entry: Entry, result: Document | LoadError) -> None:
        if isinstance(result, LoadError):
            self._show_error(Entry(entry.path, entry.source, error=result.reason))
            return
        self.document = result
        self._show_title(printable(result.title), result.date or "")
        self.text.show_document(result)
        if self.search_query:
            self._search(self.search_query, jump=False)
        if self.pending_span is not None and self.pending_span[0] == self.index:
            _, start, end = self.pending_span
            self.pending_span = None
            self.call_after_refresh(self.text.show_span, start, end, hold=True)
        self._analyze()

    def _read_ahead(self) -> None:
        """Have the documents below and above the shown one read, so that j or k finds
        them in memory and shows the text in the next frame. Called once the summary is
        on screen, so that the reading never slows the frames that show this one."""
        rows = self.documents.rows
        row = self.documents.row_of(self.index) if self.index is not None else None
        if row is None:
            return
        # Two ahead: moving on quickly, the next one is then read before it is asked for.
        neighbours = [rows[r] for r in (row + 1, row + 2, row - 1) if 0 <= r < len(rows)]
        entries = self.documents.entries
        sources = [
            entries[i].source
            for i in neighbours
            if entries[i].source is not None
            and entries[i].error is None
            and self.catalog.cached(entries[i].path) is None
        ]
        if sources:
            self.read_ahead(sources)

    @work(thread=True, exclusive=True, group="read-ahead")
    def read_ahead(self, sources: list[Source]) -> None:
        worker = get_current_worker()
        for source in sources:
            if worker.is_cancelled:
                return
            try:
                if source.path != "-" and os.path.getsize(source.path) > READ_AHEAD_BYTES:
                    continue  # a big file is read when it is opened, not on speculation
            except OSError:
                continue
            self.catalog.load(source)

    def _analyze(self) -> None:
        if self.document is None or self.index is None:
            return
        self.analysis = None
        self.analysis_error = None
        self.summary.show_placeholder(SUMMARIZING)
        self._figures_placeholder(SUMMARIZING)
        self._update_summary_title()
        if self._asked:
            # At once: the analyst works in its own process while this one paints the text.
            self._start_analysis(self.index, self.document, self.settings)
        else:
            # The first request makes the analyst import the NLP libraries: only once the
            # first frame is painted, so that this work never competes with it for a core.
            self._asked = True
            self.call_after_refresh(self._start_analysis, self.index, self.document, self.settings)

    def _start_analysis(self, index: int, document: Document, settings: Settings) -> None:
        if self.index == index and self.document is document and self.analysis is None:
            entries = self.documents.entries
            source = entries[index].source if 0 <= index < len(entries) else None
            self.analyze_document(index, document, settings, source)

    def _show_error(self, entry: Entry) -> None:
        reason = printable(entry.error or "unknown error")
        self._show_title(entry.name, "could not be opened")
        message = Text.assemble(
            ("Could not open this document.\n\n", "bold"),
            ("File: ", "bold"),
            printable(entry.path),
            "\n",
            ("Why: ", "bold"),
            reason,
            "\n\n",
            "The other documents are not affected: press j or k to move on.",
        )
        self.text.show_message(message)
        self.summary.show_placeholder("No summary: " + reason, style="bold")
        self._figures_placeholder("No figures: " + reason, style="bold")
        self.summary.border_subtitle = ""

    def _show_empty(self) -> None:
        paths = ", ".join(printable(p) for p in self.paths) or "(nothing)"
        self._show_title("No documents", "")
        message = Text.assemble(
            ("Nothing to read here.\n\n", "bold"),
            "briefing looked in: ",
            paths,
            "\n",
            "and found no readable documents (.txt, .md or .html files).\n\n",
            "Try:\n",
            "  briefing path/to/folder      read every document in a folder\n",
            "  briefing report.txt memo.md  read the files you name\n",
            "  briefing                     open the bundled sample briefing\n\n",
            "Press q to quit.",
        )
        self.text.border_title = "Text"
        self.text.show_message(message)
        self.summary.show_placeholder("No documents to summarize.")
        self._figures_placeholder("No documents.")

    def _update_list_title(self) -> None:
        count = len(self.documents.entries)
        title = f"Documents ({count})"
        stories = len(set(self.stories)) if self.stories is not None else count
        if stories != count:
            title = f"Documents ({count} · {stories} stories)"
        subtitle = "reading titles…" if self.documents.done and not self.scanned and count else ""
        # Set only on a change: each assignment repaints the whole list, and a large
        # folder's entries are described in hundreds of batches.
        if (title, subtitle) != self._list_titles:
            self._list_titles = (title, subtitle)
            self.documents.border_title = title
            self.documents.border_subtitle = subtitle

    def _update_summary_title(self) -> None:
        algorithm = self.settings.algorithm
        if algorithm == "default":
            algorithm = "briefing"
        if self.analysis is None:
            self.summary.border_subtitle = Text(algorithm)
            return
        total = sum(1 for s in self.analysis.sentences if s.summarizable)
        shown = len(self.analysis.summary.indices)
        self.summary.border_subtitle = Text(f"{algorithm} · {shown} of {total}")
        if self._figures_view is not None:
            count = len(self.analysis.figures)
            self._figures_view.border_subtitle = Text(
                f"{count} figure{'' if count == 1 else 's'} · ★ key"
            )

    # --- jumping ----------------------------------------------------------------------

    @on(SummaryPane.SentenceChosen)
    def _sentence_chosen(self, event: SummaryPane.SentenceChosen) -> None:
        self.text.show_span(event.start, event.end, flash=True)

    def on_figures_pane_figure_chosen(self, event: FiguresPane.FigureChosen) -> None:
        # By handler name: the figures view's module is imported on its first use.
        self.text.show_span(event.figure.start, event.figure.end, flash=True)

    def open_at(self, index: int, start: int, end: int) -> None:
        """Show entry ``index`` with ``start:end`` of its text in view and marked."""
        self.pending_span = (index, start, end)
        if self.documents.current_index == index and self.document is not None:
            self.pending_span = None
            self.text.show_span(start, end, hold=True)
        else:
            self.documents.select_entry(index)
        self.text.focus()

    def action_overview(self) -> None:
        from briefing.ui.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen(self))

    # --- actions: moving --------------------------------------------------------------

    def action_next_document(self) -> None:
        self.documents.action_cursor_down()
        self._follow_list()

    def action_previous_document(self) -> None:
        self.documents.action_cursor_up()
        self._follow_list()

    def action_first_document(self) -> None:
        self.documents.action_first()
        self._follow_list()

    def action_last_document(self) -> None:
        self.documents.action_last()
        self._follow_list()

    def _follow_list(self) -> None:
        """Show the list's highlighted entry now, rather than when its Highlighted message
        arrives: that comes after a repaint of the list, a frame later."""
        index = self.documents.current_index
        if index is not None and index != self.index:
            self.select(index)

    def action_page_down(self) -> None:
        self.text.page(1)

    def action_page_up(self) -> None:
        self.text.page(-1)

    # --- actions: search --------------------------------------------------------------

    async def action_search(self) -> None:
        if not self.query("#search"):
            # Mounted on first use: the field (and Textual's Input) cost start-up time.
            from briefing.ui.widgets.search_bar import SearchBar

            await self.query_one("#reading").mount(SearchBar(id="search"))
        self.search_bar.open(self.search_query)

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        self._search(event.query, jump=True)
        if event.submitted:
            self.search_bar.close()
            self.text.focus()
            if self.search_query and not self.text.matches:
                self.notify(
                    f"No matches for {self.search_query!r}", severity="warning", markup=False
                )

    def on_search_bar_cancelled(self, event: SearchBar.Cancelled) -> None:
        self.search_bar.close()
        self.action_clear_search()
        self.text.focus()

    def _search(self, query: str, *, jump: bool) -> None:
        self.search_query = query
        matches = find_matches(self.text.text, query) if self.document is not None else []
        current = None
        if matches:
            top = self.text.top_offset
            current = next((i for i, (start, _) in enumerate(matches) if start >= top), 0)
        self.text.set_matches(matches, current)
        self._update_text_title()
        if jump and current is not None:
            self.text.show_span(*matches[current], flash=False)

    def _update_text_title(self) -> None:
        if not self.search_query:
            self.text.border_subtitle = ""
        elif not self.text.matches:
            self.text.border_subtitle = Text(f"no matches for {printable(self.search_query)!r}")
        else:
            n = len(self.text.matches)
            at = (self.text.current_match or 0) + 1
            self.text.border_subtitle = Text(
                f"match {at} of {n} for {printable(self.search_query)!r}"
            )

    def _step_match(self, step: int) -> None:
        if not self.search_query:
            self.notify("Nothing to repeat: press / to search this document.", markup=False)
            return
        matches = self.text.matches
        if not matches:
            self.notify(f"No matches for {self.search_query!r}", severity="warning", markup=False)
            return
        current = self.text.current_match
        current = 0 if current is None else (current + step) % len(matches)
        self.text.set_matches(matches, current)
        self.text.show_span(*matches[current], flash=False)
        self._update_text_title()

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def action_clear_search(self) -> None:
        if self.search_query:
            self.search_query = ""
            self.text.set_matches([], None)
            self._update_text_title()

    # --- actions: summary settings ----------------------------------------------------

    def set_settings(self, settings: Settings) -> None:
        if settings != self.settings:
            self.settings = settings
            self._analyze()

    def action_longer(self) -> None:
        self._change_length(+1)

    def action_shorter(self) -> None:
        self._change_length(-1)

    def _change_length(self, step: int) -> None:
        if self.analysis is None:
            self.notify("The summary is not ready yet.", markup=False)
            return
        total = sum(1 for s in self.analysis.sentences if s.summarizable)
        current = len(self.analysis.summary.indices)
        wanted = current + step
        if wanted < 1:
            self.notify("The summary is already one sentence long.", markup=False)
            return
        if wanted > total:
            self.notify("The summary already has every sentence.", markup=False)
            return
        self.set_settings(Settings(self.settings.algorithm, sentences=wanted))

    def set_automatic_length(self) -> None:
        self.set_settings(Settings(self.settings.algorithm))

    def action_cycle_algorithm(self) -> None:
        from briefing.core.summarize import names

        available = names()
        current = "briefing" if self.settings.algorithm == "default" else self.settings.algorithm
        following = (
            available[(available.index(current) + 1) % len(available)]
            if current in available
            else available[0]
        )
        self.set_algorithm(following)

    def set_algorithm(self, name: str) -> None:
        self.set_settings(
            Settings(name, sentences=self.settings.sentences, ratio=self.settings.ratio)
        )
        self.notify(f"Summary algorithm: {name}", markup=False)

    async def action_toggle_figures(self) -> None:
        had_focus = self.focused is not None and self.focused.id in ("summary", "figures")
        if self._figures_view is None:
            await self._mount_figures_view()
        show = not self.showing_figures
        self.figures.display = show
        self.summary.display = not show
        self._fill_figures()
        if had_focus:
            (self.figures if show else self.summary).focus()

    async def _mount_figures_view(self) -> None:
        """Mount the figures view, showing what the summary pane would say now."""
        from briefing.ui.widgets.figures_pane import FiguresPane

        pane = FiguresPane(id="figures")
        pane.display = False
        await self.query_one("#reading").mount(pane, after=self.summary)
        self._figures_view = pane
        pane.border_title = "Figures"
        pane.show_placeholder(*self._figures_message)
        self._update_summary_title()

    def _figures_placeholder(self, message: str, style: str = "italic") -> None:
        """What the figures view says while it has no figures to show (kept for when it
        is mounted)."""
        self._figures_message = (message, style)
        if self._figures_view is not None:
            self._figures_view.show_placeholder(message, style=style)

    # --- copy and export --------------------------------------------------------------

    def action_copy_summary(self) -> None:
        from briefing.ui.export import summary_plain

        if self.analysis is None:
            self.notify("No summary to copy yet.", markup=False)
            return
        self.app.copy_to_clipboard(summary_plain(self.analysis))
        count = len(self.analysis.summary.indices)
        self.notify(
            f"Copied the summary ({count} sentence{'s' if count != 1 else ''}) to the clipboard.",
            markup=False,
        )

    def action_export_summary(self) -> None:
        from briefing.ui.export import export_name, resolve_export_path, summary_markdown, write_new
        from briefing.ui.screens.export import ExportScreen

        analysis = self.analysis
        if analysis is None:
            self.notify("No summary to export yet.", markup=False)
            return
        cwd = Path.cwd()
        default = export_name(analysis.document.title, cwd)

        def write(typed: str) -> Path:
            return write_new(resolve_export_path(typed, default, cwd), summary_markdown(analysis))

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Saved the summary to {printable(str(path))}", markup=False)

        self.app.push_screen(ExportScreen(default, write), done)
