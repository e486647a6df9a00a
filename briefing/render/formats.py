"""Output formats behind one registry: text, markdown, json, jsonl.

Each writer receives analyses one at a time (so output streams as documents finish)
and writes to a stream. ``text`` goes through a Rich Console that the caller sets up
for colour or plain output.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, Literal

from rich.console import Console
from rich.text import Text

from briefing.core.model import Analysis, Figure
from briefing.render.highlight import DEFAULT_FIGURE_STYLES, PLAIN_FIGURE_STYLES, highlight
from briefing.render.safe import json_safe, printable

Format = Literal["text", "markdown", "json", "jsonl"]


SAFE_INTEGER = 2**53 - 1
"""The largest integer every JSON parser keeps exact (JavaScript's ``Number.MAX_SAFE_INTEGER``)."""


def json_value(value: Any) -> Any:
    """A figure's value as it goes into JSON: integers beyond :data:`SAFE_INTEGER` as
    strings of their exact decimal digits, a number that is not finite as ``null`` (the
    figure's ``text`` keeps what was written); dicts and lists element by element."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value if -SAFE_INTEGER <= value <= SAFE_INTEGER else str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    return value


def figure_record(f: Figure) -> dict[str, Any]:
    out = {"kind": f.kind, "text": f.text, "start": f.start, "end": f.end, "value": json_value(f.value),
           "unit": f.unit}
    if f.kind == "date" and f.resolution is not None:
        out["resolved"] = f.resolved  # the calendar date (README, "JSON output")
        out["resolution"] = f.resolution
    return out


def record(analysis: Analysis, *, summary: bool = True, figures: tuple[Figure, ...] | None = None) -> dict[str, Any]:
    """The public JSON object for one document (see README, "JSON output")."""
    doc = analysis.document
    out: dict[str, Any] = {"path": doc.path, "title": doc.title, "date": doc.date, "text": doc.text}
    if summary:
        out["summary"] = [
            {"index": s.index, "start": s.start, "end": s.end, "text": doc.text[s.start : s.end]}
            for s in analysis.summary_sentences
        ]
    out["figures"] = [figure_record(f) for f in (analysis.figures if figures is None else figures)]
    return out


def dumps(obj: Any) -> str:
    """Strict JSON (``allow_nan=False``: never ``NaN`` or ``Infinity``), terminal-safe."""
    return json_safe(json.dumps(obj, ensure_ascii=False, allow_nan=False))


def select_figures(analysis: Analysis, kinds: frozenset[str] | None, top: int | None) -> tuple[Figure, ...]:
    """The figures to print: only ``kinds`` (all when None), the ``top`` key ones."""
    figs = analysis.figures
    if kinds:
        figs = tuple(f for f in figs if f.kind in kinds)
    if top is not None:
        from briefing.core.keyness import top_figures

        figs = top_figures(analysis, figs, top)
    return figs


def json_text(analysis: Analysis, mode: str, kinds: frozenset[str] | None, top: int | None) -> str:
    """One document's JSON object, encoded: picklable, so batch workers can render it."""
    return dumps(record(analysis, summary=mode == "summary", figures=select_figures(analysis, kinds, top)))




@dataclass
class Writer:
    """Streams documents in one format. ``mode`` is ``summary`` or ``figures``."""

    stream: IO[str]
    console: Console
    mode: Literal["summary", "figures"] = "summary"
    color: bool = False
    count: int = 0
    kinds: frozenset[str] | None = None
    top: int | None = None

    def figures_of(self, analysis: Analysis) -> tuple[Figure, ...]:
        return select_figures(analysis, self.kinds, self.top)

    def begin(self) -> None:  # pragma: no cover - overridden where needed
        pass

    def write(self, analysis: Analysis) -> None:
        raise NotImplementedError

    def end(self) -> None:
        pass


class JsonLinesWriter(Writer):
    def write(self, analysis: Analysis | str) -> None:  # type: ignore[override]
        text = analysis if isinstance(analysis, str) else json_text(analysis, self.mode, self.kinds, self.top)
        self.stream.write(text + "\n")
        self.stream.flush()
        self.count += 1


class JsonWriter(Writer):
    def begin(self) -> None:
        self.stream.write("[")

    def write(self, analysis: Analysis | str) -> None:  # type: ignore[override]
        text = analysis if isinstance(analysis, str) else json_text(analysis, self.mode, self.kinds, self.top)
        self.stream.write(("," if self.count else "") + "\n  " + text)
        self.stream.flush()
        self.count += 1

    def end(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


class MarkdownWriter(Writer):
    def write(self, analysis: Analysis) -> None:
        doc = analysis.document
        out = [] if not self.count else [""]
        out.append(f"## {md_escape(doc.title)}")
        out.append("")
        meta = [m for m in (doc.date, printable(doc.path)) if m]
        out.append("*" + md_escape(" · ".join(meta)) + "*")
        out.append("")
        figs = self.figures_of(analysis)
        if self.mode == "summary":
            for s in analysis.summary_sentences:
                out.append("- " + md_bold_figures(doc.text, s.start, s.end, figs))
        else:
            for f in figs:
                out.append(f"- **{md_escape(f.text)}** ({f.kind}{_value_suffix(f)})")
        self.stream.write("\n".join(out) + "\n")
        self.stream.flush()
        self.count += 1


def md_bold_figures(text: str, start: int, end: int, figures: tuple[Figure, ...]) -> str:
    parts = []
    pos = start
    for f in figures:
        if f.start < start or f.end > end:
            continue
        parts.append(md_escape(text[pos : f.start]))
        parts.append("**" + md_escape(text[f.start : f.end]) + "**")
        pos = f.end
    parts.append(md_escape(text[pos:end]))
    return "".join(parts).replace("\n", " ")


def _value_suffix(f: Figure) -> str:
    """``: <normalised value>`` for people to read, or empty when there is none."""
    v = f.value
    if f.kind == "date" and (f.resolution == "unresolved" or f.resolution == "document-date" and f.resolved != v):
        if f.resolved is None:
            return ": unresolved (no document date)"
        shown = "–".join(map(str, f.resolved)) if isinstance(f.resolved, list) else str(f.resolved)
        if f.resolution == "unresolved":
            month = "month " if len(shown) == 4 else ""  # "--04": April of no known year
            return f": {month}{shown.replace('--', '')} (year unknown)"
        return f": {shown} (from the document's date)"
    if v is None:
        return ""
    if isinstance(v, dict) and "amount" in v:
        amount = v["amount"]
        shown = "–".join(map(_num, amount)) if isinstance(amount, list) else _num(amount)
        return f": {shown} {v.get('currency') or ''}".rstrip()
    if isinstance(v, dict) and "part" in v:
        return f": {_num(v['part'])} of {_num(v.get('whole'))}" + (f" {f.unit}" if f.unit else "")
    if isinstance(v, list):
        sep = " × " if " by " in f.text else "–"
        shown = sep.join(map(_num, v))
    else:
        shown = _num(v)
    if f.kind == "percent":
        return f": {shown}{'%' if (f.unit or '%') == '%' else ' ' + str(f.unit)}"
    unit = f" {f.unit}" if f.unit and f.kind in ("count", "duration", "number") else ""
    return f": {shown}{unit}"


def _num(x: object) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int) and abs(x) >= 10_000:
        return f"{x:,}"
    return str(x)


class TextWriter(Writer):
    def write(self, analysis: Analysis) -> None:
        doc = analysis.document
        styles = DEFAULT_FIGURE_STYLES if self.color else PLAIN_FIGURE_STYLES
        c = self.console
        if self.count:
            c.print()
        c.print(Text(doc.title, style="bold underline" if self.color else ""), soft_wrap=not c.is_terminal)
        meta = " · ".join(m for m in (doc.date, printable(doc.path)) if m)
        c.print(Text(meta, style="dim"), soft_wrap=not c.is_terminal)
        figs = self.figures_of(analysis)
        if self.mode == "summary":
            if not analysis.summary.indices:
                c.print(Text("  (nothing to summarize)", style="dim italic"))
            for s in analysis.summary_sentences:
                line = Text("  • ")
                line.append_text(highlight(doc.text[s.start : s.end].replace("\n", " "), figs, offset=s.start, styles=styles))
                c.print(line, soft_wrap=not c.is_terminal)
        else:
            if not figs:
                c.print(Text("  (no figures)", style="dim italic"))
            width = max((len(f.kind) for f in figs), default=0)
            for f in figs:
                line = Text("  ")
                line.append(f.kind.ljust(width), style=styles.get(f.kind, ""))
                line.append("  ")
                line.append(f.text.replace("\n", " "), style=styles.get(f.kind, "") if self.color else "")
                suffix = _value_suffix(f)
                if suffix:
                    line.append("  =" + suffix[1:], style="dim")
                c.print(line, soft_wrap=not c.is_terminal)
        self.stream.flush()
        self.count += 1


WRITERS: dict[str, type[Writer]] = {
    "text": TextWriter,
    "markdown": MarkdownWriter,
    "json": JsonWriter,
    "jsonl": JsonLinesWriter,
}


def writer_for(name: str) -> Callable[..., Writer]:
    try:
        return WRITERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; choose from: {', '.join(WRITERS)}") from None
