"""Start-up: launch to first painted screen, the real app against a minimal Textual app.

Each run starts a fresh tmux session (same size for every command) with the command and
polls the screen every 5 ms until the expected text appears: for briefing, the full
title of the first sample document, which only the header shows. Runs alternate, in
ABBA order (hello, briefing, briefing, hello, ...) so that neither command always runs
right after the other, and machine noise hits both alike. After each run the bench
waits until every process of the session (briefing's helper processes included) has
exited, so no run's leftovers slow down the next one. Reports medians and the ratio.

briefing's modules are byte-compiled first (``compileall``), as ``pip install`` does:
this machine sets PYTHONDONTWRITEBYTECODE, so an editable checkout would otherwise be
compiled from source at every start, which an installed app never is.

Optionally also times a folder of many documents (``--folder DIR --folder-text
TEXT``): the list appearing.

    python bench/startup.py [--runs 10] [--folder DIR --folder-text "first title"]
"""

from __future__ import annotations

import argparse
import compileall
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


class ControlClient:
    """One tmux client in control mode, kept open: a screen capture is then a line
    written to it, not a new tmux process. Polling every 5 ms by starting processes
    keeps most of a core busy (about 200 processes a second), which on two cores takes
    the second core from an app that uses it (briefing's helpers); a terminal never
    does that to an app."""

    def __init__(self, session: str) -> None:
        self.proc = subprocess.Popen(
            ["tmux", "-L", SOCKET, "-C", "attach", "-t", session],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        )
        self.count = 0
        # Attaching answers with a block of its own: read up to a known reply.
        assert self.proc.stdin is not None
        self.proc.stdin.write("display-message -p control-ready\n")
        self.proc.stdin.flush()
        while self._reply() != "control-ready\n":
            pass

    def _reply(self) -> str:
        """The next reply block's text ('' for an error, e.g. a session not there)."""
        assert self.proc.stdout is not None
        lines: list[str] = []
        inside = False
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the tmux control client has gone")
            if line.startswith("%begin"):
                inside, lines = True, []
            elif inside and line.startswith("%end"):
                return "".join(lines)
            elif inside and line.startswith("%error"):
                return ""
            elif inside:
                lines.append(line)

    def capture(self, target: str) -> str:
        # A marker after each capture: the reply just before the marker's is the
        # capture's, whatever else tmux may have answered in between.
        self.count += 1
        marker = f"control-marker-{self.count}\n"
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"capture-pane -p -t {target}\ndisplay-message -p {marker}")
        self.proc.stdin.flush()
        previous = ""
        while (reply := self._reply()) != marker:
            previous = reply
        return previous

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(5)


CLIENT: ControlClient | None = None
"""Set by main() when --poll control (the default)."""


def capture(target: str) -> str:
    if CLIENT is not None:
        return CLIENT.capture(target)
    return tmux("capture-pane", "-p", "-t", target, capture_output=True, text=True).stdout


def time_to_text(command: str, text: str, *, timeout: float = 30.0, size: str = "120x40") -> float:
    session = f"bench{os.getpid()}{time.perf_counter_ns() % 100000}"
    cols, rows = size.split("x")
    env = dict(os.environ)
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", cols, "-y", rows, command, check=True, env=env)
    pid = tmux("display-message", "-p", "-t", session, "#{pane_pid}", capture_output=True, text=True).stdout
    try:
        while time.perf_counter() - start < timeout:
            if text in capture(session):
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(f"{text!r} did not appear within {timeout}s for {command!r}")
    finally:
        tmux("kill-session", "-t", session, capture_output=True)
        if pid.strip().isdigit():
            wait_for_session_exit(int(pid))


def wait_for_session_exit(pane_pid: int, timeout: float = 10.0) -> None:
    """Wait until no process of the pane's session (the pane's process is its leader) is left."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = False
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == pane_pid and fields[0] != "Z":  # session id; not a zombie
                alive = True
                break
        if not alive:
            return
        time.sleep(0.01)


PHASES = r"""
# Where the time to the first frame goes, inside one process (run by --phases). Headless:
# the same work as in a terminal up to the frame, without writing it. Measurement only:
# it wraps Textual's private App._display to see the first frame.
import importlib.abc, os, sys, time
T0 = time.perf_counter()
marks = {}
def mark(name):
    marks.setdefault(name, time.perf_counter() - T0)

