"""The people and organisations an article names, and when each was mentioned.

An :class:`Entity` is one source (a person, an organisation, or a description nobody could be
matched to). :class:`Discourse` is what the speaker rules know of one article: its entities,
and the timeline of their mentions in text order, each marked when it was a subject (subjects
are salient: the subject pronouns that follow go back to them). The seeding rules
(:mod:`selon.extract.speakers.seeding`) fill it before any speaker is resolved; resolving a
speaker (:mod:`selon.extract.speakers.resolve`) adds the mention it resolved.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from selon.extract.speakers.lexicon import SpeakerLexicon

SUBJECT_DEPS = ("nsubj", "nsubj:pass")


@dataclass
class Entity:
    name: str
    kind: str  # PER | ORG | DESC
    gender: str | None = None
    number: str | None = None
    roles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    relayed_by: str | None = None  # who relays this source's next words (« X a rappelé les propos de Y »)
    relay_until: int = -1  # character offset where the relay ends


def agrees(e: Entity, gender: str | None, number: str | None) -> bool:
    """Whether ``e`` may be referred to with ``gender`` and ``number`` (unknown agrees with all)."""
    if gender and e.gender and e.gender != gender:
        return False
    return not (number and e.number and e.number != number)


def without_possessive_endings(ents: list[Span]) -> list[Span]:
    """The entities, each cut before a possessive ending the NER ran over ("Mr Macron's last
    address": the person is "Macron", the ending, a particle the parse makes a case marker,
    marks the possessor)."""
    out = []
    for e in ents:
        cut = next((t.i for t in e if t.i > e.start and t.pos_ == "PART" and t.dep_ == "case"), None)
        out.append(e if cut is None else Span(e.doc, e.start, cut, label=e.label_))
    return out


def without_false_persons(ents: list[Span], titles: frozenset[str]) -> list[Span]:
    """The entities less the one-word "persons" that are none ("after Brexit", "Brexit is …"):
    a word the NER tags as a person in one place and as something else (a place, an
    organisation) in another, that the article never gives a first name or a title (a person
    name that ends with it, or a title right before it)."""
    others = {e.text for e in ents if e.label_ != "PER"}
    single = {e.text for e in ents if e.label_ == "PER" and len(e) == 1 and e.text in others}
    if not single:
        return ents
    doc = ents[0].doc
    for e in ents:
        if e.label_ != "PER":
            continue
        if len(e) > 1 or e.start > 0 and doc[e.start - 1].text.lower() in titles:
            single.discard(e[-1].text)
    return [e for e in ents if not (e.label_ == "PER" and len(e) == 1 and e.text in single)]


class Discourse:
    """One article's entities and the timeline of their mentions."""

    def __init__(self, doc: Doc, lex: SpeakerLexicon) -> None:
        self.doc = doc
        # Doc.ents builds a new tuple on every access
        self.ents: list[Span] = without_false_persons(without_possessive_endings(list(doc.ents)), lex.titles)
        self.lex = lex
        self.entities: list[Entity] = []
        # mentions in text order: (char, entity, as subject), with their offsets for bisection
        self.timeline: list[tuple[int, Entity, bool]] = []
        self._chars: list[int] = []
        self.last_source: Entity | None = None
        # the sources resolved so far, where their mention starts (character offsets, in text order)
        self.sources: list[tuple[int, Entity]] = []
        # the reported words (statement contents, character ranges, in text order): a subject
        # inside them is the source's topic, not the article's (« X a dit que Y … Il a ajouté »)
        self.reported: list[tuple[int, int]] = []

    # -- the entities --------------------------------------------------------------------------
    def find(self, name: str) -> Entity | None:
        """The entity called ``name`` or aliased so; else a person whose name ends with it
        (« Castaner » for « Christophe Castaner »), the last introduced, not a joint one."""
        norm = self.lex.norm
        n = norm(name)
        if not n:
            return None
        for e in self.entities:
            if n == norm(e.name) or n in {norm(a) for a in e.aliases}:
                return e
        words = n.split()
        joint = f" {self.lex.conjunction} "
        for e in reversed(self.entities):
            if joint in f" {norm(e.name)} ":
                continue  # « Dupont » is no joint speaker « Martin et Dupont »
            if e.kind == "PER" and len(words) <= 2 and " ".join(norm(e.name).split()[-len(words):]) == n:
                return e
        return None

    def register(self, name: str, kind: str, gender: str | None = None, number: str | None = None,
                 role: str | None = None, alias: str | None = None) -> Entity:
        """The entity ``name`` (or ``alias``) stands for, introduced when new; a longer name of
        a known person becomes its name, and what is learnt (gender, number, role, alias) is kept."""
        norm = self.lex.norm
        e = self.find(name) or (self.find(alias) if alias else None)
        if e is None:
            e = Entity(name=name, kind=kind, gender=gender, number=number)
            self.entities.append(e)
        else:
            if len(name) > len(e.name) and kind == "PER" and e.kind == "PER" and norm(e.name) in norm(name):
                e.aliases.add(e.name)
                e.name = name
            e.gender = e.gender or gender
            e.number = e.number or number
        if role:
            e.roles.add(role)
        if alias and norm(alias) != norm(e.name):
            e.aliases.add(alias)
        return e

    def add_source(self, char: int, e: Entity) -> None:
        """Record that ``e`` is the source of a statement whose mention starts at ``char``."""
        self.last_source = e
        bisect.insort(self.sources, (char, e), key=lambda x: x[0])

    def source_before(self, char: int) -> Entity | None:
        """The source of the last statement whose mention starts before ``char``, else the last
        source resolved."""
        k = bisect.bisect_left(self.sources, char, key=lambda x: x[0])
        return self.sources[k - 1][1] if k > 0 else self.last_source

    def in_reported(self, char: int) -> bool:
        """Whether ``char`` falls inside the words a statement reports."""
        k = bisect.bisect_right(self.reported, (char, 1 << 62)) - 1
        return any(a <= char < b for a, b in self.reported[max(0, k - 3) : k + 1])

    # -- the timeline --------------------------------------------------------------------------
    def add(self, char: int, e: Entity, as_subject: bool) -> None:
        """Record a mention of ``e`` at ``char``."""
        k = bisect.bisect_right(self._chars, char)
        self._chars.insert(k, char)
        self.timeline.insert(k, (char, e, as_subject))

    def before(self, char: int) -> Iterator[tuple[int, Entity, bool]]:
        """Mentions before ``char``, the most recent first."""
        for k in range(bisect.bisect_left(self._chars, char) - 1, -1, -1):
            yield self.timeline[k]

    def recent(self, before: int, gender: str | None, number: str | None, *, subject: bool,
               exclude_sentence_of: int | None = None) -> Entity | None:
        """The most recent entity mentioned before ``before`` that agrees with the pronoun;
        one whose gender is known to agree beats one whose gender is unknown."""
        if gender:
            known = self.latest(before, gender, number, subject, exclude_sentence_of, strict=True)
            if known is not None:
                return known
        return self.latest(before, gender, number, subject, exclude_sentence_of, strict=False)

    def latest(self, before: int, gender: str | None, number: str | None, subject: bool,
               exclude_sentence_of: int | None, strict: bool) -> Entity | None:
        """The most recent agreeing entity, mentioned before ``before`` (or before the sentence
        starting at ``exclude_sentence_of``); ``subject``: only mentions as subject, and not a
        source relayed by a known entity; ``strict``: of the very gender (or a person of
        unknown gender)."""
        norm = self.lex.norm
        relayers = {norm(x.name) for x in self.entities}
        for _char, e, as_subj in self.before(exclude_sentence_of if exclude_sentence_of is not None else before):
            if subject and not as_subj:
                continue
            if not agrees(e, gender, number) or strict and e.gender != gender and not (
                e.gender is None and e.kind == "PER"
            ):
                continue
            if subject and e.relayed_by and norm(e.relayed_by) in relayers:
                continue  # a relayed source is not the topic: the relayer is
            return e
        return None
