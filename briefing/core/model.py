"""Plain data shared by every layer.

Offsets are the contract: every ``start``/``end`` below indexes ``Document.text``, the
cleaned body text that was analysed, so ``document.text[start:end]`` is exactly the
item as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

FigureKind = Literal["count", "money", "percent", "date", "time", "duration", "number"]
FIGURE_KINDS: tuple[FigureKind, ...] = (
    "count",
    "money",
    "percent",
    "date",
    "time",
    "duration",
    "number",
)

BlockRole = Literal["body", "heading", "caption", "byline", "item"]
"""What a paragraph is: only ``body`` and ``item`` sentences may enter a summary."""

SUMMARIZABLE_ROLES: frozenset[str] = frozenset({"body", "item"})

Value = Union[int, float, str, dict, list, None]


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of the cleaned text and what it is."""

    start: int
    end: int
    role: BlockRole = "body"


@dataclass(frozen=True, slots=True)
class Document:
    """One loaded and cleaned document."""

    path: str
    """Where it came from, as the user named it (``-`` for standard input)."""
    title: str
    """The headline, or a stand-in when the document has none."""
    text: str
    """The cleaned body text; every offset in the project points into it."""
    date: str | None = None
    """Publication date as ISO ``YYYY-MM-DD`` (or partial) when the document states one."""
    blocks: tuple[Block, ...] = ()
    """The paragraphs of ``text`` in order, each with its role."""
    notes: tuple[str, ...] = ()
    """Non-fatal remarks from loading (encoding guessed, text truncated, ...)."""

    @property
    def name(self) -> str:
        """The file name, for lists and messages."""
        if self.path == "-":
            return "<stdin>"
        return self.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class LoadError:
    """A path that could not be turned into a Document, and why (one line)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence span of ``Document.text``."""

    index: int
    start: int
    end: int
    role: BlockRole = "body"
    paragraph: int = 0

    @property
    def summarizable(self) -> bool:
        return self.role in SUMMARIZABLE_ROLES


@dataclass(frozen=True, slots=True)
class Figure:
    """A key figure: ``text[start:end]`` as written, with its normalised value."""

    kind: FigureKind
    start: int
    end: int
    text: str
    value: Value = None
    """A number, an ISO (possibly partial) date, ``{"amount", "currency"}`` for money,
    or ``[low, high]`` for a range."""
    unit: str | None = None
    """The thing counted, the currency code, ``%``, or the duration's unit."""
    resolved: Value = None
    """Date figures only: the calendar date meant, ISO (possibly partial) or ``[first,
    last]``, worked out against the document's date where the text leaves it open
    (``yesterday``, ``Friday``, ``April 27``); see ``briefing.core.resolve``."""
    resolution: str | None = None
    """Date figures only: how ``resolved`` was found: ``written`` (the text says it),
    ``document-date`` (worked out from the document's date) or ``unresolved`` (it needs a
    document date the document does not state). None for other kinds."""


@dataclass(frozen=True, slots=True)
class Summary:
    """A summary: indices into ``Analysis.sentences``, in document order."""

    algorithm: str
    indices: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user asked for; part of every cache key."""

    algorithm: str = "default"
    sentences: int | None = None
    """Fixed length; ``None`` lets the length follow the document."""
    ratio: float | None = None
    """Length as a share of the document's summarizable sentences."""
    words: int | None = None
    """Length in words: as many top sentences as fit, never cutting one."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything computed about one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    summary: Summary
    figures: tuple[Figure, ...]
    settings: Settings = field(default_factory=Settings)

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.document.text[s.start : s.end]

    @property
    def summary_sentences(self) -> tuple[Sentence, ...]:
        return tuple(self.sentences[i] for i in self.summary.indices)
