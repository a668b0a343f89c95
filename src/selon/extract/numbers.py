"""Number expressions to values: pure functions over strings, driven by a language pack.

    >>> reader = NumberReader.for_language("fr")
    >>> reader.value("260 000"), reader.value("1,5 million"), reader.value("Septante-six")
    (260000, 1500000, 76)
    >>> reader.read("des dizaines de milliers")
    Reading(low=20000, high=99999, qualifier='vague')

A :class:`NumberReader` knows one language's conventions (group and decimal marks, number
words, multipliers, approximate and vague nouns, fractions) from the pack's ``[numbers]``
table; the code itself names no word of any language. Values are ``int`` when integral and
``float`` otherwise; anything that is not a sensible quantity (a 500-digit run, ``10^400``,
a phone number) reads as ``None``, never an exception.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from text_to_num import text2num

from selon.lang.pack import fold, folded, load_pack
from selon.lang.schema import Numbers

Number = int | float

def folded_sizes(sizes: Mapping[str, int]) -> dict[str, int]:
    """Words to whole numbers, with the words folded."""
    return {fold(k): v for k, v in sizes.items()}


def as_number(d: Decimal) -> Number:
    """An int when ``d`` is integral, else a float."""
    if d == d.to_integral_value():
        return int(d)
    return float(d)


@dataclass(frozen=True)
class Reading:
    """What a number expression asserts: bounds (``None`` = open) and how exactly."""

    low: Number | None
    high: Number | None
    qualifier: str  # "exact", "about" or "vague"


class NumberReader:
    """Reads one language's number expressions (see the module docstring)."""

    def __init__(self, numbers: Numbers, lang: str) -> None:
        self.lang = lang
        groups = list(numbers.group_marks)
        self.decimal_mark = numbers.decimal_mark
        self.group_marks = frozenset(groups)
        self.max_digits = numbers.max_digits
        self.number_words = folded(numbers.words)
        self.and_word = fold(numbers.and_word)
        self.and_followers = folded(numbers.and_followers)
        self.indefinite = folded(numbers.indefinite)
        self.partitive = folded(numbers.partitive)
        self.only_words = folded(numbers.only_words)
        self.multipliers = folded_sizes(numbers.multipliers)
        self.approximate = folded_sizes(numbers.approximate)
        self.vague_plurals = folded_sizes(numbers.vague_plurals)
        self.vague_highs = folded_sizes(numbers.vague_highs)
        vague = numbers.vague
        self.vague_determiners = folded(vague.determiners)
        self.bare_plurals = folded(vague.bare_plurals)
        self.measure_nouns = folded(vague.measure_nouns)
        self.measure_determiners = folded(vague.measure_determiners)
        self.measure_low = vague.measure_low
        fractions = numbers.fractions
        self.denominators = folded_sizes(fractions.denominators)
        self.fraction_one = folded(fractions.one)
        self.fraction_articles = folded(fractions.articles)
        self.bare_fractions = folded(fractions.bare)
        self.fraction_of = folded(numbers.fraction_of)
        self.fraction_decimals = fractions.decimals
        self.unit_marks = frozenset(numbers.unit_marks)
        self._digits_re = self._compile_digit_patterns(groups)

    @classmethod
    def for_language(cls, lang: str) -> NumberReader:
        return _reader_for(lang)

    # -- digits -------------------------------------------------------------------------------
    def _compile_digit_patterns(self, groups: Iterable[str]) -> dict[str, re.Pattern[str]]:
        dec = re.escape(self.decimal_mark)
        seps = "".join(re.escape(g) for g in groups) or r"\s"
        return {
            # 260 000 / 260.000 / 50'000, optional decimal part: one group mark throughout.
            "grouped": re.compile(rf"(\d{{1,3}})([{seps}])(\d{{3}}(?:\2\d{{3}})*)(?:{dec}(\d+))?"),
            "plain": re.compile(rf"(\d+)(?:{dec}(\d+))?"),
            # the other convention (1,200.50 / 1.5): accepted when unambiguous
            "other_grouped": re.compile(r"(\d{1,3})(,)(\d{3}(?:,\d{3})*)\.(\d+)"),
            "other_decimal": re.compile(r"(\d+)\.(\d{1,2}|\d{4,})"),
        }

    def thousands(self, text: str) -> tuple[int, int] | None:
        """The leading group and the number of groups after it of a whole number written with
        group marks (``"15 000"`` → (15, 1)), else None."""
        m = self._digits_re["grouped"].fullmatch(text.strip())
        if m is None or m.group(4) is not None:
            return None
        return int(m.group(1)), len(m.group(3).split(m.group(2)))

    def digits(self, text: str) -> Number | None:
        """The value of a number written in digits (``"1.200,50"`` → 1200.5), else None."""
        if not isinstance(text, str):
            raise TypeError("digits() expects a string")
        s = text.strip()
        if not s or len(s) > 4 * self.max_digits:
            return None
        m = self._digits_re["grouped"].fullmatch(s)
        if m and m.group(1).startswith("0"):
            return None  # 0 800 130 000: a phone number
        if m:
            whole = m.group(1) + m.group(3).replace(m.group(2), "")
            return self._decimal(whole, m.group(4))
        m = self._digits_re["plain"].fullmatch(s)
        if m:
            if len(m.group(1)) > 1 and m.group(1).startswith("0") and m.group(2) is None:
                return None  # 06, 007: a code, not a quantity
            return self._decimal(m.group(1), m.group(2))
        m = self._digits_re["other_grouped"].fullmatch(s)
        if m:
            return self._decimal(m.group(1) + m.group(3).replace(",", ""), m.group(4))
        m = self._digits_re["other_decimal"].fullmatch(s)
        if m and self.decimal_mark != ".":
            return self._decimal(m.group(1), m.group(2))
        return None

    def _decimal(self, whole: str, frac: str | None) -> Number | None:
        significant = whole.lstrip("0") + (frac or "").rstrip("0")
        if len(significant) > self.max_digits:
            return None
        try:
            d = Decimal(f"{whole}.{frac}") if frac else Decimal(whole)
        except InvalidOperation:
            return None
        return as_number(d)

    # -- words --------------------------------------------------------------------------------
    def is_number_word(self, word: str) -> bool:
        """A number word or a hyphenated compound of them (« vingt-deux »)."""
        w = fold(word)
        if w in self.number_words:
            return True
        parts = [p for p in w.split("-") if p]
        return len(parts) > 1 and all(p in self.number_words or p == self.and_word for p in parts)

    def words(self, text: str) -> Number | None:
        """The value of a number written in words (« deux cent soixante mille »), else None."""
        if not isinstance(text, str):
            raise TypeError("words() expects a string")
        w = " ".join(fold(text).split())
        if not w or len(w) > 200:
            return None
        if w in self.indefinite:
            return 1
        try:
            value = text2num(w, self.lang)
        except (ValueError, TypeError, IndexError, KeyError, AttributeError):
            return None
        return value if isinstance(value, int) and value >= 0 else None

    # -- whole expressions ----------------------------------------------------------------------
    def value(self, text: str) -> Number | None:
        """The single value of an expression (the low bound, or the high one when open below)."""
        r = self.read(text)
        if r is None:
            return None
        return r.low if r.low is not None else r.high

    def read(self, text: str) -> Reading | None:
        """Read a whole quantity expression: digits, words, multipliers, approximate and vague
        nouns, fractions. Returns None when the text is not a quantity."""
        if not isinstance(text, str):
            raise TypeError("read() expects a string")
        s = text.strip()
        if not s or len(s) > 400:
            return None
        m = re.match(r"\d[\d\s\u00a0\u202f\u2009.,'’]*", s)
        if m:
            run = m.group(0).rstrip(" \u00a0\u202f\u2009.,'’")
            number = self.digits(run)
            rest = s[len(run) :]
            if number is None:
                return None
            if (
                rest
                and not rest[0].isspace()
                and rest[0] not in self.unit_marks
                and rest[0] not in '.,;:!?)»"”'
                and not self.glued_multiplier(rest)
            ):
                return None  # 10^400, 3/4, 12-3, 11h: not a plain quantity
            glued = self.glued_multiplier(rest)
            if glued:
                rest = rest[:glued] + " " + rest[glued:]  # « 4.82bn »: the multiplier as a word
            return self._scaled(number, self._words_of(rest))
        return self.read_words(self._words_of(s))

    def glued_multiplier(self, rest: str) -> int:
        """The length of a multiplier of the pack glued to the digits before ``rest`` (« bn » of
        « 4.82bn », « m » of « 680m »), else 0."""
        k = 0
        while k < len(rest) and rest[k].isalpha():
            k += 1
        return k if k and fold(rest[:k]) in self.multipliers else 0

    def _words_of(self, text: str) -> list[str]:
        out: list[str] = []
        for w in re.findall(r"[^\s']+'?|'", fold(text)):
            out.append(w)
        return out

    def _scaled(self, number: Number, rest: list[str]) -> Reading:
        scale = 1
        for w in rest:
            if w in self.multipliers:
                scale *= self.multipliers[w]
            elif w in self.partitive:
                continue
            else:
                break
        value = as_number(Decimal(str(number)) * scale)
        return Reading(value, value, "exact")

    def read_words(self, words: list[str]) -> Reading | None:
        """Read an expression already split into folded words."""
        if not words:
            return None
        words = [w for w in words if w]
        # vague plurals: « des centaines (de milliers) », « thousands (of) »
        first = 0 if words[0] in self.bare_plurals else 1
        if len(words) > first and (first == 0 or words[0] in self.vague_determiners) and words[first] in self.vague_plurals:
            size = self.vague_plurals[words[first]]
            low, high = 2 * size, self.vague_highs.get(words[first], 10 * size - 1)
            for w in words[first + 1 :]:
                if w in self.partitive:
                    continue
                scale = self.vague_plurals.get(w) or self.multipliers.get(w)
                if not scale:
                    break
                low, high = low * scale, (high + 1) * scale - 1
            return Reading(low, high, "vague")
        if len(words) >= 2 and words[0] in self.measure_determiners and words[1] in self.measure_nouns:
            return Reading(self.measure_low, None, "vague")
        # approximate nouns: « une dizaine », « un millier de … »
        head = words[1:] if words[0] in self.indefinite and len(words) > 1 else words
        if head and head[0] in self.approximate:
            size = self.approximate[head[0]]
            for w in head[1:]:
                if w in self.partitive:
                    continue
                scale = self.multipliers.get(w) or self.vague_plurals.get(w)
                if not scale:
                    break
                size *= scale
            return Reading(size, size, "about")
        # fractions: « la moitié », « les trois quarts »
        fraction = self._fraction(words)
        if fraction is not None:
            return Reading(fraction, fraction, "exact")
        # plain words, possibly with a multiplier: « trois millions », « a million »
        number_part: list[str] = []
        if len(words) > 1 and words[0] in self.indefinite and words[1] in self.multipliers:
            number_part.append(words.pop(0))
        for w in words:
            if self.is_number_word(w) or (w == self.and_word and number_part) or w in self.multipliers:
                number_part.append(w)
            else:
                break
        while number_part and number_part[-1] == self.and_word:
            number_part.pop()
        if not number_part or (
            len(number_part) == 1 and number_part[0] in self.indefinite and len(words) > 1
        ):
            return None  # « une poignée »: an article before a noun is no count by itself
        value: Number | None = self.words(" ".join(number_part))
        if value is None and number_part[-1] in self.multipliers and len(number_part) > 1:
            base = self.words(" ".join(number_part[:-1]))
            value = None if base is None else base * self.multipliers[number_part[-1]]
        if value is None:
            return None
        return Reading(value, value, "exact")

    def _fraction(self, words: list[str]) -> Number | None:
        if words[0] in self.bare_fractions and (len(words) == 1 or words[1] in self.fraction_of):
            return as_number(Decimal(str(round(1 / self.denominators[words[0]], self.fraction_decimals))))
        if len(words) < 2:
            return None
        for i, w in enumerate(words[:3]):
            if w in self.denominators:
                before = words[:i]
                if before and before[-1] in self.fraction_one and len(before) == 1:
                    numerator: Number | None = 1
                else:
                    nums = [b for b in before if b not in self.fraction_articles]
                    numerator = self.words(" ".join(nums)) if nums else None
                if numerator is None or numerator <= 0:
                    return None
                value = round(numerator / self.denominators[w], self.fraction_decimals)
                return as_number(Decimal(str(value)))
        return None


@cache
def _reader_for(lang: str) -> NumberReader:
    pack = load_pack(lang)
    return NumberReader(pack.numbers, pack.code)


def parse_number(text: str, lang: str = "fr") -> Number | None:
    """The value of a number expression in ``lang`` (None when it is not one)."""
    return NumberReader.for_language(lang).value(text)


def read_quantity(text: str, lang: str = "fr") -> Reading | None:
    """Bounds and qualifier of a number expression in ``lang`` (None when it is not one)."""
    return NumberReader.for_language(lang).read(text)
