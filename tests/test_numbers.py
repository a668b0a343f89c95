"""selon.extract.numbers: French number expressions to values (no spaCy model needed)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from selon.extract.numbers import NumberReader, Reading, parse_number, read_quantity
from selon.lang.schema import Fractions, Numbers, Vague

FR = NumberReader.for_language("fr")
GROUP_MARKS = [" ", "\u00a0", "\u202f", ".", "'", "’"]


def french_int(n: int, mark: str) -> str:
    """``n`` written with ``mark`` between groups of three digits (260 000, 260.000 …)."""
    s = str(n)
    groups = []
    while s:
        groups.append(s[-3:])
        s = s[:-3]
    return mark.join(reversed(groups))


# -- digits ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, value",
    [
        ("260 000", 260000),
        ("260\u00a0000", 260000),
        ("260\u202f000", 260000),
        ("260.000", 260000),
        ("50'000", 50000),
        ("50’000", 50000),
        ("1.975.000", 1975000),
        ("1,5", 1.5),
        ("7,5", 7.5),
        ("22,7", 22.7),
        ("1.200,50", 1200.5),
        ("1,200", 1.2),  # French decimal comma, not an English thousand
        ("1200", 1200),
        ("0,5", 0.5),
    ],
)
def test_digits(text, value):
    got = FR.digits(text)
    assert got == value
    assert type(got) is type(value)  # ints stay ints, decimals are floats


@pytest.mark.parametrize("text", ["06", "007", "1.20.300", "12,3,4", "", "abc", "9" * 500, "1" * 16])
def test_digits_that_are_not_quantities(text):
    assert FR.digits(text) is None


@pytest.mark.parametrize(
    "text, groups",
    [("15 000", (15, 1)), ("9.000", (9, 1)), ("1\u202f250\u202f000", (1, 2)), ("50'000", (50, 1)),
     ("15000", None), ("15", None), ("15 000,5", None), ("1,5", None)],
)
def test_thousands_of_a_grouped_whole_number(text, groups):
    """The leading group and the groups after it, for « 10 à 15 000 » ranges; None unless grouped."""
    assert FR.thousands(text) == groups


def test_integral_values_are_ints():
    assert parse_number("1,5 million") == 1500000
    assert isinstance(parse_number("1,5 million"), int)
    assert isinstance(parse_number("1,0"), int)
    assert isinstance(parse_number("1,4"), float)


# -- whole expressions -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, low, high, qualifier",
    [
        ("1,5 million", 1500000, 1500000, "exact"),
        ("3 milliards", 3000000000, 3000000000, "exact"),
        ("2,3 milliards", 2300000000, 2300000000, "exact"),
        ("12 %", 12, 12, "exact"),
        ("12%", 12, 12, "exact"),
        ("trois", 3, 3, "exact"),
        ("deux cent soixante mille", 260000, 260000, "exact"),
        ("Septante-six", 76, 76, "exact"),
        ("nonante-neuf", 99, 99, "exact"),
        ("Quarante", 40, 40, "exact"),
        ("vingt et un", 21, 21, "exact"),
        ("trois millions", 3000000, 3000000, "exact"),
        ("une dizaine", 10, 10, "about"),
        ("une vingtaine", 20, 20, "about"),
        ("une trentaine", 30, 30, "about"),
        ("une quinzaine", 15, 15, "about"),
        ("une cinquantaine", 50, 50, "about"),
        ("une centaine", 100, 100, "about"),
        ("un millier", 1000, 1000, "about"),
        ("une dizaine de milliers", 10000, 10000, "about"),
        ("des centaines", 200, 999, "vague"),
        ("des milliers", 2000, 9999, "vague"),
        ("plusieurs dizaines", 20, 99, "vague"),
        ("des dizaines", 20, 99, "vague"),
        ("des dizaines de milliers", 20000, 99999, "vague"),
        ("des centaines de milliers", 200000, 999999, "vague"),
        ("plusieurs millions", 2000000, 9999999, "vague"),
        ("quelques centaines", 200, 999, "vague"),
        ("plusieurs centaines", 200, 999, "vague"),
        ("quelques milliers", 2000, 9999, "vague"),
        ("des tonnes", 2, None, "vague"),
        ("la moitié", 0.5, 0.5, "exact"),
        ("les trois quarts", 0.75, 0.75, "exact"),
        ("les deux tiers", 0.6667, 0.6667, "exact"),
        ("un quart", 0.25, 0.25, "exact"),
    ],
)
def test_read(text, low, high, qualifier):
    assert read_quantity(text) == Reading(low, high, qualifier)


@pytest.mark.parametrize(
    "text",
    ["plusieurs", "quelques", "de nombreux", "une poignée", "beaucoup", "10^400", "11h30", "3/4", "", "   "],
)
def test_words_without_a_number_read_as_none(text):
    assert read_quantity(text) is None


def test_absurd_input_never_raises():
    for text in ["9" * 500, "10^400", "1" + " 000" * 300, "deux " * 200, "un" * 1000, "\u00a0" * 10, "1e400"]:
        r = read_quantity(text)
        assert r is None or (r.low is None or abs(r.low) < 10**20)


def test_wrong_type_is_a_type_error():
    with pytest.raises(TypeError):
        FR.read(12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        FR.digits(None)  # type: ignore[arg-type]


def test_reader_uses_the_pack_not_hard_coded_words():
    # A reader built from an empty table knows no words at all: the words come from the pack.
    empty = Numbers(
        group_marks=(), decimal_mark=",", max_digits=15, unit_marks=(), words=(), and_word="", and_followers=(),
        indefinite=(), only_words=(), partitive=(), fraction_of=(), multipliers={}, approximate={},
        vague_plurals={}, vague_highs={}, vague=Vague((), (), (), 2, ()), fractions=Fractions({}, (), (), 4, ()),
    )
    bare = NumberReader(empty, "fr")
    assert bare.read("une dizaine") is None
    assert bare.read("des centaines") is None
    assert FR.read("une dizaine") is not None


# -- property-based: print a value in each French format, read it back --------------------------
@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1000, max_value=10**12), mark=st.sampled_from(GROUP_MARKS))
@example(n=260000, mark="\u202f")
@example(n=50000, mark="'")
def test_grouped_integers_round_trip(n, mark):
    assert parse_number(french_int(n, mark)) == n


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**14))
def test_plain_integers_round_trip(n):
    assert parse_number(str(n)) == n


@settings(max_examples=200, deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=10**9),
    frac=st.integers(min_value=1, max_value=999),
    mark=st.sampled_from([*GROUP_MARKS, None]),
)
def test_decimal_comma_round_trip(whole, frac, mark):
    frac_text = str(frac).rjust(3, "0").rstrip("0")
    whole_text = str(whole) if mark is None else french_int(whole, mark)
    expected = Decimal(f"{whole}.{frac_text}")
    got = parse_number(f"{whole_text},{frac_text}")
    assert got == float(expected)
    assert isinstance(got, float)


@settings(max_examples=200, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=999),
    tenths=st.integers(min_value=0, max_value=9),
    word=st.sampled_from(
        [("million", 10**6), ("millions", 10**6), ("milliard", 10**9), ("milliards", 10**9)]
    ),
    space=st.sampled_from([" ", "\u00a0"]),
)
def test_millions_round_trip(whole, tenths, word, space):
    name, scale = word
    text = f"{whole},{tenths}{space}{name}" if tenths else f"{whole}{space}{name}"
    expected = Decimal(f"{whole}.{tenths}") * scale
    got = parse_number(text)
    assert got == int(expected)
    assert isinstance(got, int)


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=0, max_value=100), sign=st.sampled_from(["%", " %", "\u00a0%"]))
def test_percent_round_trip(n, sign):
    assert parse_number(f"{n}{sign}") == n


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 .,'’\u00a0\u202f^e-+/", max_size=60))
def test_any_digit_soup_reads_or_returns_none(text):
    r = read_quantity(text)
    assert r is None or isinstance(r, Reading)
