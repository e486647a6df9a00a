"""User settings: a small record read from and written to ``config.toml``.

The file lives in ``$XDG_CONFIG_HOME/briefing/`` (``~/.config/briefing/`` when the
variable is unset or not an absolute path, as the XDG spec asks). Reading never creates
anything; the folder is made only when there is a setting to write.

TOML is read with :mod:`tomllib` (Python 3.11+). On Python 3.10 a minimal reader handles
the subset the project writes and ships (tables, strings, booleans, numbers); anything
beyond that is reported as an error rather than guessed at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

CONFIG_NAME = "config.toml"


class Config:
    """The settings the app remembers between runs."""

    __slots__ = ("theme",)

    def __init__(self, theme: str | None = None) -> None:
        self.theme = theme
        """The theme last chosen in the app (``t`` or the command palette)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Config) and other.theme == self.theme

    def __repr__(self) -> str:
        return f"Config(theme={self.theme!r})"


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder that holds ``config.toml`` and user themes (not created here)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME", "")
    if not base or not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "briefing"


class ConfigError(ValueError):
    """A settings or theme file that cannot be read; the message says why in one line."""


def read_toml(path: Path, *, minimal: bool = False) -> dict[str, Any]:
    """Parse a TOML file. Raises :class:`ConfigError` (OSError and syntax errors alike).

    ``minimal``: read it with the minimal reader, for the app's own files (written in its
    subset, which a test checks against tomllib): importing tomllib costs about 3 ms of
    start-up, and the bundled themes are read before the first frame."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"cannot read {path.name}: {(exc.strerror or str(exc)).lower()}"
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path.name} is not UTF-8 text") from None
    if minimal:
        return _parse_minimal(text, path.name)
    return parse_toml(text, name=path.name)


def parse_toml(text: str, name: str = "<toml>") -> dict[str, Any]:
    """Parse TOML text with tomllib, or the minimal reader when tomllib is missing."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        return _parse_minimal(text, name)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: {exc}") from None


_KEY = r"[A-Za-z0-9_-]+"
_TABLE_RE = re.compile(rf"^\[\s*({_KEY})\s*\]$")
_PAIR_RE = re.compile(rf"^({_KEY}|\"[^\"]*\")\s*=\s*(.+)$")
_NUMBER_RE = re.compile(r"^[+-]?\d+(\.\d+)?$")


def _parse_minimal(text: str, name: str) -> dict[str, Any]:
    root: dict[str, Any] = {}
    table = root
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        m = _TABLE_RE.match(line)
        if m:
            table = root.setdefault(m.group(1), {})
            if not isinstance(table, dict):
                raise ConfigError(
                    f"{name}, line {lineno}: {m.group(1)!r} is both a value and a table"
                )
            continue
        m = _PAIR_RE.match(line)
        if not m:
            raise ConfigError(f"{name}, line {lineno}: expected 'key = value'")
        key = m.group(1).strip('"')
        table[key] = _value(m.group(2).strip(), name, lineno)
    return root


def _strip_comment(line: str) -> str:
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote and (quote == "'" or line[i - 1] != "\\"):
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            return line[:i]
    return line


def _value(text: str, name: str, lineno: int) -> Any:
    if text in ("true", "false"):
        return text == "true"
    if _NUMBER_RE.match(text):
        return float(text) if "." in text else int(text)
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1]
    if len(text) >= 2 and text[0] == text[-1] == '"':
        import json

        try:
            value = json.loads(text)
        except ValueError:
            raise ConfigError(f"{name}, line {lineno}: bad string {text}") from None
        if isinstance(value, str):
            return value
    raise ConfigError(f"{name}, line {lineno}: unsupported value {text[:40]}")


def load_config(directory: Path) -> tuple[Config, str | None]:
    """The saved settings, and a one-line warning when the file exists but is unusable."""
    path = directory / CONFIG_NAME
    if not path.is_file():
        return Config(), None
    try:
        data = read_toml(path)
    except ConfigError as exc:
        return Config(), f"settings ignored: {exc}"
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        return Config(), f"settings ignored: 'theme' in {path.name} must be a string"
    return Config(theme=theme or None), None


def save_config(config: Config, directory: Path) -> Path:
    """Write the settings (creating the folder now, if need be). Raises OSError."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / CONFIG_NAME
    lines = ["# briefing settings; written by the app when you change them."]
    if config.theme:
        lines.append(f"theme = {toml_string(config.theme)}")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML when non-ASCII stays literal)."""
    import json

    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
