"""Huge and odd numbers never make invalid JSON, in any output format.

Every format is rendered from the same analyses the CLI makes; JSON is read back by a
strict parser (no ``NaN``/``Infinity``), every output must encode as UTF-8, and whole
numbers keep their exact value: a JSON number up to 2**53 - 1, a string of digits past
it, ``null`` past ``MAX_DIGITS`` digits (the figure's ``text`` still says what was written).
"""

from __future__ import annotations

import io
import json
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.console import Console

from briefing.core.analyze import analyze
from briefing.core.clean import clean
from briefing.core.figures import MAX_DIGITS
from briefing.core.model import Settings
from briefing.core.overview import overview
from briefing.render import digest as digest_render
from briefing.render.formats import SAFE_INTEGER, WRITERS
from tests.conftest import run_cli


def strict_loads(text: str) -> object:
    def reject(constant: str) -> object:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=reject)


DIGIT_RUN = st.one_of(
    st.integers(min_value=1, max_value=60).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n)),
    st.integers(min_value=300, max_value=420).map(lambda n: "9" * n),
    st.sampled_from([str(2**53 - 1), str(2**53), str(2**53 + 1), "1" + "0" * (MAX_DIGITS + 1)]),
)
EXPONENT = st.builds(lambda m, sign, e: f"{m}e{sign}{e}", st.sampled_from(["1", "1.5", "9", "12"]),
                     st.sampled_from(["", "+", "-"]), st.integers(min_value=0, max_value=99999))
MIXED = st.one_of(
    st.builds(lambda d: f"${d} million", DIGIT_RUN),
    st.builds(lambda d: f"£{d}bn", DIGIT_RUN),
    st.builds(lambda d: f"{d}%", DIGIT_RUN),
    st.builds(lambda d: f"{d}.5 trillion", DIGIT_RUN),
    st.builds(lambda d, e: f"${d}.{e}", DIGIT_RUN, DIGIT_RUN),
    st.builds(lambda d: f"{d} to {d}9 people", DIGIT_RUN),
    st.builds(lambda d: f"{d} hours and 30 minutes", DIGIT_RUN),
    st.builds(lambda d: ",".join([d[:3] or "1"] + ["000"] * 200), DIGIT_RUN),
    st.builds(lambda e: f"${e}", EXPONENT),
    st.just("one trillion " + "trillion " * 400 + "dollars"),
)
NUMBER = st.one_of(DIGIT_RUN, EXPONENT, MIXED)


def check_value(value: object) -> None:
    """Numbers in values are finite, and whole ones exact (see the module docstring)."""
    if isinstance(value, dict):
        for v in value.values():
            check_value(v)
    elif isinstance(value, list):
        for v in value:
            check_value(v)
    elif isinstance(value, int) and not isinstance(value, bool):
        assert -SAFE_INTEGER <= value <= SAFE_INTEGER
    elif isinstance(value, float):
        assert value == value and abs(value) != float("inf")


def render_all(text: str) -> dict[str, str]:
    doc = clean(text, path="huge.txt")
    a = analyze(doc, Settings())
    out: dict[str, str] = {}
    for mode in ("summary", "figures"):
        for name, cls in WRITERS.items():
            buf = io.StringIO()
            console = Console(file=buf, no_color=True, color_system=None, highlight=False, emoji=False,
                              markup=False, width=10_000)
            w = cls(stream=buf, console=console, mode=mode)
            w.begin()
            w.write(a)
            w.end()
            out[f"{mode}-{name}"] = buf.getvalue()
    ov = overview([a, a])
    out["digest-json"] = digest_render.json_text(ov)
    buf = io.StringIO()
    digest_render.write_markdown(ov, buf)
    out["digest-markdown"] = buf.getvalue()
    buf = io.StringIO()
    digest_render.write_text(ov, buf, Console(file=buf, no_color=True, color_system=None, width=10_000), False)
    out["digest-text"] = buf.getvalue()
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(NUMBER, min_size=1, max_size=4))
@example(["9" * 400, "1e400"])
def test_every_format_is_valid_with_any_number(numbers: list[str]) -> None:
    body = " ".join(f"The report counted {n} people on Friday, 3 June 2021, at a cost of {n}." for n in numbers)
    outputs = render_all(f"Huge numbers\n\n{body}\n")
    for name, out in outputs.items():
        out.encode("utf-8")  # every output is valid UTF-8 (no lone surrogates)
        assert "Infinity" not in out and "NaN" not in out and "inf " not in out, name
        if name.endswith("-jsonl") or name.endswith("-json"):
            lines = out.splitlines() if name.endswith("-jsonl") else [out]
            for line in lines:
                parsed = strict_loads(line)
                records = parsed if isinstance(parsed, list) else [parsed]
                for rec in records:
                    for f in rec.get("figures", []) if isinstance(rec, dict) else []:
                        check_value(f["value"])
                        assert rec["text"][f["start"]:f["end"]] == f["text"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DIGIT_RUN)
def test_whole_numbers_keep_their_exact_value(digits: str) -> None:
    out = render_all(f"Counted\n\nOfficials counted {digits} people.\n")
    rec = strict_loads(out["figures-jsonl"])
    assert isinstance(rec, dict)
    counts = [f for f in rec["figures"] if f["text"].endswith("people")]
    n = int(digits) if len(digits) <= MAX_DIGITS else None
    if n is None:
        assert all(f["value"] is None for f in rec["figures"] if re.fullmatch(r"\d+", f["text"]))
        return
    assert len(counts) == 1 or n in (0, 1)
    for f in counts:
        assert f["value"] == (n if n <= SAFE_INTEGER else str(n))


def test_the_cli_prints_strict_json_for_huge_numbers(tmp_path) -> None:
    doc = tmp_path / "huge.txt"
    doc.write_text(f"Huge\n\nThe debt was ${'9' * 400} million, owed by {'1' * 30} people. It grew 1e400 times.\n")
    for command in ("summarize", "figures"):
        proc = run_cli(command, "--format", "jsonl", str(doc))
        assert proc.returncode == 0, proc.stderr
        rec = strict_loads(proc.stdout.decode("utf-8"))
        assert isinstance(rec, dict)
        values = [f["value"] for f in rec["figures"]]
        assert {"amount": "9" * 400 + "000000", "currency": "USD"} in values
        assert "1" * 30 in values
