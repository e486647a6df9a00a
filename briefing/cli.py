"""The ``briefing`` command.

``briefing [PATH ...]`` opens the reader app; ``briefing summarize``, ``briefing
figures`` and ``briefing digest`` print to stdout. With no PATH, the bundled sample
briefing is used. The app and the NLP libraries are imported only on the paths that
need them.

Exit codes: 0 success; 1 some document could not be read (the others are still
processed); 2 usage error; 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

COMMANDS = ("summarize", "figures", "digest")


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``briefing COMMAND ...`` (see :mod:`briefing.arguments`)."""
    from briefing.arguments import build_parser as build

    return build()


def build_app_parser() -> argparse.ArgumentParser:
    """The parser of ``briefing [PATH ...] [--theme NAME] [-a ALGORITHM]``."""
    from briefing.arguments import build_app_parser as build

    return build()


def _use_color(choice: str, stream: object) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def _default_paths(paths: Sequence[str]) -> list[str]:
    if paths:
        return list(paths)
    from briefing.resources import seeds_dir

    return [str(seeds_dir())]


def _console(out: object, color: bool):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=out, force_terminal=color, no_color=not color,  # type: ignore[arg-type]
                   color_system="truecolor" if color else None, highlight=False,
                   emoji=False, markup=False, width=None if color else 10_000)


def run_digest(args: argparse.Namespace) -> int:
    from briefing.batch import analyses
    from briefing.core.model import Analysis, LoadError, Settings
    from briefing.core.overview import overview
    from briefing.render import digest as render
    from briefing.render.safe import printable

    done: list[Analysis] = []
    failed = 0
    for item in analyses(_default_paths(args.paths), Settings(), jobs=args.jobs):
        if isinstance(item, LoadError):
            failed += 1
            sys.stderr.write(f"briefing: {printable(item.path)}: {printable(item.reason)}\n")
        elif isinstance(item, Analysis):
            done.append(item)
    ov = overview(done, count=args.sentences, words=args.words)
    out = sys.stdout
    if args.format == "json":
        out.write(render.json_text(ov) + "\n")
        out.flush()
    elif args.format == "markdown":
        render.write_markdown(ov, out)
    else:
        color = _use_color(args.color, out)
        render.write_text(ov, out, _console(out, color), color)
    return 1 if failed else 0


def run_print(args: argparse.Namespace) -> int:
    from briefing.core.model import LoadError, Settings
    from briefing.core.summarize import get
    from briefing.render.formats import writer_for
    from briefing.render.safe import printable

    mode = "summary" if args.command == "summarize" else "figures"
    algorithm = getattr(args, "algorithm", "briefing")
    try:
        get(algorithm)
    except ValueError as exc:
        sys.stderr.write(f"briefing: error: {exc}\n")
        return 2
    settings = Settings(algorithm=algorithm, sentences=getattr(args, "sentences", None),
                        ratio=getattr(args, "ratio", None), words=getattr(args, "words", None))
    out = sys.stdout
    color = _use_color(args.color, out) and args.format == "text"
    console = _console(out, color)
    writer = writer_for(args.format)(
        stream=out, console=console, mode=mode, color=color,
        kinds=frozenset(getattr(args, "kind", None) or ()) or None, top=getattr(args, "top", None),
    )
    failed = 0
    writer.begin()
    from briefing.batch import analyses

    render = None
    if args.format in ("json", "jsonl"):
        from functools import partial

        from briefing.render.formats import json_text

        render = partial(json_text, mode=mode, kinds=writer.kinds, top=writer.top)
    for item in analyses(_default_paths(args.paths), settings, jobs=args.jobs, render=render):
        if isinstance(item, LoadError):
            failed += 1
            sys.stderr.write(f"briefing: {printable(item.path)}: {printable(item.reason)}\n")
            continue
        writer.write(item)
    writer.end()
    return 1 if failed else 0


def _plain_paths(argv: Sequence[str]) -> bool:
    """Only paths (or ``-``), no options: the usual way the app is opened."""
    return all(arg == "-" or not arg.startswith("-") for arg in argv)


def run_app(argv: Sequence[str]) -> int:
    if _plain_paths(argv):
        # Nothing for argparse to do, and building the parser (and importing what it
        # needs) is on the path to the first frame.
        paths, theme, algorithm = list(argv), None, None
    else:
        args = build_app_parser().parse_args(argv)
        paths, theme, algorithm = args.paths, args.theme, args.algorithm
    from importlib.util import find_spec

    if find_spec("textual") is None:  # pragma: no cover - textual is a dependency
        sys.stderr.write("briefing: the reader app is unavailable (no textual); try 'briefing summarize'\n")
        return 2
    from briefing.ui.launch import run  # starts the helpers, then imports the UI

    return run(_default_paths(paths), theme=theme, algorithm=algorithm)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")):
            if argv[0] in ("-h", "--help", "--version") and len(argv) == 1:
                build_parser().parse_args(argv)
            args = build_parser().parse_args(argv)
            return run_digest(args) if args.command == "digest" else run_print(args)
        return run_app(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): quietly stop, like other Unix tools.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return 0
