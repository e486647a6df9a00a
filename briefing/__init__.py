"""briefing: a terminal briefing reader.

Kept import-free on purpose: ``briefing --help`` and the app's first paint must not
pay for NLP libraries (nor for ``importlib.metadata``: ``__version__`` is computed on
first use).
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("briefing")
        except PackageNotFoundError:  # running from a checkout that was never installed
            return "0.0.0+unknown"
    raise AttributeError(name)
