"""Key figures: counts, money, percentages, dates, times, durations and other numbers.

A figure is a span of ``Document.text`` with a kind and a normalised value. Spans, kinds
and values follow ``bench/data/figures/GUIDE.md``; ``bench/figures.py`` scores the rules
on the annotated set.

How it works, in one pass over the text and linear in its length:

1. **Anchors.** One tokenising scan finds the places a figure can start: digits,
   currency symbols, number words, months, weekdays, ``noon``, ``a``/``an`` before a
   scale or time unit.
2. **Candidates.** At each anchor, small anchored patterns (``Pattern.match`` at that
   offset, never a search over the whole text) propose figures of every kind: money
   (``$1.13bn``, ``300 euros``, ``25p``), percentages, clock times, dates (ISO, ``April
   27``, ``May 2021``, years, year ranges, decades, centuries, months, weekdays),
   durations (``six-week``, ``up to five hours``), ages (``29-year-old``), counts (a
   number and the noun phrase it counts, up to its head noun: ``20,000 Chromebook
   computers``), hyphenated compounds (``12-nation``), multipliers (``four times``),
   fractions (``about half``), measurements (``1500m``, ``70 million tonnes``) and bare
   numbers, including elliptical ones (``The two stressed``).
3. **Hedges** written directly before the number join the span (``nearly``, ``more
   than``, ``up to``, ``as much as``, ...); ``only``, ``just``, ``between``, ``from``,
   articles and ``last``/``next`` never do.
4. **Choice.** Candidates compete for their characters: the longer span wins, and on a
   tie the more specific kind (money, percent, time, date, duration, count, number).
   Identifiers and names are dropped first: digits glued to letters (``COVID-19``,
   ``K-8``, ``G8``, ``MP3``, ``3D``), labels (``Level 1``, ``Radio 4``, ``BBC Two``,
   ``Spider-Man 2``, ``top 10``), ordinals (``25th``, ``first``), list markers, phone
   numbers, ``24/7`` and ``9/11``, weekdays inside names (``the Sunday Telegraph``),
   pronoun ``one`` and vague plurals (``thousands of``).
5. **Joins.** Two values joined by ``to``, ``and``, ``-`` or ``–`` that share a kind and
   unit become one range figure (``15 and 22 points``, ``9 a.m. and noon``, ``Friday and
   Saturday``, ``3% and 3.5%``, ``6 to 9 January``; never across ``or``, inside a comma
   list, or for a change and a new level, ``rose by $19bn to $419bn``); a hedge does not
   spread over an ``and`` pair. ``X out of Y N`` and ``X N in Y`` ratios, composite
   durations (``four minutes 14.74 seconds``) and dimensions (``12cm by 7.4cm``) are one
   figure too.

Values: numbers as numbers; money ``{"amount", "currency"}``; percentages in percent
(unit ``%`` or ``pp``); dates as ISO text, partial where partial (``2021-05``,
``--04-27`` without a year, ``1999``, ``1940s``, ``18`` for the 19th century, weekdays by
name); times ``HH:MM``; durations in their stated unit; ranges ``[low, high]``; ratios
``{"part", "whole"}``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from fractions import Fraction

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
_FRACTIONS = {
    word: Fraction(1, n)
    for n, words in ((2, "half halves"), (3, "third thirds"), (4, "quarter quarters"), (5, "fifth fifths"),
                     (6, "sixth sixths"), (7, "seventh sevenths"), (8, "eighth eighths"),
                     (9, "ninth ninths"), (10, "tenth tenths"))
    for word in words.split()
}

_U = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_T = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_WORDNUM = (
    rf"(?:{_T}(?:[- ]{_U}\b)?|{_U})\b"
    rf"(?:\s+hundred\b(?:\s+(?:and\s+)?(?:{_T}(?:[- ]{_U}\b)?|{_U})\b)?)?"
)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
_FRACTION_WORD = r"(?:halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
_DIGITS = r"(?<![\w.,])(?<!\d[eE][+-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[eE][+-]?\d)"  # not part of 1e400, 3e-5
_DIGIT_NUM = rf"{_DIGITS}(?:\s?(?:{_SCALE_WORD}|bn|mn|tn)\b|(?:m|k)\b)?"
NUMBER = (
    rf"(?:\b(?:an?|one|two|three)[\s-]+(?:quarters?|thirds?|half)\s+of\s+an?\s+{_SCALE_WORD}\b"
    rf"|(?:\b{_WORDNUM}|\d+|\bhalf\s+an?|\ban?)\s+dozen\b"
    rf"|\b(?:half\s+an?|an?|one)\s+{_SCALE_WORD}\b(?:\s+{_SCALE_WORD}\b)?"
    rf"|{_DIGIT_NUM}"
    rf"|\b{_WORDNUM}(?:\s+{_SCALE_WORD}\b)*)"
)
"""A number as written: ``54,000``, ``1.5 million``, ``$``-less ``1.13bn``, ``two dozen``,
``twenty-five``, ``half a billion``, ``a quarter of a million``."""

_HEDGE_WORDS = (
    r"(?:nearly|about|approximately|approx\.|around|almost|roughly|some|over|under|above|"
    r"below|more\s+than|less\s+than|fewer\s+than|up\s+to|at\s+least|at\s+most|"
    r"an\s+estimated|just\s+over|just\s+under|well\s+over|well\s+under|close\s+to|"
    r"as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|as\s+little\s+as|upwards\s+of)"
)
_HEDGE_BEFORE = re.compile(rf"(?<![\w-]){_HEDGE_WORDS}[ \t]+$", re.I)
_HEDGE_PREFIX = re.compile(rf"^{_HEDGE_WORDS}\s+", re.I)


MAX_DIGITS = min(4000, getattr(sys, "get_int_max_str_digits", lambda: 0)() or 4000)
"""Integers up to this many digits keep their exact value; longer ones have none (the
interpreter will not convert them to and from text, and no reader needs them)."""


def parse_number(text: str) -> Fraction | None:
    """The exact value of a number as written: ``54,000``, ``1.5 million``, ``two dozen``,
    ``twenty-five``, ``half a billion``, ``a quarter of a million``, ``two-thirds``,
    ``$1.13bn`` (digits part). None if unreadable or longer than :data:`MAX_DIGITS`."""
    t = text.lower().replace(",", "").replace("-", " ")
    t = re.sub(r"(\d)(bn|mn|tn|m|k)\b", r"\1 \2", t)
    total = Fraction(0)
    current: Fraction | None = None
    multiplier: Fraction | None = None
    words = t.split()
    for i, word in enumerate(words):
        if word in ("and", "of"):
            continue
        if word in ("a", "an"):
            if current is None:
                current = Fraction(1)
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            if len(word) > MAX_DIGITS:
                return None
            current = (current or 0) + Fraction(word)
        elif word in _UNITS:
            current = (current or 0) + _UNITS[word]
        elif word in _TENS:
            current = (current or 0) + _TENS[word]
        elif word in _FRACTIONS:
            if word.startswith("hal") and words[max(0, i - 2):i] == ["and", "a"]:
                current = (current or 0) + Fraction(1, 2)  # "one and a half"
            else:
                multiplier = (current or 1) * _FRACTIONS[word]  # "a quarter of ...", "two thirds"
                current = None
        elif word in _SCALES:
            scale = _SCALES[word]
            if current is None:
                current = Fraction(1)
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = None
        else:
            return None
    if current is not None:
        total += current
    if multiplier is not None:
        return multiplier * total if total else multiplier
    return total


_MAX_BITS = int(MAX_DIGITS * 3.3219)  # log2(10): an integer of MAX_DIGITS digits at most


def _clean_number(value: Fraction | int | float | None) -> int | float | None:
    """A value for ``Figure.value``: a whole number as an exact ``int`` (any size up to
    :data:`MAX_DIGITS` digits), anything else as a float rounded to 6 places, None when it
    has no finite value in range."""
    if value is None:
        return None
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        value = Fraction(value)
    q = Fraction(value)
    if q.denominator == 1:
        n = q.numerator
        return n if n.bit_length() <= _MAX_BITS else None
    try:
        return round(float(q), 6)
    except OverflowError:
        return None


# --- vocabulary ---------------------------------------------------------------------------

_STOP = frozenset(
    """
    a an the this that these those and or but nor of in on at to for from by with without
    into onto over under about after before between during since until than as per via
    is are was were be been being am has have had do does did will would can could should
    shall may might must not no yes so if then there their them they it its he she his her
    we our you your i me my who whom whose which what when where why how all any both each
    few more most other some such only own same too very just also still even again ever
    here now up down out off once more less last next first other another every
    including while because although though whereas either neither per cent percent
    said says say told according year years times time
    """.split()
)
_DURATION_UNITS = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month", "year": "year", "years": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}
_SECONDS = {
    "second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
    "fortnight": 1209600, "month": 2629800, "year": 31557600, "decade": 315576000,
    "century": 3155760000,
}
_MEASURE_WORDS = (
    "kilometres|kilometers|kilometre|kilometer|km|miles|mile|metres|meters|metre|meter|"
    "yards|yard|feet|foot|ft|inches|inch|cm|mm|kg|kilograms|kilogram|kilos|grams|gram|"
    "tonnes|tonne|tons|ton|lbs|lb|litres|liters|litre|liter|gallons|gallon|barrels|barrel|"
    "mph|km/h|kph|degrees|acres|acre|hectares|hectare|sq|gb|mb|tb|kb|gigabytes|megabytes|"
    "terabytes|gigabyte|megabyte|terabyte|bytes|pixels|megapixels|megapixel|mw|gw|kw|kwh|watts|volts|calories|gbps|mbps|kbps|"
    "ghz|mhz|mg|ml|stone|megabits|megabit|gigabits|gigabit|kilobits|kilobit"
)
_GLUED_UNITS = (
    "km/h|km|cm|mm|m|kg|mg|ml|ft|mph|kph|lb|lbs|gb|mb|tb|kb|gbps|mbps|kbps|ghz|mhz|"
    "kw|mw|gw|kwh|bhp|hp|in"
)
_MEASURES = frozenset(_MEASURE_WORDS.split("|"))
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
    always perhaps across whereas besides less unless onwards towards afterwards backwards
    forwards upwards downwards outwards inwards
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
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "krona": "SEK",
    "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "peso": "MXN", "pesos": "MXN",
    "rand": "ZAR", "reais": "BRL", "lira": "TRY", "baht": "THB", "ringgit": "MYR",
    "rupiah": "IDR", "zloty": "PLN", "dinars": "DZD", "dirhams": "AED", "riyals": "SAR",
    "shekels": "ILS", "naira": "NGN", "cents": "USD", "cent": "USD", "pence": "GBP", "p": "GBP",
}
_RACE_WORDS = frozenset(
    """
    hurdles race races heat heats final finals title titles runner runners record records
    champion champions championship relay freestyle breaststroke backstroke butterfly medley
    sprint sprints event events steeplechase dash swim
    """.split()
)
"""Nouns after ``400m`` that make it a distance in metres (sport), not a count in millions."""
_LABEL_WORDS = frozenset(
    "top no no. number page chapter level grade room size version channel route gate "
    "platform flight episode stage phase day week round series".split()
)
"""Lower-case words that make the number after them a label (``top 10``, ``day 3``)."""

# --- patterns (all matched at an anchor with Pattern.match, never searched) ---------------

_I = re.IGNORECASE
_CUR_SYM = r"(?:\$|£|€|¥|₹|₩|₽)"
_MONEY_SYM = re.compile(
    rf"{_CUR_SYM}\s?(?P<num>{_DIGITS}(?:\s?(?:{_SCALE_WORD}|bn|mn|tn)\b|(?:m|k)\b)?"
    rf"|(?:an?|one|half\s+an?)\s+{_SCALE_WORD}\b)",
    _I,
)
_CUR_PREFIX = re.compile(r"(?<![\w$])(?:US|A|C|NZ|HK|S)$")
_CUR_WORD = (
    r"(?:(?:US|Australian|Canadian|Hong\s+Kong|Singapore|New\s+Zealand)\s+dollars?|dollars?|"
    r"euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|rupees?|(?:Swiss\s+)?francs?|"
    r"roubles?|rubles?|kronor|krona|kroner|krone|pesos?|rand|reais|lira|baht|ringgit|rupiah|"
    r"zloty|dinars|dirhams|riyals|shekels|naira|cents?|pence)"
)
_MONEY_WORD = re.compile(rf"(?P<num>{NUMBER})\s+(?P<cur>{_CUR_WORD})\b(?!-)", _I)
_PENCE = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?p\b(?![.-]\w)")
_PERCENT = re.compile(
    rf"(?P<num>{NUMBER})\s?(?P<sign>%|per\s?cent\b|percent\b|percentage\s+points?\b|pct\b)", _I
)
_ZONE = r"(?:\s?(?-i:GMT|BST|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT)\b)?"
_TIME = re.compile(
    r"(?:(?<![\d:.,])\d{1,2}(?:[:.][0-5]\d)?\s?(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)" + _ZONE +
    r"|(?<![\d:.,])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])" + _ZONE +
    r"|(?<![\d:.,])(?:[01]\d|2[0-3])[0-5]\d(?:\s?(?-i:GMT|BST|UTC|CET|EST|EDT|PST|PDT|hrs)\b)"
    r"|\b(?:noon|midnight|midday)\b"
    rf"|\b(?:{_U}|\d{{1,2}})\s+o['’]clock\b)",
    _I,
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_ISO = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
_MDY = re.compile(rf"(?P<mon>{MONTH_RE})\s+(?P<d>{_DAY})\b(?!:)(?:,?\s+(?P<y>{_YEAR})\b)?")
_DMY = re.compile(rf"(?<![\w.,])(?P<d>{_DAY})\s+(?P<mon>{MONTH_RE})\b(?:,?\s+(?P<y>{_YEAR})\b)?")
_MY = re.compile(rf"(?P<mon>{MONTH_RE})\s+(?P<y>{_YEAR})\b")
_YEAR_RANGE = re.compile(
    rf"(?<![\w$£€¥.,/#])(?<!\d-)(?P<y>{_YEAR})\s?[-–/]\s?(?P<y2>{_YEAR}|\d\d?)(?![\w%/-])"
)
_DECADE = re.compile(r"(?<![\w'’])(?P<y>(?:1[6-9]|20)\d0)['’]?s\b|['’](?P<yy>\d0)s\b|(?<=the )(?P<tt>[2-9]0)s\b")
_CENTURY = re.compile(
    r"(?P<n>\d{1,2})(?:st|nd|rd|th)[- ](?:century|centuries)\b"
    r"|(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty-first|twenty-second)[- ](?:century|centuries)\b",
    _I,
)
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}
_YEAR_ALONE = re.compile(
    r"(?<![\w$£€¥.,/#])(?<!\d-)(?<!\d–)(?<![A-Z]-)(?P<y>1\d\d\d|20\d\d)(?=['’]s\b|[^\w%/'’-]|$)"
)
_FULL_MONTH = re.compile(
    r"(?P<mon>January|February|March|April|June|July|August|September|October|November|December)\b"
)
_MAY_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|of|early|late|last|next|this|during|before|after|"
    r"through|mid|end\s+of|on|for|and|or|to)\s+|\bmid-)$",
    _I,
)
_WEEKDAY = re.compile(r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’]?s\b)")
_WEEKDAY_POSS = re.compile(r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\b")
_NAME_AFTER = re.compile(
    r" (?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|GMT|BST)\b)(?-i:[A-Z][a-z]+)"
)
_DURATION = re.compile(
    rf"(?P<num>{NUMBER}|\ban?)(?P<half>[- ]and[- ]a[- ]half)?[- ]"
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))"
    r"(?:-long)?\b(?![- ]old)(?P<poss>['’]s?(?=\s+worth\b))?",
    _I,
)
_HALF_DURATION = re.compile(r"\bhalf\s+an?\s+(?P<unit>hour|day|year|century|decade|minute)\b", _I)
_LONG = re.compile(r"\b(?P<long>week|year|month|day|decade|hour|night)-?long\b", _I)
_AGE = re.compile(rf"(?P<num>{NUMBER})[- ](?:years?|months?|weeks?|days?)[- ]old\b", _I)
_COUNT = re.compile(rf"(?P<num>{NUMBER})\s+(?P<noun>[A-Za-z][\w'’&-]*(?:\s+[A-Za-z][\w'’&-]*){{0,3}})", _I)
_NOUN_WORD = re.compile(r"[A-Za-z][\w'’&-]*")
_COMPOUND = re.compile(rf"(?P<num>\b(?:{_T}(?:-{_U})?|{_U})|{_DIGITS})-(?P<noun>[A-Za-z]{{3,}})\b(?!-)", _I)
_MULTIPLIER = re.compile(rf"(?P<num>{NUMBER}(?:\s+and\s+a\s+half)?)\s+times\b", _I)
_FRACTION = re.compile(
    rf"(?:(?P<n>\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten))[\s-]+)?"
    rf"(?P<f>\b{_FRACTION_WORD})\b(?!-)",
    _I,
)
_FRACTION_AFTER = re.compile(r"\s+(?:of|the|its|their|his|her|our|your|all)\b", _I)
_MEASURE = re.compile(
    rf"(?P<num>{_DIGITS}(?:\s?{_SCALE_WORD}\b|(?:bn|mn|m|k)(?=[\s-]))?|\b{_WORDNUM}(?:\s+{_SCALE_WORD}\b)*)"
    rf"(?:(?P<glued>{_GLUED_UNITS})|[\s-](?P<word>{_MEASURE_WORDS}))\b(?!-(?:old|year))",
    _I,
)
_SCORE = re.compile(r"(?<![\w.,/-])(?P<a>\d{1,2})-(?P<b>\d{1,2})(?![\w.,/%-])")
_BARE = re.compile(
    rf"{_DIGITS}(?:\s?(?:{_SCALE_WORD}|bn|mn|tn)\b|(?:bn|mn|tn|m|k)\b)?"
    rf"|\b(?:half\s+an?|an?|one)\s+{_SCALE_WORD}\b(?:\s+{_SCALE_WORD}\b)?"
    rf"|(?:\b{_WORDNUM}|\d+|\bhalf\s+an?|\ban?)\s+dozen\b"
    rf"|\b{_WORDNUM}(?:\s+{_SCALE_WORD}\b)*",
    _I,
)
_RATIO_IN = re.compile(
    rf"(?P<a>{NUMBER})(?:\s+(?P<noun>[a-z][\w-]*))?\s+in\s+(?P<b>\b{_U}\b|\b{_T}\b|\d{{1,3}}\b(?![.,]\d))"
    r"(?!\s*[-%$£€\d])",
    _I,
)
_RATIO_IN_NOUN = re.compile(rf"(?P<a>\b{_U}\b|\b{_T}\b|\d{{1,3}}\b(?![.,]\d))\s+in\s+(?P<b>\b{_U}\b|\b{_T}\b|\d{{1,3}}\b(?![.,]\d))", _I)
_DEFINITE_SCALE = re.compile(r"\b(?:first|next|last|another)\s+$", _I)
_PHONE = re.compile(
    r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,5}\)\s?|\d{3,5}[ .-])\d{3,4}[ .-]?\d{3,4}(?!\d)"
)
_SLASHED = re.compile(r"\d{1,4}/\d{1,4}(?:/\d{1,4})?(?![\w/])")
_LIST_MARK = re.compile(r"\d{1,3}[.)](?=\s)")
_ORDINAL_SUFFIX = re.compile(r"(?<![\w.,])\d+(?:st|nd|rd|th)\b", _I)

_PRIORITY: dict[str, int] = {
    "money": 0, "percent": 1, "time": 2, "date": 3, "duration": 4, "count": 5, "number": 6,
}

# --- anchors ------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z]+|\d+|[$£€¥₹₩₽'’]")
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS)
_MONTH_TOKENS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_WEEKDAY_TOKENS = frozenset(w.capitalize() for w in WEEKDAYS)
_AFTER_ARTICLE = frozenset(
    "hundred thousand million billion trillion dozen half third quarter fifth sixth seventh "
    "eighth ninth tenth second minute hour day week fortnight month year decade century".split()
)
_LONG_TOKENS = frozenset("week year month day decade hour night weeklong yearlong monthlong daylong decadelong hourlong nightlong".split())


class _Cand:
    __slots__ = ("kind", "start", "end", "value", "unit", "sub", "core")

    def __init__(self, kind: FigureKind, start: int, end: int, value: object = None,
                 unit: str | None = None, sub: str | None = None) -> None:
        self.kind = kind
        self.start = start
        self.core = start  # the start without a hedge
        self.end = end
        self.value = value
        self.unit = unit
        self.sub = sub

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"_Cand({self.kind}, {self.start}, {self.end}, {self.value!r}, {self.unit!r})"


def _hedge_start(text: str, start: int) -> int | None:
    """Start of a hedge written directly before ``start`` (``more than 5``), if any."""
    m = _HEDGE_BEFORE.search(text, max(0, start - 24), start)
    return m.start() if m else None


def _strip_hedge(text: str) -> str:
    return _HEDGE_PREFIX.sub("", text)


# --- candidates at one anchor -------------------------------------------------------------


def _money_at(text: str, p: int) -> Iterator[_Cand]:
    m = _MONEY_SYM.match(text, p)
    if m:
        start = p
        sym = text[p]
        pre = _CUR_PREFIX.search(text, max(0, p - 2), p)
        if pre and sym == "$":
            start = pre.start()
            sym = pre.group(0) + "$"
        currency = _CURRENCY_SYMBOLS.get(sym.lower(), "USD")
        amount = parse_number(m.group("num"))
        yield _Cand("money", start, m.end(), {"amount": _clean_number(amount), "currency": currency}, currency)
        return
    m = _MONEY_WORD.match(text, p)
    if m and _strip_hedge(m.group("num")).lower() not in ("a", "an"):
        word = re.sub(r"\s+", " ", m.group("cur").lower())
        last = word.split()[-1]
        currency = _CURRENCY_WORDS.get(last, "USD")
        for prefix, code in (("australian", "AUD"), ("canadian", "CAD"), ("hong kong", "HKD"),
                             ("singapore", "SGD"), ("new zealand", "NZD")):
            if word.startswith(prefix):
                currency = code
        amount = parse_number(m.group("num"))
        if amount is not None and last in ("cents", "cent", "pence"):
            amount /= 100
        yield _Cand("money", p, m.end(), {"amount": _clean_number(amount), "currency": currency}, currency)
    m = _PENCE.match(text, p)
    if m:
        amount = parse_number(m.group(0)[:-1])
        yield _Cand("money", p, m.end(),
                    {"amount": _clean_number(amount / 100 if amount is not None else None), "currency": "GBP"},
                    "GBP")


def _percent_at(text: str, p: int) -> Iterator[_Cand]:
    m = _PERCENT.match(text, p)
    if m:
        unit = "pp" if m.group("sign").lower().startswith("percentage") else "%"
        yield _Cand("percent", p, m.end(), _clean_number(parse_number(m.group("num"))), unit)


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
    m = re.match(r"([01]\d|2[0-3])([0-5]\d)\s?[a-z]", t)
    if m:
        return f"{m.group(1)}:{m.group(2)}"
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


def _time_at(text: str, p: int) -> Iterator[_Cand]:
    m = _TIME.match(text, p)
    if m:
        value = _time_value(m.group(0))
        if value is not None:
            yield _Cand("time", p, m.end(), value)


def _date_digits_at(text: str, p: int) -> Iterator[_Cand]:
    m = _ISO.match(text, p)
    if m:
        value = iso_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if value:
            yield _Cand("date", p, m.end(), value, sub="full")
    m = _DMY.match(text, p)
    if m:
        yield from _full_date(m, p)
    m = _YEAR_RANGE.match(text, p)
    if m:
        y1 = int(m["y"])
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
        if y1 < y2 <= y1 + 100:
            yield _Cand("date", p, m.end(), [f"{y1:04d}", f"{y2:04d}"], sub="range")
    m = _DECADE.match(text, p)
    if m:
        value = m["y"] + "s" if m["y"] else f"19{m['yy'] or m['tt']}s"
        yield _Cand("date", p, m.end(), value, "decade", sub="decade")
    m = _CENTURY.match(text, p)
    if m:
        n = int(m["n"]) if m["n"] else _ORDINAL_WORDS[m["w"].lower()]
        yield _Cand("date", p, m.end(), f"{n - 1:02d}", "century", sub="century")
    m = _YEAR_ALONE.match(text, p)
    if m:
        yield _Cand("date", p, p + 4, m["y"], sub="year")


def _full_date(m: re.Match[str], p: int) -> Iterator[_Cand]:
    """A day and month (and maybe a year), as written in either order."""
    value = iso_date(int(m["y"]) if m["y"] else None, month_number(m["mon"]),
                     int(re.sub(r"\D", "", m["d"])))
    if value:
        yield _Cand("date", p, m.end(), value, sub="full")


def _date_month_at(text: str, p: int) -> Iterator[_Cand]:
    m = _MDY.match(text, p)
    if m:
        yield from _full_date(m, p)
    m = _MY.match(text, p)
    if m:
        value = iso_date(int(m["y"]), month_number(m["mon"]), None)
        if value:
            yield _Cand("date", p, m.end(), value, sub="month")
    m = _FULL_MONTH.match(text, p)
    if m:
        yield _Cand("date", p, m.end(), f"--{month_number(m['mon']):02d}", "month", sub="month")
    elif text.startswith("May", p) and re.match(r"May\b", text[p:p + 4]) and \
            _MAY_CONTEXT.search(text, max(0, p - 12), p):
        yield _Cand("date", p, p + 3, "--05", "month", sub="month")


def _date_weekday_at(text: str, p: int) -> Iterator[_Cand]:
    m = _WEEKDAY.match(text, p) or _WEEKDAY_POSS.match(text, p)
    if not m:
        return
    end = m.end("wd")
    # A weekday inside a name: "the Sunday Telegraph", "the Sunday Times".
    if _NAME_AFTER.match(text, end) and re.search(r"\bthe\s+$", text[max(0, p - 5):p], _I):
        return
    yield _Cand("date", p, end, m["wd"].lower(), "weekday", sub="weekday")


_GLUED_DURATION = re.compile(r"(?P<num>\d+(?:\.\d+)?)(?P<unit>secs?|mins?|hrs?)\b", _I)
_GLUED_DURATION_UNITS = {"sec": "second", "secs": "second", "min": "minute", "mins": "minute",
                         "hr": "hour", "hrs": "hour"}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def _duration_at(text: str, p: int) -> Iterator[_Cand]:
    m = _GLUED_DURATION.match(text, p)
    if m:  # "10.04secs", "90mins"
        unit = _GLUED_DURATION_UNITS[m.group("unit").lower()]
        yield _Cand("duration", p, m.end(), _clean_number(parse_number(m.group("num"))), unit)
    m = _DURATION.match(text, p)
    if m:
        num = m.group("num")
        if num.lower() not in ("a", "an") or _hedge_start(text, p) is not None:
            unit = _DURATION_UNITS.get(m.group("unit").lower(), m.group("unit").lower())
            value = parse_number(num)
            if value is not None and m.group("half"):
                value += Fraction(1, 2)
            yield _Cand("duration", p, m.end(), _clean_number(value), unit)
    m = _HALF_DURATION.match(text, p)
    if m:
        yield _Cand("duration", p, m.end(), 0.5, m.group("unit").lower())
    m = _LONG.match(text, p)
    if m:
        yield _Cand("duration", p, m.end(), 1, m.group("long").lower())


def _is_plural(word: str) -> bool:
    if len(word) > 1 and word.isupper():
        return False  # an acronym (CES, BPS); "MPs" is plural
    w = word.lower().strip("'’")
    if w in _IRREGULAR_PLURALS:
        return True
    if w in _NOT_PLURAL or len(w) < 3:
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def _year_like(num: str) -> bool:
    return bool(re.fullmatch(_YEAR, num))


def _count_at(text: str, p: int) -> Iterator[_Cand]:
    m = _COUNT.match(text, p)
    if not m:
        return
    num = m.group("num")
    bare = num.lower()
    if bare in ("one", "a", "an", "zero", "half a", "half an"):
        return
    if re.fullmatch(r"[\d,]+m", num) and any(
            w.lower().strip("'’,.") in _RACE_WORDS for w in m.group("noun").split()[:3]):
        return  # "400m hurdles", "10,000m world records": a distance in metres, not millions
    if _year_like(num) and _hedge_start(text, p) is None and (
            re.match(r"\s+[A-Z]", text[m.start("noun") - 1:m.start("noun") + 1])
            or re.search(r"(?:\b(?:the|a|an|its|his|her|their|our|this|that|whose|in|of)|['’]s"
                         r"|\d{4}\s+(?:and|or|to)|\d{4}\s*[-–])\s*$", text[max(0, p - 12):p], _I)):
        return  # "the 2005 elections", "2003 London races": a year, not a count
    chosen_end = None
    unit_words: list[str] = []
    taken: list[str] = []
    noun_start = m.start("noun")
    for w in _NOUN_WORD.finditer(m.group("noun")):
        word = w.group(0)
        low = word.lower().strip("'’")
        if low in _STOP or low in _DURATION_UNITS or low in _MEASURES:
            break
        if low.endswith(("'s", "’s")) or low.endswith("-old"):
            break
        if month_number(low) or low in WEEKDAYS or low in _NUMBER_WORDS or low[0].isdigit():
            break
        if re.fullmatch(r"[a-z]+ly", word):
            break  # adverbs end the noun phrase ("125 schools statewide" keeps going)
        if chosen_end is not None and re.fullmatch(r"[a-z]+(?:ed|ing)", word):
            break  # a verb after the head noun: "120,000 professionals attended CES"
        taken.append(word)
        if _is_plural(word):
            chosen_end = noun_start + w.end()
            unit_words = list(taken)
    if chosen_end is None:
        return
    value = parse_number(num)
    if value is None:
        return
    yield _Cand("count", p, chosen_end, _clean_number(value), " ".join(unit_words))


def _numbers_at(text: str, p: int) -> Iterator[_Cand]:
    m = _AGE.match(text, p)
    if m:
        yield _Cand("number", p, m.end(), _clean_number(parse_number(m.group("num"))), "years old")
    m = _COMPOUND.match(text, p)
    if m:
        noun = m.group("noun").lower()
        num = m.group("num")
        if num.lower() != "one" and noun not in _DURATION_UNITS and noun not in _UNITS \
                and noun not in _TENS and noun not in _FRACTIONS and noun not in _CURRENCY_WORDS \
                and not noun.startswith(("year", "month", "week", "day", "hour")):
            kind: FigureKind = "number" if noun in _MEASURES else "count"
            yield _Cand(kind, p, m.end(), _clean_number(parse_number(num)), noun)
    m = _MULTIPLIER.match(text, p)
    if m and m.group("num").lower() not in ("a", "an"):
        yield _Cand("number", p, m.end(), _clean_number(parse_number(m.group("num"))), "times")
    m = _MEASURE.match(text, p)
    if m and not (m.group("glued") and m.group("glued").lower() == "m" and "." in m.group("num")):
        unit = m.group("glued") or m.group("word")
        value = parse_number(m.group("num"))
        yield _Cand("number", p, m.end(), _clean_number(value), unit)
    m = _SCORE.match(text, p)
    if m and not _NAME_AFTER.match(text, m.end()):
        yield _Cand("number", p, m.end(), [int(m["a"]), int(m["b"])], "score")
    m = _FRACTION.match(text, p)
    if m:
        f = m.group("f").lower()
        n = (m.group("n") or "").lower()
        hedged = _hedge_start(text, p) is not None
        after_of = bool(_FRACTION_AFTER.match(text, m.end()))
        ok = False
        if f.startswith("hal"):
            ok = not n and (hedged or after_of) and not re.search(
                r"\b(?:the|a|an|first|second|other|this|that|each)\s+$", text[max(0, p - 8):p], _I)
        elif n:
            ok = hedged or after_of or "-" in m.group(0)  # "a third of", "two-thirds"
        if ok:
            yield _Cand("number", p, m.end(), _clean_number(parse_number(m.group(0))), "fraction")
    m = _RATIO_IN.match(text, p)
    if m:
        # "one household in three", "one in five": a ratio, not two numbers
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        noun = m.group("noun")
        nxt = re.match(r"\s+([A-Za-z][\w'’-]*)", text[m.end():m.end() + 30])
        followed_by_noun = bool(nxt) and (_is_plural(nxt.group(1)) or nxt.group(1).lower() in _DURATION_UNITS
                                         or nxt.group(1).lower() in _MEASURES)
        if a and b and 0 < a < b and not _year_like(m.group("a")) and not followed_by_noun and (
                noun is None or (noun.lower() not in _STOP and noun.lower() not in _DURATION_UNITS
                                 and noun.lower() not in _MEASURES)):
            yield _Cand("count" if noun else "number", p, m.end(),
                        {"part": _clean_number(a), "whole": _clean_number(b)}, noun)
    m = _RATIO_IN_NOUN.match(text, p)
    if m:
        # "one in five European workers": the ratio and what it counts
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a and b and 0 < a < b and not _year_like(m.group("a")):
            for c in _count_at(text, m.start("b")):
                yield _Cand("count", p, c.end, {"part": _clean_number(a), "whole": _clean_number(b)}, c.unit)
    m = _BARE.match(text, p)
    if m:
        t = m.group(0)
        low = t.lower()
        after = re.match(r"-([A-Za-z]+)", text[m.end():m.end() + 12])
        if low in ("one", "zero") or (after and after.group(1).lower() not in _NUMBER_WORDS):
            return  # pronoun "one"; "two-way", "one-off" (compounds are matched whole or not at all)
        end = m.end()
        value: object = _clean_number(parse_number(t))
        unit = None
        if re.search(r"\dm$", t, _I) and "." not in t:
            # "800m", "1500m": metres; "1.5m": a million
            value, unit = _clean_number(parse_number(t[:-1])), "m"
        yield _Cand("number", p, end, value, unit)


# --- anchors ------------------------------------------------------------------------------


def _candidates(text: str) -> Iterator[_Cand]:
    tokens = list(_TOKEN.finditer(text))
    n = len(tokens)
    for i, tok in enumerate(tokens):
        s = tok.group(0)
        p = tok.start()
        c0 = s[0]
        if c0.isdigit():
            if p > 0 and text[p - 1] in ".,:" and p > 1 and text[p - 2].isdigit():
                continue  # inside a number already anchored
            if p > 0 and text[p - 1].isdigit():
                continue
            if p > 0 and text[p - 1] in "$£€¥₹₩₽" or text[max(0, p - 2):p] in ("$ ", "£ ", "€ "):
                continue  # the amount of a money figure anchored at its symbol
            yield from _money_at(text, p)
            yield from _percent_at(text, p)
            yield from _time_at(text, p)
            yield from _date_digits_at(text, p)
            yield from _duration_at(text, p)
            yield from _count_at(text, p)
            yield from _numbers_at(text, p)
            continue
        if c0 in "$£€¥₹₩₽":
            yield from _money_at(text, p)
            continue
        if c0 in "'’":
            if i + 1 < n and tokens[i + 1].start() == p + 1:
                m = _DECADE.match(text, p)
                if m and m.group("yy"):
                    yield _Cand("date", p, m.end(), f"19{m['yy']}s", "decade", sub="decade")
            continue
        low = s.lower()
        if s in _MONTH_TOKENS:
            yield from _date_month_at(text, p)
            continue
        if s in _WEEKDAY_TOKENS:
            yield from _date_weekday_at(text, p)
            continue
        if low in ("noon", "midnight", "midday"):
            if s.islower() or _sentence_start(text, p):  # not "Jamie Noon", "Midnight Express"
                yield from _time_at(text, p)
            continue
        if low in _DECADE_WORDS and text[max(0, p - 4):p].lower() == "the ":
            # "in the seventies"
            yield _Cand("date", p, tok.end(), f"19{_DECADE_WORDS[low]}0s", "decade", sub="decade")
            continue
        if low in _LONG_TOKENS:
            yield from _duration_at(text, p)
            continue
        if low in _ORDINAL_WORDS or low == "twenty" and text.startswith("-", tok.end()):
            m = _CENTURY.match(text, p)
            if m:
                w = _ORDINAL_WORDS.get(m["w"].lower()) if m["w"] else None
                if w:
                    yield _Cand("date", p, m.end(), f"{w - 1:02d}", "century", sub="century")
                continue
        if low in ("million", "billion", "thousand") and _DEFINITE_SCALE.search(text, max(0, p - 10), p):
            yield _Cand("number", p, tok.end(), _SCALES[low])  # "the first million sold"
            continue
        if low in _NUMBER_WORDS or low == "half" or (
                low in ("a", "an") and i + 1 < n and tokens[i + 1].group(0).lower().rstrip("s") in _AFTER_ARTICLE):
            yield from _money_at(text, p)
            yield from _percent_at(text, p)
            yield from _time_at(text, p)
            yield from _duration_at(text, p)
            yield from _count_at(text, p)
            yield from _numbers_at(text, p)


# --- filters ------------------------------------------------------------------------------

_IDENT_AFTER = re.compile(
    r"-?(?!(?:bn|mn|tn|m|k|s|p|am|pm|st|nd|rd|th|" + _GLUED_UNITS + r")\b)[A-Za-z]"
)
_IDENT_HYPHEN_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z]*|\b[A-Z]{1,6})-$")
_CAP_LABEL = re.compile(r"(?:^|(?<=[\s(\"“]))(?P<w>[A-Z][\w'’.-]*)\s$")


def _sentence_start(text: str, p: int) -> bool:
    before = text[max(0, p - 4):p].rstrip(" \t")
    if not before or before[-1] in ".!?:;\n\"“‘(-–—":
        return True
    return before[-1] == "'" and (len(before) < 2 or before[-2] in " \n")  # an opening quote


def _identifier(text: str, c: _Cand) -> bool:
    """Digits or number words that belong to a name or code rather than a quantity."""
    body = text[c.start:c.end]
    first_digit = re.search(r"\d", body)
    if first_digit:
        d0 = c.start + first_digit.start()
        before = text[max(0, d0 - 12):d0]
        # Letters glued to the digits: G7, MP3, A380; COVID-19, K-8, F-35.
        if before and (before[-1].isalpha() or before[-1] in "#№"):
            return True
        if _IDENT_HYPHEN_BEFORE.search(before):
            return True
        if c.kind in ("number", "date", "count") and c.unit not in ("score",) and \
                _IDENT_AFTER.match(text, c.end) and not text[c.end:c.end + 1].isspace() and \
                c.kind != "count":
            return True
        # Slashed (24/7, 9/11) and version-like (2.0.1) numbers.
        if text[c.end:c.end + 1] == "/" and text[c.end + 1:c.end + 2].isdigit():
            return True
        if d0 > 0 and text[d0 - 1] == "/" and text[d0 - 2:d0 - 1].isdigit():
            return True
        if re.match(r"\.\d", text[c.end:c.end + 2]):
            return True
    elif re.match(r"[A-Z][a-z]", body) and body.split()[0].lower().split("-")[0] in _NUMBER_WORDS \
            and not _sentence_start(text, c.start):
        return True  # a capitalised number word inside a sentence: "the Three Gorges Dam", "Six Nations"
    window = text[max(0, c.start - 24):c.start]
    if (c.kind == "number" and c.unit in (None, "times")) or c.kind == "count":
        # A label before a bare number: Level 1, Radio 4, BBC Two, Spider-Man 2; before a
        # count only inside a sentence and not a possessive: "our Hot 100 books chart".
        m = _CAP_LABEL.search(window)
        if m and m.group("w").endswith(".") and m.group("w").lower() not in ("no.", "vol."):
            m = None  # the end of the previous sentence, not a label
        if m and body[:1].islower():
            m = None  # labels carry digits or a capitalised number: "Radio 4", "BBC Two"; not "Dein three times"
        if m and (c.kind != "count" or (
                not _sentence_start(text, c.start - len(m.group(0)))
                and not m.group("w").endswith(("'s", "’s", "'", "’")))):
            w = m.group("w").rstrip(".").lower()
            if w not in _STOP and not month_number(w) and w not in WEEKDAYS and \
                    not _HEDGE_PREFIX.match(w + " ") and w not in ("aged", "only", "just", "exactly"):
                return True
    if c.kind == "number" and c.unit in (None, "times"):
        # Lower-case label words: top 10, day 3, page 5.
        m = re.search(r"\b([A-Za-z.]+)\s$", window)
        if m and m.group(1).lower() in _LABEL_WORDS:
            return True
    return False


def _blocked(text: str) -> bytearray:
    """Characters inside phone numbers, list markers and ordinals (``25th``)."""
    mask = bytearray(len(text) + 1)
    for m in re.finditer(r"\d", text):
        p = m.start()
        if p > 0 and text[p - 1].isdigit():
            continue
        for pat in (_PHONE, _ORDINAL_SUFFIX):
            mm = pat.match(text, p)
            if mm:
                mask[mm.start():mm.end()] = b"\x01" * (mm.end() - mm.start())
        mm = _SCORE.match(text, p)
        if mm and _NAME_AFTER.match(text, mm.end()):
            mask[p:mm.end()] = b"\x01" * (mm.end() - p)  # "the 9-11 Commission": a name
        mm = _LIST_MARK.match(text, p)
        if mm:
            # At a line start after at most a little indentation (bounded look-back: a
            # search to the line start would be quadratic on a megabyte-long line).
            lead = text[max(0, p - 12):p]
            nl = lead.rfind("\n")
            if (nl >= 0 or p <= 12) and not lead[nl + 1:].strip():
                mask[p:mm.end()] = b"\x01" * (mm.end() - p)
    return mask


# --- joins --------------------------------------------------------------------------------

_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*", _I)
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:(?:the|their|its|his|her|our|every|all)\s+)?", _I)


def _scalar(v: object) -> bool:
    return isinstance(v, (int, float)) or v is None


def _amount(v: object) -> object:
    return v.get("amount") if isinstance(v, dict) else v


_CHANGE_BEFORE = re.compile(
    r"\b(?:by|rose|rise[sn]?|fell|fall(?:s|en)?|gained|gains?|lost|loses?|climbed|climbs?|"
    r"dropped|drops?|jumped|jumps?|slipped|slips?|slumped|surged|soared|increased|decreased|"
    r"declined|grew|shrank|added|shed|edged|eased|up|down)\s+$",
    _I,
)


def _can_join(text: str, p: _Cand, f: _Cand, joiner: str) -> bool:
    if isinstance(_amount(p.value), list) or isinstance(_amount(f.value), list):
        return False
    if joiner == "and" and re.search(r",\s*$", text[max(0, p.start - 2):p.start]):
        return False  # "1992, 1997 and 2001": a list, not a range
    if joiner == "to" and _CHANGE_BEFORE.search(text[max(0, p.start - 12):p.start]):
        return False  # "rise by $19bn to $419.3bn", "rose $1.64 to $47.10": a change and a new level
    if p.kind == "number" and p.unit in (None, "years old") and _scalar(p.value) and \
            f.kind in ("count", "percent", "duration", "money", "number") and \
            (p.unit is None or f.kind == "number"):
        scale = re.search(r"(?:bn|mn|m|k|hundred|thousand|million|billion|trillion)$", text[p.start:p.end], _I)
        # "15 and 22 points", "0.7-0.8%", "10 to 13", "two-three years"; not "11.9m and 49.2%"
        return scale is None or scale.group(0).lower() in text[f.start:f.end].lower()
    if p.kind == "number" and p.unit is None and f.kind == "date" and f.sub == "full" and \
            isinstance(p.value, int) and 1 <= p.value <= 31 and re.match(r"\d", text[f.start]):
        return True  # "6 to 9 January"
    if p.kind == "date" and p.sub == "full" and f.kind == "number" and f.unit is None and \
            isinstance(f.value, int) and 1 <= f.value <= 31 and re.search(r"\d$", text[p.start:p.end]) and \
            isinstance(p.value, str) and not re.search(r"\d{4}$", text[p.start:p.end]):
        return True  # "February 16 and 17"
    if p.kind != f.kind:
        return False
    if p.kind == "time":
        return True
    if p.kind == "date":
        return p.sub == f.sub and p.sub in ("year", "weekday", "month", "full", "decade")
    return p.unit == f.unit


def _join(text: str, figs: list[_Cand]) -> list[_Cand]:
    """Ratios, ranges, composite durations and dimensions become one figure each."""
    out: list[_Cand] = []
    for f in figs:
        if out:
            p = out[-1]
            gap = text[p.end:f.start]
            # "two out of 16 principal dancers"
            if p.kind == "number" and p.unit is None and _scalar(p.value) and \
                    f.kind in ("count", "number") and _OUT_OF.fullmatch(gap):
                out[-1] = _Cand(f.kind, p.start, f.end, {"part": p.value, "whole": f.value}, f.unit)
                continue
            # "four minutes 14.74 seconds", "two hours and 30 minutes"
            if p.kind == f.kind == "duration" and p.unit != f.unit and \
                    re.fullmatch(r"\s+(?:and\s+)?", gap) and p.unit in _SECONDS and f.unit in _SECONDS \
                    and _SECONDS[p.unit] > _SECONDS[f.unit] and _scalar(p.value) and _scalar(f.value):
                total = Fraction(p.value or 0) * _SECONDS[p.unit] / _SECONDS[f.unit] + Fraction(f.value or 0)
                out[-1] = _Cand("duration", p.start, f.end, _clean_number(total), f.unit)
                continue
            # "12cm by 7.4cm"
            if p.kind == f.kind == "number" and p.unit and p.unit == f.unit and \
                    re.fullmatch(r"\s+by\s+", gap, _I):
                out[-1] = _Cand("number", p.start, f.end, [p.value, f.value], f.unit)
                continue
            jm = _JOIN.fullmatch(gap)
            if jm and len(gap) <= 6 and _can_join(text, p, f, gap.strip().lower()):
                lo, hi = _amount(p.value), _amount(f.value)
                if p.kind == "number" and f.kind == "date" and isinstance(hi, str):
                    lo = hi[:-2] + f"{lo:02d}"  # "6 to 9 January": the same month
                if p.kind == "date" and f.kind == "number" and isinstance(lo, str):
                    hi = lo[:-2] + f"{hi:02d}"  # "February 16 and 17"
                    out[-1] = _Cand("date", p.start, f.end, [lo, hi], None, "full")
                    continue
                value: object = [lo, hi]
                if isinstance(f.value, dict):
                    value = {"amount": [lo, hi], "currency": f.value.get("currency")}
                # a hedge does not spread over a pair: "titles over 1500m and 5,000m"
                start = p.core if gap.strip().lower() == "and" else p.start
                out[-1] = _Cand(f.kind, start, f.end, value, f.unit, f.sub)
                continue
        out.append(f)
    return out


# --- extraction ---------------------------------------------------------------------------

_HEDGED_KINDS = frozenset(("money", "percent", "duration", "count", "number"))


EXTRACT_CHUNK = 50_000
"""Long texts are scanned in chunks of about this many characters, cut at a line break
(or failing that a sentence end), so no single regex call holds the interpreter lock
for long: the app's interface thread keeps running while a huge document is analysed."""


