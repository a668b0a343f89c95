"""The place a figure's count applies to.

A place is a place entity of the model (« Mossoul », « al-Jadida »), or a named place noun
(« le quartier al-Jadida »), widened to the left over a place noun or a part of a place and its
adjectives (« la partie occidentale de Mossoul »). A figure's place is the one of its clause:
in its sentence, not in the words that attribute it (« Selon le gouverneur de la région de
Mossoul, … »), not past a word that opens another clause, after the figure before before it,
nearest first. With none there, it is the place the article is about: its dateline's, else the
place its opening names that the article names most.

A name headed by a region noun (« l'oblast de Kherson », "the Kharkiv region") is a region: its
``name`` the region's, its ``country`` its country, no ``city`` (so compare groups it at country
level, :func:`selon.store.grouping.place_key`); so is a name the gazetteer knows only as a region
(« en Bavière ») or the pack's ``[places.regions]`` lists (« le Donbass »).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from selon.extract.scope.gazetteer import Known, gazetteer, name_key
from selon.lang.pack import LanguagePack, fold, folded
from selon.models import Place


@dataclass(frozen=True)
class PlaceWords:
    """The pack's ``[places]`` words, compiled once per pack."""

    labels: frozenset[str]
    known_labels: frozenset[str]
    nouns: frozenset[str]
    parts: frozenset[str]
    within_city: frozenset[str]
    links: frozenset[str]
    determiners: frozenset[str]
    clause_openers: frozenset[str]
    not_places: frozenset[str]
    dateline: re.Pattern[str]
    languages: tuple[str, ...]
    opening_chars: int
    region_nouns: frozenset[str]
    regions: dict[str, Known]
    names_in: str


@cache
def place_words(pack: LanguagePack) -> PlaceWords:
    p = pack.places
    agencies = "|".join(re.escape(a) for a in sorted(p.agencies, key=len, reverse=True))
    # « MOSSOUL (AFP) - », « Kiev, 3 mars (Belga) – »: a name in capitals or a capitalised name
    # before the agency in brackets, at the very start of the article or of a paragraph; or a name
    # all in capitals before a dash (« LONDON — »)
    dateline = re.compile(
        rf"(?m)^\s*(?:([^\W\d_][\w'’ .-]{{1,40}}?)\s*(?:,[^(\n]{{0,30}})?\((?:{agencies})\)"
        rf"|([A-Z\u00c0-\u00dd][A-Z\u00c0-\u00dd'’ .-]{{1,40}}?)\s*(?:,[^—–\n]{{0,30}})?\s[—–]\s)"
    )
    return PlaceWords(
        labels=frozenset(p.entity_labels),
        known_labels=frozenset(p.gazetteer_labels),
        nouns=folded(p.nouns),
        parts=folded(p.parts),
        within_city=folded(p.within_city),
        links=folded(p.links),
        determiners=folded(p.determiners),
        clause_openers=folded(p.clause_openers),
        not_places=folded(p.not_places),
        dateline=dateline,
        languages=tuple(p.gazetteer_languages),
        opening_chars=p.opening_chars,
        region_nouns=folded(p.region_nouns),
        names_in=p.region_names_in,
        regions={
            name_key(written): Known(name, country, city=False, region=True)
            for name, (country, *names) in p.regions.items()
            for written in (name, *names)
        },
    )


@dataclass(frozen=True)
class Mention:
    """A place mention: its tokens ``[start, end)``, the tokens of its proper name, and whether
    the name is the place's own (« quartier al-Jadida », « Mossoul ») or the place it is part of
    (« partie occidentale de Mossoul »)."""

    start: int
    end: int
    name_start: int
    name_end: int
    part_of: bool = False
    noun_after: bool = False  # the place noun follows the name (« the al-Jadida district »)


