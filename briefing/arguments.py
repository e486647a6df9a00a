"""The command line's parsers (``briefing``, ``briefing summarize|figures|digest``).

Kept apart from :mod:`briefing.cli` so that opening the app with only paths, the usual
way, never imports :mod:`argparse` on the way to the first frame.
"""

from __future__ import annotations

import argparse
import sys

FIGURE_KINDS = ("count", "money", "percent", "date", "time", "duration", "number")
DEFAULT_WHY = "briefing (default): word-overlap centrality blended with a lede prior; best ROUGE on news in bench/"


class _Version(argparse.Action):
    """``--version``, reading the installed version only when asked."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kw: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        import briefing

        print(f"briefing {briefing.__version__}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with one line, no traceback
        from briefing.render.safe import printable

        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {printable(message)}\n")
        raise SystemExit(2)


def _algorithm_help() -> str:
    return (
        "summary algorithm (default: briefing). One of: briefing, lead, lexrank, textrank, "
        "lsa, luhn, edmundson, sumbasic, kl, reduction. " + DEFAULT_WHY
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _ratio(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 1")
    return value


def _kinds(text: str) -> list[str]:
    kinds = [k.strip().lower() for k in text.split(",") if k.strip()]
    bad = [k for k in kinds if k not in FIGURE_KINDS]
    if bad:
        raise argparse.ArgumentTypeError(
            f"unknown kind {bad[0]!r}; choose from: {', '.join(FIGURE_KINDS)}"
        )
    return kinds


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders (recursively), or - for standard input; default: the sample briefing")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour figures on a terminal (auto), always, or never; NO_COLOR is honoured")
    p.add_argument("-j", "--jobs", type=_positive_int, default=0, metavar="J",
                   help="worker processes for many documents (default 0: one per core); output keeps input order")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing",
        description="Read a stack of documents: summaries and key figures, in a terminal app or on stdout.",
        epilog="Run 'briefing' with no command to open the reader app. 'briefing COMMAND --help' for details.",
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    s = sub.add_parser("summarize", help="print each document's summary",
                       description="Print an extractive summary of each document.")
    _common(s)
    length = s.add_mutually_exclusive_group()
    length.add_argument("-n", "--sentences", type=_positive_int, metavar="N",
                        help="sentences per summary (default: about 3, more for long documents)")
    length.add_argument("--ratio", type=_ratio, metavar="R", help="summary length as a share of the sentences (0-1]")
    length.add_argument("-w", "--words", type=_positive_int, metavar="W",
                        help="summary length in words: the top sentences that fit, never cutting one")
    s.add_argument("-a", "--algorithm", default="briefing", metavar="ALGORITHM", help=_algorithm_help())
    s.add_argument("-f", "--format", choices=("text", "markdown", "json", "jsonl"), default="text",
                   help="output format (default: text)")

    f = sub.add_parser("figures", help="print each document's key figures",
                       description="Print the figures (counts, money, percentages, dates, times, durations, numbers) of each document.")
    _common(f)
    f.add_argument("-k", "--kind", type=_kinds, action="extend", metavar="KIND",
                   help=f"only these kinds (repeat or comma-separate): {', '.join(FIGURE_KINDS)}")
    f.add_argument("--top", type=_positive_int, metavar="K", help="only the K key figures of each document")
    f.add_argument("-f", "--format", choices=("text", "json", "jsonl"), default="text",
                   help="output format (default: text)")
    d = sub.add_parser(
        "digest", help="print one digest of the whole briefing, with a timeline",
        description="Print the key sentences of the whole briefing, each from its document and each "
                    "story's facts once (documents that tell the same story are grouped), then a "
                    "timeline of every date. Stories are ordered by date (undated last), then by "
                    "importance (more versions, then longer).")
    _common(d)
    dlen = d.add_mutually_exclusive_group()
    dlen.add_argument("-n", "--sentences", type=_positive_int, metavar="N",
                      help="sentences in the digest (default: about 3 per story, at most 20)")
    dlen.add_argument("-w", "--words", type=_positive_int, metavar="W",
                      help="digest length in words, never cutting a sentence")
    d.add_argument("-f", "--format", choices=("text", "markdown", "json"), default="text",
                   help="output format (default: text)")
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="briefing", description="Open the reader app on PATHs (default: the sample briefing).",
                epilog="Commands: 'briefing summarize --help', 'briefing figures --help', 'briefing digest --help'.")
    p.add_argument("--version", action=_Version)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders, or - for standard input")
    p.add_argument("--theme", metavar="NAME", help="colour theme (e.g. briefing-dark, briefing-light, briefing-contrast)")
    p.add_argument("-a", "--algorithm", default=None, metavar="ALGORITHM", help=_algorithm_help())
    return p
