"""Score every summarizer the CLI offers against extractive reference summaries.

    python bench/summaries.py DATA_DIR [--limit N] [--topics T ...] [--tune-topics T ...]
                              [--jobs J] [--ablation] [--out bench/results/summaries-<name>.md]

DATA_DIR has the BBC News Summary layout: ``articles/<name>.txt`` and
``summaries/<name>.txt``; a name's topic is the part before the first ``_``.

For each article:

* the article is loaded and segmented by briefing itself (``load_paths`` and
  ``segment``), so every algorithm chooses among the same sentences;
* N, the reference length, is the number of the article's candidate sentences (our
  segmentation, summarizable, exact duplicates removed) whose text occurs verbatim in
  the reference. References glue sentences together with no space after the full stop,
  so counting full stops in them is unreliable; matching our own sentences is not.
  Articles with N = 0 are skipped (and counted);
* every algorithm in ``briefing.core.summarize.names()`` picks N sentences, as does
  ``oracle``: greedy ROUGE-2, adding at each step the sentence that most raises the
  ROUGE-2 F1 of the summary so far (an upper bound for extractive summaries of length N);
* the summary text (chosen sentences, document order, joined by spaces) is scored
  against the reference with ``rouge_score`` (ROUGE-1, ROUGE-2, ROUGE-L F1, Porter
  stemming on);
* the time of the ``summarize`` call alone is measured (loading and segmentation are
  shared by all algorithms and not counted; each worker warms every algorithm up
  first, so imports are not counted either).

Tables are printed for the tune topics, the held-out topics and all documents, and
written as Markdown to ``--out``. ``--ablation`` adds variants of the default built from
``briefing.core.rank.Params`` (see ABLATIONS below).
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import pairwise
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing.core.load import decode, load_paths
from briefing.core.model import Document, LoadError, Sentence
from briefing.core.rank import DEFAULT_PARAMS, Params, rank_with
from briefing.core.segment import segment
from briefing.core.summarize import _candidates, names, summarize

DEFAULT_TUNE = ("business", "politics", "tech")
"""Topics the default was tuned on; every other topic is held out. Fixed before tuning."""

ORACLE = "oracle"
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")

_CORE = Params(stop="sumy", stem=True, similarity="overlap", centrality="degree",
               lede=0.0, quote=0.0, duplicate=1.0)
ABLATIONS: dict[str, Params] = {
    # The core, built up one choice at a time from a Reduction-like start.
    "A0 Reduction-like: overlap, stems, long stop list, degree": _CORE,
    "A1 = A0 + cosine similarity": replace(_CORE, similarity="cosine"),
    "A2 = A1 + PageRank": replace(_CORE, similarity="cosine", centrality="pagerank"),
    "A3 = A2 + short function-word list": replace(_CORE, similarity="cosine", centrality="pagerank",
                                                 stop="function"),
    "core = A3 without stemming": replace(_CORE, similarity="cosine", centrality="pagerank",
                                         stop="function", stem=False),
}
CORE_LABEL = "core = A3 without stemming"
_C = ABLATIONS[CORE_LABEL]
ABLATIONS.update({
    # Each idea alone on top of the core.
    "core + lede bonus 0.05": replace(_C, lede=0.05),
    "core + position 1/sqrt(1+i) x0.05": replace(_C, position=0.05),
    "core + position 1/sqrt(1+i) x0.2": replace(_C, position=0.2),
    "core + headline similarity x0.1": replace(_C, headline=0.1),
    "core + key-figure bonus 0.02": replace(_C, figures=0.02),
    "core + key-figure bonus 0.05": replace(_C, figures=0.05),
    "core + quote penalty 0.04": replace(_C, quote=0.04),
    "core + quote penalty 0.1": replace(_C, quote=0.1),
    "core + short-sentence penalty 0.05": replace(_C, short=0.05),
    "core + near-duplicate skip (cos > 0.9)": replace(_C, duplicate=0.9),
    "core + MMR 0.1": replace(_C, mmr=0.1),
    "core + MMR 0.3": replace(_C, mmr=0.3),
    # The default, and the default without each of its parts.
    "default": DEFAULT_PARAMS,
    "default - lede bonus": replace(DEFAULT_PARAMS, lede=0.0),
    "default - quote penalty": replace(DEFAULT_PARAMS, quote=0.0),
    "default - near-duplicate skip": replace(DEFAULT_PARAMS, duplicate=1.0),
})


# --- per document (runs in the workers) -----------------------------------------------------


_SCORER = None
_ALGOS: list[str] = []
_VARIANTS: dict[str, Params] = {}


def _init(algorithms: list[str], variants: dict[str, Params]) -> None:
    global _SCORER, _ALGOS, _VARIANTS
    from rouge_score import rouge_scorer

    _SCORER = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    _ALGOS, _VARIANTS = algorithms, variants
    # Warm-up: imports and first-call costs are not part of the timings.
    from briefing.core.clean import clean

    doc = clean("Title\n\nOne sentence about banks here. Another sentence about banks there. "
                "A third one on rates. A fourth one on banks and rates.", path="warmup.txt")
    sentences = segment(doc)
    for name in algorithms:
        summarize(doc, sentences, name, 2)


def _read_reference(path: str) -> str:
    with open(path, "rb") as fh:
        return decode(fh.read())[0]


def _oracle(texts: list[str], reference: str, count: int) -> list[int]:
    """Greedy ROUGE-2: add the sentence that most raises the summary's ROUGE-2 F1."""
    tokenize = _SCORER._tokenizer.tokenize  # type: ignore[union-attr]
    toks = [tokenize(t) for t in texts]
    ref_toks = tokenize(reference)
    ref = Counter(pairwise(ref_toks))
    ref_total = sum(ref.values())
    chosen: list[int] = []
    for _ in range(count):
        best, best_f = -1, -1.0
        for i in range(len(texts)):
            if i in chosen:
                continue
            seq = [w for j in sorted(chosen + [i]) for w in toks[j]]
            grams = Counter(pairwise(seq))
            hit = sum((grams & ref).values())
            total = sum(grams.values())
            f = 2 * hit / (total + ref_total) if hit else 0.0
            if f > best_f:
                best, best_f = i, f
        chosen.append(best)
    return chosen