def place_mentions(doc: Doc, words: PlaceWords) -> list[Mention]:
    """Every place mention of ``doc``, in text order."""
    out: list[Mention] = []
    taken = -1
    for ent in doc.ents:
        if _is_place(doc, ent, words) and fold(ent.text) not in words.not_places:
            start = ent.start
            while start < ent.end - 1 and fold(doc[start].text) in words.determiners:
                start += 1  # « La France », « l'Italie »: the name without its article
            out.append(_widen(doc, start, ent.end, words))
            taken = ent.end
    for tok in doc:
        # a place noun before a proper name the model did not tag (« le quartier al-Jadida »)
        if tok.i >= taken and fold(tok.text) in words.nouns and tok.i + 1 < len(doc):
            nxt = doc[tok.i + 1]
            if nxt.pos_ == "PROPN" and not nxt.ent_type_:
                end = nxt.i + 1
                while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
                    end += 1
                out.append(Mention(tok.i, end, nxt.i, end))
    return sorted(set(out), key=lambda m: (m.start, -m.end))  # at one start, the longest first


def _is_place(doc: Doc, ent: Span, words: PlaceWords) -> bool:
    """A place entity of the model, or an entity of another label the pack lists that a place
    noun follows or that the gazetteer knows (« the al-Nasr district » tagged PERSON, « Erbil »
    tagged ORG by a small model)."""
    if ent.label_ in words.labels:
        return True
    if ent.label_ not in words.known_labels:
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    if (after is not None and fold(after.text) in words.nouns) or (len(ent) > 1 and fold(ent[-1].text) in words.nouns):
        return True  # « the al-Nasr district », "Kherson Oblast" (tagged ORG)
    return gazetteer(words.languages, words.names_in).lookup(ent.text) is not None


def _widen(doc: Doc, start: int, end: int, words: PlaceWords) -> Mention:
    """The entity ``[start, end)`` with the place noun or part before it: « quartier X »,
    « ville de X », « quartier de la X », « partie occidentale de X »; or the place noun right
    after it (« the al-Jadida district »)."""
    if end - start > 1 and fold(doc[start].text) in words.nouns | words.parts:
        name = start + 1  # the model's entity holds the noun (« province de Flandre-Orientale »)
        while name < end - 1 and fold(doc[name].text) in words.links | words.determiners:
            name += 1
        return Mention(start, end, name, end)
    if end - start > 1 and fold(doc[end - 1].text) in words.nouns:
        return Mention(start, end, start, end - 1, noun_after=True)  # … and the noun after the name
    if end < len(doc) and fold(doc[end].text) in words.nouns and not _noun_before(doc, start, words):
        return Mention(start, end + 1, start, end, noun_after=True)
    i = _skip_determiner(doc, start - 1, words)
    if i >= 0 and fold(doc[i].text) in words.nouns:
        return Mention(i, end, start, end)
    if i >= 0 and fold(doc[i].text) in words.links:
        i = _skip_determiner(doc, i - 1, words)
        while i >= 0 and doc[i].pos_ == "ADJ":
            i -= 1
        if i >= 0 and fold(doc[i].text) in words.nouns:
            return Mention(i, end, start, end)  # « la ville de Kharkiv »: Kharkiv itself
        if i >= 0 and fold(doc[i].text) in words.parts:
            return Mention(i, end, start, end, part_of=True)
    return Mention(start, end, start, end)


def _noun_before(doc: Doc, start: int, words: PlaceWords) -> bool:
    """A place noun (and link) right before ``start``: the noun heads the name (« ville de X »)."""
    i = _skip_determiner(doc, start - 1, words)
    if i >= 0 and fold(doc[i].text) in words.links:
        i = _skip_determiner(doc, i - 1, words)
    return i >= 0 and fold(doc[i].text) in words.nouns


def _skip_determiner(doc: Doc, i: int, words: PlaceWords) -> int:
    return i - 1 if i >= 0 and fold(doc[i].text) in words.determiners else i


def _clause_broken(doc: Doc, a: int, b: int, words: PlaceWords) -> bool:
    """Whether a word between tokens ``a`` and ``b`` opens another clause."""
    return any(fold(doc[i].text) in words.clause_openers for i in range(min(a, b) + 1, max(a, b)))


