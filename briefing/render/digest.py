"""The whole-briefing output of ``briefing digest``: text, markdown and JSON.

JSON (stable, tested; offsets index each document's analysed ``text``)::

    {"documents": [{"path", "title", "date", "story", "related": [story, ...]}],
     "digest":    [{"path", "index", "start", "end", "text"}],
     "timeline":  [{"date", "until", "resolved", "path", "start", "end", "text", "sentence"}]}
"""

from __future__ import annotations

from typing import IO, Any

from rich.console import Console
from rich.text import Text

from briefing.core.digest import Pick
from briefing.core.overview import Overview
from briefing.core.timeline import Event
from briefing.render.formats import md_bold_figures, dumps, md_escape
from briefing.render.highlight import DEFAULT_FIGURE_STYLES, PLAIN_FIGURE_STYLES, highlight
from briefing.render.safe import printable


def record(ov: Overview) -> dict[str, Any]:
    docs = []
    related_docs = ov.stories.related_all()
    for i, a in enumerate(ov.analyses):
        related = sorted({ov.stories.ids[j] for j in related_docs.get(i, ())})
        d = a.document
        docs.append({"path": d.path, "title": d.title, "date": d.date, "story": ov.stories.ids[i],
                     "related": related})
    digest = []
    for p in ov.digest:
        d = ov.analyses[p.doc].document
        digest.append({"path": d.path, "index": p.index, "start": p.start, "end": p.end,
                       "text": d.text[p.start : p.end]})
    timeline = []
    for e in ov.timeline:
        d = ov.analyses[e.doc].document
        timeline.append({"date": e.date, "until": e.until, "resolved": e.resolved, "path": d.path,
                         "start": e.start, "end": e.end, "text": e.text,
                         "sentence": d.text[e.sentence[0] : e.sentence[1]]})
    return {"documents": docs, "digest": digest, "timeline": timeline}


def json_text(ov: Overview) -> str:
    return dumps(record(ov))


def picks_by_story(ov: Overview) -> list[tuple[int, list[Pick]]]:
    """The digest's sentences grouped by story, stories in reading order (empty ones out)."""
    by_story: dict[int, list[Pick]] = {}
    for p in ov.digest:
        by_story.setdefault(p.story, []).append(p)
    return [(sid, by_story[sid]) for sid in ov.order if sid in by_story]


def show_date(date: str, until: str | None = None, resolved: bool = False) -> str:
    """A timeline date for people: ``--04-27`` reads ``04-27 (year unknown)``; a period
    ``2020-03-16 to 03-22``; a date worked out from the document's date is starred."""
    if date.startswith("--"):
        return f"{date[2:]} (year unknown)"
    if until:
        date += " to " + (until[5:] if len(until) == 10 and until[:5] == date[:5] else until)
    return date + ("*" if resolved else "")


RESOLVED_NOTE = "* worked out from the document's date"


def show_event(e: Event) -> str:
    return show_date(e.date, e.until, e.resolved)


def _story_heading(ov: Overview, sid: int) -> tuple[str, str]:
    """The story's title (its first document's) and a line naming its date and documents."""
    members = ov.story_documents(sid)
    docs = [ov.analyses[i].document for i in members]
    dates = sorted({d.date for d in docs if d.date})
    names = ", ".join(printable(d.name) for d in docs)
    meta = [dates[0] if dates else ""]
    meta.append(f"{len(docs)} versions: {names}" if len(docs) > 1 else names)
    return docs[0].title, " · ".join(m for m in meta if m)


def write_text(ov: Overview, stream: IO[str], console: Console, color: bool) -> None:
    styles = DEFAULT_FIGURE_STYLES if color else PLAIN_FIGURE_STYLES
    soft = not console.is_terminal
    n_docs, n_stories = len(ov.analyses), len(ov.order)
    console.print(Text(f"Digest · {n_docs} document{'s' * (n_docs != 1)} · "
                       f"{n_stories} stor{'ies' if n_stories != 1 else 'y'}",
                       style="bold" if color else ""), soft_wrap=soft)
    if not ov.digest:
        console.print(Text("  (nothing to summarize)", style="dim italic"))
    for sid, picks in picks_by_story(ov):
        title, meta = _story_heading(ov, sid)
        console.print()
        console.print(Text(title, style="bold underline" if color else ""), soft_wrap=soft)
        console.print(Text(meta, style="dim"), soft_wrap=soft)
        several = len(ov.story_documents(sid)) > 1
        for p in picks:
            a = ov.analyses[p.doc]
            line = Text("  • ")
            line.append_text(highlight(a.document.text[p.start : p.end].replace("\n", " "), a.figures,
                                       offset=p.start, styles=styles))
            if several:
                line.append(f"  ({printable(a.document.name)})", style="dim")
            console.print(line, soft_wrap=soft)
    console.print()
    console.print(Text("Timeline", style="bold underline" if color else ""), soft_wrap=soft)
    if not ov.timeline:
        console.print(Text("  (no dates)", style="dim italic"))
    width = max((len(show_event(e)) for e in ov.timeline), default=0)
    for e in ov.timeline:
        a = ov.analyses[e.doc]
        s0, s1 = e.sentence
        line = Text("  ")
        line.append(show_event(e).ljust(width), style=styles.get("date", "") if color else "")
        line.append("  ")
        line.append_text(highlight(a.document.text[s0:s1].replace("\n", " "),
                                   [f for f in a.figures if f.start == e.start and f.end == e.end],
                                   offset=s0, styles=styles))
        line.append(f"  ({printable(a.document.name)})", style="dim")
        console.print(line, soft_wrap=soft)
    if any(e.resolved for e in ov.timeline):
        console.print(Text("  " + RESOLVED_NOTE, style="dim"), soft_wrap=soft)
    stream.flush()


def write_markdown(ov: Overview, stream: IO[str]) -> None:
    out = ["# Digest", "", f"*{len(ov.analyses)} documents · {len(ov.order)} stories*"]
    for sid, picks in picks_by_story(ov):
        title, meta = _story_heading(ov, sid)
        out += ["", f"## {md_escape(title)}", "", f"*{md_escape(meta)}*", ""]
        several = len(ov.story_documents(sid)) > 1
        for p in picks:
            a = ov.analyses[p.doc]
            line = "- " + md_bold_figures(a.document.text, p.start, p.end, a.figures)
            if several:
                line += f" *({md_escape(printable(a.document.name))})*"
            out.append(line)
    out += ["", "## Timeline", ""]
    if ov.timeline:
        out += ["| Date | Sentence | Document |", "|---|---|---|"]
        for e in ov.timeline:
            a = ov.analyses[e.doc]
            s0, s1 = e.sentence
            marked = [f for f in a.figures if f.start == e.start and f.end == e.end]
            out.append(f"| {md_escape(show_event(e))} | {md_bold_figures(a.document.text, s0, s1, tuple(marked))} "
                       f"| {md_escape(printable(a.document.name))} |")
        if any(e.resolved for e in ov.timeline):
            out += ["", md_escape(RESOLVED_NOTE)]
    else:
        out.append("*(no dates)*")
    stream.write("\n".join(out) + "\n")
    stream.flush()