def _score(summary: str, reference: str) -> tuple[float, float, float]:
    s = _SCORER.score(reference, summary)  # type: ignore[union-attr]
    return tuple(s[t].fmeasure for t in ROUGE_TYPES)  # type: ignore[return-value]


def _one(job: tuple[str, str, str]) -> dict:
    name, article, summary_path = job
    item = next(load_paths([article]))
    if isinstance(item, LoadError):
        return {"name": name, "error": item.reason}
    doc: Document = item
    sentences: tuple[Sentence, ...] = segment(doc)
    reference = _read_reference(summary_path)
    cands = _candidates(doc, sentences)
    texts = [doc.text[s.start : s.end] for s in cands]
    matched = [t for t in texts if t in reference]
    count = len(matched)
    where = [reference.find(t) for t in matched]
    out: dict = {"name": name, "topic": name.split("_", 1)[0], "n": count, "sentences": len(cands),
                 "coverage": sum(map(len, matched)) / max(1, len(reference.strip())),
                 "in_order": where == sorted(where), "lede_in": bool(texts) and texts[0] in reference,
                 "scores": {}}
    if count == 0:
        return out

    def record(label: str, indices: list[int], seconds: float) -> None:
        text = " ".join(doc.text[sentences[i].start : sentences[i].end] for i in sorted(indices))
        out["scores"][label] = (*_score(text, reference), seconds, len(indices))

    for algo in _ALGOS:
        t0 = time.perf_counter()
        try:
            indices = summarize(doc, sentences, algo, count)
        except Exception as exc:  # noqa: BLE001 - a failing algorithm is reported, not fatal
            out.setdefault("failures", []).append(f"{algo}: {exc!r}")
            continue
        record(algo, indices, time.perf_counter() - t0)
    for label, params in _VARIANTS.items():
        t0 = time.perf_counter()
        indices = rank_with(doc, sentences, count, params)
        record(label, indices, time.perf_counter() - t0)
    t0 = time.perf_counter()
    picked = _oracle(texts, reference, count)
    record(ORACLE, [cands[i].index for i in picked], time.perf_counter() - t0)
    return out


# --- driver --------------------------------------------------------------------------------


