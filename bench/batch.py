"""Batch throughput: ``briefing summarize --format jsonl`` against a bare sumy LexRank loop.

Runs, alternately and ``--rounds`` times each: the sumy baseline (one core), briefing
with ``-j 1`` and with ``-j 2`` (cache off, so every document is analysed). Reports the
median wall time, documents per second, and the ratios. Whole-process times, so import
costs count against briefing (the baseline's loop time excludes its imports).

    python bench/batch.py ../shared/data/bbc-dev/articles [--rounds 3] [--out bench/results/batch.md]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, bytes, bytes]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed: {proc.stderr.decode()[-500:]}")
    return elapsed, proc.stdout, proc.stderr


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default=str(HERE / "results" / "batch.md"))
    args = ap.parse_args()
    n = len(list(Path(args.articles).glob("*.txt")))
    env = dict(os.environ, BRIEFING_NO_CACHE="1")
    runs: dict[str, list[float]] = {"sumy lexrank loop (1 core)": [], "briefing -j 1": [], "briefing -j 2": []}
    first_lines: dict[str, float] = {}
    for _ in range(args.rounds):
        t, _, err = timed([sys.executable, str(HERE / "baseline_sumy.py"), args.articles], env)
        runs["sumy lexrank loop (1 core)"].append(json.loads(err.decode().strip().splitlines()[-1])["seconds"])
        for jobs in (1, 2):
            t, out, _ = timed([sys.executable, "-m", "briefing", "summarize", "--format", "jsonl", "-j", str(jobs), args.articles], env)
            assert out.count(b"\n") == n, "every document must be written"
            runs[f"briefing -j {jobs}"].append(t)
    # time to first output line (streaming)
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "summarize", "--format", "jsonl", "-j", "2", args.articles],
                            stdout=subprocess.PIPE, env=env)
    start = time.perf_counter()
    assert proc.stdout is not None
    proc.stdout.readline()
    first_lines["briefing -j 2"] = time.perf_counter() - start
    proc.stdout.close()  # like `| head -1`: briefing sees a closed pipe and stops cleanly
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()

    rows = []
    med = {k: statistics.median(v) for k, v in runs.items()}
    base = med["sumy lexrank loop (1 core)"]
    for name, m in med.items():
        rows.append(f"| {name} | {m:.2f} | {n / m:.1f} | {base / m:.2f}x |")
    table = "\n".join(
        [f"Batch over {n} documents, median of {args.rounds} alternating rounds (cache off):", "",
         "| run | wall s | docs/s | speed vs sumy loop |", "|---|---:|---:|---:|", *rows, "",
         f"Scaling -j 2 vs -j 1: {med['briefing -j 1'] / med['briefing -j 2']:.2f}x. "
         f"First JSONL line after {first_lines['briefing -j 2']:.2f} s (streams in input order).", ""]
    )
    print(table)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
