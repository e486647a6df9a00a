"""Many documents at once: parallel workers, input order, and the process left as it was."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from briefing.batch import SERIAL_BELOW, analyses
from briefing.core.model import Analysis, Settings
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"


def _folder(tmp_path: Path, copies: int = 3) -> Path:
    """The sample briefing several times over, names in a known natural order."""
    folder = tmp_path / "docs"
    folder.mkdir()
    n = 0
    for _ in range(copies):
        for path in sorted(SEEDS.glob("*.txt")):
            n += 1
            shutil.copyfile(path, folder / f"doc{n}.txt")
    return folder


def test_a_batch_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFING_NO_CACHE", "1")
    folder = _folder(tmp_path, copies=1)
    assert len(list(folder.iterdir())) >= SERIAL_BELOW  # the warmed-up path
    frozen = gc.get_freeze_count()
    results = list(analyses([str(folder)], Settings(), jobs=1))
    assert [Path(r.document.path).name for r in results if isinstance(r, Analysis)] == [
        f"doc{i}.txt" for i in range(1, 6)
    ]
    assert gc.get_freeze_count() == frozen  # frozen during the batch only


def test_a_batch_leaves_objects_the_caller_froze_frozen(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFING_NO_CACHE", "1")
    folder = _folder(tmp_path, copies=1)
    gc.freeze()  # as the app does after its first frame
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert len(list(analyses([str(folder)], Settings(), jobs=1))) == 5
        assert gc.get_freeze_count() >= frozen  # not thawed by the batch
    finally:
        gc.unfreeze()


def test_parallel_output_is_in_input_order_and_equal_to_serial(tmp_path: Path) -> None:
    folder = _folder(tmp_path, copies=3)
    env = {**os.environ, "BRIEFING_NO_CACHE": "1"}

    def run(jobs: int) -> list[dict]:
        out = subprocess.run(
            [sys.executable, "-m", "briefing", "summarize", "--format", "jsonl", "-j", str(jobs), str(folder)],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True,
        )
        return [json.loads(line) for line in out.stdout.splitlines()]

    serial, parallel = run(1), run(2)
    names = [Path(d["path"]).name for d in parallel]
    assert names == [f"doc{i}.txt" for i in range(1, 16)]  # natural order: doc2 before doc10
    assert parallel == serial
