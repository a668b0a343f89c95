"""The keys a corpus matches names under: :func:`~selon.lang.pack.fold_search` (accents and
case off, for searches; re-exported here with its ``ACCENTED``/``UNACCENTED`` table) and :func:`source_key` (what a source name is stored with, see
:mod:`selon.store.sources`)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from selon.lang.pack import (
    ACCENTED,
    UNACCENTED,
    fold,
    fold_search,
    load_pack,
    supported_languages,
    unaccented,
)

_DOTS = re.compile(r"\.")
_NOT_WORD = re.compile(r"[\W_]+")


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


@lru_cache(maxsize=8192)  # a corpus names the same sources again and again
def source_key(name: str | None) -> str | None:
    """The key a source name is stored and matched under (None for no name or no letters):
    case and Latin accents folded, a leading determiner or elided article of the language
    packs (``[names].determiners``) dropped, dots dropped and other punctuation made spaces.
    « l'ONU », « ONU », « Onu » and « O.N.U. » are ``onu``; « la Croix-Rouge » ``croix rouge``."""
    if name is None:
        return None
    text = unaccented(name).strip()
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
    return frozenset(k for w in (*determiners, *elided, *particles) for k in _NOT_WORD.sub(" ", unaccented(w)).split())


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
