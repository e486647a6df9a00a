"""Key figures: counts, money, percentages, dates, times, durations and other numbers.

A figure is a span of ``Document.text`` with a kind and a normalised value. Detection
is rule-based and fast (a handful of compiled patterns, one pass each), so it runs on
the UI thread's budget and on huge texts. Candidates from every pattern compete for
their characters: the longer span wins, and on a tie the more specific kind (money,
percent, time, date, duration, count, number, in that order).

Not figures: identifiers and names that contain digits (COVID-19, K-8, G7, MP3, Level 1,
Radio 4), ordinals outside dates, list-item markers, phone numbers, ``24/7``-style
tokens. Spans and values follow ``bench/data/figures/GUIDE.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.core.dates import MONTH_RE, WEEKDAYS, iso_date, month_number
from briefing.core.model import Figure, FigureKind

# --- numbers ------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
    "mn": 1_000_000, "tn": 1_000_000_000_000, "dozen": 12,
}

_U = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_T = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_WORDNUM = rf"(?:{_T}(?:[- ]{_U})?|{_U})(?:\s+hundred(?:\s+(?:and\s+)?(?:{_T}(?:[- ]{_U})?|{_U}))?)?"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
_DIGITS = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
NUMBER = (
    rf"(?:{_DIGITS}(?:\s?(?:{_SCALE_WORD}|bn|mn|tn)\b|(?:m|k)\b)?"
    rf"|(?:half\s+an?|an?|one)\s+(?:dozen|{_SCALE_WORD})\b(?:\s+{_SCALE_WORD}\b)?"
    rf"|(?:{_WORDNUM}|\d+|a\s+few|several)\s+dozen\b"
    rf"|\b{_WORDNUM}\b(?:\s+{_SCALE_WORD}\b)*)"
)
HEDGE = (
    r"(?:(?:nearly|about|approximately|approx\.|around|almost|roughly|some|over|under|"
    r"more\s+than|less\s+than|fewer\s+than|up\s+to|at\s+least|at\s+most|an\s+estimated|"
    r"just\s+over|just\s+under|close\s+to|as\s+many\s+as|as\s+much\s+as|upwards\s+of|"
    r"well\s+over|nearly\s+half\s+of)\s+)"
)


def parse_number(text: str) -> float | None:
    """The value of a number as written: ``54,000``, ``1.5 million``, ``two dozen``,
    ``twenty-five``, ``half a billion``, ``$1.13bn`` (digits part). None if unreadable."""
    t = text.lower().replace(",", "").replace("-", " ")
    t = re.sub(r"(\d)(bn|mn|tn|m|k)\b", r"\1 \2", t)
    total = 0.0
    current: float | None = None
    half = False
    for word in t.split():
        if word in ("and", "a", "an"):
            if current is None and word != "and":
                current = 1.0
            continue
        if word == "half":
            half = True
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current = (current or 0.0) + float(word)
        elif word in _UNITS:
            current = (current or 0.0) + _UNITS[word]
        elif word in _TENS:
            current = (current or 0.0) + _TENS[word]
        elif word in ("few", "several"):
            current = 3.0 if word == "few" else 4.0
        elif word in _SCALES:
            scale = _SCALES[word]
            if current is None:
                current = 1.0
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = None
        else:
            return None
    if current is not None:
        total += current
    if half:
        total *= 0.5
    return total


def _clean_number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


# --- vocabulary ---------------------------------------------------------------------------

_STOP = frozenset(
    """
    a an the this that these those and or but nor of in on at to for from by with without
    into onto over under about after before between during since until than as per via
    is are was were be been being am has have had do does did will would can could should
    shall may might must not no yes so if then there their them they it its he she his her
    we our you your i me my who whom whose which what when where why how all any both each
    few more most other some such only own same too very just also still even again ever
    here now up down out off once more less last next first new old other another every
    including while because although though whereas either neither per cent percent
    said says say told according year years
    """.split()
)
_DURATION_UNITS = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}
_MEASURES = frozenset(
    """
    km kilometres kilometers miles mile metres meters metre meter feet foot ft inches inch
    cm mm kg kilograms kilos tonnes tons lb lbs litres liters gallons barrels mph kmh
    degrees acres hectares sq gb mb tb kb gigabytes megabytes terabytes bytes pixels mw gw kw
    watts volts calories
    """.split()
)
_IRREGULAR_PLURALS = frozenset(
    """
    people children men women staff police personnel cattle sheep fish deer data media
    feet teeth mice geese crew troops faculty clergy youth offspring aircraft
    """.split()
)
_NOT_PLURAL = frozenset(
    """
    news series species this its his hers ours yours theirs is was has does us bus gas
    plus minus thus analysis basis crisis status census campus focus bonus chaos lens
    always perhaps across whereas besides less unless
    """.split()
)
_CURRENCY_SYMBOLS = {
    "us$": "USD", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD",
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "won": "KRW", "krona": "SEK",
    "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "peso": "MXN", "pesos": "MXN",
    "rand": "ZAR", "cents": "USD", "cent": "USD", "pence": "GBP", "p": "GBP",
}

# --- patterns -----------------------------------------------------------------------------

_I = re.IGNORECASE
_CUR_SYM = r"(?:US\$|A\$|C\$|NZ\$|HK\$|S\$|\$|£|€|¥|₹|₩|₽)"
_MONEY_AMOUNT = rf"{_CUR_SYM}\s?{_DIGITS}(?:\s?(?:{_SCALE_WORD}|bn|mn|tn)\b|(?:m|k)\b)?"
_CUR_WORD = (
    r"(?:(?:US|Australian|Canadian|Hong\s+Kong|Singapore|New\s+Zealand)\s+dollars?|dollars?|"
    r"euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|rupees?|(?:Swiss\s+)?francs?|"
    r"roubles?|rubles?|kronor|krona|kroner|krone|pesos?|rand|cents?|pence)"
)

_MONEY = re.compile(
    rf"{HEDGE}?(?:{_MONEY_AMOUNT}"
    rf"|{NUMBER}\s+{_CUR_WORD}\b"
    rf"|{_DIGITS}p\b)",
    _I,
)
_PERCENT = re.compile(
    rf"{HEDGE}?{NUMBER}\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b|pct\b)", _I
)
_TIME_ONE = (
    r"(?:(?<![\d:.])\d{1,2}(?:[:.]\d\d)?\s?(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)"
    r"|(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])(?:\s?(?:GMT|BST|EST|EDT|PST|PDT|CET|UTC)\b)?"
    r"|\bnoon\b|\bmidnight\b|\bmidday\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+o['’]clock\b)"
)
_TIME = re.compile(_TIME_ONE, _I)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")),
    ("mdy", re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("dmy", re.compile(rf"\b(?P<d>{_DAY})\s+(?P<mon>{MONTH_RE})(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("my", re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?P<y>{_YEAR})\b")),
    ("range", re.compile(rf"(?<![\w$£€.,-])(?P<y>{_YEAR})\s?[-–/]\s?(?P<y2>{_YEAR}|\d\d)(?![\w%-])")),
    ("decade", re.compile(r"(?<![\w'’])(?P<y>(?:1[6-9]|20)\d0)['’]?s\b|(?<!\w)['’](?P<yy>\d0)s\b")),
    ("month", re.compile(r"\b(?P<mon>January|February|March|April|June|July|August|September|October|November|December)\b")),
    ("may", re.compile(r"\b(?:in|since|until|by|from|of|early|late|last|next|this|during|before|after|through|till|mid-|end of)\s?(?P<mon>May)\b", _I)),
    ("weekday", re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")),
    ("year", re.compile(rf"(?<![\w$£€¥.,/#-])(?P<y>{_YEAR})(?=['’]s\b|[^\w%/-]|$)")),
]
_DURATION = re.compile(
    rf"{HEDGE}?(?:{NUMBER}|a\s+half|one\s+and\s+a\s+half)[- ](?:and[- ]a[- ]half[- ])?"
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))"
    r"(?:-long)?\b(?![- ]old)"
    r"|\b(?P<long>week|year|month|day|decade|hour)-?long\b",
    _I,
)
_AGE = re.compile(rf"(?:{NUMBER})[- ]years?[- ]old\b|\baged\s+(?P<n>\d{{1,3}})\b", _I)
_WORD = r"[A-Za-z][\w'’&-]*"
_COUNT = re.compile(
    rf"(?P<num>{HEDGE}?{NUMBER})\s+(?P<noun>{_WORD}(?:\s+{_WORD}){{0,3}})", _I
)
_BARE = re.compile(rf"{HEDGE}?(?:{_DIGITS}(?:\s?(?:{_SCALE_WORD}|bn|mn)\b|(?:m|k)\b)?"
                   rf"|\b(?:{_WORDNUM})\s+{_SCALE_WORD}\b(?:\s+{_SCALE_WORD}\b)*"
                   rf"|(?:half\s+an?|an?)\s+(?:{_SCALE_WORD})\b)", _I)
_SCORE = re.compile(r"(?<![\w.,/-])(?P<a>\d{1,2})-(?P<b>\d{1,2})(?![\w.,/%-])")

# Near-misses: digits inside identifiers and names.
_IDENT_BEFORE = re.compile(r"[A-Za-z][-/]?$|[#№]$")
_IDENT_AFTER = re.compile(r"^-?(?!(?:bn|mn|tn|m|k|s|p|am|pm|st|nd|rd|th|km|kg|cm|mm|mph|ft|in|lb|gb|mb|tb)\b)[A-Za-z]")
_PHONE = re.compile(r"(?<!\d)(?:\+?\d{1,3}[ .-])?(?:\(\d{2,5}\)\s?)?\d{3,5}[ .-]\d{3,4}[ .-]?\d{3,4}(?!\d)")
_SLASHED = re.compile(r"(?<![\w/])\d{1,4}/\d{1,4}(?:/\d{1,4})?(?![\w/])")
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", _I)
_LIST_MARK = re.compile(r"(?:^|\n)[ \t]*\d{1,3}[.)](?=\s)")

_PRIORITY: dict[str, int] = {
    "money": 0, "percent": 1, "time": 2, "date": 3, "duration": 4, "count": 5, "number": 6,
}


class _Cand:
    __slots__ = ("kind", "start", "end", "value", "unit")

    def __init__(self, kind: FigureKind, start: int, end: int, value: object = None,
                 unit: str | None = None) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit


def _strip_hedge(text: str) -> str:
    return re.sub(rf"^{HEDGE}", "", text, flags=_I)


def _money(m: re.Match[str]) -> _Cand:
    text = _strip_hedge(m.group(0))
    sym = re.match(_CUR_SYM, text, _I)
    if sym:
        currency = _CURRENCY_SYMBOLS[sym.group(0).lower()]
        amount = parse_number(text[sym.end():].strip())
    elif re.fullmatch(rf"{_DIGITS}p", text, _I):
        currency, amount = "GBP", parse_number(text[:-1])
        amount = amount / 100 if amount is not None else None
    else:
        cw = re.search(_CUR_WORD + r"$", text, _I)
        word = cw.group(0).lower() if cw else ""
        last = word.split()[-1] if word else ""
        currency = _CURRENCY_WORDS.get(last, "USD")
        if word.startswith(("australian", "canadian", "hong", "singapore", "new zealand")):
            currency = {"a": "AUD", "c": "CAD", "h": "HKD", "s": "SGD", "n": "NZD"}[word[0]]
        if last == "francs" and "swiss" not in word:
            currency = "CHF"
        amount = parse_number(text[: cw.start()].strip()) if cw else None
        if amount is not None and last in ("cents", "cent", "pence"):
            amount /= 100
    return _Cand("money", m.start(), m.end(), {"amount": _clean_number(amount), "currency": currency}, currency)


def _percent(m: re.Match[str]) -> _Cand:
    text = _strip_hedge(m.group(0))
    num = re.sub(r"\s?(?:%|per\s?cent|percent|percentage\s+points?|pct)$", "", text, flags=_I)
    unit = "pp" if re.search(r"points?$", text, _I) else "%"
    return _Cand("percent", m.start(), m.end(), _clean_number(parse_number(num)), unit)


def _time_value(text: str) -> str | None:
    t = text.lower().strip()
    if t in ("noon", "midday"):
        return "12:00"
    if t == "midnight":
        return "00:00"
    m = re.match(r"(\w+)\s+o['’]clock", t)
    if m:
        n = parse_number(m.group(1))
        return f"{int(n):02d}:00" if n else None
    m = re.match(r"(\d{1,2})(?:[:.](\d\d))?\s?([ap])?", t)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) == "p" and hour < 12:
        hour += 12
    if m.group(3) == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _dates(text: str) -> Iterator[_Cand]:
    for name, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            value: object = None
            unit = None
            if name in ("iso", "mdy", "dmy", "my"):
                month = int(g["m"]) if name == "iso" else month_number(g["mon"])
                day = int(re.sub(r"\D", "", g["d"])) if g.get("d") else None
                year = int(g["y"]) if g.get("y") else None
                value = iso_date(year, month, day)
                if value is None:
                    continue
            elif name == "range":
                y1 = int(g["y"])
                y2 = int(g["y2"]) if len(g["y2"]) == 4 else (y1 // 100) * 100 + int(g["y2"])
                if not y1 < y2 <= y1 + 100:
                    continue
                value = [f"{y1:04d}", f"{y2:04d}"]
            elif name == "decade":
                value = g["y"] + "s" if g.get("y") else f"19{g['yy']}s"
                unit = "decade"
            elif name in ("month", "may"):
                value = f"--{month_number(g['mon']):02d}"
                unit = "month"
                yield _Cand("date", m.start("mon"), m.end("mon"), value, unit)
                continue
            elif name == "weekday":
                unit = "weekday"
                value = g["wd"].lower()
            elif name == "year":
                value = g["y"]
            yield _Cand("date", m.start(), m.end(), value, unit)


def _is_plural(word: str) -> bool:
    w = word.lower().strip("'’")
    if w in _IRREGULAR_PLURALS:
        return True
    if w in _NOT_PLURAL or len(w) < 3:
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def _counts(text: str) -> Iterator[_Cand]:
    for m in _COUNT.finditer(text):
        num = m.group("num")
        bare = _strip_hedge(num).lower()
        if bare in ("one", "a", "an", "zero") or re.fullmatch(r"an?", bare):
            continue
        words = re.finditer(_WORD, m.group("noun"))
        chosen_end = None
        unit_words: list[str] = []
        taken: list[str] = []
        for w in words:
            word = w.group(0)
            low = word.lower().strip("'’")
            if low in _STOP or low in _DURATION_UNITS or low in _MEASURES:
                break
            if low.endswith(("'s", "’s")):
                break
            if month_number(low) or low in WEEKDAYS:
                break
            if re.fullmatch(r"[a-z]+ly", word):
                break  # adverbs end the noun phrase ("125 schools statewide" keeps going)
            taken.append(word)
            if _is_plural(word):
                chosen_end = m.start("noun") + w.end()
                unit_words = list(taken)
        if chosen_end is None:
            continue
        value = parse_number(_strip_hedge(num))
        if value is None:
            continue
        yield _Cand("count", m.start(), chosen_end, _clean_number(value), " ".join(unit_words))


def _durations(text: str) -> Iterator[_Cand]:
    for m in _DURATION.finditer(text):
        if m.group("long"):
            yield _Cand("duration", m.start(), m.end(), 1, m.group("long").lower())
            continue
        unit = _DURATION_UNITS.get(m.group("unit").lower(), m.group("unit").lower())
        num_text = _strip_hedge(m.group(0))[: m.start("unit") - m.start() - (len(m.group(0)) - len(_strip_hedge(m.group(0))))]
        num_text = re.sub(r"[- ](?:and[- ]a[- ]half[- ]?)?$", "", num_text.strip())
        value = parse_number(num_text.replace("one and a half", "1.5").replace("a half", "0.5"))
        if "and-a-half" in m.group(0) or "and a half" in m.group(0):
            value = (value or 0) + 0.5
        yield _Cand("duration", m.start(), m.end(), _clean_number(value), unit)


def _numbers(text: str) -> Iterator[_Cand]:
    for m in _AGE.finditer(text):
        n = m.group("n") or re.match(rf"{NUMBER}", m.group(0), _I).group(0)  # type: ignore[union-attr]
        yield _Cand("number", m.start(), m.end(), _clean_number(parse_number(n)), "years old")
    for m in _SCORE.finditer(text):
        yield _Cand("number", m.start(), m.end(), [int(m["a"]), int(m["b"])], "score")
    for m in _BARE.finditer(text):
        t = _strip_hedge(m.group(0))
        after = text[m.end(): m.end() + 12]
        unit = None
        um = re.match(r"\s?([A-Za-z]+)\b", after)
        end = m.end()
        if um and um.group(1).lower() in _MEASURES:
            unit = um.group(1)
            end = m.end() + um.end()
        yield _Cand("number", m.start(), end, _clean_number(parse_number(t)), unit)


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in (_PHONE, _SLASHED, _ORDINAL):
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    spans.extend((m.end() - 2 if m.group(0)[-1] in ".)" else m.start(), m.end()) for m in _LIST_MARK.finditer(text))
    # list markers: block the digits themselves
    spans.extend((m.start() + len(m.group(0)) - len(m.group(0).lstrip("\n \t")), m.end()) for m in _LIST_MARK.finditer(text))
    return spans


_CAP_LABEL = re.compile(r"(?:^|(?<=[\s(]))(?P<w>[A-Z][A-Za-z]*\.?)\s$")


def _identifier(text: str, c: _Cand) -> bool:
    """Digits that belong to a name or code rather than a quantity."""
    body = text[c.start:c.end]
    first_digit = re.search(r"\d", body)
    if not first_digit:
        return False
    # Letters glued to the digits: COVID-19, K-8, G7, MP3, 3G, A380, F-35.
    d0 = c.start + first_digit.start()
    if _IDENT_BEFORE.search(text[max(0, d0 - 2):d0]):
        return True
    if _IDENT_AFTER.match(text[c.end:c.end + 4]) and c.kind in ("number", "date", "count"):
        if c.kind != "count":
            return True
    if c.kind == "number":
        # A capitalised label before a bare number: Level 1, Radio 4, Windows 2000.
        m = _CAP_LABEL.search(text[max(0, c.start - 20):c.start])
        if m and m.group("w").lower().rstrip(".") not in _STOP and not month_number(m.group("w")):
            return True
        # Version-like numbers: 2.0.1
        if re.match(r"\.\d", text[c.end:c.end + 2]):
            return True
    return False


_JOIN = re.compile(r"\s*(?:-|–|—|to|and|or)\s*$", _I)


def _merge_ranges(text: str, figs: list[_Cand]) -> list[_Cand]:
    """Join ``15 and 22 points``, ``9 a.m. and noon``, ``$5m-$10m`` into one figure."""
    out: list[_Cand] = []
    for f in figs:
        if out:
            p = out[-1]
            gap = text[p.end:f.start]
            if _JOIN.fullmatch(gap) and len(gap) <= 6:
                joiner = gap.strip().lower()
                lead = text[max(0, p.start - 9):p.start].lower()
                same = p.kind == f.kind and p.unit == f.unit
                bare_before = p.kind == "number" and p.unit is None and f.kind in ("count", "percent", "duration", "money", "number")
                between = lead.endswith(("between ", "from "))
                ok = (
                    (bare_before and joiner != "or" and not isinstance(p.value, list))
                    or (same and f.kind == "time" and joiner in ("and", "to", "-", "–"))
                    or (same and joiner in ("-", "–") and f.kind in ("money", "percent", "count", "duration", "number"))
                    or (same and between and joiner in ("and", "to"))
                )
                if ok:
                    lo = p.value.get("amount") if isinstance(p.value, dict) else p.value
                    hi = f.value.get("amount") if isinstance(f.value, dict) else f.value
                    value: object = [lo, hi]
                    if isinstance(f.value, dict):
                        value = {"amount": [lo, hi], "currency": f.value.get("currency")}
                    out[-1] = _Cand(f.kind, p.start, f.end, value, f.unit)
                    continue
        out.append(f)
    return out


def extract(text: str) -> tuple[Figure, ...]:
    """All figures in ``text``, in order, non-overlapping."""
    cands: list[_Cand] = []
    cands.extend(_money(m) for m in _MONEY.finditer(text))
    cands.extend(_percent(m) for m in _PERCENT.finditer(text))
    cands.extend(_Cand("time", m.start(), m.end(), _time_value(m.group(0))) for m in _TIME.finditer(text))
    cands.extend(_dates(text))
    cands.extend(_durations(text))
    cands.extend(_counts(text))
    cands.extend(_numbers(text))

    blocked = _blocked_spans(text)
    chosen: list[_Cand] = []
    taken = bytearray(len(text) + 1)
    cands.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.kind], c.start))
    for c in cands:
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        if any(s < c.end and c.start < e for s, e in blocked) and c.kind != "date":
            continue
        if _identifier(text, c):
            continue
        # trim trailing spaces/punctuation
        while c.end > c.start and text[c.end - 1] in " ,;:":
            c.end -= 1
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    chosen.sort(key=lambda c: c.start)
    merged = _merge_ranges(text, chosen)
    return tuple(
        Figure(c.kind, c.start, c.end, text[c.start:c.end], c.value, c.unit) for c in merged
    )
