"""The briefing overview (``o``): one digest across all documents, then a timeline.

Each digest sentence is listed under its story with the document it comes from; each
timeline line gives the date, the sentence and the document. Enter on either jumps to
that sentence, marked, in its document on the reader screen. The analyses are computed
(or read from the cache) by a worker thread, so the screen shows progress and never
blocks; leaving the screen cancels the work.
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing.core.model import Analysis, Document, Settings
from briefing.render.safe import printable
from briefing.resources import stylesheet
from briefing.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from briefing.core.overview import Overview
    from briefing.ui.screens.reader import ReaderScreen


class OverviewScreen(Screen[None]):
    """The whole briefing: digest by story, then the timeline."""

    CSS_PATH = stylesheet("overview.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o", "close", "Back", tooltip="Back to the documents", id="overview.close"),
        Binding("t", "timeline", "Timeline", tooltip="Jump to the timeline", id="overview.timeline"),
    ]

    def __init__(self, reader: ReaderScreen) -> None:
        super().__init__()
        self.reader = reader
        self.overview: Overview | None = None
        self.entry_of: list[int] = []
        """Entry index (in the reader's list) of each document of the overview."""
        self.targets: dict[str, tuple[int, int, int]] = {}
        """Option id -> (entry index, start, end) to open."""
        self.timeline_at: int | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar(icon="≡")
        yield Static(Text("Reading the briefing…", style="italic"), id="overview-status", markup=False)
        yield OptionList(id="overview-list")
        yield Footer()

    @property
    def items(self) -> OptionList:
        return self.query_one("#overview-list", OptionList)

    def on_mount(self) -> None:
        self.title = "Briefing overview"
        self.sub_title = ""
        self.items.border_title = "Digest"
        self.items.focus()
        self.build(list(self.reader.documents.entries))

    # --- work -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="overview")
    def build(self, entries: list) -> None:  # type: ignore[type-arg]
        """Analyse every document (in the analyst process, one after another, as the
        reader's own requests are: this thread only waits), then build the digest."""
        from briefing.core.overview import overview
        from briefing.ui.helper import ANALYST_STOPPED

        worker = get_current_worker()
        helper = self.reader.helper
        analyses: list[Analysis] = []
        entry_of: list[int] = []
        failed: list[str] = []
        last = monotonic()
        for n, entry in enumerate(entries):
            if worker.is_cancelled:
                return
            if entry.source is None:
                continue
            doc = self.reader.catalog.load(entry.source)
            if not isinstance(doc, Document):
                continue
            result = helper.analyze(doc, Settings(), lambda: worker.is_cancelled, source=entry.source)
            if result is None:  # left the overview
                return
            if result == ANALYST_STOPPED:  # no later document would fare better
                failed.append(result)
                break
            if isinstance(result, str):  # one bad document must not stop the overview
                failed.append(result)
                continue
            analyses.append(result)
            entry_of.append(n)
            if monotonic() - last > 0.2:
                last = monotonic()
                self.app.call_from_thread(self._progress, n + 1, len(entries))
        result = overview(analyses)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, result, entry_of, failed)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#overview-status", Static).update(
            Text(f"Reading the briefing… {done:,} of {total:,} documents", style="italic")
        )

    def _show(self, ov: Overview, entry_of: list[int], failed: list[str] | None = None) -> None:
        self.overview = ov
        self.entry_of = entry_of
        styles = self.reader.figure_styles
        from briefing.render.digest import RESOLVED_NOTE, picks_by_story, show_event
        from briefing.render.highlight import highlight

        n_docs, n_stories = len(ov.analyses), len(ov.order)
        status = Text(
            f"{n_docs} document{'s' * (n_docs != 1)} · {n_stories} stor{'ies' if n_stories != 1 else 'y'}"
            " · stories by date, then by how many documents tell them · Enter opens a sentence in its document",
            style="dim",
        )
        if failed:
            status = Text.assemble(
                (f"{len(failed)} document{'s' * (len(failed) != 1)} could not be analysed "
                 f"({printable(failed[0])}) · ", "bold"),
                status,
            )
        self.query_one("#overview-status", Static).update(status)
        options: list[Option | None] = []
        for sid, picks in picks_by_story(ov):
            members = ov.story_documents(sid)
            first = ov.analyses[members[0]].document
            heading = Text(printable(first.title), style="bold")
            dates = sorted({ov.analyses[i].document.date for i in members if ov.analyses[i].document.date})
            meta = [d for d in dates[:1]]
            if len(members) > 1:
                meta.append(f"{len(members)} versions")
            if meta:
                heading.append("  " + " · ".join(meta), style="dim")
            if options:
                options.append(None)
            options.append(Option(heading, disabled=True))
            for p in picks:
                a = ov.analyses[p.doc]
                line = Text("• ")
                line.append_text(highlight(a.document.text[p.start : p.end].replace("\n", " "), a.figures,
                                           offset=p.start, styles=styles))
                line.append(f"  — {a.document.name}", style="dim")
                oid = f"d{len(self.targets)}"
                self.targets[oid] = (entry_of[p.doc], p.start, p.end)
                options.append(Option(line, id=oid))
        if not ov.digest:
            options.append(Option(Text("Nothing to summarize in this briefing.", style="italic"), disabled=True))
        options.append(None)
        options.append(Option(Text("Timeline", style="bold underline"), id="timeline", disabled=True))
        if not ov.timeline:
            options.append(Option(Text("No dates found.", style="italic"), disabled=True))
        for e in ov.timeline:
            a = ov.analyses[e.doc]
            s0, s1 = e.sentence
            line = Text(show_event(e).ljust(10), style=styles.get("date", "bold"))
            line.append("  ")
            marked = [f for f in a.figures if f.start == e.start and f.end == e.end]
            line.append_text(highlight(a.document.text[s0:s1].replace("\n", " "), marked, offset=s0, styles=styles))
            line.append(f"  — {a.document.name}", style="dim")
            oid = f"t{len(self.targets)}"
            self.targets[oid] = (entry_of[e.doc], e.start, e.end)
            options.append(Option(line, id=oid))
        if any(e.resolved for e in ov.timeline):
            options.append(Option(Text(RESOLVED_NOTE, style="dim italic"), disabled=True))
        items = self.items
        items.clear_options()
        items.add_options(options)
        self.timeline_at = items.get_option_index("timeline")
        first = next((o.id for o in options if isinstance(o, Option) and not o.disabled), None)
        if first is not None:
            items.highlighted = items.get_option_index(first)

    # --- actions ----------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets.get(event.option.id or "")
        if target is None:
            return
        self.dismiss(None)
        self.reader.open_at(*target)

    def action_timeline(self) -> None:
        if self.timeline_at is None:
            return
        items = self.items
        items.highlighted = min(self.timeline_at + 1, items.option_count - 1)
        items.scroll_to_highlight(top=True)

    def action_close(self) -> None:
        self.dismiss(None)
