"""Make any string safe to show: no control characters, no bidi overrides, no markup.

Document text is already sanitized by ``core.clean``; this is for everything else that
reaches a terminal, such as file names and error messages.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff]"
)


def printable(text: str) -> str:
    """Replace control and bidi characters with visible escapes (``\\x1b`` -> ``\\x1b``)."""
    return _UNSAFE.sub(lambda m: _escape(m.group(0)), text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def json_safe(encoded: str) -> str:
    """Escape the characters ``json.dumps(ensure_ascii=False)`` leaves raw but a terminal
    would act on (C1 controls, bidi overrides). Valid JSON in, equivalent JSON out."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", encoded)
