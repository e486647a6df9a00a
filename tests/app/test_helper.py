"""The helper processes: the list's reader, the analyst, and what crosses the pipes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefing.core.analyze import analyze
from briefing.core.load import Source, load
from briefing.core.model import Document, Settings
from briefing.ui import helper as helper_mod
from briefing.ui.helper import Described, Found, Grouped, Helper
from briefing.ui.wire import (
    CHUNK,
    decode_analysis,
    decode_document,
    encode_analysis,
    encode_document,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PROSE = (
    "The council approved a budget of $4.2 million on Tuesday. "
    "Officials said 300 teachers would be hired by September 2024. "
    "Critics warned that costs could rise by 15% within two years. "
)


def _seed(name: str = "000_f24542783760a9fd.txt") -> Document:
    document = load(Source(str(SEEDS / name), explicit=True))
    assert isinstance(document, Document)
    return document


def _long_document(path: Path, sentences: int) -> Document:
    path.write_text("A long report\n\n" + "\n\n".join(PROSE for _ in range(sentences // 3)))
    document = load(Source(str(path), explicit=True))
    assert isinstance(document, Document)
    return document


def _never() -> bool:
    return False


@pytest.fixture
def helper() -> Helper:
    started = Helper.start([])
    yield started
    started.close()


# --- the wire ---------------------------------------------------------------------------------


def test_documents_and_analyses_cross_in_chunks_unchanged(tmp_path: Path) -> None:
    document = _long_document(tmp_path / "long.txt", 3 * CHUNK + 30)
    assert len(document.blocks) > CHUNK
    assert decode_document(encode_document(document)) == document
    analysis = analyze(document, Settings())
    shell, sentences, figures = encode_analysis(analysis)
    assert len(sentences) > 1 and len(figures) > 1  # more than one chunk each
    assert shell.document is None  # the app has the document already
    again = decode_analysis((shell, sentences, figures), document)
    assert again == analysis
    assert again.document is document


# --- the analyst ------------------------------------------------------------------------------


def test_the_analyst_answers_like_the_core(helper: Helper) -> None:
    document = _seed()
    for settings in (Settings(), Settings(algorithm="lead", sentences=2)):
        result = helper.analyze(document, settings, _never)
        assert result == analyze(document, settings)
        assert result.document is document  # type: ignore[union-attr]


def test_a_large_document_is_analysed_in_a_child_and_matches(helper: Helper, tmp_path: Path) -> None:
    document = _long_document(tmp_path / "long.txt", 1200)
    assert len(document.text) > helper_mod.INLINE_CHARS
    result = helper.analyze(document, Settings(), _never)
    assert result == analyze(document, Settings())


def test_a_large_file_is_read_by_the_analyst_not_sent(helper: Helper, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    document = _long_document(path, 1200)
    source = Source(str(path), explicit=True)
    result = helper.analyze(document, Settings(), _never, source)
    assert result == analyze(document, Settings())
    assert result.document is document  # type: ignore[union-attr]
    # Changed on disk since the app read it: the analyst says so rather than mark the
    # app's text with another text's offsets.
    path.write_text(path.read_text() + "\n\nOne more paragraph.")
    changed = helper.analyze(document, Settings(), _never, source)
    assert isinstance(changed, str) and "changed" in changed


def test_an_analysis_error_comes_back_as_one_line(helper: Helper) -> None:
    result = helper.analyze(_seed(), Settings(algorithm="no-such-algorithm"), _never)
    assert isinstance(result, str)
    assert "no-such-algorithm" in result and "\n" not in result


def test_stale_work_on_a_long_document_is_killed(helper: Helper, tmp_path: Path) -> None:
    helper.analyze(_seed(), Settings(), _never)  # warm: the NLP libraries are imported
    long = _long_document(tmp_path / "long.txt", 30_000)  # seconds of work
    asked = time.perf_counter()
    result = helper.analyze(long, Settings(), lambda: time.perf_counter() - asked > 0.2)
    dropped = time.perf_counter() - asked
    assert result is None
    assert dropped < 1.5, dropped  # not the seconds the analysis would take
    # The analyst is free at once: the next document is answered in well under a second.
    started = time.perf_counter()
    assert helper.analyze(_seed("001_d37a630e96fa15c4.txt"), Settings(), _never) is not None
    assert time.perf_counter() - started < 1.0
    # ...and the killed child is gone (the analyst is the only process left).
    if helper.mode != "thread":
        analyst = helper._analyst.pid
        children = Path(f"/proc/{analyst}/task/{analyst}/children")
        if children.exists():
            assert children.read_text().split() == []


@pytest.mark.parametrize("mode", ["fork", "forkserver", "thread"])
def test_every_way_of_running_the_helpers_works(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_HELPERS", mode)
    started = Helper.start([str(SEEDS)])
    try:
        assert started.mode == mode
        document = _seed()
        assert started.analyze(document, Settings(), _never) == analyze(document, Settings())
        started.resume_reader()
        started.group_stories()
        titles = [
            entry.title
            for message in started.reader_messages()
            if isinstance(message, Described)
            for _, entry in message.entries
        ]
        assert "Boston schools and teachers union strike deal on remote learning" in titles
    finally:
        started.close()


# --- the list's reader ------------------------------------------------------------------------


def test_the_reader_sends_the_first_screen_first_then_the_rest() -> None:
    started = Helper.start([str(SEEDS)])
    try:
        started.resume_reader()
        started.group_stories()
        messages = list(started.reader_messages())
    finally:
        started.close()
    # The first screenful's names, then their titles (before their figure counts)...
    assert isinstance(messages[0], Found) and len(messages[0].entries) == 5
    assert isinstance(messages[1], Described)
    first = dict(messages[1].entries)
    assert len(first) == 5
    assert all(e.title and e.words and e.figures is None for e in first.values())
    # ...with the documents themselves, so the app need not read them again.
    assert set(messages[1].documents) == {e.path for e in first.values()}
    # Then the rest of the names (none here), then the figure counts.
    rest = messages[2:]
    assert isinstance(rest[0], Found) and rest[0].done
    later = {i: e for m in rest if isinstance(m, Described) for i, e in m.entries}
    assert all(later[i].figures is not None for i in first)
    assert isinstance(rest[-2], Described) and rest[-2].done
    # Last, the stories: the sample's two reports of one deal are one story.
    assert isinstance(rest[-1], Grouped)
    assert rest[-1].ids == [0, 1, 1, 2, 3]


def test_the_reader_describes_a_large_folder_in_order(tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / f"doc{i:02}.txt").write_text(f"Title {i}\n\n{PROSE}")
    (tmp_path / "doc05.txt").write_bytes(b"\x00\x01binary")
    started = Helper.start([str(tmp_path)])
    try:
        # The first screen (8 entries), then nothing until the app has painted it.
        head = [started.next_reader_message(timeout=10) for _ in range(2)]
        assert [type(m) for m in head] == [Found, Described]
        assert len(head[0].entries) == helper_mod.SEND_DOCUMENTS  # type: ignore[union-attr]
        assert started.next_reader_message(timeout=0.3) is None
        started.resume_reader()
        started.group_stories()
        messages = head + list(started.reader_messages())
    finally:
        started.close()
    (grouped,) = [m for m in messages if isinstance(m, Grouped)]
    # The same body under different titles: one story; the unreadable file stands alone.
    others = grouped.ids[:5] + grouped.ids[6:]
    assert len(set(others)) == 1 and grouped.ids[5] not in others
    entries = [e for m in messages if isinstance(m, Found) for e in m.entries]
    assert [Path(e.path).name for e in entries] == [f"doc{i:02}.txt" for i in range(30)]
    final: dict[int, object] = {}
    for message in messages:
        if isinstance(message, Described):
            final.update(message.entries)
    assert len(final) == 30
    assert final[5].error  # type: ignore[attr-defined]
    assert final[29].title == "Title 29" and final[29].figures  # type: ignore[attr-defined]


# --- start-up cost ------------------------------------------------------------------------------


def test_the_app_process_imports_no_nlp_library_to_show_a_summary(tmp_path: Path) -> None:
    """Run the app until the first summary is shown: it came from the analyst, and the
    app's own process imported nothing heavy to get it."""
    code = f"""
import asyncio, sys
from pathlib import Path
from briefing.ui.app import create_app
from briefing.ui.screens.reader import ReaderScreen

HEAVY = ("nltk", "sumy", "numpy", "scipy")
seen = []
shown = ReaderScreen.on_analysis_ready

def on_analysis_ready(self, message):
    if not seen:  # what the process holds when the first summary arrives
        seen.append([m for m in sys.modules if m.split(".")[0] in HEAVY
                     or m in ("briefing.core.analyze", "briefing.core.segment")])
    return shown(self, message)

ReaderScreen.on_analysis_ready = on_analysis_ready

async def main():
    app = create_app([{str(SEEDS)!r}], theme="briefing-dark", config_dir=Path({str(tmp_path)!r}))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if app.reader.analysis is not None:
                break
        assert app.reader.analysis is not None, "no summary"
    print(",".join(seen[0]))

asyncio.run(main())
"""
    env = {**os.environ, "BRIEFING_NO_CACHE": "1", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == ""


def test_closing_stops_the_analyst_and_the_child_it_forked(tmp_path: Path) -> None:
    started = Helper.start([])
    if started.mode == "thread":  # pragma: no cover - no processes to look at
        started.close()
        return
    started.analyze(_seed(), Settings(), _never)  # warm
    long = _long_document(tmp_path / "long.txt", 30_000)
    worker = threading.Thread(target=started.analyze, args=(long, Settings(), _never))
    worker.start()
    analyst = started._analyst.pid  # the test looks at the process tree
    children = Path(f"/proc/{analyst}/task/{analyst}/children")
    deadline = time.monotonic() + 10
    while not children.read_text().split() and time.monotonic() < deadline:
        time.sleep(0.02)
    (child,) = map(int, children.read_text().split())
    started.close()  # the app leaves while the child is still analysing
    worker.join(5)
    deadline = time.monotonic() + 2
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _running(child) and not _running(analyst)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_helpers_leave_when_the_app_is_killed() -> None:
    code = f"""
import sys, time
from briefing.ui.helper import Helper
helper = Helper.start([{str(SEEDS)!r}])
print(helper._reader.pid, helper._analyst.pid, flush=True)
time.sleep(60)
"""
    app = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        pids = [int(p) for p in app.stdout.readline().split()]  # type: ignore[union-attr]
        assert len(pids) == 2
        app.kill()  # no clean-up of any kind
        app.wait(5)
        deadline = time.monotonic() + 5
        while any(map(_running, pids)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_running, pids))
    finally:
        app.kill()
