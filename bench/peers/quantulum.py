"""quantulum3: quantities with units; currencies -> money, percentages -> percent, time units ->
duration, everything else (dimensionless, lengths, ...) -> number. It does no dates."""

from __future__ import annotations

import warnings

from peers import Prediction, longest_first

_MONEY_WORDS = ("dollar", "pound sterling", "euro", "penny", "cent", "yen", "yuan", "franc",
                "rupee", "rouble", "krona", "krone", "peso", "rand", "real")


def _kind(q) -> str:
    name = q.unit.name.lower()
    entity = q.unit.entity.name.lower()
    if name in ("percentage", "percent"):
        return "percent"
    if entity == "currency" or any(w in name for w in _MONEY_WORDS):
        return "money"
    if entity == "time":
        return "duration"
    return "number"


def predict(text: str) -> list[Prediction]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        quantities = parser.parse(text)
    return longest_first((q.span[0], q.span[1], _kind(q)) for q in quantities)
