"""Sentence segmentation with character spans, offline.

NLTK's Punkt algorithm, run with parameters this project owns (no trained pickle, no
``nltk.download``): a list of English abbreviations, single-letter initials, and the
common words that may open a sentence after an abbreviation ("in the U.S. The ...").
Sentences never cross a paragraph: each Block of the document is segmented on its own,
and a heading or caption block is one unit whatever its punctuation.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.core.model import Document, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktSentenceTokenizer

ABBREVIATIONS = frozenset(
    """
    a.m p.m mr mrs ms messrs dr prof gov lt sen rep reps sens st ste ave blvd rd hwy mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs v etc e.g i.e cf al approx dept est fig figs inc corp ltd co bros llc plc jr sr
    gen col maj capt cmdr sgt cpl pvt adm supt det insp rev fr hon pres asst assoc
    u.s u.k u.n e.u u.s.a d.c n.y l.a ph.d m.d b.a m.a mass calif fla ill conn penn wash
    """.split()
) | frozenset(string.ascii_lowercase)
"""Lower-case, without the final period, as Punkt stores them; single letters are initials."""

SENTENCE_STARTERS = frozenset(
    """
    the a an this that these those it its he she they we i you his her their our but and
    so yet however in on at for if when while as after before since there here what who
    some many most all both each no not one two three four five officials mr mrs ms dr
    """.split()
)
"""Words that may begin a sentence right after an abbreviation such as U.S. or a.m."""

# Titles never end a sentence, whatever follows them.
_TITLES = frozenset(
    "mr mrs ms messrs dr prof gov lt sen rep reps sens st gen col maj capt cmdr sgt cpl pvt "
    "adm supt det insp rev fr hon pres".split()
)


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    # Imported here: nltk costs ~0.6 s to import and is not needed to draw the first screen.
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

    class _LanguageVars(PunktLanguageVars):
        # Curly quotes and guillemets close a sentence like ASCII quotes do.
        @property
        def _re_non_word_chars(self) -> str:  # type: ignore[override]
            return r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb!?])"

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params, lang_vars=_LanguageVars())


_TITLE_END = re.compile(r"\b(" + "|".join(sorted(_TITLES)) + r")\.$", re.I)
_OPENING = re.compile(r"^[\"'“‘(\[]*[a-z0-9]")


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, relative to ``text``."""
    if not text.strip():
        return []
    spans = list(_tokenizer().span_tokenize(text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            prev = text[prev_start:prev_end]
            cur = text[start:end]
            # A title ("Dr.") never ends a sentence; a fragment opening in lower case
            # ("... 5 p.m. on Friday") continues the previous one.
            if _TITLE_END.search(prev) or _OPENING.match(cur) and not cur[:1].isdigit():
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def segment(document: Document) -> tuple[Sentence, ...]:
    """Split every block of the document into sentences with absolute offsets."""
    sentences: list[Sentence] = []
    text = document.text
    for p, block in enumerate(document.blocks):
        chunk = text[block.start : block.end]
        if block.role in ("heading", "caption", "byline"):
            spans = [(0, len(chunk))] if chunk.strip() else []
        else:
            spans = split_spans(chunk)
        for start, end in spans:
            s, e = block.start + start, block.start + end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                sentences.append(Sentence(len(sentences), s, e, block.role, p))
    return tuple(sentences)
