"""Same-story grouping on a big folder: the peak memory it adds, and its time.

    python bench/stories_memory.py /tmp/briefing-10k [--against REV] [--copies 50 --articles 20]
                                   [--out bench/results/stories-memory.md]

The folder's documents are loaded and cleaned once, here (not measured), and their texts
written to a temporary file. Every figure then comes from a fresh Python process that
imports numpy and the grouping module and warms it up on two short texts, then:

* memory: feeds the texts from that file to ``stories.group`` through a generator (as the
  app's helper does) and reports the peak RSS the call added: the process's peak RSS
  after the call (VmHWM, reset just before it through /proc/self/clear_refs; elsewhere
  ``ru_maxrss``, then "<=" marks a figure that is only an upper bound) minus the RSS just
  before it. A second call under ``tracemalloc`` gives the peak of the Python and numpy
  allocations it made;
* time: holds the texts in a list and times ``stories.group`` (median of 3), also per
  1,000 documents.

A second case, "copies", is made of the folder's first ``--articles`` texts, each
``--copies`` times with a "Copy i of this article." line added (as bench/make_folder.py
makes its copies): every shingle of an article is then in ``--copies`` documents, the
worst case below ``COMMON`` for pairing posting lists. ``--copies 0`` leaves it out.

``--against REV`` also measures briefing/core/stories.py as it was at git revision REV
(e.g. the commit before a change) and prints whether both give the same story ids and
pairs (a digest of both; the words are hashed per process, which does not change them).
Run it on an otherwise idle machine: times are wall-clock.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib.util
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _module(path: str) -> ModuleType:
    if path == "current":
        from briefing.core import stories

        return stories
    spec = importlib.util.spec_from_file_location("stories_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up
    spec.loader.exec_module(module)
    return module


def _stream(path: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _status_mib(field: str) -> float | None:
    """A size from /proc/self/status (Linux), in MiB; None where there is none."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _rss_mib() -> float:
    """Resident set size now (Linux); the peak so far elsewhere."""
    now = _status_mib("VmRSS")
    return _max_rss_mib() if now is None else now


