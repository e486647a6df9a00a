"""Microsoft Recognizers-Text (recognizers-text-suite), English culture: numbers, percentages,
currency, dimensions, ages and date-times, mapped to briefing's kinds."""

from __future__ import annotations

from peers import Prediction, longest_first

_DATETIME = {
    "date": "date", "daterange": "date", "datetime": "date", "datetimerange": "date",
    "set": "date", "time": "time", "timerange": "time", "duration": "duration",
}


def _kind(type_name: str) -> str | None:
    if type_name.startswith("datetimeV2."):
        return _DATETIME.get(type_name.split(".", 1)[1])
    return {"currency": "money", "percentage": "percent", "dimension": "number",
            "age": "number", "temperature": "number", "number": "number"}.get(type_name)


def predict(text: str) -> list[Prediction]:
    from recognizers_suite import (Culture, recognize_age, recognize_currency,
                                   recognize_datetime, recognize_dimension, recognize_number,
                                   recognize_percentage, recognize_temperature)

    out = []
    for recognize in (recognize_datetime, recognize_currency, recognize_percentage,
                      recognize_dimension, recognize_age, recognize_temperature,
                      recognize_number):
        for r in recognize(text, Culture.English):
            kind = _kind(r.type_name)
            if kind is not None:
                out.append((r.start, r.end + 1, kind))  # Recognizers' end is inclusive
    return longest_first(out)