class Watch(importlib.abc.MetaPathFinder):
    # Marks when a watched module has finished importing.
    NAMES = {"textual.app": "Textual imported", "briefing.ui.app": "UI imported"}
    def find_spec(self, name, path, target=None):
        if name not in self.NAMES:
            return None
        sys.meta_path.remove(self)
        try:
            import importlib.util
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        load = spec.loader.exec_module
        def exec_module(module, load=load, label=self.NAMES[name]):
            load(module)
            mark(label)
            if name == "textual.app":
                hook(module.App)
            else:
                wrap_mount(module.ReaderScreen)
        spec.loader.exec_module = exec_module
        return spec

def wrap_mount(Screen):
    mounted = Screen.on_mount
    def on_mount(self):  # no other parameter: Textual passes the event to a second one
        mark("screen mounted (compose and styles done)")
        mounted(self)
        mark("first titles and document applied")
    Screen.on_mount = on_mount

def hook(App):
    display, run = App._display, App.run
    def first(self, screen, renderable):
        if renderable is not None and "first frame" not in marks:
            mark("first frame")
            self.call_later(self.exit)
        return display(self, screen, renderable)
    def headless(self, *a, **k):
        mark("app built")
        return run(self, headless=True, size=(120, 40))
    App._display, App.run = first, headless

sys.meta_path.insert(0, Watch())
if sys.argv[1] == "hello":
    sys.path.insert(0, HERE)
    import hello_app
    hello_app.Hello().run()
else:
    import briefing.ui.helper as helper
    start = helper.Helper.start
    def started(paths):
        mark("command line read")
        h = start(paths)
        mark("helpers started")
        return h
    helper.Helper.start = started
    from briefing.cli import main
    sys.argv = ["briefing"]
    main()