def _choose(doc: Doc, figure: Span, sent: Span, mentions: Sequence[Mention], words: PlaceWords,
            barred: Sequence[tuple[int, int]]) -> Mention | None:
    best: tuple[int, int, Mention] | None = None
    for m in mentions:
        if m.start < sent.start or m.end > sent.end:
            continue
        if any(m.start < b_end and b_start < m.end for b_start, b_end in barred):
            continue
        if _clause_broken(doc, figure.start, m.start, words):
            continue
        after = m.start >= figure.start
        distance = m.start - figure.end if after else figure.start - m.end
        rank = (0 if after else 1, distance)
        if best is None or rank < best[:2]:
            best = (*rank, m)
    return best[2] if best else None


def main_place(doc: Doc, mentions: Sequence[Mention], words: PlaceWords) -> Mention | None:
    """The place the article is about: its dateline's, else of the places its opening names,
    the one the article names most (the first on a tie)."""
    m = words.dateline.match(doc.text)
    g = 1 if m and m.group(1) else 2
    if m and m.group(g)[0].isupper():
        span = doc.char_span(m.start(g), m.end(g), alignment_mode="expand")
        if span is not None:
            return Mention(span.start, span.end, span.start, span.end)
    opening = [x for x in mentions if doc[x.start].idx < words.opening_chars]
    if not opening:
        return None
    counts = Counter(_name_of(doc, x) for x in mentions)
    return max(opening, key=lambda x: (counts[_name_of(doc, x)], -x.start))


def _name_of(doc: Doc, m: Mention) -> str:
    return fold(doc[m.name_start : m.name_end].text)


def to_place(doc: Doc, m: Mention, words: PlaceWords, main: Place | None) -> Place:
    """The :class:`Place` of a mention, its name looked up in the gazetteer. A named place
    inside a city (« le quartier al-Jadida ») is not looked up (a district's name may be some
    other country's city): it lies in the article's main city."""
    span = doc[m.start : m.end]
    name = doc[m.name_start : m.name_end].text
    if name.isupper() and len(name) > 3:
        name = name.title()  # a dateline's capitals (« KESSARIA ») are not the name's spelling
    head = doc[m.end - 1] if m.noun_after else doc[m.start]
    district = not m.part_of and (m.start < m.name_start or m.noun_after) and fold(head.text) in words.within_city
    if district:
        if main is not None and main.city is not None:
            return Place(span.text, span.start_char, span.end_char, name, main.country, main.city)
        return Place(span.text, span.start_char, span.end_char, name)
    region = not m.part_of and (m.start < m.name_start or m.noun_after) and fold(head.text) in words.region_nouns
    near = main.country if main is not None else None
    known: Known | None = words.regions.get(name_key(name)) or gazetteer(words.languages, words.names_in).lookup(
        name, region=region, near=near
    )
    if known is None:
        return Place(span.text, span.start_char, span.end_char, name)
    city = known.name if known.city else None
    return Place(span.text, span.start_char, span.end_char, known.name, known.country, city)


class Places:
    """The places of one document: its mentions and main place, read once."""

    def __init__(self, doc: Doc, pack: LanguagePack) -> None:
        self.doc = doc
        self.words = place_words(pack)
        self.mentions = place_mentions(doc, self.words)
        main = main_place(doc, self.mentions, self.words)
        self.main = to_place(doc, main, self.words, None) if main is not None else None

    def of(self, start: int, end: int, barred: Sequence[tuple[int, int]]) -> Place | None:
        """The place of the figure at characters ``[start, end)``; ``barred`` are the character
        spans that attribute it (a place there is the source's, not the count's)."""
        doc = self.doc
        figure = doc.char_span(start, end, alignment_mode="expand")
        if figure is None or len(figure) == 0:
            return self.main
        barred_tokens = []
        for b_start, b_end in barred:
            span = doc.char_span(b_start, b_end, alignment_mode="expand")
            if span is not None:
                barred_tokens.append((span.start, span.end))
        chosen = _choose(doc, figure, figure[0].sent, self.mentions, self.words, barred_tokens)
        if chosen is None:
            return self.main
        return to_place(doc, chosen, self.words, self.main)
