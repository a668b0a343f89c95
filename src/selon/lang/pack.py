"""Language packs: everything selon knows about one language, as data.

A pack is a folder ``selon/lang/<code>/`` of TOML files merged into one table: ``pack.toml``
names the code, the spaCy model and the detector's names for the language; the other files
hold one layer's data each. :func:`load_pack` checks the whole pack against the schema of
:mod:`selon.lang.schema` (every key required, none unknown, each of its type) and returns a
:class:`LanguagePack` whose attributes are typed tables: the components read
``pack.cues.say`` and never name a language themselves, so adding a language means adding a
pack (and tests), not editing the components.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Union

from selon.errors import LanguagePackError, UnsupportedLanguageError
from selon.lang.schema import (
    AccordingTo,
    Contents,
    Counted,
    Cues,
    Mentions,
    Morphology,
    Names,
    NotFigures,
    Numbers,
    Outcomes,
    Parser,
    Periods,
    Places,
    Qualifiers,
    Quotes,
    Speakers,
    Tokenizer,
    Units,
    Words,
)

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


def fold(text: str) -> str:
    """``text`` as the rules compare words: lower case, every apostrophe made straight."""
    if "’" in text or "ʼ" in text or "`" in text:  # (translate is slow: only when needed)
        text = text.translate(_APOSTROPHES)
    return text.lower()


def _accent_table() -> tuple[str, str]:
    """``(accented, plain)``: the Latin letters with diacritics (Latin-1 and Latin Extended-A,
    both cases) and the lower-case ASCII letter each folds to, position by position."""
    accented, plain = [], []
    for code in range(0xC0, 0x180):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            accented.append(ch)
            plain.append(base.lower())
    for ch, base in zip("ĐđĦħŁłØøŦŧı", "ddhhlloo" + "tti", strict=True):
        accented.append(ch)
        plain.append(base)
    return "".join(accented), "".join(plain)


#: What :func:`fold_search` replaces, and by what (the store gives PostgreSQL the same two
#: strings for ``translate()``, so that every store matches alike).
ACCENTED, UNACCENTED = _accent_table()
_FOLD_ACCENTS = str.maketrans(ACCENTED, UNACCENTED)


def fold_search(text: str) -> str:
    """``text`` with Latin accents taken off and in lower case: ``Défense`` -> ``defense``
    (one table lookup a character: fast enough for every row of a search or an index)."""
    return text.translate(_FOLD_ACCENTS).lower()


def unaccented(text: str) -> str:
    """:func:`fold` without accents of any kind (every combining mark dropped, and the letters
    :func:`fold_search` folds: « Łódź » → « lodz »)."""
    decomposed = unicodedata.normalize("NFD", fold(text))
    return fold_search("".join(c for c in decomposed if not unicodedata.combining(c)))


def folded(words: Iterable[str]) -> frozenset[str]:
    """A word list of the pack as a set of folded words."""
    return frozenset(fold(w) for w in words)


@dataclass(frozen=True, eq=False)
class LanguagePack:
    """One language's data, checked on load. Hashed by identity: :func:`load_pack` returns one
    instance per code, so a pack can key caches of compiled patterns."""

    code: str
    model: str
    detect: Words
    parser: Parser
    morphology: Morphology
    tokenizer: Tokenizer
    quotes: Quotes
    cues: Cues
    according_to: AccordingTo
    mentions: Mentions
    contents: Contents
    speakers: Speakers
    numbers: Numbers
    qualifiers: Qualifiers
    counted: Counted
    not_figures: NotFigures
    outcomes: Outcomes
    units: Units
    places: Places
    periods: Periods
    names: Names

    def singular(self, word: str) -> str:
        """``word`` without a plural ending (a crude singular, for comparing words)."""
        m = self.morphology
        return word[:-1] if len(word) > m.plural_min_length and word.endswith(m.plural_endings) else word


def pack_from_tables(tables: Mapping[str, Any], where: str = "language pack") -> LanguagePack:
    """A :class:`LanguagePack` from TOML-like tables; :class:`LanguagePackError` naming the first
    key that is missing, unknown or of the wrong type."""
    pack = _build(LanguagePack, dict(tables), where)
    assert isinstance(pack, LanguagePack)
    return pack


@cache
def load_pack(code: str) -> LanguagePack:
    """Load the pack for ``code`` (e.g. ``"fr"``); raise if selon has none or it is malformed."""
    if not isinstance(code, str) or not code.isalpha() or code not in supported_languages():
        raise UnsupportedLanguageError(
            f"no language pack for {code!r}; supported: {', '.join(supported_languages())}"
        )
    folder = resources.files("selon.lang").joinpath(code)
    tables: dict[str, Any] = {}
    for f in sorted(folder.iterdir(), key=lambda p: (p.name != "pack.toml", p.name)):
        if f.name.endswith(".toml"):
            for key, value in tomllib.loads(f.read_text(encoding="utf-8")).items():
                if key in tables:
                    raise LanguagePackError(f"language pack {code}: [{key}] is defined twice ({f.name})")
                tables[key] = value
    return pack_from_tables(tables, f"language pack {code}")


def supported_languages() -> list[str]:
    root = resources.files("selon.lang")
    return sorted(p.name for p in root.iterdir() if p.joinpath("pack.toml").is_file())


# -- checking TOML against the schema ------------------------------------------------------------
@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(tp: Any, value: Any, where: str) -> Any:
    """``value`` (read from TOML) as an instance of the type ``tp``."""
    origin = typing.get_origin(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _build_table(tp, value, where)
    if origin is tuple:
        return _build_tuple(typing.get_args(tp), value, where)
    if origin is dict:
        key_tp, value_tp = typing.get_args(tp)
        _expect(isinstance(value, dict), where, "a table")
        return {_build(key_tp, k, where): _build(value_tp, v, f"{where}.{k}") for k, v in value.items()}
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        _expect(value in allowed, where, "one of " + ", ".join(repr(a) for a in allowed) + f" (not {value!r:.40})")
        return value
    if origin in (Union, types.UnionType):
        for option in typing.get_args(tp):
            try:
                return _build(option, value, where)
            except LanguagePackError:
                continue
    elif type(value) is tp:
        return value
    raise LanguagePackError(f"{where} must be {_type_name(tp)}, not {_type_name(type(value))} ({value!r:.40})")


def _build_table(cls: type, value: Any, where: str) -> Any:
    _expect(isinstance(value, dict), where, "a table")
    names = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted(set(value) - set(names))
    if unknown:
        raise LanguagePackError(f"{where}: unknown key {unknown[0]!r} (a misspelling? known keys: {', '.join(names)})")
    missing = [n for n in names if n not in value]
    if missing:
        raise LanguagePackError(f"{where}: missing key {missing[0]!r}")
    hints = _hints(cls)
    return cls(**{n: _build(hints[n], value[n], f"{where}.{n}") for n in names})


def _build_tuple(args: tuple[Any, ...], value: Any, where: str) -> tuple[Any, ...]:
    _expect(isinstance(value, list), where, "a list")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_build(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
    _expect(len(value) == len(args), where, f"a list of {len(args)} items")
    return tuple(_build(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, value, strict=True)))


def _expect(ok: bool, where: str, what: str) -> None:
    if not ok:
        raise LanguagePackError(f"{where} must be {what}")


def _type_name(tp: Any) -> str:
    return {str: "a string", int: "an integer", bool: "true or false", float: "a number",
            list: "a list", dict: "a table"}.get(tp, getattr(tp, "__name__", str(tp)))
