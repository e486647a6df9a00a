"""Start-up: launch to first painted screen, the real app against a minimal Textual app.

Each run starts a fresh tmux session with the command and polls the screen every 5 ms
until the expected text appears; runs alternate (hello, briefing, hello, ...) so machine
noise hits both alike. Reports medians and the ratio. Optionally also times a folder of
many documents (``--folder DIR --folder-text TEXT``): the list appearing.

    python bench/startup.py [--runs 10] [--folder DIR --folder-text "first title"]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
SOCKET = f"briefing-bench-{os.getpid()}"
"""A private tmux server, kept alive by an idle session so that runs never race its exit."""


def tmux(*args: str, **kw):  # type: ignore[no-untyped-def]
    return subprocess.run(["tmux", "-L", SOCKET, *args], **kw)


def time_to_text(command: str, text: str, *, timeout: float = 30.0, size: str = "120x40") -> float:
    session = f"bench{os.getpid()}{time.perf_counter_ns() % 100000}"
    cols, rows = size.split("x")
    env = dict(os.environ)
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", cols, "-y", rows, command, check=True, env=env)
    try:
        while time.perf_counter() - start < timeout:
            screen = tmux("capture-pane", "-p", "-t", session, capture_output=True, text=True).stdout
            if text in screen:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(f"{text!r} did not appear within {timeout}s for {command!r}")
    finally:
        tmux("kill-session", "-t", session, capture_output=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--title", default="Boston schools and teachers union strike deal")
    ap.add_argument("--folder", help="also time opening this folder")
    ap.add_argument("--folder-text", help="text that shows the folder's list is up")
    ap.add_argument("--out", default=str(HERE / "results" / "startup.md"))
    args = ap.parse_args()
    if not shutil.which("tmux"):
        raise SystemExit("tmux is required")
    env_prefix = f"env XDG_CONFIG_HOME={os.environ.get('XDG_CONFIG_HOME', '/tmp/briefing-bench-config')} "
    commands = {
        "hello (minimal Textual app)": (f"{sys.executable} {HERE / 'hello_app.py'}", "Hello from a minimal Textual app"),
        "briefing (sample briefing)": (env_prefix + str(BIN / "briefing"), args.title),
    }
    if args.folder:
        commands["briefing FOLDER"] = (env_prefix + f"{BIN / 'briefing'} {args.folder}", args.folder_text)
    times: dict[str, list[float]] = {k: [] for k in commands}
    tmux("new-session", "-d", "-s", "keepalive", "sleep 100000", check=True)
    try:
        for _ in range(args.runs):
            for name, (cmd, text) in commands.items():
                times[name].append(time_to_text(cmd, text))
        rss = peak_rss_kib(args.folder, args.folder_text) if args.folder else None
    finally:
        tmux("kill-server", capture_output=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    hello = med["hello (minimal Textual app)"]
    lines = [f"Start-up to first paint, median of {args.runs} alternating runs (tmux, 120x40):", "",
             "| command | median s | min s | max s | vs hello |", "|---|---:|---:|---:|---:|"]
    for name, v in times.items():
        lines.append(f"| {name} | {med[name]:.3f} | {min(v):.3f} | {max(v):.3f} | {med[name] / hello:.2f}x |")
    if args.folder:
        lines.append("")
        lines.append(f"Folder vs sample start-up: {med['briefing FOLDER'] / med['briefing (sample briefing)']:.2f}x")
        assert rss is not None
        lines.append(f"Peak RSS opening the folder and scrolling 300 rows: {rss / 1024:.0f} MiB")
    table = "\n".join(lines) + "\n"
    print(table)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(table)
    return 0



def peak_rss_kib(folder: str, text: str, scroll: int = 300) -> int:
    """Open ``folder`` in the real app under /usr/bin/time, wait for ``text``, scroll the
    list ``scroll`` rows, quit; return the peak resident set size in KiB."""
    import tempfile

    out = Path(tempfile.mkdtemp()) / "rss"
    session = f"rss{os.getpid()}"
    cmd = f"/usr/bin/time -f %M -o {out} {BIN / 'briefing'} {folder}"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", cmd, check=True)
    try:
        start = time.perf_counter()
        while text not in tmux("capture-pane", "-p", "-t", session, capture_output=True, text=True).stdout:
            if time.perf_counter() - start > 60:
                raise TimeoutError(text)
            time.sleep(0.05)
        for _ in range(scroll // 50):
            tmux("send-keys", "-t", session, *(["j"] * 50))
            time.sleep(0.2)
        time.sleep(1.0)
        tmux("send-keys", "-t", session, "q")
        for _ in range(200):
            if out.exists() and out.read_text().strip():
                break
            time.sleep(0.05)
        return int(out.read_text().split()[-1])
    finally:
        tmux("kill-session", "-t", session, capture_output=True)


if __name__ == "__main__":
    raise SystemExit(main())