def _max_rss_mib() -> float:
    """Peak resident set size of this process: VmHWM on Linux (that of this program only:
    ``ru_maxrss`` would start at the parent's peak, which Linux carries over exec)."""
    peak_now = _status_mib("VmHWM")
    if peak_now is not None:
        return peak_now
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def _reset_peak() -> bool:
    """Start the peak over from the current RSS (Linux 4.0 and later)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        return False
    return True


def child(mode: str, module_path: str, texts_path: str) -> None:
    """Measure one thing in this (fresh) process and print it as JSON."""
    stories = _module(module_path)
    import numpy  # noqa: F401  (imported by group; part of the baseline, not the figure)

    stories.group(["a text of some seven words here", "a text of some seven words here too"])
    gc.collect()
    out: dict = {}
    if mode == "memory":
        reset = _reset_peak()
        before, peak_before = _rss_mib(), _max_rss_mib()
        t = time.perf_counter()
        result = stories.group(_stream(texts_path))
        out["streamed_s"] = time.perf_counter() - t
        peak = _max_rss_mib()
        out["rss_before"], out["peak_added"] = before, peak - before
        out["exceeded_before"] = reset or peak > peak_before  # else only an upper bound
        digest = hashlib.sha256(repr((result.ids, result.pairs)).encode()).hexdigest()[:12]
        out.update(documents=len(result.ids), stories=len(set(result.ids)), pairs=len(result.pairs),
                   digest=digest)
        del result
        gc.collect()
        import tracemalloc

        tracemalloc.start()
        stories.group(_stream(texts_path))
        out["traced_peak"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    else:
        texts = list(_stream(texts_path))
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            stories.group(texts)
            runs.append(time.perf_counter() - t)
        out["time_s"] = statistics.median(runs)
        out["runs"] = runs
    print(json.dumps(out))


def measure(module_path: str, texts_path: str) -> dict:
    result: dict = {}
    for mode in ("memory", "time"):  # one process at a time
        done = subprocess.run([sys.executable, __file__, "--child", mode, module_path, texts_path],
                              check=True, capture_output=True, text=True, cwd=ROOT)
        result.update(json.loads(done.stdout.strip().splitlines()[-1]))
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--against", metavar="REV", help="also measure stories.py as of this git revision")
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--out")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "MODULE", "TEXTS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    if not args.folder:
        ap.error("the folder is required")

    from briefing.core.load import load_paths
    from briefing.core.model import LoadError

    t0 = time.perf_counter()
    texts = [d.text for d in load_paths([args.folder]) if not isinstance(d, LoadError)]
    load_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(prefix="stories-memory-") as tmp:
        cases = {"folder": Path(tmp, "folder.jsonl")}
        cases["folder"].write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
        if args.copies:
            cases["copies"] = Path(tmp, "copies.jsonl")
            base = texts[: args.articles]
            with cases["copies"].open("w", encoding="utf-8") as f:
                for i in range(len(base) * args.copies):
                    copy = i // len(base)
                    text = base[i % len(base)] + (f"\n\nCopy {copy} of this article.\n" if copy else "")
                    f.write(json.dumps(text) + "\n")
        codes = {"current": "current"}
        if args.against:
            old = Path(tmp, "stories_at_rev.py")
            old.write_text(subprocess.run(["git", "show", f"{args.against}:briefing/core/stories.py"],
                                          cwd=ROOT, check=True, capture_output=True, text=True).stdout)
            codes = {args.against: str(old), "current": "current"}
        rows = []
        for case, path in cases.items():
            for name, module_path in codes.items():
                print(f"measuring {case} with {name} ...", file=sys.stderr, flush=True)
                rows.append((case, name, measure(module_path, str(path))))

    import numpy

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], check=False, cwd=ROOT,
                          capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "briefing/core/stories.py"],
                           check=False, cwd=ROOT, capture_output=True, text=True).stdout.strip()
    copies = (f"the first {args.articles} texts x {args.copies} copies "
              f"({args.articles * args.copies} documents)" if args.copies else "left out")
    code = (f"HEAD {head}{' with uncommitted changes to stories.py' if dirty else ''}; "
            f"Python {platform.python_version()}, numpy {numpy.__version__}, "
            f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}")
    how = ("peak RSS (VmHWM, reset before the call) after the call minus RSS before it, texts "
           "fed by a generator (fresh process); traced: tracemalloc peak of a second call; "
           "time: texts in a list, median of 3")
    lines = [
        f"Same-story grouping: peak memory added and time, {len(texts)} documents from {args.folder}",
        "",
        f"- loading and cleaning them: {load_s:.1f} s (before, not measured)",
        f"- copies case: {copies}",
        f"- current code: {code}",
        f"- peak RSS added: {how}",
        "",
        ("| case | code | documents | peak RSS added (MiB) | traced peak (MiB) | time (s) "
         "| s per 1,000 docs | stories | pairs | result digest |"),
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for case, name, r in rows:
        bound = "" if r["exceeded_before"] else "<= "
        lines.append(
            f"| {case} | {name} | {r['documents']} | {bound}{r['peak_added']:.0f} | {r['traced_peak']:.0f} "
            f"| {r['time_s']:.2f} | {r['time_s'] / r['documents'] * 1000:.3f} | {r['stories']} "
            f"| {r['pairs']} | {r['digest']} |")
    if args.against:
        lines.append("")
        for case in cases:
            digests = {r["digest"] for c, _, r in rows if c == case}
            lines.append(f"- {case}: {'same ids and pairs' if len(digests) == 1 else 'RESULTS DIFFER'} "
                         f"with {args.against} and the current code")
    text = "\n".join(lines)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
