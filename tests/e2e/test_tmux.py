"""Drive the real ``briefing`` command in a terminal (tmux): open, move, quit cleanly.

Uses the ``briefing`` script installed beside the running interpreter, on a private
tmux server (its own socket), so no other tmux session is touched.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.core.load import load_paths
from briefing.core.model import Document

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PROMPT = "e2e-prompt$ "
_EXPORTED = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "NLTK_DATA", "TERM", "PS1")


def _titles() -> list[str]:
    return [d.title for d in load_paths([str(ROOT / "seeds")]) if isinstance(d, Document)]


class Terminal:
    """A 120x40 tmux pane running ``sh`` with a known prompt."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=20,
            env=self.env,
            check=False,
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "e2e", *keys)

    def wait_for(self, check: Callable[[str], bool], what: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}; the screen was:\n{screen}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    empty_nltk = tmp_path / "nltk_data"
    empty_nltk.mkdir()
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NLTK_DATA": str(empty_nltk),
        "TERM": "xterm-256color",
        "PS1": PROMPT,
    }
    env.pop("TMUX", None)
    socket = f"briefing-e2e-{os.getpid()}"
    term = Terminal(socket, env)
    # The variables go on the command line too: tmux may keep an environment of its own.
    exported = " ".join(f"{k}={shlex.quote(env[k])}" for k in _EXPORTED)
    term.tmux("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", f"env {exported} sh")
    try:
        term.wait_for(lambda s: PROMPT.strip() in s, "the shell prompt", timeout=10)
        yield term
    finally:
        term.tmux("kill-server")


def test_briefing_opens_moves_and_quits_cleanly(terminal: Terminal, tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "briefing"
    if not exe.exists():
        pytest.skip(f"no briefing script beside {sys.executable}; pip install the project first")
    first, second = _titles()[:2]

    terminal.keys(f"cd {tmp_path} && {exe}; echo exit=$?", "Enter")
    screen = terminal.wait_for(
        lambda s: first in s.splitlines()[0], "the first sample document's title"
    )
    assert terminal.tmux("display-message", "-p", "-t", "e2e", "#{alternate_on}").strip() == "1"
    # The list marks the selected entry with a bar; it starts on the first document
    # (whose title fills in once the background reader gets to it).
    screen = terminal.wait_for(
        lambda s: any(line.startswith("│▌" + first[:20]) for line in s.splitlines()),
        "the list to show titles",
    )
    assert "Documents (5)" in screen

    terminal.keys("j")
    screen = terminal.wait_for(
        lambda s: (
            second in s.splitlines()[0]
            and any(line.startswith("│▌" + second[:20]) for line in s.splitlines())
        ),
        "the second document to be selected",
    )
    assert not any(line.startswith("│▌" + first[:20]) for line in screen.splitlines())

    terminal.keys("q")
    screen = terminal.wait_for(lambda s: "exit=0" in s, "briefing to exit with status 0")
    assert terminal.tmux("display-message", "-p", "-t", "e2e", "#{alternate_on}").strip() == "0"
    assert screen.rstrip().splitlines()[-1].startswith(PROMPT.strip())
    assert "Traceback" not in screen
    assert not (tmp_path / "config").exists(), "quitting without changes writes no settings"
