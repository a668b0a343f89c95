"""One name per source within an article.

The speaker rules name a source as the sentence does; an article may name the same source
several ways. :func:`unify_names` gives each the one name a reader would use:

- an acronym the article spells out in brackets takes its long form: « l'Organisation
  internationale pour les migrations (OIM) » makes a later « l'OIM » the *Organisation
  internationale pour les migrations*;
- names that differ only in case and accents are one (« l'Onu » = « ONU »): the form in
  capitals when there is one, else the first;
- a family name alone takes the full name when exactly one full name of the article ends
  with it (« Di Rupo » → « Elio Di Rupo »).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from functools import cache

from selon.lang.pack import LanguagePack, fold, folded, unaccented
from selon.models import Statement

#: « LONG FORM (ACRONYM) »: an acronym in brackets; its long form is among the (at most
#: eight) words before it.
_ACRONYM = re.compile(r"\((\w{2,10})\)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LONG_FORM_WORDS = 8


@cache
def _words(pack: LanguagePack) -> tuple[frozenset[str], frozenset[str]]:
    return folded(pack.names.acronym_skip), folded(pack.names.determiners)


def spelled_out(text: str, pack: LanguagePack) -> dict[str, str]:
    """The acronyms ``text`` spells out in brackets, each with its long form."""
    skip, determiners = _words(pack)
    out: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1)
        if not acronym.isupper():
            continue
        before = text[max(0, m.start() - 160) : m.start()].split()[-_LONG_FORM_WORDS:]
        # the words right before the bracket, stopping at anything that is not a word
        words: list[str] = []
        for w in reversed(before):
            if not _WORD.fullmatch(w):
                break
            words.insert(0, w)
        for k in range(len(words)):  # the shortest tail of the words whose initials make it
            tail = words[len(words) - 1 - k :]
            initials = "".join(_initial(w, skip) for w in tail)
            if unaccented(initials) == unaccented(acronym):
                long_form = _without_determiner(tail, determiners)
                if long_form[:1].isupper():
                    out[acronym] = long_form
                break
    return out


def _initial(word: str, skip: frozenset[str]) -> str:
    """The letter a word gives an acronym: none for a word it skips, the letter after an elided
    article (« l'Organisation » gives O)."""
    plain = fold(word).replace("’", "'")
    if plain in skip:
        return ""
    head, mark, tail = plain.partition("'")
    return tail[:1] if mark and tail and head + "'" in skip else plain[:1]


def _without_determiner(words: list[str], determiners: frozenset[str]) -> str:
    """The words as a name: a leading determiner dropped, an elided one (« l'Organisation »)
    cut off its word."""
    first, rest = words[0], words[1:]
    if fold(first) in determiners and rest:
        return " ".join(rest)
    for mark in ("'", "’"):
        head, _, tail = first.partition(mark)
        if tail and fold(head + "'") in determiners:
            return " ".join([tail, *rest])
    return " ".join(words)


def canonical_names(names: Iterable[str], text: str, pack: LanguagePack) -> dict[str, str]:
    """Each of ``names`` (as the speaker rules gave them) with the one name it gets."""
    names = list(dict.fromkeys(n for n in names if n))
    long_forms = spelled_out(text, pack)
    out: dict[str, str] = {}
    # case and accents: one form, the one in capitals where there is one, else the first
    forms: dict[str, str] = {}
    for name in names:
        key = unaccented(name)
        if key not in forms or (name.isupper() and not forms[key].isupper()):
            forms[key] = name
    for name in names:
        out[name] = forms[unaccented(name)]
    # acronyms spelt out in the article
    bare_long = {unaccented(a): long for a, long in long_forms.items()}
    for name, now in out.items():
        if unaccented(now) in bare_long:
            out[name] = bare_long[unaccented(now)]
    # a family name alone: the one full name that ends with it
    full = set(out.values())
    for name, now in out.items():
        if not all(w[:1].isupper() for w in now.split()):
            continue
        ends = [f for f in full if f[:1].isupper() and unaccented(f).endswith(" " + unaccented(now))]
        if len(ends) == 1:
            out[name] = ends[0]
    return out


def unify_names(statements: Sequence[Statement], text: str, pack: LanguagePack) -> list[Statement]:
    """``statements`` with one name per source (see the module's docstring)."""
    names = [s.speaker.name for s in statements if s.speaker is not None and s.speaker.name]
    vias = [s.via for s in statements if s.via]
    mapping = canonical_names([*names, *vias], text, pack)
    out: list[Statement] = []
    for s in statements:
        speaker = s.speaker
        if speaker is not None and speaker.name and mapping.get(speaker.name, speaker.name) != speaker.name:
            speaker = dataclasses.replace(speaker, name=mapping[speaker.name])
        via = mapping.get(s.via, s.via) if s.via else s.via
        out.append(s if speaker is s.speaker and via == s.via else dataclasses.replace(s, speaker=speaker, via=via))
    return out
