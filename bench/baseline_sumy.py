"""Baseline: a bare loop over sumy's LexRank, as a user would write it.

Sumy's own ``Tokenizer("english")`` needs NLTK's punkt data, which is not available
offline. The loop rebuilds the same tokenizer from parts that need no data: Punkt
sentence splitting (with briefing's parameters, in place of the trained English model)
and NLTK's Treebank word tokenizer (what ``nltk.word_tokenize`` runs after Punkt). It
is otherwise the loop a user writes: ``PlaintextParser`` + ``LexRankSummarizer``.
Prints documents per second on one core (import time excluded).

    python bench/baseline_sumy.py ARTICLES_DIR [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path


class OfflineSumyTokenizer:
    """sumy.nlp.tokenizers.Tokenizer('english') without its data files."""

    language = "english"

    def __init__(self) -> None:
        from nltk.tokenize import TreebankWordTokenizer

        from briefing.core.segment import _tokenizer

        self._sentences = _tokenizer()
        self._words = TreebankWordTokenizer()

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in self._sentences.tokenize(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        # sumy keeps only tokens containing a letter or digit
        return tuple(w for w in self._words.tokenize(sentence) if re.search(r"\w", w))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("--limit", type=int)
    ap.add_argument("-n", "--sentences", type=int, default=3)
    args = ap.parse_args()
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    files = sorted(Path(args.articles).glob("*.txt"))[: args.limit]
    texts = [f.read_bytes().decode("utf-8", errors="replace") for f in files]
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = OfflineSumyTokenizer()
    start = time.perf_counter()
    for text in texts:
        parser = PlaintextParser.from_string(text, tokenizer)
        summary = summarizer(parser.document, args.sentences)
        sys.stdout.write(json.dumps([str(s) for s in summary]) + "\n")
    elapsed = time.perf_counter() - start
    sys.stderr.write(json.dumps({"docs": len(texts), "seconds": round(elapsed, 3),
                                 "docs_per_s": round(len(texts) / elapsed, 1)}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
