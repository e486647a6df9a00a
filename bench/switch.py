"""Switching documents: how soon the text and the summary are on screen, measured in the app.

Drives the real app with Textual's Pilot (``App.run_test``, 120x40) over a folder of
typical news articles (BBC, about 20 sentences each) with two long documents among them
(1,000+ and 10,000+ sentences, made by joining articles). The analysis cache is off
(``BRIEFING_NO_CACHE=1``), so every summary is really computed by the analyst process.

For each press of ``j`` (next document) it records, from the moment the key is sent:

- *text*: the new document's text handed to the text pane, and then the screen
  refreshed (``call_after_refresh``): the figure reported is the refresh;
- *summary*: the same for the summary pane.

Each document is visited once (a revisit would be answered from the analyst's memory).
The first document is left out of the statistics: its analysis also imports the NLP
libraries into the analyst. Then, on the long documents: how long their summary takes,
whether keys are handled while it is computed (page down in the text, timed from the key
to the screen being idle again), and, moving on before the summary of the 10,000-sentence
document is ready, how soon the next document's summary arrives (the stale analysis is
killed rather than finished). Keys pressed on a settled screen are timed the same way,
for comparison. Medians and 90th percentiles over all rounds (each a fresh app); raw
figures in the output.

    python bench/switch.py [ARTICLES_DIR] [--docs 60] [--rounds 2] [--out bench/results/switch.md]

ARTICLES_DIR defaults to ../shared/data/bbc-dev/articles when present, else the
committed bench/data/bbc-sample/articles.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "data" / "bbc-dev" / "articles"
SAMPLE = HERE / "data" / "bbc-sample" / "articles"


def pick_articles(folder: Path, count: int) -> list[Path]:
    """``count`` articles, round-robin over the topics (file-name prefixes)."""
    by_topic: dict[str, list[Path]] = {}
    for path in sorted(folder.glob("*.txt")):
        by_topic.setdefault(path.name.split("_")[0], []).append(path)
    picked: list[Path] = []
    while len(picked) < count and any(by_topic.values()):
        for paths in by_topic.values():
            if paths and len(picked) < count:
                picked.append(paths.pop(0))
    return picked


def long_document(sources: list[Path], sentences: int) -> str:
    """A headline and the bodies of ``sources`` (repeated as needed), about ``sentences``
    sentences long (counted roughly by full stops)."""
    bodies = []
    for path in sources:
        text = path.read_text(encoding="utf-8", errors="replace")
        bodies.append(text.split("\n", 1)[1].strip() if "\n" in text else text)
    out, count, i = [], 0, 0
    while count < sentences:
        body = bodies[i % len(bodies)]
        out.append(body)
        count += body.count(". ") + 1
        i += 1
    return f"A long report of {sentences:,} sentences\n\n" + "\n\n".join(out)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def ms(value: float) -> str:
    return f"{value * 1000:.0f}"


async def measure(folder: Path, names: list[str], long_at: dict[str, int], config: Path) -> dict:
    from briefing.ui.app import create_app
    from briefing.ui.screens.reader import ReaderScreen
    from briefing.ui.widgets.summary_pane import SummaryPane
    from briefing.ui.widgets.text_pane import TextPane

    shown: dict[tuple[str, str], list[float]] = {}

    def record(kind: str, widget: object, path: str) -> None:
        now = time.perf_counter()
        key = (kind, Path(path).name)
        shown.setdefault(key, [now])
        if len(shown[key]) == 1:
            widget.call_after_refresh(lambda: shown[key].append(time.perf_counter()))  # type: ignore[attr-defined]

    show_document = TextPane.show_document
    show_summary = SummaryPane.show_summary

    def on_document(self, document, *args, **kwargs):  # type: ignore[no-untyped-def]
        record("text", self, document.path)
        return show_document(self, document, *args, **kwargs)

    def on_summary(self, analysis, *args, **kwargs):  # type: ignore[no-untyped-def]
        record("summary", self, analysis.document.path)
        return show_summary(self, analysis, *args, **kwargs)

    TextPane.show_document = on_document  # type: ignore[method-assign]
    SummaryPane.show_summary = on_summary  # type: ignore[method-assign]

    app = create_app([str(folder)], theme="briefing-dark", config_dir=config)
    results: dict = {"typical_text": [], "typical_summary": [], "idle_keys": [], "long": {}}

    async def wait_for(kind: str, name: str, timeout: float = 60.0) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            times = shown.get((kind, name))
            if times and len(times) == 2:
                return times[1]
            await pilot.pause(0.001)
        raise TimeoutError(f"{kind} of {name} not shown within {timeout}s")

    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        assert isinstance(reader, ReaderScreen)
        first = names[0]
        await wait_for("summary", first)
        while not reader.scanned:
            await pilot.pause(0.01)
        for step, name in enumerate(names[1:], start=1):
            pressed = time.perf_counter()
            if name in long_at and long_at[name] > 5000:
                results["long"].update(await very_long(pilot, reader, name, names[step + 1], wait_for, pressed))
                break
            await pilot.press("j")
            text_at = await wait_for("text", name)
            if name in long_at:
                results["long"].update(await long_doc(pilot, name, wait_for, pressed, text_at))
                continue
            summary_at = await wait_for("summary", name)
            results["typical_text"].append(text_at - pressed)
            results["typical_summary"].append(summary_at - pressed)
            if step % 10 == 5:  # a key on a settled screen, for comparison
                await pilot.pause(0.05)
                start = time.perf_counter()
                await pilot.press("pagedown")
                results["idle_keys"].append(time.perf_counter() - start)
        results["entries"] = len(reader.documents.entries)
        results["helpers"] = app.helper.mode
    TextPane.show_document = show_document  # type: ignore[method-assign]
    SummaryPane.show_summary = show_summary  # type: ignore[method-assign]
    return results


async def long_doc(pilot, name, wait_for, pressed, text_at) -> dict:  # type: ignore[no-untyped-def]
    """On a long document: its summary time, and keys handled while it is computed."""
    key_times = []
    summary_ready = False
    while not summary_ready:
        start = time.perf_counter()
        await pilot.press("pagedown")
        key_times.append(time.perf_counter() - start)
        await pilot.pause(0.02)
        summary_ready = len(pilot.app.reader.summary.sentence_spans) > 0 and (
            pilot.app.reader.analysis is not None
        )
        if len(key_times) > 500:
            break
    summary_at = await wait_for("summary", name)
    return {
        "long_name": name,
        "long_sentences": len(pilot.app.reader.analysis.sentences),
        "long_text": text_at - pressed,
        "long_summary": summary_at - pressed,
        "long_keys": key_times,
    }


async def very_long(pilot, reader, name, following, wait_for, pressed) -> dict:  # type: ignore[no-untyped-def]
    """Open the very long document, move on before its summary, time the next one."""
    await pilot.press("j")
    text_at = await wait_for("text", name)
    await pilot.pause(0.3)  # its analysis is now well under way in the analyst
    busy = reader.analysis is None
    moved = time.perf_counter()
    await pilot.press("j")
    next_text = await wait_for("text", following)
    next_summary = await wait_for("summary", following)
    return {
        "very_long_name": name,
        "very_long_text": text_at - pressed,
        "very_long_busy": busy,
        "after_very_long_text": next_text - moved,
        "after_very_long_summary": next_summary - moved,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", nargs="?", default=str(DEV if DEV.is_dir() else SAMPLE))
    ap.add_argument("--docs", type=int, default=60, help="typical articles to visit")
    ap.add_argument("--rounds", type=int, default=2, help="passes, each with a fresh app")
    ap.add_argument("--out", default=str(HERE / "results" / "switch.md"))
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="briefing-switch-"))
    os.environ["BRIEFING_NO_CACHE"] = "1"
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    folder = work / "docs"
    folder.mkdir()
    # Disjoint sources: documents sharing text would be folded into one story in the list.
    articles = pick_articles(Path(args.articles), args.docs + 60)
    typical, extra = articles[: args.docs], articles[args.docs :]
    names: list[str] = []
    long_at: dict[str, int] = {}
    middle = len(typical) // 2
    for i, source in enumerate(typical):
        name = f"{len(names):03d}-{source.name}"
        shutil.copyfile(source, folder / name)
        names.append(name)
        if i == middle:  # a long document in the middle of the typical ones
            name = f"{len(names):03d}-long-1200.txt"
            (folder / name).write_text(long_document(extra[:25], 1200), encoding="utf-8")
            names.append(name)
            long_at[name] = 1200
    for sentences in (12000,):  # the very long one, then one more typical article after it
        name = f"{len(names):03d}-long-{sentences}.txt"
        (folder / name).write_text(long_document(extra[25:55], sentences), encoding="utf-8")
        names.append(name)
        long_at[name] = sentences
        name = f"{len(names):03d}-{extra[-1].name}"
        shutil.copyfile(extra[-1], folder / name)
        names.append(name)

    runs = [asyncio.run(measure(folder, names, long_at, work / "config")) for _ in range(args.rounds)]
    shutil.rmtree(work, ignore_errors=True)

    text = [v for r in runs for v in r["typical_text"]]
    summary = [v for r in runs for v in r["typical_summary"]]
    idle_keys = [v for r in runs for v in r["idle_keys"]]
    longs = [r["long"] for r in runs]
    keys = [v for r in longs for v in r["long_keys"]]

    def row(what: str, values: list[float], target: str) -> str:
        return (
            f"| {what} | {ms(statistics.median(values))} | {ms(percentile(values, 0.9))} | "
            f"{ms(max(values))} | {target} |"
        )

    def each(key: str) -> str:
        return " / ".join(ms(r[key]) for r in longs)

    very_long = longs[0]["very_long_name"].split("-")[-1].split(".")[0]
    lines = [
        (
            f"Switching documents, measured in the app (Pilot, 120x40; analysis cache off; "
            f"helpers: {runs[0]['helpers']}; {os.cpu_count()} cores, load average "
            f"{os.getloadavg()[0]:.2f} at the end; {args.rounds} rounds, a fresh app each)."
        ),
        (
            "From pressing j to the screen refreshed with the new document's text / its "
            f"summary; {len(text) // args.rounds} typical BBC articles (about 20 sentences) "
            "per round, each visited once:"
        ),
        "",
        "| what | median ms | p90 ms | max ms | target |",
        "|---|---:|---:|---:|---|",
        row("text shown", text, "< 50 ms"),
        row("summary shown", summary, "< 150 ms"),
        row("page down on a typical article (screen idle again)", idle_keys, ""),
        row("page down while a long summary is computed", keys, ""),
        "",
        (
            f"Long document ({longs[0]['long_sentences']:,} sentences), per round: text shown "
            f"after {each('long_text')} ms, summary after {each('long_summary')} ms; page down "
            "pressed every 20 ms until then (the row above)."
        ),
        "",
        (
            f"Very long document ({very_long} sentences asked), per round: text shown after "
            f"{each('very_long_text')} ms; moving on 0.3 s later while its summary was "
            f"still being computed ({sum(r['very_long_busy'] for r in longs)} of {len(longs)} "
            f"rounds): the next article's text after {each('after_very_long_text')} ms and "
            f"its summary after {each('after_very_long_summary')} ms (the stale analysis is "
            "killed, not finished)."
        ),
        "",
        "Raw (ms): text " + " ".join(ms(v) for v in text),
        "",
        "Raw (ms): summary " + " ".join(ms(v) for v in summary),
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
