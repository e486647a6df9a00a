"""HTML to plain text: the visible article text, one paragraph per line.

Uses the standard library's tolerant parser. Scripts, styles, iframes, forms,
navigation, headers, footers and asides never reach the text; comments are dropped by
the parser; entities are decoded. When the page has an ``<article>`` or ``<main>``,
only its text is kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = frozenset(
    {
        "script", "style", "noscript", "iframe", "template", "svg", "math", "canvas",
        "nav", "header", "footer", "aside", "form", "button", "select", "textarea",
        "object", "embed", "audio", "video", "picture", "figure", "head",
    }
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th",
        "br", "hr", "figcaption", "address", "body",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.stack: list[str] = []
        self.parts: list[str] = []
        self.focus_parts: list[str] | None = None
        self.focus_depth = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.h1: list[str] = []
        self.in_h1 = False

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        if self.focus_depth and self.focus_parts is not None:
            self.focus_parts.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skip_depth:
                self._emit("\n")
            return
        self.stack.append(tag)
        if tag in _SKIP or _hidden(attrs):
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in ("article", "main"):
            if self.focus_parts is None:
                self.focus_parts = []
            self.focus_depth += 1
        if tag == "h1":
            self.in_h1 = True
        if tag in _BLOCK:
            self._emit("\n\n")
        if tag == "li":
            self._emit("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _VOID or tag not in self.stack:
            return
        # Close everything opened after this tag (tolerates unclosed <p>, <li>, ...).
        while self.stack:
            top = self.stack.pop()
            if top in _SKIP and self.skip_depth:
                self.skip_depth -= 1
            elif not self.skip_depth:
                if top in ("article", "main") and self.focus_depth:
                    self.focus_depth -= 1
                    if not self.focus_depth:
                        self._emit("\n\n")
                if top == "h1":
                    self.in_h1 = False
                if top in _BLOCK:
                    self._emit("\n\n")
            if top == tag:
                break

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        text = re.sub(r"\s+", " ", data)
        if self.in_h1:
            self.h1.append(text)
        self._emit(text)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and value == "true"):
            return True
        if name == "style" and value and re.search(r"display\s*:\s*none", value, re.I):
            return True
    return False


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return (visible text with paragraphs on their own lines, page title or None)."""
    parser = _Extractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # noqa: BLE001 - the stdlib parser is tolerant; belt and braces
        pass
    parts = parser.focus_parts if parser.focus_parts and "".join(parser.focus_parts).strip() else parser.parts
    text = "".join(parts)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = " ".join("".join(parser.h1).split()) or " ".join("".join(parser.title_parts).split())
    if title and parser.focus_parts and not text.startswith(title):
        text = title + "\n\n" + text
    return text, title or None