def _jobs(data: Path, topics: list[str] | None, limit: int | None) -> list[tuple[str, str, str]]:
    arts, sums = data / "articles", data / "summaries"
    if not arts.is_dir() or not sums.is_dir():
        raise SystemExit(f"{data}: expected articles/ and summaries/ folders")
    found = sorted(p.stem for p in arts.glob("*.txt") if (sums / p.name).is_file())
    if topics:
        found = [n for n in found if n.split("_", 1)[0] in topics]
    if limit is not None:  # round-robin over topics, so a small limit still covers them all
        by_topic: dict[str, list[str]] = defaultdict(list)
        for n in found:
            by_topic[n.split("_", 1)[0]].append(n)
        picked: list[str] = []
        queues = [list(v) for _, v in sorted(by_topic.items())]
        while len(picked) < limit and any(queues):
            for q in queues:
                if q and len(picked) < limit:
                    picked.append(q.pop(0))
        found = sorted(picked)
    return [(n, str(arts / f"{n}.txt"), str(sums / f"{n}.txt")) for n in found]


def _table(rows: list[dict], labels: list[str], title: str, by_score: bool = True,
           baseline: str | None = None) -> list[str]:
    """Markdown table of mean R1/R2/RL/seconds, sorted by ROUGE-2 (or as given), the oracle last."""
    sums: dict[str, list[float]] = {}
    counts: Counter[str] = Counter()
    for r in rows:
        for label, vals in r["scores"].items():
            acc = sums.setdefault(label, [0.0, 0.0, 0.0, 0.0])
            for k in range(4):
                acc[k] += vals[k]
            counts[label] += 1
    means = {lb: [v / counts[lb] for v in sums[lb]] for lb in sums}
    order = [lb for lb in labels if lb in means and lb != ORACLE]
    if by_score:
        order.sort(key=lambda lb: -means[lb][1])
    if ORACLE in means:
        order.append(ORACLE)
    extra = " ROUGE-2 vs core (± s.e.) |" if baseline else ""
    lines = [f"### {title}", "",
             "| algorithm | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 | mean s/doc | docs |" + extra,
             "| --- | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if baseline else "")]
    for lb in order:
        r1, r2, rl, secs = means[lb]
        shown = "oracle (greedy ROUGE-2, upper bound)" if lb == ORACLE else lb
        if lb == "briefing":
            shown = "**briefing (default)**"
        line = f"| {shown} | {r1:.4f} | {r2:.4f} | {rl:.4f} | {secs:.5f} | {counts[lb]} |"
        if baseline:
            line += " |" if lb == baseline else " {:+.4f} ± {:.4f} |".format(*_paired(rows, lb, baseline))
        lines.append(line)
    if "briefing" in means:
        lines.append("")
        notes = []
        if "lead" in means:
            notes.append(_margin(rows, "briefing", "lead"))
        others = [lb for lb in means if lb not in ("briefing", "lead", ORACLE) and lb in names()]
        if others:
            best = max(others, key=lambda lb: means[lb][1])
            notes.append(_margin(rows, "briefing", best) + " (the best other algorithm)")
        if "lexrank" in means and means["lexrank"][3] > 0:
            notes.append(f"time briefing / lexrank = {means['briefing'][3] / means['lexrank'][3]:.2f}x")
        lines.append("ROUGE-2 F1 margins (± standard error of the paired per-document difference): "
                     + "; ".join(notes) + ".")
    lines.append("")
    return lines


def _paired(rows: list[dict], a: str, b: str) -> tuple[float, float]:
    """Mean and standard error of the per-document ROUGE-2 difference a - b."""
    diffs = [r["scores"][a][1] - r["scores"][b][1] for r in rows if a in r["scores"] and b in r["scores"]]
    mean = sum(diffs) / len(diffs)
    var = sum((d - mean) ** 2 for d in diffs) / max(1, len(diffs) - 1)
    return mean, (var / len(diffs)) ** 0.5


def _margin(rows: list[dict], a: str, b: str) -> str:
    mean, se = _paired(rows, a, b)
    return f"{a} - {b} = {mean:+.4f} ± {se:.4f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="folder with articles/ and summaries/")
    ap.add_argument("--limit", type=int, help="at most N documents, taken round-robin over topics")
    ap.add_argument("--topics", nargs="+", help="only these topics")
    ap.add_argument("--tune-topics", nargs="+", default=list(DEFAULT_TUNE),
                    help="topics the default was tuned on (default: %(default)s); the rest are held out")
    ap.add_argument("--algorithms", nargs="+", help="only these algorithms (default: every one the CLI offers)")
    ap.add_argument("--ablation", action="store_true", help="also run the default's ablation variants")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", help="Markdown results file (default: bench/results/summaries-<data folder>.md)")
    args = ap.parse_args(argv)

    data = Path(args.data)
    algorithms = args.algorithms or names()
    unknown = [a for a in algorithms if a not in names()]
    if unknown:
        ap.error(f"unknown algorithm(s) {unknown}; choose from {names()}")
    variants = ABLATIONS if args.ablation else {}
    jobs = _jobs(data, args.topics, args.limit)
    if not jobs:
        raise SystemExit(f"{data}: no article has a matching summary")

    t0 = time.perf_counter()
    rows: list[dict] = []
    ctx = get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(args.jobs, initializer=_init, initargs=(algorithms, variants)) as pool:
        for k, r in enumerate(pool.imap(_one, jobs, chunksize=4), 1):
            rows.append(r)
            if k % 100 == 0:
                print(f"... {k}/{len(jobs)} documents, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    wall = time.perf_counter() - t0

    errors = [r for r in rows if "error" in r]
    skipped = [r for r in rows if "error" not in r and r["n"] == 0]
    scored = [r for r in rows if "error" not in r and r["n"] > 0]
    failures = [f for r in scored for f in r.get("failures", [])]
    multi = [r for r in scored if r["n"] >= 2]
    tune = set(args.tune_topics)
    topics_seen = sorted({r["topic"] for r in scored})
    held = [t for t in topics_seen if t not in tune]
    base_labels = list(algorithms) + [ORACLE]

    import numpy as np
    import rouge_score  # noqa: F401
    import sumy

    cmd = "python bench/summaries.py " + " ".join(
        shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])
    )
    out: list[str] = [
        f"## Summaries benchmark: `{data.name}`", "",
        f"Command: `{cmd}`", "",
        f"Documents: {len(scored)} scored"
        + (f", {len(skipped)} skipped (no sentence of ours found in the reference)" if skipped else "")
        + (f", {len(errors)} unreadable" if errors else "")
        + f". Tune topics: {', '.join(sorted(tune & set(topics_seen))) or '(none)'}; "
        f"held-out topics: {', '.join(held) or '(none)'}.", "",
        (f"N (reference length) = article sentences found verbatim in the reference: mean "
         f"{np.mean([r['n'] for r in scored]):.2f} of {np.mean([r['sentences'] for r in scored]):.2f} "
         f"sentences; the matched sentences cover {100 * np.mean([r['coverage'] for r in scored]):.1f}% "
         f"of the reference characters on average."), "",
        (f"The references: their sentences follow document order in "
         f"{sum(r['in_order'] for r in multi)} of the {len(multi)} with two or more; the lede (first "
         f"sentence) is in {100 * np.mean([r['lede_in'] for r in scored]):.1f}% of them."), "",
        (f"Scores: mean F1 of rouge_score (use_stemmer=True) on the summary text vs the reference. "
         f"Time: mean seconds of the summarize call per document, {args.jobs} worker process(es), "
         f"wall clock {wall:.0f} s. Python {platform.python_version()}, sumy {sumy.__version__}, "
         f"numpy {np.__version__}."), "",
    ]
    if failures:
        out += [f"Failures ({len(failures)}): " + "; ".join(failures[:5]), ""]
    tune_rows = [r for r in scored if r["topic"] in tune]
    held_rows = [r for r in scored if r["topic"] not in tune]
    if tune_rows and held_rows:
        out += _table(tune_rows, base_labels, f"Tune split ({', '.join(sorted(tune & set(topics_seen)))}; "
                      f"{len(tune_rows)} docs)")
        out += _table(held_rows, base_labels, f"Held-out split ({', '.join(held)}; {len(held_rows)} docs)")
    out += _table(scored, base_labels, f"All documents ({len(scored)} docs)")
    if variants:
        split_rows = tune_rows or scored
        out += _table(split_rows, ["lead", "reduction", "textrank", "lexrank"] + list(variants), f"Ablation on the tune split "
                      f"({len(split_rows)} docs): ranker variants (briefing.core.rank.Params)", by_score=False,
                      baseline=CORE_LABEL)
    text = "\n".join(out)
    print(text)
    dest = Path(args.out) if args.out else ROOT / "bench" / "results" / f"summaries-{data.name}.md"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text + "\n", encoding="utf-8")
    print(f"\nwritten to {dest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
