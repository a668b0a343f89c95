"""The keys a corpus matches names under: :func:`fold_search` (accents and case off, for
searches) and :func:`source_key` (what a source name is stored with, see
:mod:`selon.store.sources`)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from selon.lang.pack import fold, load_pack, supported_languages

_DOTS = re.compile(r"\.")
_NOT_WORD = re.compile(r"[\W_]+")


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


#: What :func:`fold_search` replaces, and by what (PostgreSQL gets the same two strings for
#: ``translate()``, so that both stores match alike).
ACCENTED, UNACCENTED = _accent_table()
_FOLD = str.maketrans(ACCENTED, UNACCENTED)


def fold_search(text: str) -> str:
    """``text`` with Latin accents taken off and in lower case: ``Défense`` -> ``defense``.
    Searches compare folded texts (:func:`selon.store.queries.contains`)."""
    return text.translate(_FOLD).lower()


@cache
def _pack_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(determiners, elided determiners, particles)`` of every language pack, folded."""
    determiners: set[str] = set()
    particles: set[str] = set()
    for lang in supported_languages():
        names = load_pack(lang).names
        determiners.update(fold(w) for w in names.determiners)
        particles.update(fold(w) for w in names.acronym_skip)
    elided = frozenset(d for d in determiners if d.endswith("'"))
    return frozenset(determiners - elided), elided, frozenset(particles)


def _plain(text: str) -> str:
    """``text`` in lower case without its accents (any letter with combining marks, and the
    letters :func:`fold_search` folds: « Łódź » → « lodz »), apostrophes straight."""
    decomposed = unicodedata.normalize("NFD", fold(text))
    return fold_search("".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=8192)  # a corpus names the same sources again and again
def source_key(name: str | None) -> str | None:
    """The key a source name is stored and matched under (None for no name or no letters):
    case and Latin accents folded, a leading determiner or elided article of the language
    packs (``[names].determiners``) dropped, dots dropped and other punctuation made spaces.
    « l'ONU », « ONU », « Onu » and « O.N.U. » are ``onu``; « la Croix-Rouge » ``croix rouge``."""
    if name is None:
        return None
    text = _plain(name).strip()
    determiners, elided, _ = _pack_words()
    for d in elided:  # « l'ONU », « L’Onu »
        if text.startswith(d) and len(text) > len(d):
            text = text[len(d) :]
            break
    else:
        first, _, rest = text.partition(" ")
        if first in determiners and rest.strip():
            text = rest
    text = _NOT_WORD.sub(" ", _DOTS.sub("", text))
    return " ".join(text.split()) or None


def linking_words() -> frozenset[str]:
    """The packs' determiners and particles as words of a key (« l' » is ``l``): a name after
    one of them in a longer name is its complement (« Mission de l'ONU »), not a family name."""
    determiners, elided, particles = _pack_words()
    return frozenset(k for w in (*determiners, *elided, *particles) for k in _NOT_WORD.sub(" ", _plain(w)).split())


def is_proper_name(spelling: str) -> bool:
    """Every word of ``spelling`` starts with a capital, but the packs' particles (« de »,
    « d' » …) before its last word: « Elio Di Rupo », « de Gaulle », « Charles de Gaulle »;
    not « le gouverneur Hammadi »."""
    _, _, particles = _pack_words()
    words = spelling.replace("\u2019", "'").split()
    if not words:
        return False
    for i, w in enumerate(words):
        if w[:1].isupper():
            continue
        if i < len(words) - 1 and fold(w) in particles:  # « de Gaulle », « Charles de Gaulle »
            continue
        head, mark, tail = w.partition("'")
        if mark and fold(head + mark) in particles and tail[:1].isupper():
            continue
        return False
    return True



__all__ = ["ACCENTED", "UNACCENTED", "fold_search", "is_proper_name", "linking_words", "source_key"]
