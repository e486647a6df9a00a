"""The app's plain parts: wrapping, settings, theme files, export paths, import cost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from briefing import config
from briefing.ui import themes
from briefing.ui.export import export_name, resolve_export_path, write_new
from briefing.ui.wrap import wrap_spans

ROOT = Path(__file__).resolve().parents[2]

# --- wrapping -----------------------------------------------------------------------------

texts = st.text(alphabet=st.sampled_from("ab cd\n\t中é-"), max_size=300)


@given(texts, st.integers(min_value=1, max_value=40))
def test_wrapped_lines_fit_keep_order_and_lose_no_words(text: str, width: int) -> None:
    lines = wrap_spans(text, width)
    assert lines, "even an empty text has one (empty) line"
    previous_end = 0
    for start, end in lines:
        assert previous_end <= start <= end <= len(text)
        piece = text[start:end]
        assert "\n" not in piece
        assert cell_len(piece) <= width or len(piece) == 1
        previous_end = end
    # Only whitespace is left out between lines.
    covered = set()
    for start, end in lines:
        covered.update(range(start, end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_wrap_breaks_at_spaces_and_keeps_blank_lines() -> None:
    text = "one two three four\n\nfive"
    assert [text[a:b] for a, b in wrap_spans(text, 9)] == ["one two", "three", "four", "", "five"]


def test_wrap_counts_wide_characters_twice() -> None:
    text = "中文中文 中文"
    assert [text[a:b] for a, b in wrap_spans(text, 8)] == ["中文中文", "中文"]


# --- settings --------------------------------------------------------------------------------


def test_config_dir_follows_xdg(tmp_path: Path) -> None:
    assert config.config_dir({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "briefing"
    home = Path("~").expanduser()
    assert config.config_dir({}) == home / ".config" / "briefing"
    # A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    assert config.config_dir({"XDG_CONFIG_HOME": "relative"}) == home / ".config" / "briefing"


def test_config_round_trip_creates_the_folder_only_on_save(tmp_path: Path) -> None:
    folder = tmp_path / "cfg" / "briefing"
    assert config.load_config(folder) == (config.Config(), None)
    assert not folder.exists()
    config.save_config(config.Config(theme='odd "name" \\ é'), folder)
    assert config.load_config(folder) == (config.Config(theme='odd "name" \\ é'), None)


def test_a_bad_config_gives_a_warning_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("theme = 3\n", encoding="utf-8")
    cfg, warning = config.load_config(tmp_path)
    assert cfg == config.Config() and warning and "string" in warning


def test_minimal_toml_reader_matches_tomllib_on_the_bundled_themes() -> None:
    tomllib = pytest.importorskip("tomllib")
    for path in (ROOT / "themes").glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert config._parse_minimal(text, path.name) == tomllib.loads(text)


def test_minimal_toml_reader_rejects_what_it_does_not_know() -> None:
    with pytest.raises(config.ConfigError, match="line 1"):
        config._parse_minimal("a = [1, 2]\n", "x.toml")


# --- themes ---------------------------------------------------------------------------------


def test_bundled_themes_load_and_define_every_figure_colour() -> None:
    loaded = themes.load_themes([ROOT / "themes"])
    assert loaded.errors == []
    names = {t.name for t in loaded.themes}
    assert names == {"briefing-dark", "briefing-light", "briefing-contrast"}
    for theme in loaded.themes:
        for variable in (*themes.FIGURE_VARIABLES, themes.MARK_VARIABLE):
            assert variable in theme.variables, (theme.name, variable)


def test_bundled_themes_are_read_without_tomllib_and_user_themes_with_it(tmp_path: Path) -> None:
    """The app's own theme files take the minimal reader (same result, checked above; no
    tomllib import on the way to the first frame); a user's theme gets full TOML."""
    user = tmp_path / "themes"
    user.mkdir()
    (user / "mine.toml").write_text(
        'name = "mine"\nprimary = "#123456"\n# full TOML only:\n[variables]\n"figure-count" = """#abcdef"""\n',
        encoding="utf-8",
    )
    code = (
        "import sys; from pathlib import Path; from briefing.ui import themes;"
        f"r = themes.load_themes([Path({str(ROOT / 'themes')!r})], bundled=Path({str(ROOT / 'themes')!r}));"
        "print(len(r.themes), r.errors, 'tomllib' in sys.modules);"
        f"r = themes.load_themes([Path({str(user)!r})]);"
        "print([t.name for t in r.themes], r.errors, 'tomllib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.splitlines() == ["3 [] False", "['mine'] [] True"]


def test_figure_styles_fall_back_and_blend() -> None:
    styles = themes.figure_styles({"background": "#000000"})
    assert set(styles) == {"count", "money", "percent", "date", "time", "duration", "number"}
    assert (
        themes.mark_style({"background": "#000000", "summary-mark": "#ffffff 10%"}) == "on #191919"
    )
    light = themes.figure_styles({"background": "#ffffff"})
    assert light["money"] != styles["money"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('primary = "#fff"', "name"),
        ('name = "x"', "primary"),
        ('name = "x"\nprimary = "blurple"', "not a colour"),
        ('name = "x"\nprimary = "#fff"\ndark = "yes"', "dark"),
        ('name = "x"\nprimary = "#fff"\nfigure-money = "#fff"', "unknown key"),
        ('name = "x"\nprimary = "#fff"\n[variables]\nfigure-money = "green-ish"', "figure-money"),
    ],
)
def test_broken_theme_files_say_why(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(themes.ThemeFileError, match=reason):
        themes.load_theme_file(path)


# --- export paths ---------------------------------------------------------------------------


def test_export_name_is_new_and_tame(tmp_path: Path) -> None:
    assert export_name("Budget: $5m [draft]/2024", tmp_path) == "budget-5m-draft-2024-summary.md"
    (tmp_path / "budget-5m-draft-2024-summary.md").write_text("x")
    assert export_name("Budget: $5m [draft]/2024", tmp_path) == "budget-5m-draft-2024-summary-2.md"
    assert export_name("???", tmp_path) == "briefing-summary.md"


def test_export_paths_resolve_against_the_working_directory(tmp_path: Path) -> None:
    assert resolve_export_path("", "d.md", tmp_path) == tmp_path / "d.md"
    assert resolve_export_path("x.md", "d.md", tmp_path) == tmp_path / "x.md"
    assert resolve_export_path(str(tmp_path), "d.md", Path("/")) == tmp_path / "d.md"
    with pytest.raises(OSError, match="no such folder"):
        write_new(tmp_path / "missing" / "x.md", "text")


# --- start-up cost --------------------------------------------------------------------------------


def test_importing_the_app_loads_no_nlp_library() -> None:
    code = (
        "import sys, briefing.ui.app, briefing.ui.commands, briefing.ui.screens.reader,"
        " briefing.ui.helper, briefing.ui.wire;"
        "heavy = [m for m in ('nltk', 'sumy', 'numpy', 'briefing.core.analyze',"
        " 'briefing.core.segment', 'briefing.core.clean', 'briefing.core.figures')"
        " if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_the_launcher_starts_the_helpers_before_textual() -> None:
    """The CLI's way in imports neither Textual nor anything heavy before the helper
    processes are forked (they read the titles while Textual loads), nor argparse: the
    app opened on paths alone never needs a parser."""
    code = (
        "import sys, briefing.cli, briefing.ui.launch, briefing.ui.helper;"
        "print(','.join(m for m in sys.modules if m.split('.')[0] in"
        " ('textual', 'rich', 'nltk', 'sumy', 'numpy', 'argparse')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


# --- the command line's way in -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--algorithm", "nope"], "unknown algorithm 'nope'"),
        (
            ["--theme", "nope"],
            "unknown theme 'nope'; choose from: briefing-dark, briefing-light, briefing-contrast",
        ),
    ],
)
def test_run_refuses_unknown_names_before_taking_the_terminal(
    args: list[str], message: str
) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr
