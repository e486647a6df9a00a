"""How summary time grows with document length, for the default algorithm (and LexRank).

Builds documents of 20 to 2,000 sentences by concatenating BBC dev articles, and times
``summarize`` alone (segmentation done beforehand), median of 3.

    python bench/growth.py ../shared/data/bbc-dev/articles [--algorithms briefing lexrank]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from briefing.core.clean import clean
from briefing.core.segment import segment
from briefing.core.summarize import summarize


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("--algorithms", nargs="+", default=["briefing", "lexrank"])
    ap.add_argument("--sizes", nargs="+", type=int, default=[20, 50, 100, 200, 400, 1000, 2000])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "results" / "growth.md"))
    args = ap.parse_args()
    bodies = []
    for f in sorted(Path(args.articles).glob("*.txt")):
        text = f.read_bytes().decode("utf-8", errors="replace")
        bodies.append(text.split("\n", 1)[1] if "\n" in text else text)
    big = clean("Growth test\n\n" + "\n\n".join(bodies[:400]), path="growth")
    all_sentences = segment(big)
    rows = ["| sentences | " + " | ".join(f"{a} s" for a in args.algorithms) + " |",
            "|---:|" + "---:|" * len(args.algorithms)]
    for size in args.sizes:
        cut = all_sentences[size - 1].end if size <= len(all_sentences) else len(big.text)
        doc = clean("Growth test\n\n" + big.text[:cut], path="growth")
        sentences = segment(doc)
        cells = []
        for algorithm in args.algorithms:
            times = []
            for _ in range(3):
                t = time.perf_counter()
                summarize(doc, sentences, algorithm, 5)
                times.append(time.perf_counter() - t)
            cells.append(f"{statistics.median(times):.3f}")
        rows.append(f"| {len(sentences)} | " + " | ".join(cells) + " |")
        print(rows[-1], flush=True)
    table = "\n".join(rows) + "\n"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(table)
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
