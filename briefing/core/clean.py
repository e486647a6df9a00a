"""Raw text to a clean Document: furniture dropped, title and date found, paragraphs kept.

This is the one place raw characters become the cleaned ``Document.text`` that every
offset refers to. Rules are general, not tied to one site:

* control characters, terminal escape sequences and bidirectional overrides are removed,
  so document text can never drive a terminal;
* page furniture lines are dropped: skip links, tracking-pixel names, navigation
  ("Return to Headlines", "Back to top"), photo credits, author contact and social lines,
  "About the author" blocks;
* the title is the first headline-like line; a date comes from a header line
  (``date 2020-03-20``, ``Published: March 20, 2020``) or a dateline;
* each remaining paragraph gets a role: body, item (list entry), heading (short line
  without sentence punctuation), caption (a photo caption), byline (an author line).
"""

from __future__ import annotations

import re

from briefing.core.dates import DATE_HEADER_VALUE, parse_full_date
from briefing.core.model import Block, BlockRole, Document

# --- characters ---------------------------------------------------------------------------

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC (title, clipboard, hyperlink)
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]?"  # other ESC sequences
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f][^\x9c\x07]*[\x9c\x07]?"  # 8-bit string controls
)
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 (but \t \n \r), DEL, C1
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\ufff9-\ufffb]"
)
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def sanitize(text: str) -> str:
    """Remove escape sequences and control characters; normalise line ends and spaces.

    Backspace and carriage-return overwrite tricks lose their power here: ``\\b`` is
    dropped and a lone ``\\r`` becomes a line break.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return _SPACES.sub(" ", text)


# --- furniture ----------------------------------------------------------------------------

_NAV = re.compile(
    r"^(?:return to (?:headlines|top|news)|back to (?:top|headlines|news)|skip (?:to|navigation)\b.*"
    r"|advertisement|sponsored( content)?|share( this( article| story)?)?|print( this)?|"
    r"email this|read more|related( (?:articles|stories|links|content))?:?|sign up.*newsletter.*"
    r"|subscribe( now)?|log ?in|sign in|menu|search|close|previous|next|home|"
    r"(?:share on )?(?:facebook|twitter|linkedin|x|whatsapp|email)(?: \| .*)?)$",
    re.I,
)
_SKIP_LINK = re.compile(r"\bskip (?:to (?:the )?(?:main )?(?:content|navigation|article)|navigation)\b", re.I)
_TRACKER = re.compile(
    r"^(?:[\w.-]*(?:pixel|scorecardresearch|doubleclick|analytics|beacon|tracking|gtm)[\w.-]*\s*)+$",
    re.I,
)
_CREDIT_ORGS = (
    r"(?:[A-Z][\w.'’&-]* )*(?:Staff|Staff Photographer|Photographer|Contributor|Correspondent"
    r"|Getty Images|Associated Press|AP|AFP|Reuters|EPA|PA|Shutterstock|iStock(?:photo)?"
    r"|Bloomberg|File|Handout|Pool)(?: (?:Photo|Images?|File))?"
)
_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|van|von|la|le|da|del))*"
_CREDIT_LINE = re.compile(
    r"^(?:(?i:photo(?:graph)?s?|image|picture|credit)s?\s*(?i:by|:)\s*)?"
    + _NAME
    + r"\s*(?:/|for|via)\s*"
    + _CREDIT_ORGS
    + r"\.?$"
    r"|^(?i:photo(?:graph)?s?|image|picture|credit)s?\s*(?i:by|:)\s*"
    + _NAME
    + r"\.?$",
)
_TRAILING_CREDIT = re.compile(r"(?<=[.!?”\"’)])\s*(" + _NAME + r"\s*/\s*" + _CREDIT_ORGS + r")\.?$")
_CONTACT = re.compile(
    r"\bcan be reached at\b|\bfollow (?:him|her|them|me|us)\b|\b(?:e-?mail|twitter|contact)"
    r"\s*(?:him|her|them|me|us)?\s*(?:at|:)\s*\S*@|^@\w+$|^(?:e-?mail|twitter|phone|tel)\s*:",
    re.I,
)
_ABOUT_AUTHOR = re.compile(r"^(?:meet|about) the (?:author|writer|authors)s?:?$", re.I)
_BYLINE = re.compile(r"^(?i:by)\s+" + _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r")*\.?$")
_BIO = re.compile(
    "^" + _NAME + r" (?:is|was|serves as) (?:a|an|the)\b.{0,160}\b(?:CEO|president|director|"
    r"professor|writer|reporter|correspondent|columnist|editor|author|fellow|chair|founder|"
    r"executive|analyst|researcher|lecturer|commentator|contributor)\b",
    re.I,
)

_DATE_HEADER = re.compile(
    r"^\s*(?:date|dated|published|posted|updated|last updated|first published)\s*(?:on)?\s*"
    r"[:\-–]?\s*(" + DATE_HEADER_VALUE + r")\b[,.]?\s*",
    re.I,
)
_DATE_LINE = re.compile(
    r"^\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?(" + DATE_HEADER_VALUE + r")"
    r"(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},?\s+(?:[A-Z][a-z]+\.?,?\s+)?(" + DATE_HEADER_VALUE + r")\s*[—–-]", )

_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[-*•·▪◦‣]|\([a-z0-9]\)|[a-z][.)])\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _words(line: str) -> int:
    return len(line.split())


_FURNITURE_MAX = 300
"""Furniture lines are short; longer lines are never tested (and never backtrack)."""


def _is_furniture(line: str) -> bool:
    if len(line) > _FURNITURE_MAX:
        return False
    return bool(
        _NAV.match(line)
        or _SKIP_LINK.search(line)
        or _TRACKER.match(line)
        or _CREDIT_LINE.match(line)
        or _CONTACT.search(line)
    )


def _headline_like(line: str) -> bool:
    return (
        0 < _words(line) <= 25
        and len(line) <= 200
        and not re.search(r"[.,;:]$", line)
        and not _LIST_MARKER.match(line)
    )


_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|"
    r"must|does|did|do|said|says|say|told|tells|[a-z]{2,}ed|[a-z]{3,}s)\b"
)


_PARTICIPLE = re.compile(r"\b[a-z]{2,}ing\b")


def _caption_like(line: str) -> bool:
    """A one-line photo caption: 'Name, a role at Place, doing something.'

    A name, an appositive, a present participle and no finite verb: the grammar of
    captions, which a sentence of reporting almost never has.
    """
    if _words(line) > 35 or not re.match(_NAME + r", (?:an?|the|who)\b", line):
        return False
    body = line.split(",", 1)[1]
    return bool(_PARTICIPLE.search(body)) and not _FINITE.search(body)


def _paragraphs(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines; otherwise every line is its own paragraph."""
    paras: list[str] = []
    prev_blank = True
    for line in lines:
        if not line:
            prev_blank = True
            continue
        if (
            paras
            and not prev_blank
            and len(paras[-1]) >= 40
            and not _SENTENCE_END.search(paras[-1])
            and not paras[-1].endswith(":")
            and not _LIST_MARKER.match(line)
            and (line[:1].islower() or len(paras[-1]) >= 60)
        ):
            paras[-1] = paras[-1] + " " + line
        else:
            paras.append(line)
        prev_blank = False
    return paras


