"""The architecture holds: the core imports no UI library, the CLI starts light."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return set(out.stdout.split())


def test_core_imports_neither_textual_nor_rich() -> None:
    mods = _modules_after(
        "import briefing.core.analyze, briefing.core.load, briefing.core.keyness\n"
        "from briefing.core.load import load_paths\n"
        "from briefing.core.analyze import analyze\n"
        "[analyze(d) for d in load_paths(['seeds'])]"
    )
    assert "briefing.core.analyze" in mods
    assert not {m for m in mods if m.split(".")[0] in ("textual", "rich")}


def test_cli_help_path_does_not_import_heavy_libraries() -> None:
    mods = _modules_after("import briefing.cli as c; c.build_parser()")
    assert not {m for m in mods if m.split(".")[0] in ("nltk", "sumy", "numpy", "textual")}


def test_import_linter_contracts() -> None:
    exe = shutil.which("lint-imports", path=str(ROOT / ".venv" / "bin")) or shutil.which("lint-imports")
    if exe is None:
        bindir = __import__("pathlib").Path(sys.executable).parent
        exe = shutil.which("lint-imports", path=str(bindir))
    if exe is None:
        pytest.skip("import-linter is not installed")
    proc = subprocess.run([exe], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 kept, 0 broken" in proc.stdout
