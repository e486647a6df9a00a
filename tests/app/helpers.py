"""Waiting helpers for Pilot tests: workers finish in threads, results arrive as messages."""

from __future__ import annotations

from textual.pilot import Pilot

from briefing.ui.app import BriefingApp


async def settle(pilot: Pilot[int], rounds: int = 50) -> None:
    """Wait until every worker is done and the selected document's summary is shown."""
    app = pilot.app
    assert isinstance(app, BriefingApp)
    reader = app.reader
    for _ in range(rounds):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        busy = any(w.is_running for w in app.workers)
        waiting = (
            reader.document is not None
            and reader.analysis is None
            and reader.analysis_error is None
        )
        loading = reader.index is not None and reader.document is None and not _failed(reader)
        if not busy and not waiting and not loading and reader.documents.done and reader.scanned:
            return
    raise AssertionError("the app did not settle")


def _failed(reader: object) -> bool:
    entries = reader.documents.entries  # type: ignore[attr-defined]
    index = reader.index  # type: ignore[attr-defined]
    return index is not None and entries[index].error is not None
