"""Launching the reader app from the command line, fast.

Start-up is ordered so that the first frame comes as early as possible:

1. The helper processes start first, before Textual is imported: the list's reader opens
   the documents for their titles on another core while this process imports the UI,
   so the titles are usually ready by the time the first frame is drawn.
2. The cyclic garbage collector is paused until that first frame is on screen. Importing
   Textual creates a few hundred thousand objects; a full collection then scans them all
   (40-100 ms here) for no garbage. After the first frame the app freezes everything
   that exists (:func:`gc.freeze`), so later collections skip those objects too: a
   full collection while moving between documents would otherwise cost a frame or
   more. The app unfreezes them when it closes.

This module imports neither Textual nor the core's analysis, so it is cheap to import.
"""

from __future__ import annotations

import gc

_gc_paused = False


def run(paths: list[str], theme: str | None, algorithm: str | None) -> int:
    """Run the reader on ``paths``; returns the exit code (2 for a bad theme or algorithm)."""
    global _gc_paused
    if gc.isenabled():
        gc.disable()
        _gc_paused = True
    try:
        from briefing.ui.helper import Helper

        helper = Helper.start(paths)
        try:
            from briefing.ui.app import run as run_app

            return run_app(paths, theme=theme, algorithm=algorithm, helper=helper)
        finally:
            helper.close()
    finally:
        if _gc_paused:  # the app never showed a frame (a bad theme, say)
            _gc_paused = False
            gc.enable()


def first_frame_painted() -> None:
    """Freeze what exists now (imports, the app's widgets) out of the garbage collector's
    scans, and resume the collector if :func:`run` paused it."""
    global _gc_paused
    gc.freeze()
    if _gc_paused:
        _gc_paused = False
        gc.enable()


def app_closed() -> None:
    """Give the frozen objects back to the collector (an app run in a test process must
    not keep its objects for good)."""
    gc.unfreeze()