def _strip_markdown(line: str) -> str:
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"^>\s?", "", line)
    line = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", line)
    line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
    line = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)", r"\1", line)
    line = re.sub(r"`([^`]+)`", r"\1", line)
    if re.fullmatch(r"[-*_=]{3,}", line):
        return ""
    return line


def fallback_title(text: str, path: str) -> str:
    """A title for a document without a headline: its first words, else the file name."""
    first = text.strip().split("\n", 1)[0]
    m = re.search(r"^(.{20,}?[.!?])[\"”’]?\s", first + " ")
    sentence = m.group(1) if m else first
    if len(sentence) > 72:
        cut = sentence[:72].rsplit(" ", 1)[0]
        sentence = cut.rstrip(",;:—–- ") + "…"
    if sentence:
        return sentence
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name if path != "-" else "(standard input)"


def clean(
    raw: str,
    *,
    path: str,
    fmt: str = "text",
    fallback_title: str | None = None,
    notes: tuple[str, ...] = (),
) -> Document:
    """Turn decoded text into a Document (see the module docstring for the rules)."""
    text = sanitize(raw)
    lines = [line.strip() for line in text.split("\n")]
    if fmt == "markdown":
        lines = [_strip_markdown(line) for line in lines]

    date: str | None = None
    # Date header lines near the top; the header may share its line with body text.
    seen = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > 6:
            break
        m = _DATE_HEADER.match(line)
        if m:
            date = parse_full_date(m.group(1))
            lines[i] = line[m.end() :].strip()
            break
        m = _DATE_LINE.match(line)
        if m and seen <= 4:
            date = parse_full_date(m.group(1))
            lines[i] = ""
            break

    # Drop furniture, including "About the author" blocks of short lines.
    kept: list[str] = []
    in_author_block = False
    for line in lines:
        if in_author_block:
            if not line:
                continue
            if _words(line) <= 8 and not _SENTENCE_END.search(line):
                continue
            in_author_block = False
        if _ABOUT_AUTHOR.match(line):
            in_author_block = True
            continue
        if line and _is_furniture(line):
            continue
        kept.append(line)

    paras = _paragraphs(kept) if fmt != "html" else [line for line in kept if line]

    title = None
    if paras and _headline_like(paras[0]) and len(paras) > 1:
        title = paras.pop(0)
    if title is None and fallback_title:
        title = fallback_title
        if paras and paras[0] == fallback_title:
            paras.pop(0)

    if date is None and paras:
        m = _DATELINE.match(paras[0])
        if m:
            date = parse_full_date(m.group(1))

    # Roles, then the text.
    roles: list[BlockRole] = []
    starts: list[int] = []
    cleaned: list[str] = []
    for i, para in enumerate(paras):
        role: BlockRole = "body"
        credit = _TRAILING_CREDIT.search(para, max(0, len(para) - 120))
        if credit and _words(para) <= 60:
            para = para[: credit.start()].rstrip()
            role = "caption"
        elif _LIST_MARKER.match(para):
            role = "item"
        elif len(para) <= _FURNITURE_MAX and (
            (_BYLINE.match(para) and _words(para) <= 10)
            or (i == len(paras) - 1 and _words(para) <= 30 and _BIO.match(para))
        ):
            role = "byline"
        elif (_words(para) <= 20 and not _SENTENCE_END.search(para)) or (
            _words(para) <= 20 and para.endswith(":")
        ):
            role = "heading"
        elif len(para) <= _FURNITURE_MAX and _caption_like(para):
            role = "caption"
        if not para:
            continue
        marker = _LIST_MARKER.match(para) if role == "item" else None
        starts.append(marker.end() if marker else 0)
        roles.append(role)
        cleaned.append(para)

    # When most paragraphs look like headings, they are not: the text is simply
    # unpunctuated (notes, logs, transcripts), and its lines are its body.
    if len(roles) >= 5 and roles.count("heading") > len(roles) // 2:
        roles = ["body" if r == "heading" else r for r in roles]

    out: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for para, role, skip in zip(cleaned, roles, starts):
        if out:
            out.append("\n\n")
            pos += 2
        blocks.append(Block(pos + skip, pos + len(para), role))
        out.append(para)
        pos += len(para)
    body = "".join(out)
    if not title:
        title = globals()["fallback_title"](body, path)
    return Document(
        path=path, title=title, text=body, date=date, blocks=tuple(blocks), notes=notes
    )