def extract(text: str) -> tuple[Figure, ...]:
    """All figures in ``text``, in order, non-overlapping."""
    if len(text) <= EXTRACT_CHUNK:
        return _extract(text)
    out: list[Figure] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + EXTRACT_CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + EXTRACT_CHUNK // 2, end)
            if cut < 0:
                cut = text.rfind(". ", start + EXTRACT_CHUNK // 2, end)
                cut = cut + 1 if cut >= 0 else text.rfind(" ", start, end)
            end = cut if cut > start else end
        for f in _extract(text[start:end]):
            out.append(Figure(f.kind, f.start + start, f.end + start, f.text, f.value, f.unit))
        start = end
    return tuple(out)


def _extract(text: str) -> tuple[Figure, ...]:
    cands = list(_candidates(text))
    if not cands:
        return ()
    for c in cands:
        if c.kind in _HEDGED_KINDS:
            h = _hedge_start(text, c.start)
            if h is not None:
                c.core, c.start = c.start, h
    blocked = _blocked(text)
    chosen: list[_Cand] = []
    taken = bytearray(len(text) + 1)
    cands.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.kind], c.start))
    for c in cands:
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        if c.kind != "date" and any(blocked[c.start:c.end]):
            continue
        if _identifier(text, c):
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    chosen.sort(key=lambda c: c.start)
    merged = _join(text, chosen)
    return tuple(
        Figure(c.kind, c.start, c.end, text[c.start:c.end], c.value, c.unit) for c in merged
    )
