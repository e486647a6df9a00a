"""Batch throughput: ``briefing summarize --format jsonl`` against a bare sumy LexRank loop.

Runs, alternately and ``--rounds`` times each: the sumy baseline (one core), briefing
with ``-j 1`` and with ``-j 2`` (cache off, so every document is analysed; the two in
ABBA order across rounds). Reports the median wall time, documents per second, and the
ratios. Whole-process times, so import costs count against briefing (the baseline's loop
time excludes its imports).

The scaling of ``-j 2`` over ``-j 1`` is also given round by round (the two runs of a
round are back to back, so a machine that slows down for a while slows both), with the
CPU time each run used (its processes' user + system time): the same work done in less
wall time is what scaling means, and a CPU total that grows says where it went. Each
round also measures the machine's own ceiling: a CPU-bound loop run alone, then two
copies at once (on a virtual machine whose two cores share a physical one, or a busy
host, two processes do less than twice the work of one, whatever the program).

    python bench/batch.py ../shared/data/bbc-dev/articles [--rounds 3] [--no-baseline]
        [--out bench/results/batch.md]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, bytes, bytes, float]:
    """Wall seconds, output, errors, and CPU seconds (user + system, the process and the
    workers it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed: {proc.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, proc.stdout, proc.stderr, cpu


SPIN = "x = 0\nfor i in range(12_000_000):\n    x += i * i % 7\n"
"""A fixed amount of pure-Python CPU work (about a second here)."""


def ceiling() -> float:
    """How much two processes can do at once on this machine right now, against one:
    the same CPU-bound loop run alone, then two copies at once (2 = two independent
    cores; less when the virtual machine's cores share a physical one or the host is
    busy). No program's ``-j 2`` can scale past it."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", SPIN], check=True)
    alone = time.perf_counter() - start
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(2)]
    for proc in procs:
        proc.wait()
    both = time.perf_counter() - start
    return 2 * alone / both


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-baseline", action="store_true", help="only briefing -j 1 and -j 2")
    ap.add_argument("--out", default=str(HERE / "results" / "batch.md"))
    args = ap.parse_args()
    n = len(list(Path(args.articles).glob("*.txt")))
    env = dict(os.environ, BRIEFING_NO_CACHE="1")
    runs: dict[str, list[float]] = {"sumy lexrank loop (1 core)": [], "briefing -j 1": [], "briefing -j 2": []}
    cpu: dict[int, list[float]] = {1: [], 2: []}
    ceilings: list[float] = []
    first_lines: dict[str, float] = {}
    for round_ in range(args.rounds):
        if not args.no_baseline:
            _, _, err, _ = timed([sys.executable, str(HERE / "baseline_sumy.py"), args.articles], env)
            runs["sumy lexrank loop (1 core)"].append(json.loads(err.decode().strip().splitlines()[-1])["seconds"])
        ceilings.append(ceiling())
        for jobs in (1, 2) if round_ % 2 == 0 else (2, 1):
            t, out, _, used = timed([sys.executable, "-m", "briefing", "summarize", "--format", "jsonl", "-j", str(jobs), args.articles], env)
            assert out.count(b"\n") == n, "every document must be written"
            runs[f"briefing -j {jobs}"].append(t)
            cpu[jobs].append(used)
    if args.no_baseline:
        del runs["sumy lexrank loop (1 core)"]
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
    base = med.get("sumy lexrank loop (1 core)")
    for name, m in med.items():
        versus = f"{base / m:.2f}x" if base else "-"
        rows.append(f"| {name} | {m:.2f} | {n / m:.1f} | {versus} |")
    per_round = [a / b for a, b in zip(runs["briefing -j 1"], runs["briefing -j 2"])]
    load = os.getloadavg()[0]
    table = "\n".join(
        [f"Batch over {n} documents, median of {args.rounds} alternating rounds (cache off; "
         f"{os.cpu_count()} cores, load average {load:.2f} at the end):", "",
         "| run | wall s | docs/s | speed vs sumy loop |", "|---|---:|---:|---:|", *rows, "",
         f"Scaling -j 2 vs -j 1: {med['briefing -j 1'] / med['briefing -j 2']:.2f}x (medians); "
         f"round by round {', '.join(f'{r:.2f}x' for r in per_round)} "
         f"(median {statistics.median(per_round):.2f}x).",
         f"The machine's own ceiling, measured at the start of each round (a CPU-bound loop, "
         f"two copies at once against one): {', '.join(f'{c:.2f}x' for c in ceilings)} "
         f"(median {statistics.median(ceilings):.2f}x).",
         f"CPU time (user + system, all processes), median: -j 1 {statistics.median(cpu[1]):.2f} s, "
         f"-j 2 {statistics.median(cpu[2]):.2f} s.",
         f"First JSONL line after {first_lines['briefing -j 2']:.2f} s (streams in input order).", ""]
    )
    print(table)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
