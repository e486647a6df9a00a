"""A normal (non-editable) install carries the sample briefing and the themes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(ROOT)], check=True, timeout=300)
    (whl,) = out.glob("briefing-*.whl")
    return whl


def test_wheel_lists_seeds_and_themes(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in SEEDS.iterdir():
        assert f"briefing/_data/seeds/{seed.name}" in names
        assert zipfile.ZipFile(wheel).read(f"briefing/_data/seeds/{seed.name}") == seed.read_bytes()
    for theme in (ROOT / "themes").iterdir():
        assert f"briefing/_data/themes/{theme.name}" in names
    assert not any(n.startswith(("tests/", "bench/")) for n in names)


def test_installed_wheel_summarizes_the_bundled_sample(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    # Dependencies come from this interpreter's site-packages (no network needed); the
    # package itself only from the wheel.
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)], check=True, timeout=300)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    proc = subprocess.run([str(venv / "bin" / "briefing"), "summarize", "--format", "jsonl"],
                          capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    recs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(recs) == 5
    assert all(str(venv) in r["path"] for r in recs)
    where = subprocess.run([str(py), "-c", "import briefing, briefing.resources as r; print(briefing.__file__); print(r.themes_dir())"],
                           capture_output=True, text=True, cwd=tmp_path, env=env, check=True).stdout
    assert str(venv) in where and "_data/themes" in where
