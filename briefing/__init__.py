"""briefing: a terminal briefing reader.

Kept import-free on purpose: ``briefing --help`` and the app's first paint must not
pay for NLP libraries.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("briefing")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
