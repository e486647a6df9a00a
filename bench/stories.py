"""Same-story grouping: how many stories it finds, how well it agrees with a reader, how fast.

    python bench/stories.py ../shared/data/bbc-dev/articles [--pairs bench/data/stories/pairs.jsonl]
                            [--sweep] [--show N] [--out bench/results/stories.md]

* Scan: loads every document, then times ``briefing.core.stories.group`` over all their
  texts (median of 5 runs; loading is timed apart), and counts the groups it finds
  (exact copies apart from other multi-document stories).
* Agreement: ``pairs.jsonl`` holds document pairs a reader labelled ``same`` / ``related``
  / ``unrelated`` without seeing any score (bench/data/stories/GUIDE.md). For each pair the
  script prints the containment and whether the grouping puts both in one story, and
  scores "same story" as precision / recall / F1; ``--sweep`` repeats that for a range of
  thresholds, which is how ``SAME`` was chosen.
* ``--show N`` prints N multi-document groups (titles) for reading.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.core import stories  # noqa: E402
from briefing.core.load import discover, load  # noqa: E402
from briefing.core.model import LoadError  # noqa: E402


def score(labels: list[dict], same_pred: dict[tuple[str, str], bool]) -> tuple[float, float, float, Counter]:
    confusion: Counter = Counter()
    for item in labels:
        predicted = same_pred[item["a"], item["b"]]
        confusion[item["label"], "same" if predicted else "apart"] += 1
    tp = confusion["same", "same"]
    fp = sum(v for (gold, pred), v in confusion.items() if pred == "same" and gold != "same")
    fn = confusion["same", "apart"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, confusion


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--pairs", default=str(ROOT / "bench/data/stories/pairs.jsonl"))
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--digest", action="store_true",
                    help="also analyse every document and time the whole-briefing digest and timeline")
    ap.add_argument("--out")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    docs = [d for d in (load(s) for s in discover([args.folder])) if not isinstance(d, LoadError)]
    load_s = time.perf_counter() - t0
    texts = [d.text for d in docs]
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        result = stories.group(texts)
        runs.append(time.perf_counter() - t)
    scan = statistics.median(runs)
    groups = [g for g in result.groups() if len(g) > 1]
    exact = [g for g in groups if len({" ".join(texts[i].split()) for i in g}) == 1]
    sizes = Counter(len(g) for g in groups)
    lines = [
        f"Same-story scan of {len(docs)} documents in {args.folder}",
        "",
        f"- loading and cleaning: {load_s:.2f} s (not part of the scan)",
        f"- grouping (median of 5): {scan:.3f} s, {scan / len(docs) * 1000:.3f} s per 1,000 documents",
        f"- stories: {len(set(result.ids))}; with more than one document: {len(groups)} "
        f"({sum(len(g) for g in groups)} documents); of those, exact copies only: {len(exact)}",
        f"- group sizes: " + ", ".join(f"{n} docs x{c}" for n, c in sorted(sizes.items())),
        f"- related pairs (containment {stories.RELATED}-{stories.SAME}, other stories): "
        f"{sum(1 for a, b, c in result.pairs if c < stories.SAME and result.ids[a] != result.ids[b])}",
        f"- thresholds: SAME={stories.SAME}, RELATED={stories.RELATED}, MIN_SHARED={stories.MIN_SHARED}, "
        f"shingles of {stories.SHINGLE} words",
    ]

    pairs_path = Path(args.pairs)
    if pairs_path.exists():
        labels = [json.loads(line) for line in pairs_path.read_text().splitlines() if line.strip()]
        index = {Path(d.path).name: i for i, d in enumerate(docs)}
        labels = [x for x in labels if x["a"] in index and x["b"] in index]
        contain = {}
        sets = {name: stories.shingles(texts[i]) for name, i in index.items()
                if any(name in (x["a"], x["b"]) for x in labels)}
        for x in labels:
            a, b = sets[x["a"]], sets[x["b"]]
            contain[x["a"], x["b"]] = len(a & b) / max(1, min(len(a), len(b)))
        pred = {(x["a"], x["b"]): result.ids[index[x["a"]]] == result.ids[index[x["b"]]] for x in labels}
        gold = Counter(x["label"] for x in labels)
        lines += ["", f"Agreement with a reader on {len(labels)} labelled pairs ({dict(gold)}):", ""]
        for name in ("tune", "held-out", None):
            subset = [x for x in labels if name is None or x.get("set") == name]
            if not subset:
                continue
            p, r, f, confusion = score(subset, pred)
            lines.append(f"- {name or 'all'} ({len(subset)} pairs): same story precision {p:.3f}, "
                         f"recall {r:.3f}, F1 {f:.3f}; " + ", ".join(
                             f"{g}->{q}: {v}" for (g, q), v in sorted(confusion.items())))
        band = [x for x in labels if stories.RELATED <= contain[x["a"], x["b"]] and not pred[x["a"], x["b"]]]
        gold_related = [x for x in labels if x["label"] == "related"]
        found = [x for x in gold_related if x in band]
        lab = Counter(x["label"] for x in band)
        lines.append(f"- 'related' (containment >= {stories.RELATED}, not grouped): {len(band)} pairs, labelled "
                     f"{dict(lab)}; it finds {len(found)} of {len(gold_related)} pairs labelled related")
        wrong = [x for x in labels if pred[x["a"], x["b"]] != (x["label"] == "same")]
        if wrong:
            lines += ["", "Disagreements:", ""]
            for x in wrong:
                lines.append(f"- {x['a']} {x['b']}: containment {contain[x['a'], x['b']]:.3f}, "
                             f"reader: {x['label']} ({x.get('why', '')})")
        if args.sweep:
            lines += ["", "Threshold sweep (containment alone; chosen by F1 on the tune set, ties to precision):", "",
                      "| SAME | tune P | tune R | tune F1 | held-out P | held-out R | held-out F1 |",
                      "|---:|---:|---:|---:|---:|---:|---:|"]
            for t in (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
                pr = {k: v >= t for k, v in contain.items()}
                row = []
                for name in ("tune", "held-out"):
                    subset = [x for x in labels if x.get("set") == name]
                    sp, sr, sf, _ = score(subset, pr)
                    row += [sp, sr, sf]
                lines.append(f"| {t:.2f} | " + " | ".join(f"{v:.3f}" for v in row) + " |")

    if args.digest:
        from briefing.batch import analyses
        from briefing.core.digest import digest
        from briefing.core.model import Analysis, Settings
        from briefing.core.timeline import timeline

        t = time.perf_counter()
        done = [a for a in analyses([d.path for d in docs], Settings()) if isinstance(a, Analysis)]
        analyse_s = time.perf_counter() - t
        t = time.perf_counter()
        picks = digest(done, result)
        digest_s = time.perf_counter() - t
        t = time.perf_counter()
        events = timeline(done, result.ids)
        timeline_s = time.perf_counter() - t
        mentions = sum(1 for a in done for f in a.figures if f.kind == "date")
        partial = sum(1 for e in events if e.date.startswith("--"))
        lines += [
            "",
            f"Whole-briefing digest of all {len(done)} documents:",
            "",
            f"- analysing them (all cores, cache as configured): {analyse_s:.1f} s",
            f"- digest (default length, {len(picks)} sentences from {len({p.story for p in picks})} stories): "
            f"{digest_s:.2f} s",
            f"- timeline: {len(events)} dated mentions of {mentions} date figures ({partial} without a year; "
            f"weekdays and lone months are left out when a document has no date of its own): {timeline_s:.2f} s",
        ]

    if args.show:
        lines += ["", f"{min(args.show, len(groups))} groups for reading:", ""]
        for g in groups[: args.show]:
            lines.append("- " + " | ".join(f"{Path(docs[i].path).name}: {docs[i].title}" for i in g))
    text = "\n".join(lines)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