print(" ".join(f"{k.replace(' ', '_')}={v:.4f}" for k, v in marks.items()))
"""


def phases(runs: int) -> str:
    """Median time from the interpreter's start of each step up to the first frame,
    briefing and hello alternately, ``runs`` times each."""
    code = PHASES.replace("HERE)", repr(str(HERE)) + ")", 1)
    env = {**os.environ, "XDG_CONFIG_HOME": os.environ.get("XDG_CONFIG_HOME", "/tmp/briefing-bench-config")}
    found: dict[str, dict[str, list[float]]] = {"hello": {}, "briefing": {}}
    for run in range(runs):
        for kind in ("hello", "briefing") if run % 2 == 0 else ("briefing", "hello"):
            out = subprocess.run([sys.executable, "-c", code, kind], capture_output=True, text=True,
                                 env=env, timeout=60, check=True).stdout.strip().splitlines()[-1]
            for pair in out.split():
                name, value = pair.split("=")
                found[kind].setdefault(name.replace("_", " "), []).append(float(value))
    lines = [
        (
            f"Where the time goes (median of {runs} runs each, seconds from the interpreter's "
            "start, headless; the interpreter's own start-up, about 20 ms, comes before):"
        ),
        "",
        "| step | hello | briefing |",
        "|---|---:|---:|",
    ]
    steps = list(found["briefing"])
    for step in steps:
        b = statistics.median(found["briefing"][step])
        h = found["hello"].get(step)
        lines.append(f"| {step} | {statistics.median(h):.3f} |" if h else f"| {step} | |")
        lines[-1] += f" {b:.3f} |"
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--title", default="Boston schools and teachers union strike deal")
    ap.add_argument("--folder", help="also time opening this folder")
    ap.add_argument("--folder-text", help="text that shows the folder's list is up")
    ap.add_argument("--poll", choices=("control", "spawn"), default="control",
                    help="capture the screen through one control-mode tmux client (default) "
                    "or by starting a tmux process per capture (the earlier method)")
    ap.add_argument("--phases", type=int, metavar="N",
                    help="instead: where the time to the first frame goes, N runs (no tmux)")
    ap.add_argument("--out", default=str(HERE / "results" / "startup.md"))
    args = ap.parse_args()
    if args.phases:
        print(phases(args.phases))
        return 0
    if not shutil.which("tmux"):
        raise SystemExit("tmux is required")
    env_prefix = f"env XDG_CONFIG_HOME={os.environ.get('XDG_CONFIG_HOME', '/tmp/briefing-bench-config')} "
    commands = {
        "hello (minimal Textual app)": (env_prefix + f"{sys.executable} {HERE / 'hello_app.py'}", "Hello from a minimal Textual app"),
        "briefing (sample briefing)": (env_prefix + str(BIN / "briefing"), args.title),
    }
    import briefing

    package = Path(briefing.__file__).parent
    compileall.compile_dir(str(package), quiet=1)
    if args.folder:
        commands["briefing FOLDER"] = (env_prefix + f"{BIN / 'briefing'} {args.folder}", args.folder_text)
    times: dict[str, list[float]] = {k: [] for k in commands}
    tmux("new-session", "-d", "-s", "keepalive", "sleep 100000", check=True)
    global CLIENT
    if args.poll == "control":
        CLIENT = ControlClient("keepalive")
    try:
        names = list(commands)
        for run in range(args.runs):
            for name in names if run % 2 == 0 else names[::-1]:  # ABBA
                cmd, text = commands[name]
                times[name].append(time_to_text(cmd, text))
        rss = peak_rss_kib(args.folder, args.folder_text) if args.folder else None
    finally:
        if CLIENT is not None:
            CLIENT.close()
        tmux("kill-server", capture_output=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    hello = med["hello (minimal Textual app)"]
    load = os.getloadavg()[0]
    lines = [
        (
            f"Start-up to first paint, median of {args.runs} alternating runs (ABBA order; tmux, "
            f"120x40; screen polled every 5 ms {'through one control-mode client' if args.poll == 'control' else 'by a tmux process per capture'}; "
            f"briefing byte-compiled; {os.cpu_count()} cores, load average {load:.2f} at the end):"
        ),
        "",
        "| command | median s | min s | max s | vs hello |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, v in times.items():
        lines.append(f"| {name} | {med[name]:.3f} | {min(v):.3f} | {max(v):.3f} | {med[name] / hello:.2f}x |")
    if args.folder:
        lines.append("")
        lines.append(f"Folder vs sample start-up: {med['briefing FOLDER'] / med['briefing (sample briefing)']:.2f}x")
        assert rss is not None
        app, total, peaks = rss
        lines.append(
            "Peak RSS opening the folder, scrolling 300 rows and waiting until every file is read "
            f"and the stories grouped: app process {app / 1024:.0f} MiB; "
            f"all its processes together (helpers included) {total / 1024:.0f} MiB at most "
            f"(sampled every 50 ms; the sum of each process's own peak: {peaks / 1024:.0f} MiB)"
        )
    table = "\n".join(lines) + "\n"
    print(table)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(table)
    return 0


def session_processes(pane_pid: int) -> list[int]:
    """The pids of the processes in the pane's session (the app and its helpers)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == pane_pid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def status_kib(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss_kib(folder: str, text: str, scroll: int = 300) -> tuple[int, int, int]:
    """Open ``folder`` in the real app, wait for ``text``, scroll the list ``scroll`` rows,
    then wait until the app is done with its background work (every file read, stories
    grouped: no CPU used for a second).

    Returns, in KiB: the app process's peak RSS; the largest sum of the RSS of all the
    session's processes (the app and its helper processes) seen while sampling every
    50 ms; and the sum of each of those processes' own peak (an upper bound).
    """
    session = f"rss{os.getpid()}"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", f"{BIN / 'briefing'} {folder}", check=True)
    pane = int(tmux("display-message", "-p", "-t", session, "#{pane_pid}", capture_output=True, text=True).stdout)
    total = 0
    hwm: dict[int, int] = {}

    def sample() -> None:
        nonlocal total
        pids = session_processes(pane)
        total = max(total, sum(status_kib(p, "VmRSS") for p in pids))
        for p in pids:
            hwm[p] = max(hwm.get(p, 0), status_kib(p, "VmHWM"))

    try:
        start = time.perf_counter()
        while text not in capture(session):
            if time.perf_counter() - start > 60:
                raise TimeoutError(text)
            sample()
            time.sleep(0.05)
        for _ in range(scroll // 50):
            tmux("send-keys", "-t", session, *(["j"] * 50))
            for _ in range(4):
                sample()
                time.sleep(0.05)
        # Then until the app has finished its background work (reading every file for
        # the list, grouping the stories): no CPU used by any of its processes for 1 s.
        quiet_since, last_cpu, deadline = time.monotonic(), -1, time.monotonic() + 180
        while time.monotonic() < deadline and time.monotonic() - quiet_since < 1.0:
            sample()
            cpu = sum(cpu_ticks(p) for p in session_processes(pane))
            if cpu != last_cpu:
                quiet_since, last_cpu = time.monotonic(), cpu
            time.sleep(0.05)
        return hwm.get(pane, 0), total, sum(hwm.values())
    finally:
        tmux("kill-session", "-t", session, capture_output=True)
        wait_for_session_exit(pane)


if __name__ == "__main__":
    raise SystemExit(main())
