#!/usr/bin/env python3
"""Key-figures benchmark: score the figure detector (and peer libraries) on the gold set.

The gold set is ``bench/data/figures/annotations.jsonl`` (rules in ``GUIDE.md``). Every
system reads the same input, the cleaned ``Document.text`` from ``briefing.core.load``; the
gold spans, annotated on the raw files, are mapped onto that text first (gold figures in
text the cleaner removed are reported and left out of the score).

Matching, for every system alike:

* **exact** (the headline score): a predicted figure matches a gold figure when the two
  spans are identical (same start and end in ``Document.text``), whatever the kinds;
* **relaxed** (secondary): a predicted figure matches a gold figure when the spans
  overlap (one-to-one, greedy in text order);
* **per kind**: a prediction of kind K is right when it matches a gold figure of kind K
  exactly; P over the predictions of kind K, R over the gold figures of kind K;
* **kind accuracy**: the share of exact matches whose kinds agree;
* **near-miss violations**: gold near-misses (``COVID-19``, ``first``, ``one of``, ...)
  overlapped by any prediction.

Splits: ``dev`` = the 5 seeds and BBC ``*_021``-``*_024`` (used while developing the
detector), ``heldout`` = BBC ``*_025``-``*_027`` (15 documents, not looked at while
developing), ``all`` = both.

Usage (from the repository root)::

    python bench/figures.py                       # detector + every installed peer, all splits
    python bench/figures.py --misses dev          # also list the detector's misses on dev
    python bench/figures.py --peers none --timing ../shared/data/bbc-dev/articles
    python bench/figures.py --markdown bench/results/figures.md
    python bench/figures.py --peers none --annotations bench/data/figures/annotations-cnn.jsonl
    python bench/figures.py --families bench/data/figures/families.jsonl   # short cases per family

The scorer (``load_gold``, ``score``) is importable and needs only the standard library
and briefing; the peers are optional and skipped with a note when not installed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing.core.figures import extract  # noqa: E402
from briefing.core.load import load_paths  # noqa: E402
from briefing.core.model import FIGURE_KINDS, Document  # noqa: E402

ANNOTATIONS = HERE / "data" / "figures" / "annotations.jsonl"
SPLITS = ("dev", "heldout", "all")
_HELDOUT = re.compile(r"_02[5-7]\.txt$")

Span = tuple[int, int]
Prediction = tuple[int, int, str]  # start, end, kind (offsets into Document.text)
Predictor = Callable[[str], Iterable[Prediction]]


def split_of(doc: str) -> str:
    """``heldout`` for BBC ``*_025``-``*_027``, ``dev`` for everything else."""
    return "heldout" if _HELDOUT.search(doc) else "dev"


# --- gold: raw-file annotations mapped onto Document.text ---------------------------------


@dataclass
class GoldFigure:
    text: str
    kind: str
    start: int
    end: int


@dataclass
class GoldDoc:
    doc: str
    split: str
    document: Document
    figures: list[GoldFigure]
    near_misses: list[tuple[int, int, str]]
    out_of_scope: list[dict] = field(default_factory=list)
    """Gold figures in text the cleaner removed (``text``, ``kind``, ``satisfied_by``)."""


def _nth(text: str, needle: str, occurrence: int) -> int | None:
    pos, n = 0, 0
    while True:
        i = text.find(needle, pos)
        if i < 0:
            return None
        n += 1
        if n == occurrence:
            return i
        pos = i + len(needle)


_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


_CONTEXT = 60
_MIN_CONTEXT = 12


def _map_span(raw: str, clean: str, start: int, end: int, used: set[int]) -> Span | None:
    """Where raw ``[start, end)`` lies in the cleaned text, by its text and its context.

    Every occurrence of the (space-normalised) span text in the cleaned text is scored by
    how many characters of context agree on each side; the best unused one wins, if enough
    context agrees (otherwise the span fell in text the cleaner removed).
    """
    needle = _norm(raw[start:end])
    left = _norm(raw[max(0, start - 3 * _CONTEXT):start])[-_CONTEXT:][::-1]
    right = _norm(raw[end:end + 3 * _CONTEXT])[:_CONTEXT]
    best, best_score = None, -1
    i = clean.find(needle)
    while i >= 0:
        if i not in used:
            cl = _norm(clean[max(0, i - 3 * _CONTEXT):i])[-_CONTEXT:][::-1]
            cr = _norm(clean[i + len(needle):i + len(needle) + 3 * _CONTEXT])[:_CONTEXT]
            # the start/end of the text counts as agreeing context
            sl = _common_prefix(left.lstrip(), cl.lstrip()) if cl.strip() else _CONTEXT
            sr = _common_prefix(right.lstrip(), cr.lstrip()) if cr.strip() else _CONTEXT
            s = sl + sr
            if s > best_score:
                best, best_score = i, s
        i = clean.find(needle, i + 1)
    if best is None or best_score < _MIN_CONTEXT:
        return None
    return best, best + len(needle)


def load_gold(path: Path | str = ANNOTATIONS, split: str = "all") -> list[GoldDoc]:
    """The annotated documents of ``split``, loaded and cleaned, gold spans mapped."""
    out = []
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    for rec in records:
        sp = split_of(rec["doc"])
        if split != "all" and sp != split:
            continue
        file = ROOT / rec["doc"]
        raw = file.read_text(encoding="utf-8")
        (document,) = list(load_paths([str(file)]))
        if not isinstance(document, Document):
            raise RuntimeError(f"{rec['doc']}: {document}")
        clean = document.text
        used: set[int] = set()
        figures, near, oos = [], [], []
        for item in rec["figures"]:
            s = _nth(raw, item["text"], item["occurrence"])
            assert s is not None, item
            span = _map_span(raw, clean, s, s + len(item["text"]), used)
            if span is None:
                satisfied = None
                if item["kind"] == "date" and document.date == item["text"]:
                    satisfied = "Document.date"
                oos.append({"text": item["text"], "kind": item["kind"], "satisfied_by": satisfied})
                continue
            used.add(span[0])
            figures.append(GoldFigure(clean[span[0]:span[1]], item["kind"], *span))
        for item in rec["near_misses"]:
            s = _nth(raw, item["text"], item["occurrence"])
            assert s is not None, item
            span = _map_span(raw, clean, s, s + len(item["text"]), set())
            if span is not None:
                near.append((span[0], span[1], item["text"]))
        out.append(GoldDoc(rec["doc"], sp, document, figures, near, oos))
    return out


def load_families(path: Path | str) -> list[GoldDoc]:
    """Short cases, one per line: ``{"id", "family", "text", "figures": [{"text",
    "kind"}], "not": [text, ...]}`` (each span occurs once in its text; ``not`` spans
    must not be marked). Each case becomes a gold document whose split is its family."""
    out = []
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    for rec in records:
        text = rec["text"]
        figures = []
        for item in rec["figures"]:
            i = text.find(item["text"])
            assert i >= 0, (rec["id"], item)
            figures.append(GoldFigure(item["text"], item["kind"], i, i + len(item["text"])))
        near = []
        for t in rec["not"]:
            i = text.find(t)
            assert i >= 0, (rec["id"], t)
            near.append((i, i + len(t), t))
        document = Document(path=rec["id"], title=rec["id"], text=text)
        out.append(GoldDoc(rec["id"], rec["family"], document, figures, near))
    return out


# --- scoring ------------------------------------------------------------------------------


@dataclass
class Miss:
    doc: str
    split: str
    what: str  # "missed" (gold not found), "spurious" (prediction not in gold), "kind", "near-miss"
    text: str
    kind: str
    detail: str
    context: str


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    relaxed: int = 0
    kind_agree: int = 0
    near_misses: int = 0
    violations: int = 0
    per_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [tp, pred, gold]
    misses: list[Miss] = field(default_factory=list)
    docs: int = 0
    out_of_scope: int = 0

    @staticmethod
    def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def prf(self) -> tuple[float, float, float]:
        return self._prf(self.exact, self.predicted, self.gold)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._prf(self.relaxed, self.predicted, self.gold)

    @property
    def kind_accuracy(self) -> float:
        return self.kind_agree / self.exact if self.exact else 0.0

    def kind_prf(self, kind: str) -> tuple[float, float, float, int, int]:
        tp, pred, gold = self.per_kind.get(kind, [0, 0, 0])
        return (*self._prf(tp, pred, gold), pred, gold)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = _norm(text[max(0, start - width):start])
    right = _norm(text[end:end + width])
    return f"…{left}[{_norm(text[start:end])}]{right}…"


def _clean_predictions(text: str, preds: Iterable[Prediction]) -> list[Prediction]:
    """Valid, de-duplicated predictions in text order (same span twice counts once)."""
    seen: set[Span] = set()
    out = []
    for s, e, k in sorted(preds, key=lambda p: (p[0], p[1])):
        if not (0 <= s < e <= len(text)) or (s, e) in seen:
            continue
        seen.add((s, e))
        out.append((s, e, k))
    return out


def score(gold_docs: Sequence[GoldDoc], predict: Predictor) -> Scores:
    """Score ``predict`` (Document.text -> (start, end, kind) items) on the gold documents."""
    sc = Scores(per_kind={k: [0, 0, 0] for k in FIGURE_KINDS})
    for gd in gold_docs:
        text = gd.document.text
        preds = _clean_predictions(text, predict(text))
        sc.docs += 1
        sc.out_of_scope += len(gd.out_of_scope)
        sc.gold += len(gd.figures)
        sc.predicted += len(preds)
        gold_by_span = {(g.start, g.end): g for g in gd.figures}
        matched_gold: set[Span] = set()
        for s, e, k in preds:
            sc.per_kind.setdefault(k, [0, 0, 0])[1] += 1
            g = gold_by_span.get((s, e))
            if g is None:
                continue
            sc.exact += 1
            matched_gold.add((s, e))
            if g.kind == k:
                sc.kind_agree += 1
                sc.per_kind[k][0] += 1
            else:
                sc.misses.append(Miss(gd.doc, gd.split, "kind", text[s:e], k,
                                      f"gold kind {g.kind}", _context(text, s, e)))
        for g in gd.figures:
            sc.per_kind.setdefault(g.kind, [0, 0, 0])[2] += 1
        # relaxed: one-to-one greedy overlap in text order
        used_pred: set[int] = set()
        for g in gd.figures:
            for j, (s, e, _k) in enumerate(preds):
                if j not in used_pred and s < g.end and g.start < e:
                    used_pred.add(j)
                    sc.relaxed += 1
                    break
        # near-miss violations: near-miss spans overlapped by any prediction
        sc.near_misses += len(gd.near_misses)
        for ns, ne, nt in gd.near_misses:
            hit = [(s, e, k) for s, e, k in preds if s < ne and ns < e]
            if hit:
                sc.violations += 1
                s, e, k = hit[0]
                sc.misses.append(Miss(gd.doc, gd.split, "near-miss", text[s:e], k,
                                      f"overlaps near-miss {nt!r}", _context(text, s, e)))
        for g in gd.figures:
            if (g.start, g.end) not in matched_gold:
                over = [text[s:e] for s, e, _ in preds if s < g.end and g.start < e]
                detail = f"predicted {over!r}" if over else "not found"
                sc.misses.append(Miss(gd.doc, gd.split, "missed", g.text, g.kind, detail,
                                      _context(text, g.start, g.end)))
        for s, e, k in preds:
            if (s, e) not in gold_by_span:
                over = [g.text for g in gd.figures if g.start < e and s < g.end]
                detail = f"gold {over!r}" if over else "not a gold figure"
                sc.misses.append(Miss(gd.doc, gd.split, "spurious", text[s:e], k, detail,
                                      _context(text, s, e)))
    return sc


def detector(text: str) -> list[Prediction]:
    """The briefing detector, as a predictor."""
    return [(f.start, f.end, f.kind) for f in extract(text)]


# --- report -------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{x:.3f}"


def overall_table(results: dict[str, dict[str, Scores]]) -> str:
    lines = [
        "| system | split | docs | gold | pred | P | R | F1 | relaxed P | relaxed R | relaxed F1 "
        "| kind acc. | near-miss violations |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, by_split in results.items():
        for sp, sc in by_split.items():
            p, r, f = sc.prf
            rp, rr, rf = sc.relaxed_prf
            lines.append(
                f"| {name} | {sp} | {sc.docs} | {sc.gold} | {sc.predicted} | {_pct(p)} | {_pct(r)} "
                f"| **{_pct(f)}** | {_pct(rp)} | {_pct(rr)} | {_pct(rf)} | {_pct(sc.kind_accuracy)} "
                f"| {sc.violations} / {sc.near_misses} |"
            )
    return "\n".join(lines)


def kind_table(results: dict[str, dict[str, Scores]], split: str) -> str:
    names = list(results)
    head = "| kind | gold | " + " | ".join(f"{n} P / R / F1" for n in names) + " |"
    lines = [head, "| --- | ---: | " + " | ".join("---" for _ in names) + " |"]
    for kind in FIGURE_KINDS:
        gold = results[names[0]][split].per_kind.get(kind, [0, 0, 0])[2]
        cells = []
        for n in names:
            p, r, f, pred, _g = results[n][split].kind_prf(kind)
            cells.append("–" if pred == 0 else f"{_pct(p)} / {_pct(r)} / {_pct(f)}")
        lines.append(f"| {kind} | {gold} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def family_scores(cases: Sequence[GoldDoc], predict: Predictor) -> dict[str, Scores]:
    """Scores per family (in file order), then ``positives``, ``negatives`` and ``all``."""
    families = list(dict.fromkeys(c.split for c in cases))
    out = {fam: score([c for c in cases if c.split == fam], predict) for fam in families}
    out["positives"] = score([c for c in cases if not c.split.startswith("negatives/")], predict)
    out["negatives"] = score([c for c in cases if c.split.startswith("negatives/")], predict)
    out["all"] = score(cases, predict)
    return out


def family_table(results: dict[str, Scores]) -> str:
    """R: gold spans found exactly; R kind: found with the right kind; violations: ``not``
    spans (phone numbers, names, rates, ...) overlapped by a prediction; spurious:
    predictions that are no gold figure."""
    lines = [
        "| family | cases | gold | found | R | R kind | pred | P | not-span violations | spurious |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for fam, sc in results.items():
        p, r, _f = sc.prf
        r_kind = sc.kind_agree / sc.gold if sc.gold else 0.0
        spurious = sc.predicted - sc.exact
        name = f"**{fam}**" if fam in ("positives", "negatives", "all") else fam
        lines.append(
            f"| {name} | {sc.docs} | {sc.gold} | {sc.exact} | {_pct(r) if sc.gold else '–'} "
            f"| {_pct(r_kind) if sc.gold else '–'} | {sc.predicted} | {_pct(p) if sc.predicted else '–'} "
            f"| {sc.violations} / {sc.near_misses} | {spurious} |"
        )
    return "\n".join(lines)


def misses_report(sc: Scores, split: str, limit: int | None = None) -> str:
    order = {"near-miss": 0, "missed": 1, "spurious": 2, "kind": 3}
    ms = [m for m in sc.misses if split == "all" or m.split == split]
    ms.sort(key=lambda m: (order[m.what], m.doc))
    if limit is not None:
        ms = ms[:limit]
    if not ms:
        return "(none)"
    return "\n".join(
        f"- {m.what:9s} {m.kind:8s} {m.text!r} ({m.detail}) in {Path(m.doc).name}: {m.context}"
        for m in ms
    )


def timing(folder: str) -> tuple[int, float, float]:
    """(documents, total seconds, worst seconds) for extract() over a folder of articles."""
    docs = [d for d in load_paths([folder]) if isinstance(d, Document)]
    total, worst = 0.0, 0.0
    for d in docs:
        t0 = time.perf_counter()
        extract(d.text)
        dt = time.perf_counter() - t0
        total += dt
        worst = max(worst, dt)
    return len(docs), total, worst


def old_extract(rev: str) -> Callable[[str], object]:
    """``extract`` of ``briefing/core/figures.py`` as it was at git revision ``rev``."""
    import subprocess
    import types

    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:briefing/core/figures.py"],
                            check=True, capture_output=True, text=True).stdout
    module = types.ModuleType(f"figures_at_{rev}")
    module.__file__ = f"<{rev}:briefing/core/figures.py>"
    sys.modules[module.__name__] = module  # dataclasses and typing look modules up by name
    exec(compile(source, module.__file__, "exec"), module.__dict__)  # noqa: S102 - our own history
    return module.extract


def speed_vs(folder: str, rev: str, rounds: int = 5) -> str:
    """Time ``extract`` now and at ``rev`` on every document of ``folder``, alternating the
    two per document and round (A B, then B A), so both meet the same machine load."""
    import statistics

    docs = [d.text for d in load_paths([folder]) if isinstance(d, Document)]
    systems = {"old": old_extract(rev), "new": extract}
    for f in systems.values():  # warm: compile the patterns
        for text in docs[:20]:
            f(text)
    totals: dict[str, list[float]] = {"old": [], "new": []}
    per_doc: dict[str, list[list[float]]] = {"old": [[] for _ in docs], "new": [[] for _ in docs]}
    for r in range(rounds):
        total = {"old": 0.0, "new": 0.0}
        for i, text in enumerate(docs):
            order = ("old", "new") if (i + r) % 2 == 0 else ("new", "old")
            for name in order:
                t0 = time.perf_counter()
                systems[name](text)
                dt = time.perf_counter() - t0
                total[name] += dt
                per_doc[name][i].append(dt)
        for name in total:
            totals[name].append(total[name])
    med = {n: statistics.median(t) / len(docs) * 1000 for n, t in totals.items()}
    doc_med = {n: statistics.median(statistics.median(x) for x in per_doc[n]) * 1000 for n in per_doc}
    worst = {n: max(statistics.median(x) for x in per_doc[n]) * 1000 for n in per_doc}
    lines = [
        f"extract() on {len(docs)} documents of {folder}, {rounds} rounds, old = {rev}, "
        "the two alternated per document:",
        "",
        "| code | mean ms/doc (median of rounds) | median doc ms | slowest doc ms (its median) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for n in ("old", "new"):
        lines.append(f"| {n} | {med[n]:.3f} | {doc_med[n]:.3f} | {worst[n]:.1f} |")
    lines += ["", f"new / old: {med['new'] / med['old']:.2f}x mean time per document "
              f"(per round: {', '.join(f'{a / b:.2f}' for a, b in zip(totals['new'], totals['old']))}); "
              f"{doc_med['new'] / doc_med['old']:.2f}x the median document"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annotations", default=str(ANNOTATIONS))
    ap.add_argument("--peers", default="all",
                    help="comma-separated peer names, 'all' (default) or 'none'")
    ap.add_argument("--splits", default=",".join(SPLITS),
                    help="comma-separated splits to score (default: dev,heldout,all)")
    ap.add_argument("--misses", choices=("none", *SPLITS), default="all",
                    help="list the detector's misses on this split (default: all)")
    ap.add_argument("--limit", type=int, default=None, help="at most this many misses")
    ap.add_argument("--timing", metavar="FOLDER", help="also time extract() over this folder")
    ap.add_argument("--markdown", metavar="FILE", help="also write the report to FILE")
    ap.add_argument("--families", metavar="FILE",
                    help="score the detector on a file of short cases per family instead "
                         "(bench/data/figures/families.jsonl)")
    ap.add_argument("--speed-vs", metavar="REV",
                    help="with --timing FOLDER: time extract() now against git revision REV "
                         "(alternating per document) and print only that")
    ap.add_argument("--rounds", type=int, default=5, help="rounds for --speed-vs (default 5)")
    args = ap.parse_args(argv)

    if args.speed_vs:
        if not args.timing:
            ap.error("--speed-vs needs --timing FOLDER")
        report = speed_vs(args.timing, args.speed_vs, args.rounds)
        print(report)
        if args.markdown:
            command = "python bench/figures.py " + " ".join(argv if argv is not None else sys.argv[1:])
            Path(args.markdown).write_text(f"# Key figures: speed against {args.speed_vs}\n\n"
                                           f"Command: `{command.strip()}`\n\n{report}\n", encoding="utf-8")
        return 0
    if args.families:
        return families_main(args, argv)
    if args.annotations != str(ANNOTATIONS) and "--splits" not in (argv if argv is not None else sys.argv):
        args.splits = "all"  # dev/held-out are the original set's splits
    splits = [sp for sp in SPLITS if sp in args.splits.split(",")]
    gold = {sp: load_gold(args.annotations, sp) for sp in splits}
    systems: dict[str, Predictor] = {"briefing": detector}
    notes: list[str] = []
    if args.peers != "none":
        sys.path.insert(0, str(HERE))
        from peers import available  # type: ignore[import-not-found]

        wanted = None if args.peers == "all" else set(args.peers.split(","))
        found, skipped = available(wanted)
        systems.update(found)
        notes.extend(skipped)

    # Each system reads each document once; the splits are scored from those predictions.
    results: dict[str, dict[str, Scores]] = {}
    per_doc_ms: dict[str, float] = {}
    docs_by_text = {gd.document.text: gd for sp in splits for gd in gold[sp]}
    for name, predict in systems.items():
        cache: dict[str, list[Prediction]] = {}
        try:
            t0 = time.perf_counter()
            for text in docs_by_text:
                cache[text] = list(predict(text))
            per_doc_ms[name] = 1000 * (time.perf_counter() - t0) / max(1, len(docs_by_text))
        except Exception as exc:  # a peer that crashes is reported, not fatal
            notes.append(f"{name}: crashed ({type(exc).__name__}: {exc}); left out")
            continue
        results[name] = {sp: score(gold[sp], cache.__getitem__) for sp in splits}

    out = []
    all_gold = gold[splits[-1]]
    oos = [(g.doc, o) for g in all_gold for o in g.out_of_scope]
    out.append(f"Gold: {len(all_gold)} documents, {sum(len(g.figures) for g in all_gold)} figures "
               f"in Document.text, {sum(len(g.near_misses) for g in all_gold)} near-misses; "
               f"{len(oos)} gold figure(s) fall in text the cleaner removed (not scored):")
    for doc, o in oos:
        extra = f", satisfied by {o['satisfied_by']}" if o["satisfied_by"] else ""
        out.append(f"  - {Path(doc).name}: {o['text']!r} ({o['kind']}{extra})")
    out.append("")
    out.append(overall_table(results))
    for sp in splits:
        out.append("")
        out.append(f"Per kind, {sp} (exact span and kind):")
        out.append("")
        out.append(kind_table(results, sp))
    out.append("")
    for name, ms in per_doc_ms.items():
        out.append(f"{name}: {ms:.2f} ms per gold document")
    for n in notes:
        out.append(f"note: {n}")
    if args.timing:
        n, total, worst = timing(args.timing)
        out.append(f"extract() timing on {n} documents of {args.timing}: "
                   f"{1000 * total / max(1, n):.2f} ms per document (worst {1000 * worst:.1f} ms, "
                   f"total {total:.2f} s)")
    if args.misses != "none" and args.misses in splits:
        out.append("")
        out.append(f"briefing misses ({args.misses}):")
        out.append(misses_report(results["briefing"][args.misses], args.misses, args.limit))
    report = "\n".join(out)
    print(report)
    if args.markdown:
        command = "python bench/figures.py " + " ".join(argv if argv is not None else sys.argv[1:])
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text(
            f"# Key figures benchmark: latest run\n\nCommand (from the repository root): "
            f"`{command.strip()}`\n\n```\n{report}\n```\n", encoding="utf-8")
    return 0


def families_main(args: argparse.Namespace, argv: Sequence[str] | None) -> int:
    cases = load_families(args.families)
    t0 = time.perf_counter()
    cache = {c.document.text: detector(c.document.text) for c in cases}
    ms = 1000 * (time.perf_counter() - t0) / max(1, len(cases))
    results = family_scores(cases, cache.__getitem__)
    out = [f"Families: {len(cases)} cases from {args.families}", "", family_table(results), "",
           f"briefing: {ms:.3f} ms per case"]
    if args.misses != "none":
        out += ["", "briefing misses:", misses_report(results["all"], "all", args.limit)]
    report = "\n".join(out)
    print(report)
    if args.markdown:
        command = "python bench/figures.py " + " ".join(argv if argv is not None else sys.argv[1:])
        Path(args.markdown).parent.mkdir(parents=True, exist_ok=True)
        Path(args.markdown).write_text(
            f"# Key figures by family: latest run\n\nCommand (from the repository root): "
            f"`{command.strip()}`\n\n```\n{report}\n```\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
